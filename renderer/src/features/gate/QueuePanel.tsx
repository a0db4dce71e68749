import { Alert, Badge, Button, Card, Group, Kbd, SimpleGrid, Stack, Table, Text, Textarea, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GateOverviewDto, QueueLineDto, QueuedTruckDto } from '../../../../src/shared/contract/gate';
import { call, toApiError } from '../../api';
import { FormModal } from '../../components/FormModal';
import { submitProblem } from '../../forms/serverErrors';
import { formatClock } from '../../i18n/format';
import { formatTonnes } from '../weighbridge/timerColor';

const hhmm = (ms: number) => formatClock(ms).slice(0, 5);
/** Status badges keep their whole word (a squeezed table column must not cut them to "下…"). */
const FULL_LABEL = { label: { overflow: 'visible' } } as const;

/** The line F2 acts on: the one holding the cursor, else the first line that has a truck to release. */
function lineForShortcut(lines: QueueLineDto[], focused: number | null): QueueLineDto | undefined {
  return lines.find((l) => l.productId === focused && l.queued.some((q) => q.isHead)) ?? lines.find((l) => l.queued.some((q) => q.isHead));
}

/**
 * 按序放行: the queue of each product line in arrival order. The head (first authorized truck) is released at once
 * (also F2 on the line holding the cursor, or the first line); any other truck asks for the reason first. Held
 * trucks (no authorization) cannot be released. Refusals (paused, too soon, no authorization) are shown translated.
 */
export function QueuePanel({ overview, onChanged }: { overview: GateOverviewDto; onChanged: () => void }) {
  const { t } = useTranslation();
  const [focused, setFocused] = useState<number | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [outOfOrder, setOutOfOrder] = useState<{ truck: QueuedTruckDto; head: string } | null>(null);
  const shortcutLine = lineForShortcut(overview.lines, focused);

  async function release(truck: QueuedTruckDto, reason?: string): Promise<boolean> {
    setBusy(truck.journeyId);
    setError(null);
    try {
      const journey = await call('gate.releaseTruck', reason ? { journeyId: truck.journeyId, reason } : { journeyId: truck.journeyId });
      notifications.show({ color: 'green', message: t('gate.queue.released', { plate: journey.truckPlate }) });
      return true;
    } catch (err) {
      const message = submitProblem(t, toApiError(err)).message;
      setError(message);
      notifications.show({ color: 'red', message });
      return false;
    } finally {
      setBusy(null);
      onChanged();
    }
  }

  function onRelease(line: QueueLineDto, truck: QueuedTruckDto) {
    if (truck.isHead) void release(truck);
    else {
      setError(null);
      setOutOfOrder({ truck, head: line.queued.find((q) => q.isHead)?.truckPlate ?? '—' });
    }
  }

  // F2: release the head of the focused (or first) line.
  const f2 = useRef<() => void>(() => undefined);
  useEffect(() => {
    f2.current = () => {
      const head = shortcutLine?.queued.find((q) => q.isHead);
      if (head && busy === null && !outOfOrder) void release(head);
    };
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'F2') return;
      e.preventDefault();
      f2.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2}>{t('gate.queue.title', { count: overview.queuedTotal })}</Title>
        <Text c="dimmed">{t('gate.queue.keyboardHint')}</Text>
      </Group>
      {error && (
        <Alert color="red" variant="light" icon={<IconAlertCircle />} mb="sm" role="alert" data-testid="gate-release-error" withCloseButton onClose={() => setError(null)}>
          <Text fz="lg">{error}</Text>
        </Alert>
      )}
      {overview.lines.length === 0 && (
        <Text fz="xl" c="dimmed" ta="center" py="lg" data-testid="gate-queue-empty">
          {t('gate.queue.empty')}
        </Text>
      )}
      <Stack gap="lg">
        {overview.lines.map((line) => (
          <div
            key={line.productId}
            data-testid="gate-queue-line"
            data-product-code={line.productCode}
            onFocusCapture={() => setFocused(line.productId)}
            style={{ borderLeft: `6px solid var(--mantine-color-${line.packaging === 'bulk' ? 'grape' : 'blue'}-6)`, paddingLeft: 12 }}
          >
            <Group justify="space-between" mb={4}>
              <Group gap="sm">
                <Title order={3}>
                  {line.grade} {t(`gate.packaging.${line.packaging}`)}
                </Title>
                <Text c="dimmed">{line.productCode}</Text>
                <Badge size="lg" variant="light">
                  {t('gate.queue.waiting', { count: line.queued.length })}
                </Badge>
              </Group>
              <Text c="dimmed" fz="sm">
                {t('gate.queue.lineInfo', { ahead: line.inPlantAhead, rate: formatTonnes(line.rateKgPerHour), source: t(`gate.queue.rateSource.${line.rateSource}`) })}
              </Text>
            </Group>
            {line.queued.length === 0 ? (
              <Text c="dimmed">{t('gate.queue.lineEmpty')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={700} type="native">
              <Table fz="md" verticalSpacing={6} horizontalSpacing="xs" striped styles={{ th: { whiteSpace: 'nowrap' }, td: { whiteSpace: 'nowrap' } }}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={60}>{t('gate.queue.columns.position')}</Table.Th>
                    <Table.Th>{t('gate.queue.columns.plate')}</Table.Th>
                    <Table.Th>{t('gate.queue.columns.customer')}</Table.Th>
                    <Table.Th ta="right">{t('gate.queue.columns.tonnes')}</Table.Th>
                    <Table.Th>{t('gate.queue.columns.registered')}</Table.Th>
                    <Table.Th ta="right">{t('gate.queue.columns.wait')}</Table.Th>
                    <Table.Th miw={84}>{t('gate.queue.columns.status')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {line.queued.map((truck) => (
                    <Table.Tr key={truck.journeyId} data-testid="gate-queue-truck" data-plate={truck.truckPlate} data-position={truck.position} bg={truck.isHead ? 'var(--mantine-color-green-light)' : undefined}>
                      <Table.Td fw={700}>{truck.position}</Table.Td>
                      <Table.Td fw={700} fz="xl">
                        {truck.truckPlate}
                        {!truck.authorized && (
                          <Text fz="xs" c="orange.8" fw={700} maw={140} style={{ whiteSpace: 'normal' }}>
                            {t('gate.queue.heldNote')}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'normal' }} miw={120}>
                        {truck.customerName}
                      </Table.Td>
                      <Table.Td ta="right">{formatTonnes(truck.quantityKg)}</Table.Td>
                      <Table.Td>{hhmm(truck.registeredAt)}</Table.Td>
                      <Table.Td ta="right">{t('gate.queue.minutes', { count: truck.estimatedWaitMinutes })}</Table.Td>
                      <Table.Td>
                        {!truck.authorized ? (
                          <Tooltip label={t('gate.held.short')} multiline w={260}>
                            <Badge color="orange" size="md" styles={FULL_LABEL} data-testid="gate-truck-held">
                              {t('gate.queue.held')}
                            </Badge>
                          </Tooltip>
                        ) : truck.isHead ? (
                          <Badge color="green" size="md" styles={FULL_LABEL}>
                            {t('gate.queue.next')}
                          </Badge>
                        ) : (
                          <Badge color="gray" variant="light" size="md" styles={FULL_LABEL}>
                            {t('gate.queue.authorized')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td ta="right">
                        <Button
                          data-testid="gate-release"
                          size="md"
                          variant={truck.isHead ? 'filled' : 'default'}
                          disabled={!truck.authorized}
                          loading={busy === truck.journeyId}
                          onClick={() => onRelease(line, truck)}
                          rightSection={truck.isHead && line.productId === shortcutLine?.productId ? <Kbd>F2</Kbd> : undefined}
                        >
                          {truck.isHead || !truck.authorized ? t('gate.queue.release') : t('gate.queue.releaseOutOfOrder')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              </Table.ScrollContainer>
            )}
          </div>
        ))}
      </Stack>
      <ReasonModal
        target={outOfOrder}
        submitting={busy !== null}
        formError={error}
        onClose={() => setOutOfOrder(null)}
        onConfirm={async (reason) => {
          if (!outOfOrder) return;
          if (await release(outOfOrder.truck, reason)) setOutOfOrder(null);
        }}
      />
    </Card>
  );
}

/** Out of order: the reason is required (recorded and counted on the monthly sheet). */
function ReasonModal({
  target,
  submitting,
  formError,
  onClose,
  onConfirm,
}: {
  target: { truck: QueuedTruckDto; head: string } | null;
  submitting: boolean;
  formError: string | null;
  onClose: () => void;
  onConfirm: (reason: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [shownFor, setShownFor] = useState<number | null>(null);
  if ((target?.truck.journeyId ?? null) !== shownFor) {
    setShownFor(target?.truck.journeyId ?? null);
    setReason('');
    setFieldError(null);
  }
  return (
    <FormModal
      opened={target !== null}
      onClose={onClose}
      title={target ? t('gate.queue.reasonTitle', { plate: target.truck.truckPlate }) : ''}
      onSubmit={() => {
        if (!reason.trim()) {
          setFieldError(t('fields.required'));
          return;
        }
        void onConfirm(reason.trim());
      }}
      submitting={submitting}
      formError={formError}
      testId="gate-release-form"
      submitTestId="gate-release-confirm"
      submitLabel={t('gate.queue.release')}
    >
      <SimpleGrid cols={1}>
        <Text>{target ? t('gate.queue.reasonIntro', { plate: target.truck.truckPlate, head: target.head }) : ''}</Text>
        <Textarea
          data-testid="gate-release-reason"
          label={t('gate.queue.reason')}
          required
          autosize
          minRows={2}
          maxLength={200}
          data-autofocus
          value={reason}
          error={fieldError}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setFieldError(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              e.currentTarget.form?.requestSubmit();
            }
          }}
        />
      </SimpleGrid>
    </FormModal>
  );
}
