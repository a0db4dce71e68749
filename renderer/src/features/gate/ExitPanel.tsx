import { Alert, Badge, Button, Card, Checkbox, Divider, Group, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck, IconDoorExit, IconAlertOctagon } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExitCandidateDto, ExitCheckDto } from '../../../../src/shared/contract/gate';
import type { JourneyDto } from '../../../../src/shared/journey';
import { call, toApiError } from '../../api';
import { FormError } from '../../components/FormError';
import { submitProblem } from '../../forms/serverErrors';
import { formatClock } from '../../i18n/format';
import { formatTonnes } from '../weighbridge/timerColor';
import { Differences } from './AlertsPanel';

/**
 * 出厂检查: scan the journey QR (or type the plate) → the truck, its status and, for a bulk truck, the seal POSITIONS
 * to read (never the recorded numbers). Documents checked, a seal number per position → check. Passed: let it out.
 * Blocked: the differences in red (the refusal is recorded by the core; the candidate is reloaded to show it).
 */
export function ExitPanel({ awaiting, onChanged }: { awaiting: JourneyDto[]; onChanged: () => void }) {
  const { t } = useTranslation();
  const codeRef = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState('');
  const [candidate, setCandidate] = useState<ExitCandidateDto | null>(null);
  const [documents, setDocuments] = useState(false);
  const [seals, setSeals] = useState<Record<string, string>>({});
  const [result, setResult] = useState<ExitCheckDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const sealRefs = useRef<Array<HTMLInputElement | null>>([]);
  const documentsRef = useRef<HTMLInputElement>(null);

  function reset() {
    setCandidate(null);
    setDocuments(false);
    setSeals({});
    setResult(null);
    setError(null);
    setFieldErrors({});
  }

  async function find(value = code): Promise<ExitCandidateDto | null> {
    setError(null);
    setFieldErrors({});
    if (!value.trim()) {
      setFieldErrors({ code: t('fields.required') });
      return null;
    }
    setBusy(true);
    try {
      const found = await call('gate.findForExit', { code: value });
      setCandidate(found);
      setResult(found.lastCheck && found.journey.status === 'exit_checked' ? found.lastCheck : null);
      // Keyboard on: the next thing to do is ticking the documents (Space), then Enter through the seals.
      if (found.journey.status === 'gross_weighed') window.setTimeout(() => documentsRef.current?.focus(), 0);
      return found;
    } catch (err) {
      const problem = submitProblem(t, toApiError(err));
      setCandidate(null);
      setFieldErrors({ code: problem.fields.code ?? problem.message });
      return null;
    } finally {
      setBusy(false);
    }
  }

  async function check() {
    if (!candidate) return;
    setError(null);
    setFieldErrors({});
    if (!documents) {
      setFieldErrors({ documentsChecked: t('fields.documentsChecked') });
      return;
    }
    setBusy(true);
    const input = {
      journeyId: candidate.journey.id,
      documentsChecked: true as const,
      seals: candidate.sealPositions.map((position) => ({ position, sealNumber: (seals[position] ?? '').trim() })).filter((s) => s.sealNumber !== ''),
    };
    try {
      const passed = await call('gate.checkExit', input);
      setResult(passed);
      notifications.show({ color: 'green', message: t('gate.exit.passedToast', { plate: passed.truckPlate }) });
      setCandidate({ ...candidate, journey: { ...candidate.journey, status: 'exit_checked' }, lastCheck: passed });
    } catch (err) {
      const problem = submitProblem(t, toApiError(err));
      const fields: Record<string, string> = {};
      for (const [path, message] of Object.entries(problem.fields)) {
        const m = /^seals\.(\d+)/.exec(path);
        fields[m ? `seal:${input.seals[Number(m[1])]?.position ?? ''}` : path] = message;
      }
      setFieldErrors(fields);
      setError(problem.message);
      // A seal refusal is committed (recorded, alert raised): reload to show the check with its differences.
      const again = await find(candidate.journey.number);
      if (again?.lastCheck && !again.lastCheck.passed) setResult(again.lastCheck);
    } finally {
      setBusy(false);
      onChanged();
    }
  }

  async function letOut(journey: Pick<JourneyDto, 'id' | 'truckPlate'>) {
    setBusy(true);
    try {
      await call('gate.confirmExit', { journeyId: journey.id });
      notifications.show({ color: 'green', message: t('gate.exit.outToast', { plate: journey.truckPlate }) });
      if (candidate?.journey.id === journey.id) {
        reset();
        setCode('');
        codeRef.current?.focus();
      }
    } catch (err) {
      notifications.show({ color: 'red', message: submitProblem(t, toApiError(err)).message });
    } finally {
      setBusy(false);
      onChanged();
    }
  }

  const j = candidate?.journey;
  const checkable = j?.status === 'gross_weighed';

  return (
    <Card withBorder padding="lg" data-testid="gate-exit">
      <Title order={2} mb="sm">
        {t('gate.exit.title')}
      </Title>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          reset();
          void find();
        }}
      >
        <Group align="flex-start" wrap="nowrap">
          <TextInput
            ref={codeRef}
            style={{ flex: 1 }}
            size="lg"
            placeholder={t('gate.exit.codeHint')}
            aria-label={t('gate.exit.code')}
            autoComplete="off"
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={fieldErrors.code}
            data-testid="gate-exit-code"
          />
          <Button type="submit" size="lg" loading={busy && !candidate} data-testid="gate-exit-find">
            {t('gate.exit.find')}
          </Button>
        </Group>
      </form>

      {j && candidate && (
        <Stack gap="sm" mt="md" data-testid="gate-exit-candidate">
          <Group justify="space-between">
            <Group gap="sm">
              <Text fz={28} fw={800}>
                {j.truckPlate}
              </Text>
              <Badge size="xl" color={j.status === 'exit_checked' ? 'green' : checkable ? 'blue' : 'gray'} data-testid="gate-exit-status">
                {t(`journeyStatus.${j.status}`)}
              </Badge>
            </Group>
            <Text c="dimmed">{j.number}</Text>
          </Group>
          <Text fz="lg">
            {j.customerName} · {j.grade} {t(`gate.packaging.${j.packaging}`)} · {formatTonnes(j.quantityKg)} {t('gate.tonnes')} · {j.slipNumber}
          </Text>
          {!checkable && j.status !== 'exit_checked' && (
            <Alert color="gray" variant="light">
              {t('gate.exit.notReady', { status: t(`journeyStatus.${j.status}`) })}
            </Alert>
          )}
          {checkable && (
            <form
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                void check();
              }}
            >
              <Stack gap="sm">
                <FormError message={error} />
                <Checkbox
                  ref={documentsRef}
                  size="lg"
                  label={t('gate.exit.documents')}
                  checked={documents}
                  onChange={(e) => setDocuments(e.currentTarget.checked)}
                  error={fieldErrors.documentsChecked}
                  data-testid="gate-exit-documents"
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') {
                      e.preventDefault();
                      if (!documents) setDocuments(true);
                      else sealRefs.current[0]?.focus();
                    }
                  }}
                />
                {j.packaging === 'bulk' && (
                  <>
                    <Divider label={t('gate.exit.sealsTitle', { count: candidate.sealPositions.length })} labelPosition="left" />
                    {candidate.sealPositions.length === 0 && (
                      <Text c="red" fw={700}>
                        {t('gate.exit.noSealsRecorded')}
                      </Text>
                    )}
                    <SimpleGrid cols={{ base: 1, sm: 2 }}>
                      {candidate.sealPositions.map((position, i) => (
                        <TextInput
                          key={position}
                          ref={(el) => {
                            sealRefs.current[i] = el;
                          }}
                          size="lg"
                          label={t('gate.exit.sealAt', { position })}
                          autoComplete="off"
                          value={seals[position] ?? ''}
                          onChange={(e) => setSeals({ ...seals, [position]: e.currentTarget.value.toUpperCase() })}
                          error={fieldErrors[`seal:${position}`]}
                          data-testid="gate-exit-seal"
                          data-position={position}
                          onKeyDown={(e) => {
                            if (e.key !== 'Enter') return;
                            e.preventDefault();
                            const next = sealRefs.current[i + 1];
                            if (next) next.focus();
                            else void check();
                          }}
                        />
                      ))}
                    </SimpleGrid>
                    {fieldErrors.seals && <Text c="red">{fieldErrors.seals}</Text>}
                  </>
                )}
                <Group justify="flex-end">
                  <Button type="submit" size="lg" loading={busy} data-testid="gate-exit-check">
                    {t('gate.exit.check')}
                  </Button>
                </Group>
              </Stack>
            </form>
          )}
          {result && <CheckResult result={result} canLetOut={j.status === 'exit_checked'} busy={busy} onLetOut={() => void letOut(j)} />}
        </Stack>
      )}

      {awaiting.length > 0 && (
        <>
          <Divider my="md" label={t('gate.exit.awaiting', { count: awaiting.length })} labelPosition="left" />
          <Table fz="lg" verticalSpacing={6}>
            <Table.Tbody>
              {awaiting.map((a) => (
                <Table.Tr key={a.id} data-testid="gate-awaiting-exit" data-plate={a.truckPlate}>
                  <Table.Td fw={700}>{a.truckPlate}</Table.Td>
                  <Table.Td>{a.exitCheckedAt !== null ? formatClock(a.exitCheckedAt).slice(0, 5) : ''}</Table.Td>
                  <Table.Td ta="right">
                    <Button size="sm" color="green" leftSection={<IconDoorExit size={18} />} disabled={busy} onClick={() => void letOut(a)} data-testid="gate-awaiting-letout">
                      {t('gate.exit.letOut')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Card>
  );
}

function CheckResult({ result, canLetOut, busy, onLetOut }: { result: ExitCheckDto; canLetOut: boolean; busy: boolean; onLetOut: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      color={result.passed ? 'green' : 'red'}
      variant={result.passed ? 'light' : 'filled'}
      icon={result.passed ? <IconCircleCheck size={32} /> : <IconAlertOctagon size={32} />}
      data-testid="gate-exit-result"
      data-passed={result.passed}
      title={
        <Text fz={24} fw={800} inherit>
          {result.passed ? t('gate.exit.passed') : t('gate.exit.blocked')}
        </Text>
      }
    >
      <Text fz="lg">{t('gate.exit.verdictLine', { verdict: t(`gate.verdict.${result.verdict}`), time: formatClock(result.checkedAt).slice(0, 5), by: result.checkedByName ?? '' })}</Text>
      {!result.passed && <Differences rows={result.differences} />}
      {result.passed && canLetOut && (
        <Button mt="md" size="xl" color="green" leftSection={<IconDoorExit />} loading={busy} onClick={onLetOut} data-testid="gate-exit-letout" data-autofocus>
          {t('gate.exit.letOut')}
        </Button>
      )}
    </Alert>
  );
}
