// Runtime parameters (vhost-limits, federation upstreams, shovels, ...) and
// global parameters, kept so that definitions round-trip. The embedded
// broker stores them and exports them unchanged; it does not act on them
// (no vhost limits, federation or shovels are implemented). With a data dir
// they are kept in definitions.json like the rest.

export interface Parameter {
  readonly vhost: string;
  readonly component: string;
  readonly name: string;
  readonly value: unknown;
}

export interface GlobalParameter {
  readonly name: string;
  readonly value: unknown;
}

export class ParameterStore {
  private readonly params = new Map<string, Parameter>();
  private readonly globals = new Map<string, GlobalParameter>();
  /** Called after any parameter changed, so the data dir can keep them (electron/broker/store). */
  onChange: (() => void) | null = null;

  list(vhost?: string): Parameter[] {
    return [...this.params.values()].filter((p) => vhost === undefined || p.vhost === vhost);
  }

  get(vhost: string, component: string, name: string): Parameter | undefined {
    return this.params.get(`${vhost}\u0000${component}\u0000${name}`);
  }

  put(p: Parameter): void {
    this.params.set(`${p.vhost}\u0000${p.component}\u0000${p.name}`, p);
    this.onChange?.();
  }

  delete(vhost: string, component: string, name: string): boolean {
    const deleted = this.params.delete(`${vhost}\u0000${component}\u0000${name}`);
    if (deleted) this.onChange?.();
    return deleted;
  }

  deleteVhost(vhost: string): void {
    for (const p of this.list(vhost)) this.delete(p.vhost, p.component, p.name);
  }

  globalList(): GlobalParameter[] {
    return [...this.globals.values()];
  }

  getGlobal(name: string): GlobalParameter | undefined {
    return this.globals.get(name);
  }

  putGlobal(p: GlobalParameter): void {
    this.globals.set(p.name, p);
    this.onChange?.();
  }

  deleteGlobal(name: string): boolean {
    const deleted = this.globals.delete(name);
    if (deleted) this.onChange?.();
    return deleted;
  }
}
