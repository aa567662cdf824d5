// One time-ordered queue for every pending audience step (a binary min-heap on the simulated due time), so 50,000 chats
// cost at most 150,000 small entries and no timers; ties leave in the order they were added.

export interface Queued {
  atMs: number;
}

interface Entry<T> {
  item: T;
  seq: number;
}

export class DueQueue<T extends Queued> {
  private readonly heap: Entry<T>[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(item: T): void {
    this.heap.push({ item, seq: this.seq++ });
    let i = this.heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  peek(): T | undefined {
    return this.heap[0]?.item;
  }

  /** The earliest item if it is due at `nowMs`, taken off the queue. */
  popDue(nowMs: number): T | undefined {
    const top = this.heap[0];
    if (!top || top.item.atMs > nowMs) return undefined;
    const last = this.heap.pop()!;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < this.heap.length && this.before(left, smallest)) smallest = left;
        if (right < this.heap.length && this.before(right, smallest)) smallest = right;
        if (smallest === i) break;
        this.swap(i, smallest);
        i = smallest;
      }
    }
    return top.item;
  }

  clear(): void {
    this.heap.length = 0;
  }

  private before(a: number, b: number): boolean {
    const x = this.heap[a]!;
    const y = this.heap[b]!;
    return x.item.atMs < y.item.atMs || (x.item.atMs === y.item.atMs && x.seq < y.seq);
  }

  private swap(a: number, b: number): void {
    const entry = this.heap[a]!;
    this.heap[a] = this.heap[b]!;
    this.heap[b] = entry;
  }
}
