import type { Core } from '../core';

/** One write statement as the driver ran it, with its parameters. */
export interface CapturedWrite {
  sql: string;
  parameters: unknown[];
}

/** The write statements of one call through `dispatch`, and the label it is timed under (null: replayed, not timed). */
export interface CapturedCall {
  label: string | null;
  writes: CapturedWrite[];
}

const NOT_A_WRITE = /^\s*(SELECT|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|PRAGMA|WITH)\b/i;

/**
 * Listens to every statement TypeORM sends to the driver and keeps the writes (INSERT / UPDATE / DELETE) of each
 * call, in order: the raw SQL floor replays exactly these rows through `sqlite3`, without the ORM and the rules.
 */
export class WriteCapture {
  readonly calls: CapturedCall[] = [];
  private current: CapturedCall | null = null;

  constructor(core: Core) {
    const logger = core.dataSource.logger;
    const logQuery = logger.logQuery.bind(logger);
    logger.logQuery = (query, parameters, runner) => {
      if (this.current && !NOT_A_WRITE.test(query)) this.current.writes.push({ sql: query, parameters: [...(parameters ?? [])] });
      return logQuery(query, parameters, runner);
    };
  }

  /** Runs one call, keeping its writes under `label`. */
  async record<T>(label: string | null, call: () => Promise<T>): Promise<T> {
    this.current = { label, writes: [] };
    try {
      return await call();
    } finally {
      this.calls.push(this.current);
      this.current = null;
    }
  }
}
