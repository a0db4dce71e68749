import { Badge, Button, Card, Group, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MachineStatusDto, SpotCheckDto, SpotCheckReason } from '../../../../src/shared/contract/quality';
import { gramsToKgText, parseKgToGrams, requiredTotalGrams, spotCheckVerdict } from '../../../../src/shared/quality';
import { call } from '../../api';
import { FormError } from '../../components/FormError';
import { useSubmit } from '../../forms/useSubmit';

export interface SpotRules {
  count: number;
  permille: number;
  minTotalKg: number;
  standardBagKg: number;
}

/** The verdict badge of a spot check (saved or being typed). */
export function VerdictBadge({ passed, size = 'xl', testId }: { passed: boolean; size?: 'md' | 'lg' | 'xl'; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Badge size={size} color={passed ? 'green' : 'red'} variant="filled" data-testid={testId}>
      {t(passed ? 'quality.spot.pass' : 'quality.spot.fail')}
    </Badge>
  );
}

/**
 * A 20-bag spot check by keyboard: machine (type its code, Enter), then each bag's kg and Enter to the next; Enter on
 * the last bag saves. The verdict (GB 175, same function as the core) shows while typing; light bags turn red.
 */
export function SpotCheckForm({ machines, rules, onSaved }: { machines: MachineStatusDto[]; rules: SpotRules; onSaved: () => void }) {
  const { t } = useTranslation();
  const [machineId, setMachineId] = useState<string | null>(null);
  const [reason, setReason] = useState<SpotCheckReason>('shift');
  const [marked, setMarked] = useState(String(rules.standardBagKg));
  const [bags, setBags] = useState<string[]>(() => Array.from({ length: rules.count }, () => ''));
  const [bagErrors, setBagErrors] = useState<Record<number, string>>({});
  const [last, setLast] = useState<SpotCheckDto | null>(null);
  const refs = useRef<(HTMLInputElement | null)[]>([]);
  const machineRef = useRef<HTMLInputElement>(null);
  const submit = useSubmit();

  const list = bags.length === rules.count ? bags : Array.from({ length: rules.count }, (_, i) => bags[i] ?? '');
  const grams = list.map((b) => (b.trim() ? parseKgToGrams(b) : null));
  const markedKg = Number(marked) || rules.standardBagKg;
  const entered = grams.filter((g) => g !== null).length;
  const verdict =
    entered === rules.count
      ? spotCheckVerdict(grams as number[], { markedKg, bagMinPermille: rules.permille, minTotalGrams: requiredTotalGrams(rules.minTotalKg, markedKg, rules.standardBagKg), bagCount: rules.count })
      : null;
  const bagMin = markedKg * rules.permille;
  const total = grams.reduce<number>((a, g) => a + (g ?? 0), 0);
  const selected = machines.find((m) => String(m.machineId) === machineId);

  function setBag(i: number, v: string) {
    setBags(list.map((b, j) => (j === i ? v : b)));
    if (bagErrors[i]) setBagErrors(({ [i]: _drop, ...rest }) => rest);
  }

  async function save() {
    const errors: Record<number, string> = {};
    grams.forEach((g, i) => {
      if (g === null || g <= 0) errors[i] = t('quality.spot.badWeight');
    });
    setBagErrors(errors);
    const firstBad = Object.keys(errors).map(Number)[0];
    if (firstBad !== undefined) {
      refs.current[firstBad]?.focus();
      return;
    }
    if (!machineId) {
      submit.setFormError(t('fields.machineRequired'));
      machineRef.current?.focus();
      return;
    }
    const saved = await submit.run(() =>
      call('quality.recordSpotCheck', { machineId: Number(machineId), reason, markedKg: Math.trunc(markedKg), bagGrams: grams as number[], note: '' }),
    );
    if (!saved) return;
    setLast(saved);
    notifications.show({ color: saved.passed ? 'green' : 'red', message: t('quality.spot.saved', { machine: saved.machineCode, verdict: t(saved.passed ? 'quality.spot.pass' : 'quality.spot.fail') }) });
    setBags(Array.from({ length: rules.count }, () => ''));
    onSaved();
    refs.current[0]?.focus();
  }

  function onBagKey(i: number, e: KeyboardEvent<HTMLInputElement>) {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    if (i < rules.count - 1) refs.current[i + 1]?.focus();
    else void save();
  }

  return (
    <Card withBorder padding="lg" data-testid="spot-form">
      <Group justify="space-between" mb="sm">
        <Title order={2}>{t('quality.spot.title')}</Title>
        <Text c="dimmed">{t('quality.spot.rule', { minKg: gramsToKgText(bagMin), count: rules.count, totalKg: gramsToKgText(requiredTotalGrams(rules.minTotalKg, markedKg, rules.standardBagKg)) })}</Text>
      </Group>
      <Stack gap="sm">
        <FormError message={submit.formError} />
        <Group align="flex-end" wrap="wrap">
          <Select
            ref={machineRef}
            data-testid="spot-machine"
            size="md"
            w={220}
            label={t('quality.spot.machine')}
            searchable
            selectFirstOptionOnChange
            data={machines.map((m) => ({ value: String(m.machineId), label: `${m.machineCode} ${m.name}` }))}
            value={machineId}
            onChange={(v) => {
              setMachineId(v);
              // Chosen (Enter or click): straight on to the first bag.
              if (v) setTimeout(() => refs.current[0]?.focus(), 0);
            }}
          />
          <div>
            <Text size="sm" fw={500} mb={4}>
              {t('quality.spot.reason')}
            </Text>
            <SegmentedControl
              data-testid="spot-reason"
              value={reason}
              onChange={(v) => setReason(v as SpotCheckReason)}
              data={[
                { value: 'shift', label: t('quality.spot.reasons.shift') },
                { value: 'calibration', label: t('quality.spot.reasons.calibration') + (selected?.calibrationsOwed.length ? ` (${selected.calibrationsOwed.length})` : '') },
              ]}
            />
          </div>
          <TextInput size="md" w={150} label={t('quality.spot.markedKg')} value={marked} onChange={(e) => setMarked(e.currentTarget.value.replace(/\D/g, ''))} inputMode="numeric" data-testid="spot-marked" />
        </Group>
        <Text size="sm" c="dimmed">
          {t('quality.spot.bagsHint')}
        </Text>
        <SimpleGrid cols={{ base: 2, sm: 4, lg: 5 }} spacing="xs" verticalSpacing="xs">
          {list.map((b, i) => {
            const g = grams[i];
            const light = g !== null && g < bagMin;
            return (
              <TextInput
                key={i}
                ref={(el) => {
                  refs.current[i] = el;
                }}
                data-testid={`spot-bag-${i + 1}`}
                size="md"
                label={t('quality.spot.bag', { n: i + 1 })}
                value={b}
                inputMode="decimal"
                autoComplete="off"
                error={bagErrors[i] ?? (light ? true : undefined)}
                styles={light ? { input: { color: 'var(--mantine-color-red-7)', fontWeight: 700 } } : undefined}
                onChange={(e) => setBag(i, e.currentTarget.value)}
                onKeyDown={(e) => onBagKey(i, e)}
              />
            );
          })}
        </SimpleGrid>
        <Group justify="space-between" wrap="wrap">
          <Group gap="md" data-testid="spot-live">
            <Text fw={700}>{t('quality.spot.entered', { n: entered, count: rules.count })}</Text>
            <Text fw={700}>{t('quality.spot.total', { kg: gramsToKgText(total) })}</Text>
            {verdict && <VerdictBadge passed={verdict.passed} size="lg" testId="spot-live-verdict" />}
            {verdict && verdict.lightBags.length > 0 && <Text c="red">{t('quality.spot.lightBags', { list: verdict.lightBags.map((i) => i + 1).join('、') })}</Text>}
            {verdict && !verdict.totalOk && <Text c="red">{t('quality.spot.totalShort', { kg: gramsToKgText(verdict.minTotalGrams - verdict.totalGrams) })}</Text>}
          </Group>
          <Group>
            <Button variant="default" size="md" onClick={() => setBags(Array.from({ length: rules.count }, () => ''))}>
              {t('quality.spot.clear')}
            </Button>
            <Button size="md" onClick={() => void save()} loading={submit.submitting} data-testid="spot-submit">
              {t('quality.spot.submit')}
            </Button>
          </Group>
        </Group>
        {last && (
          <Card withBorder bg={last.passed ? 'green.0' : 'red.0'} data-testid="spot-result">
            <Group>
              <Text fw={700}>{t('quality.spot.lastResult')}</Text>
              <Text>{last.machineCode}</Text>
              <VerdictBadge passed={last.passed} testId="spot-verdict" />
              <Text>{t('quality.spot.total', { kg: gramsToKgText(last.totalGrams) })}</Text>
              {last.lightBags.length > 0 && <Text c="red" fw={700}>{t('quality.spot.lightBags', { list: last.lightBags.map((i) => i + 1).join('、') })}</Text>}
              {last.totalGrams < last.minTotalGrams && <Text c="red" fw={700}>{t('quality.spot.totalShort', { kg: gramsToKgText(last.minTotalGrams - last.totalGrams) })}</Text>}
            </Group>
          </Card>
        )}
      </Stack>
    </Card>
  );
}
