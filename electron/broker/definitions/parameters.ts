// Runtime parameters (vhost-limits, federation upstreams, shovels, ...) and
// global parameters, kept so that definitions round-trip. The embedded
// broker stores them and exports them unchanged; it does not act on them
// (no vhost limits, federation or shovels are implemented).

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

  list(vhost?: string): Parameter[] {
    return [...this.params.values()].filter((p) => vhost === undefined || p.vhost === vhost);
  }

  get(vhost: string, component: string, name: string): Parameter | undefined {
    return this.params.get(`${vhost}\u0000${component}\u0000${name}`);
  }

  put(p: Parameter): void {
    this.params.set(`${p.vhost}\u0000${p.component}\u0000${p.name}`, p);
  }

  delete(vhost: string, component: string, name: string): boolean {
    return this.params.delete(`${vhost}\u0000${component}\u0000${name}`);
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
  }

  deleteGlobal(name: string): boolean {
    return this.globals.delete(name);
  }
}
