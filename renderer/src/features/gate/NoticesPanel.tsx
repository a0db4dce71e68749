import { ActionIcon, Badge, Button, Card, Group, NumberInput, SegmentedControl, Select, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardNoticeDto } from '../../../../src/shared/contract/gate';
import { call, toApiError, useApi } from '../../api';
import { FormError } from '../../components/FormError';
import { submitProblem } from '../../forms/serverErrors';
import { useSubmit } from '../../forms/useSubmit';
import { formatClock } from '../../i18n/format';

type Kind = 'message' | 'equipment_stop';

/**
 * 排队公告: the notices on the drivers' board now (each can be taken down), and a form to post a queue message or an
 * equipment stop (optionally for one product line, with the expected repair time).
 */
export function NoticesPanel({ notices, now, onChanged }: { notices: BoardNoticeDto[]; now: number; onChanged: () => void }) {
  const { t } = useTranslation();
  const products = useApi('sales.listProducts', {});
  const [kind, setKind] = useState<Kind>('message');
  const [text, setText] = useState('');
  const [productId, setProductId] = useState<string | null>(null);
  const [repairMinutes, setRepairMinutes] = useState<number | string>('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = useSubmit({ onFieldErrors: setErrors });
  const [clearing, setClearing] = useState<number | null>(null);
  const minutes = typeof repairMinutes === 'number' && repairMinutes > 0 ? repairMinutes : null;

  async function post() {
    setErrors({});
    const done = await submit.run(() =>
      call('gate.postNotice', {
        kind,
        text,
        ...(productId ? { productId: Number(productId) } : {}),
        ...(kind === 'equipment_stop' && minutes ? { expectedUntil: Date.now() + minutes * 60_000 } : {}),
      }),
    );
    if (!done) return;
    notifications.show({ color: 'green', message: t('gate.notices.posted') });
    setText('');
    setProductId(null);
    setRepairMinutes('');
    onChanged();
  }

  async function clear(n: BoardNoticeDto) {
    setClearing(n.id);
    try {
      await call('gate.clearNotice', { id: n.id });
      notifications.show({ color: 'green', message: t('gate.notices.cleared') });
    } catch (err) {
      notifications.show({ color: 'red', message: submitProblem(t, toApiError(err)).message });
    } finally {
      setClearing(null);
      onChanged();
    }
  }

  return (
    <Card withBorder padding="lg">
      <Title order={2} mb="sm">
        {t('gate.notices.title', { count: notices.length })}
      </Title>
      <Stack gap="xs" mb="md">
        {notices.length === 0 && <Text c="dimmed">{t('gate.notices.none')}</Text>}
        {notices.map((n) => (
          <Group key={n.id} justify="space-between" wrap="nowrap" align="flex-start" data-testid="gate-notice" p="xs" style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 6 }}>
            <div>
              <Group gap="xs">
                <Badge color={n.kind === 'equipment_stop' ? 'red' : n.kind === 'queue_answer' ? 'orange' : 'blue'}>{t(`gate.notices.kind.${n.kind}`)}</Badge>
                {n.lineLabel && <Badge variant="light">{n.lineLabel}</Badge>}
                <Text c="dimmed" fz="sm">
                  {formatClock(n.postedAt).slice(0, 5)}
                </Text>
              </Group>
              <Text fz="lg" mt={4}>
                {n.text}
              </Text>
              {n.expectedUntil !== null && (
                <Text fz="md" c={n.expectedUntil < now ? 'red' : 'dimmed'}>
                  {t('gate.notices.expectedUntil', { time: formatClock(n.expectedUntil).slice(0, 5) })}
                </Text>
              )}
            </div>
            <Tooltip label={t('gate.notices.clear')}>
              <ActionIcon variant="subtle" color="gray" size="lg" loading={clearing === n.id} onClick={() => void clear(n)} aria-label={t('gate.notices.clear')} data-testid="gate-notice-clear">
                <IconX />
              </ActionIcon>
            </Tooltip>
          </Group>
        ))}
      </Stack>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void post();
        }}
      >
        <Stack gap="sm">
          <FormError message={submit.formError} />
          <SegmentedControl
            fullWidth
            value={kind}
            onChange={(v) => setKind(v as Kind)}
            data={[
              { value: 'message', label: t('gate.notices.kind.message') },
              { value: 'equipment_stop', label: t('gate.notices.kind.equipment_stop') },
            ]}
          />
          <TextInput label={t('gate.notices.text')} value={text} onChange={(e) => setText(e.currentTarget.value)} error={errors.text} maxLength={200} data-testid="gate-notice-text" />
          <Group grow align="flex-start">
            <Select
              label={t('gate.notices.line')}
              placeholder={t('gate.notices.allLines')}
              clearable
              value={productId}
              onChange={setProductId}
              error={errors.productId}
              data={(products.data ?? []).map((p) => ({ value: String(p.id), label: `${p.grade} ${t(`gate.packaging.${p.packaging}`)}` }))}
            />
            {kind === 'equipment_stop' && (
              <NumberInput
                label={t('gate.notices.repairMinutes')}
                description={minutes ? t('gate.notices.expectedUntil', { time: formatClock(now + minutes * 60_000).slice(0, 5) }) : undefined}
                min={1}
                max={24 * 60}
                allowDecimal={false}
                value={repairMinutes}
                onChange={setRepairMinutes}
                error={errors.expectedUntil}
              />
            )}
          </Group>
          <Button type="submit" loading={submit.submitting} data-testid="gate-notice-post">
            {t('gate.notices.post')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
