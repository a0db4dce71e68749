import type { DataSource, EntityManager } from 'typeorm';
import { SerialQueue } from './writeQueue';

/**
 * The core's handle on the database. Writes run in one transaction each; on SQLite every call (read or write)
 * is serialized through one queue, because the driver shares one connection and a read interleaved with an
 * open transaction would see uncommitted rows.
 */
export class Db {
  private readonly queue = new SerialQueue();
  private readonly serialize: boolean;
  /** Inside `batch`: the one open transaction every read and write joins. */
  private batchManager: EntityManager | null = null;

  constructor(readonly dataSource: DataSource) {
    this.serialize = dataSource.options.type === 'sqlite';
  }

  get engine(): 'sqlite' | 'postgres' {
    return this.dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
  }

  read<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    if (this.batchManager) return work(this.batchManager);
    const run = () => work(this.dataSource.manager);
    return this.serialize ? this.queue.run(run) : run();
  }

  write<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    // In a batch each write is a savepoint: a refused call still undoes only its own rows.
    if (this.batchManager) return this.batchManager.transaction(work);
    const run = () => this.dataSource.transaction(work);
    return this.serialize ? this.queue.run(run) : run();
  }

  /**
   * Runs `work` in ONE transaction that every read and write inside it joins (writes as savepoints), committed at
   * the end: the simulator's bulk mode, one transaction per simulated hour. Only for a core nothing else is using.
   */
  batch<T>(work: () => Promise<T>): Promise<T> {
    if (this.batchManager) return work();
    return this.queue.run(async () => {
      const runner = this.dataSource.createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      this.batchManager = runner.manager;
      try {
        const result = await work();
        await runner.commitTransaction();
        return result;
      } catch (err) {
        await runner.rollbackTransaction();
        throw err;
      } finally {
        this.batchManager = null;
        await runner.release();
      }
    });
  }

  async close(): Promise<void> {
    await this.queue.run(async () => {
      if (this.dataSource.isInitialized) await this.dataSource.destroy();
    });
  }
}
