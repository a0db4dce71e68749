import type { Station } from '../src/shared/roles';

/** Window titles name the station in Chinese, the language of the counters (the renderer has its own i18n). */
export const STATION_NAMES: Record<Station, string> = {
  sales_hall: '销售大厅',
  finance: '财务窗口',
  gate: '门卫',
  weighbridge: '地磅房',
  packing: '包装发货',
  bulk: '散装发货',
  qc: '质控处',
  office: '销售处',
};

/** Takes a plain string too: the `installation.changed` topic carries the station as data. */
export function mainWindowTitle(station: Station | string | null): string {
  if (!station) return 'DispatchDesk · 未设置岗位';
  return `DispatchDesk · ${STATION_NAMES[station as Station] ?? station}`;
}
