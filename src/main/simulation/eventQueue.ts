/** One thing that happens at a simulated instant. Ties run in the order they were scheduled (deterministic). */
interface Scheduled {
  at: number;
  seq: number;
  run: () => Promise<void>;
}

/** The discrete-event calendar: a binary min-heap on (instant, order scheduled). */
export class EventQueue {
  private heap: Scheduled[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  schedule(at: number, run: () => Promise<void>): void {
    this.heap.push({ at: Math.round(at), seq: this.seq++, run });
    this.up(this.heap.length - 1);
  }

  /** The earliest instant waiting, or null when nothing is scheduled. */
  peekAt(): number | null {
    return this.heap[0]?.at ?? null;
  }

  pop(): Scheduled | undefined {
    const top = this.heap[0];
    const last = this.heap.pop();
    if (this.heap.length > 0 && last) {
      this.heap[0] = last;
      this.down(0);
    }
    return top;
  }

  private less(a: Scheduled, b: Scheduled): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(this.heap[i], this.heap[parent])) return;
      [this.heap[i], this.heap[parent]] = [this.heap[parent], this.heap[i]];
      i = parent;
    }
  }

  private down(i: number): void {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let smallest = i;
      if (l < this.heap.length && this.less(this.heap[l], this.heap[smallest])) smallest = l;
      if (r < this.heap.length && this.less(this.heap[r], this.heap[smallest])) smallest = r;
      if (smallest === i) return;
      [this.heap[i], this.heap[smallest]] = [this.heap[smallest], this.heap[i]];
      i = smallest;
    }
  }
}
