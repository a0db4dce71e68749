import { SETTINGS } from '../../../../src/shared/settings';
import { call } from '../../api';

/** The settings a print view shows (plant clock offset, the on-site promise, the board's phone numbers). */
export async function printSettings(token: string | undefined) {
  const list = await call('settings.list', {}, { token });
  const get = <K extends keyof typeof SETTINGS>(key: K) => (list.find((s) => s.key === key)?.value ?? SETTINGS[key].default) as (typeof SETTINGS)[K]['default'];
  return {
    utcOffsetMinutes: get('calendar.utcOffsetMinutes'),
    onSiteHours: get('service.complaintOnSiteHours'),
    complaintPhone: get('service.complaintPhone'),
    supervisionPhone: get('service.supervisionPhone'),
  };
}
