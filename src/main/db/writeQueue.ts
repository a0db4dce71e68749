/**
 * Runs tasks one after another. TypeORM's SQLite driver has a single connection, so two concurrent
 * `transaction()` calls would interleave on it; every call goes through this queue to keep them apart.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;

  run<T>(task: () => Promise<T>): Promise<T> {
    this.pending++;
    const result = this.tail.then(task, task);
    this.tail = result.then(
      () => this.pending--,
      () => this.pending--,
    );
    return result;
  }

  get size(): number {
    return this.pending;
  }
}
