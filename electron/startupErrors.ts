import { DatabaseTooNewError, type DatabaseConfig } from '../src/main/db/dataSource';
import { DatabaseConfigError, describeDatabase } from './databaseConfig';

export interface StartupMessage {
  title: string;
  content: string;
}

/**
 * The error box shown when DispatchDesk cannot start on its database, in Chinese first and English second.
 * The clerk reads the first line; IT reads the rest. Every case says the data was not changed.
 */
export function describeStartupError(err: unknown, config: DatabaseConfig | undefined): StartupMessage {
  const where = config ? describeDatabase(config) : '';
  const detail = err instanceof Error ? err.message : String(err);
  if (err instanceof DatabaseTooNewError) {
    return {
      title: 'DispatchDesk 版本过旧 / DispatchDesk is too old',
      content:
        `此数据库由更新版本的 DispatchDesk 写入，当前版本无法安全打开。请安装相同或更新的版本。数据库未被修改。\n` +
        `This database was written by a newer version of DispatchDesk. Install that version or newer. The database was not changed.\n\n` +
        `${where}\n${detail}`,
    };
  }
  if (err instanceof DatabaseConfigError) {
    return {
      title: '数据库设置有误 / Database settings are invalid',
      content:
        `数据库连接设置无法读取，请联系管理员修正。\n` +
        `The database connection settings cannot be read; ask the administrator to correct them.\n\n${detail}`,
    };
  }
  return {
    title: '无法打开数据库 / Cannot open the database',
    content:
      `DispatchDesk 无法打开数据库，程序将退出。数据库未被修改。请检查网络或磁盘后重试，或联系管理员。\n` +
      `DispatchDesk cannot open its database and will quit. The database was not changed. Check the network or disk and try again, or ask the administrator.\n\n` +
      `${where}\n${detail}`,
  };
}
