import { Badge, Table, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { BreachDto } from '../../../../src/shared/dashboard';
import { formatClock } from '../../i18n/format';
import { breachRoute, durationText, groupName, kpiValueText } from './dashboardText';

/** What the breach concerns, in words (a queue alert and a rate read differently from a truck or a ticket). */
function refText(t: TFunction, b: BreachDto): string {
  if (b.kind === 'queueAlertUnanswered') return t('dashboard.breach.queueAlert', { count: Number(b.ref), threshold: b.detail });
  return b.ref;
}

function detailText(t: TFunction, b: BreachDto): string {
  if (b.kind === 'rateOverTarget' && b.kpi) {
    const unit = b.kpi === 'brokenBags' ? 'permille' : b.kpi === 'bulkReleaseToExit' ? 'minutes' : 'percent';
    return t('dashboard.breach.rate', { kpi: t(`dashboard.kpis.${b.kpi}`), value: kpiValueText(t, { unit }, Number(b.ref)), target: kpiValueText(t, { unit }, Number(b.detail)) });
  }
  if (b.kind === 'queueAlertUnanswered') return '';
  return b.detail;
}

/**
 * The day's breaches, latest first. Keyboard: Tab reaches the list, ↑ ↓ move between rows, Enter (or a click) opens
 * the screen where the breach is handled.
 */
export function BreachList({ breaches }: { breaches: BreachDto[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const rows = useRef<(HTMLTableRowElement | null)[]>([]);
  const onKey = (i: number, b: BreachDto) => (e: KeyboardEvent<HTMLTableRowElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      navigate(breachRoute(b));
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = Math.max(0, Math.min(breaches.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1)));
      rows.current[next]?.focus();
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      rows.current[e.key === 'Home' ? 0 : breaches.length - 1]?.focus();
    }
  };
  if (!breaches.length) return <Text fz="lg" c="teal" data-testid="dashboard-breaches-none">{t('dashboard.breachesNone')}</Text>;
  return (
    <Table fz="md" highlightOnHover verticalSpacing="xs" data-testid="dashboard-breaches">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('dashboard.breach.columns.time')}</Table.Th>
          <Table.Th>{t('dashboard.breach.columns.window')}</Table.Th>
          <Table.Th>{t('dashboard.breach.columns.what')}</Table.Th>
          <Table.Th>{t('dashboard.breach.columns.ref')}</Table.Th>
          <Table.Th>{t('dashboard.breach.columns.detail')}</Table.Th>
          <Table.Th>{t('dashboard.breach.columns.over')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {breaches.map((b, i) => (
          <Table.Tr
            key={b.id}
            ref={(el) => {
              rows.current[i] = el;
            }}
            tabIndex={0}
            role="link"
            aria-label={`${t(`dashboard.breach.kinds.${b.kind}`)} ${refText(t, b)}`}
            onKeyDown={onKey(i, b)}
            onClick={() => navigate(breachRoute(b))}
            style={{ cursor: 'pointer' }}
            className="dashboard-breach"
            data-testid="dashboard-breach"
            data-kind={b.kind}
            data-route={breachRoute(b)}
          >
            <Table.Td>{formatClock(b.startedAt)}</Table.Td>
            <Table.Td>{groupName(t, b.group)}</Table.Td>
            <Table.Td fw={700}>{t(`dashboard.breach.kinds.${b.kind}`)}</Table.Td>
            <Table.Td>{refText(t, b)}</Table.Td>
            <Table.Td>{detailText(t, b)}</Table.Td>
            <Table.Td>
              {b.overByMs !== null && (
                <Badge color="red" variant={b.endedAt === null ? 'filled' : 'light'} size="lg">
                  {durationText(t, b.overByMs)}
                  {b.endedAt === null ? t('dashboard.breach.stillOpen') : ''}
                </Badge>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
