import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ComplaintDto } from '../../../../src/shared/contract/complaints';
import { TIMER_COLOR, formatDuration, timerState } from './complaintTime';

/** The 4-hour promise as a live countdown: blue, amber near the limit, red past it; the time taken once on site. */
export function OnSiteTimer({ complaint, now, size = 'xl' }: { complaint: ComplaintDto; now: number; size?: 'md' | 'lg' | 'xl' }) {
  const { t } = useTranslation();
  const { state, ms } = timerState(complaint, now);
  const time = formatDuration(ms);
  const label =
    state === 'overdue' ? t('complaints.timer.overdue', { time }) : state === 'arrived' ? t('complaints.timer.arrived', { time }) : state === 'arrivedLate' ? t('complaints.timer.arrivedLate', { time }) : t('complaints.timer.remaining', { time });
  return (
    <Badge size={size} radius="sm" color={TIMER_COLOR[state]} variant={state === 'arrived' ? 'light' : 'filled'} data-testid={`complaint-timer-${complaint.id}`} data-state={state} style={{ fontVariantNumeric: 'tabular-nums', textTransform: 'none', overflow: 'visible' }} styles={{ label: { overflow: 'visible', textOverflow: 'clip' } }}>
      {label}
    </Badge>
  );
}
