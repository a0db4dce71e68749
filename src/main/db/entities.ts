import { EventLogEntry } from '../events/eventLog.entity';
import { SettingRow } from '../settings/setting.entity';
import { Staff } from '../staff/staff.entity';
import { AppMeta } from '../system/appMeta.entity';

/** Every entity class; later areas add theirs here. */
export const ENTITIES = [Staff, SettingRow, AppMeta, EventLogEntry];
