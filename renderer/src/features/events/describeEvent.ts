import type { TFunction } from 'i18next';
import type { EventDto } from '../../../../src/shared/dto';
import { fenToYuanText, formatDate, settingLabel, settingValueText } from '../../i18n/format';
import { translateKey } from '../../i18n/translate';

const STAFF_FIELDS = ['name', 'role', 'post', 'badgeNo', 'phone', 'active'] as const;
type Payload = Record<string, unknown>;

function station(t: TFunction, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('station.notSet');
  return translateKey(t, `stations.${String(value)}`) ?? String(value);
}

function staffFieldValue(t: TFunction, field: string, value: unknown): string {
  if (field === 'role') return translateKey(t, `roles.${String(value)}`) ?? String(value);
  if (field === 'active') return value ? t('staff.active') : t('staff.inactive');
  return value === '' || value === undefined || value === null ? t('common.none') : String(value);
}

function staffChanges(t: TFunction, payload: Payload): string {
  const before = (payload.before ?? {}) as Payload;
  const after = (payload.after ?? {}) as Payload;
  const changes = STAFF_FIELDS.filter((f) => before[f] !== after[f]).map((f) =>
    t('events.detail.change', { field: t(`staff.fields.${f}`), from: staffFieldValue(t, f, before[f]), to: staffFieldValue(t, f, after[f]) }),
  );
  const who = `${String(after.staffNo ?? '')} ${String(after.name ?? '')}`.trim();
  return [who, changes.length ? changes.join(t('events.detail.separator')) : t('events.detail.noChange')].filter(Boolean).join(' · ');
}

/**
 * One line saying what happened, from the event's payload: from→to for station changes, old→new for settings,
 * the changed fields of a staff account. `staffNames` maps staff ids (doc ids) to "no. name" where known.
 */
export function describeEvent(t: TFunction, event: EventDto, staffNames?: Map<string, string>): string {
  const payload = event.payload ?? {};
  switch (event.type) {
    case 'auth.stationSwitched':
    case 'system.stationSet':
      return t('events.detail.fromTo', { from: station(t, payload.from), to: station(t, payload.to) });
    case 'settings.changed': {
      const key = String(payload.key ?? event.docId ?? '');
      return t('events.detail.setting', {
        label: settingLabel(t, key),
        from: settingValueText(t, key, payload.oldValue),
        to: settingValueText(t, key, payload.newValue),
      });
    }
    case 'staff.created':
      return t('events.detail.staff', {
        staffNo: String(payload.staffNo ?? ''),
        name: String(payload.name ?? ''),
        role: translateKey(t, `roles.${String(payload.role)}`) ?? String(payload.role ?? ''),
      });
    case 'staff.updated':
      return staffChanges(t, payload);
    case 'staff.pinReset':
      return t('events.detail.staffRef', { who: (event.docId && staffNames?.get(event.docId)) || `#${event.docId ?? ''}` });
    case 'system.demoSeeded':
      return String(payload.plantName ?? '');
    case 'sales.priceSet':
      return t('events.detail.price', {
        price: fenToYuanText(Number(payload.priceFenPerTonne)),
        from: typeof payload.effectiveFrom === 'number' ? formatDate(payload.effectiveFrom) : '',
      });
    case 'finance.openingBalance':
      return t('events.detail.amount', { amount: fenToYuanText(Number(payload.amountFen)) });
    case 'system.setUp':
      return t('events.detail.setUp', { plantName: String(payload.plantName ?? ''), station: station(t, payload.station) });
    default:
      return '';
  }
}
