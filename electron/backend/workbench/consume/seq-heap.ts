/**
 * A min-heap of sequence numbers. Deliveries arrive in increasing order, so a push
 * usually stays at the bottom; a settled message pushed late sifts up to its place.
 */
export function createSeqHeap() {
  const items: number[] = [];
  return {
    get size() {
      return items.length;
    },
    push(seq: number): void {
      items.push(seq);
      let i = items.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if ((items[parent] as number) <= seq) break;
        items[i] = items[parent] as number;
        i = parent;
      }
      items[i] = seq;
    },
    pop(): number | undefined {
      const top = items[0];
      const last = items.pop();
      if (items.length === 0 || last === undefined) return top;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= items.length) break;
        const right = left + 1;
        const child = right < items.length && (items[right] as number) < (items[left] as number) ? right : left;
        if ((items[child] as number) >= last) break;
        items[i] = items[child] as number;
        i = child;
      }
      items[i] = last;
      return top;
    },
    clear(): void {
      items.length = 0;
    },
  };
}
