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

  constructor(readonly dataSource: DataSource) {
    this.serialize = dataSource.options.type === 'sqlite';
  }

  get engine(): 'sqlite' | 'postgres' {
    return this.dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
  }

  read<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    const run = () => work(this.dataSource.manager);
    return this.serialize ? this.queue.run(run) : run();
  }

  write<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    const run = () => this.dataSource.transaction(work);
    return this.serialize ? this.queue.run(run) : run();
  }

  async close(): Promise<void> {
    await this.queue.run(async () => {
      if (this.dataSource.isInitialized) await this.dataSource.destroy();
    });
  }
}
