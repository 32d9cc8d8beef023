// RabbitMQ's information units (rabbit_resource_monitor_misc:parse_information_unit),
// as accepted by disk_free_limit, vm_memory_high_watermark.absolute and our
// size flags: a whole number, optionally followed by k/K/kiB/KiB/KIB/kib (1024),
// m/M/MiB/MIB/mib (1024^2), g/G/GiB/GIB/gib (1024^3), kB/KB/kb/Kb (1000),
// MB/mb/Mb (1000^2) or GB/gb/Gb (1000^3).

const MULTIPLIERS: Record<string, number> = {
  '': 1,
  k: 1024, K: 1024, kiB: 1024, KiB: 1024, KIB: 1024, kib: 1024,
  m: 1024 ** 2, M: 1024 ** 2, MiB: 1024 ** 2, MIB: 1024 ** 2, mib: 1024 ** 2,
  g: 1024 ** 3, G: 1024 ** 3, GiB: 1024 ** 3, GIB: 1024 ** 3, gib: 1024 ** 3,
  KB: 1000, kB: 1000, kb: 1000, Kb: 1000,
  MB: 1000 ** 2, mb: 1000 ** 2, Mb: 1000 ** 2,
  GB: 1000 ** 3, gb: 1000 ** 3, Gb: 1000 ** 3,
};

/** Bytes for `text`, or undefined when it is not an information unit. */
export function parseInformationUnit(text: string): number | undefined {
  const m = /^([0-9]+)([A-Za-z]*)$/.exec(text.trim());
  if (!m) return undefined;
  const multiplier = MULTIPLIERS[m[2]!];
  if (multiplier === undefined) return undefined;
  const bytes = Number(m[1]) * multiplier;
  return Number.isSafeInteger(bytes) ? bytes : undefined;
}
