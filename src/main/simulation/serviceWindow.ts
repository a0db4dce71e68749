/**
 * One window that serves people one at a time in arrival order (a counter clerk, the weighbridge): a job waits
 * until the window is free, then takes its service time. The simulator only needs the instants.
 */
export class ServiceWindow {
  private freeAt = 0;

  /** Books the window for a job arriving at `arriveAt` lasting `serviceMs`; returns when it starts and ends. */
  book(arriveAt: number, serviceMs: number): { startAt: number; endAt: number } {
    const startAt = Math.max(arriveAt, this.freeAt);
    const endAt = startAt + serviceMs;
    this.freeAt = endAt;
    return { startAt, endAt };
  }
}
