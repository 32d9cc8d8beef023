/** Scope keys (historyScopeKey) to the small integer ids the tiers index by; ids are never reused. */
export class ScopeRegistry {
  readonly keys: string[] = [];
  private readonly ids = new Map<string, number>();

  constructor(keys: readonly string[] = []) {
    for (const key of keys) this.idOf(key);
  }

  idOf(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.keys.push(key);
      this.ids.set(key, id);
    }
    return id;
  }

  find(key: string): number | undefined {
    return this.ids.get(key);
  }

  get size(): number {
    return this.keys.length;
  }
}
