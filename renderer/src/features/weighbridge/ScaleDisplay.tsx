import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScaleSnapshot, ScaleStatus } from '../../../../src/shared/scale';
import { subscribe, useApi } from '../../api';
import { translateKey } from '../../i18n/translate';

const STATUS_COLOR: Record<ScaleStatus, string> = {
  connected: 'green',
  connecting: 'yellow',
  disconnected: 'red',
  error: 'red',
  not_configured: 'gray',
};

/** Thousands grouped with a thin space, as the big indicator shows them: 32 140. */
function groupDigits(kg: number): string {
  const text = String(Math.abs(kg)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u2009');
  return kg < 0 ? `-${text}` : text;
}

/**
 * The live scale indicator at the top of the weighbridge screen: the weight in big digits (kg), stable or not,
 * the connection status and why the scale is unusable or which frame was last rejected. Reads
 * `weighing.getScale` once and then follows the `weighing.scale` topic.
 */
export function ScaleDisplay() {
  const { t } = useTranslation();
  const initial = useApi('weighing.getScale', {});
  const [live, setLive] = useState<ScaleSnapshot | null>(null);
  useEffect(() => subscribe(['weighing.scale'], (message) => setLive(message.payload as ScaleSnapshot)), []);
  const scale = live ?? initial.data ?? null;
  if (!scale) return null;

  const usable = scale.status === 'connected' && scale.kg !== null && scale.message !== 'scale.noData';
  const message = scale.status === 'not_configured' ? t('scale.notConfigured') : scale.message ? translateKey(t, scale.message) ?? scale.message : null;
  const rejected = Object.values(scale.rejectCounts ?? {}).reduce((a, b) => a + (b ?? 0), 0);
  const digitsColor = !usable ? 'var(--mantine-color-gray-6)' : scale.stable ? 'var(--mantine-color-green-4)' : 'var(--mantine-color-orange-4)';

  return (
    <Card withBorder padding="md" data-testid="scale-display" aria-label={t('scale.title')}>
      <Group justify="space-between" align="center" wrap="nowrap">
        <Group gap="md" align="baseline" wrap="nowrap" bg="dark.8" px="lg" py={4} style={{ borderRadius: 8, minWidth: 420, justifyContent: 'flex-end' }}>
          <Text
            component="output"
            data-testid="scale-weight"
            aria-live="off"
            ff="monospace"
            fw={700}
            style={{ fontSize: 72, lineHeight: 1.1, color: digitsColor, fontVariantNumeric: 'tabular-nums' }}
          >
            {usable || scale.kg !== null ? groupDigits(scale.kg ?? 0) : t('scale.noReading')}
          </Text>
          <Text fz={28} fw={600} c="gray.4">
            {t('scale.kg')}
          </Text>
        </Group>
        <Stack gap="xs" align="flex-end" style={{ flex: 1 }}>
          <Group gap="sm">
            <Badge size="xl" color={scale.stable && usable ? 'green' : 'orange'} variant={scale.stable && usable ? 'filled' : 'light'} data-testid="scale-stable" data-stable={scale.stable && usable ? 'yes' : 'no'}>
              {scale.stable && usable ? t('scale.stable') : t('scale.unstable')}
            </Badge>
            <Badge size="xl" color={STATUS_COLOR[scale.status]} variant="light" data-testid="scale-status" data-status={scale.status}>
              {t(`scale.status.${scale.status}`)}
            </Badge>
          </Group>
          {scale.port && (
            <Text c="dimmed" size="sm">
              {t('scale.port', { port: scale.port })}
              {rejected > 0 ? ` · ${t('scale.rejectCount', { count: rejected })}` : ''}
            </Text>
          )}
          {message && (
            <Text c={scale.status === 'connected' ? 'orange' : 'red'} fw={600} data-testid="scale-message">
              {scale.message?.startsWith('scale.reject.') ? t('scale.lastReject', { reason: message }) : message}
            </Text>
          )}
        </Stack>
      </Group>
    </Card>
  );
}
