import { Box, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api';
import { BOARD_COLORS } from '../../board/boardColors';
import { BoardClock } from '../../board/BoardClock';
import { useBoardInstallation } from '../../board/useBoardInstallation';
import { useFollowStoredLanguage } from '../../board/useFollowStoredLanguage';

/** No token: the rules board is public. */
const NO_SESSION = '';
/** Settings may change at any time; a wall display re-reads them each minute (and retries quietly). */
const REFRESH_MS = 60_000;

function Rule({ title, text, procedure, testId }: { title: string; text: string; procedure?: string; testId: string }) {
  return (
    <Box bg={BOARD_COLORS.panel} p="1.6vw" style={{ borderRadius: 12, border: `2px solid ${BOARD_COLORS.line}` }} data-testid={testId}>
      <Text fw={800} c={BOARD_COLORS.accent} style={{ fontSize: 'clamp(1.6rem, 2.4vw, 3rem)' }}>
        {title}
      </Text>
      <Text fw={600} c="white" mt="xs" style={{ fontSize: 'clamp(1.2rem, 1.7vw, 2.2rem)', lineHeight: 1.45 }}>
        {text}
      </Text>
      {procedure && (
        <Text c="gray.3" mt="xs" style={{ fontSize: 'clamp(1.1rem, 1.5vw, 1.9rem)', lineHeight: 1.45 }}>
          {procedure}
        </Text>
      )}
    </Box>
  );
}

/**
 * `#/weighbridge/rules`: the display at the weighbridge explaining the procedures (SPEC §3.4) with the numbers in
 * force (`weighing.getRulesBoard`, public, no customer data). Dark, big type, no session.
 */
export function WeighRulesBoard() {
  const { t } = useTranslation();
  useFollowStoredLanguage();
  const installation = useBoardInstallation();
  const board = useApi('weighing.getRulesBoard', {}, { token: NO_SESSION });
  const { reload } = board;
  useEffect(() => {
    const timer = window.setInterval(reload, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [reload]);
  const d = board.data;
  return (
    <Box bg={BOARD_COLORS.background} c="white" mih="100vh" px="2.5vw" py="2vh" style={{ colorScheme: 'dark' }} data-testid="weigh-rules-board">
      <Group justify="space-between" align="center" mb="2vh">
        <Stack gap={0}>
          <Text component="h1" fw={800} c={BOARD_COLORS.accent} m={0} style={{ fontSize: 'clamp(2rem, 3.4vw, 4rem)' }}>
            {t('weighRules.title')}
          </Text>
          <Text fw={700} style={{ fontSize: 'clamp(1.1rem, 1.5vw, 1.8rem)' }}>
            {installation?.plantName ?? '\u00a0'}
          </Text>
        </Stack>
        <BoardClock />
      </Group>
      {d && (
        <SimpleGrid cols={2} spacing="1.5vw">
          <Rule testId="rule-wait" title={t('weighRules.waitTitle')} text={t('weighRules.waitText', { minutes: d.waitMinutes })} />
          <Rule testId="rule-weight" title={t('weighRules.weightTitle')} text={t('weighRules.weightText')} />
          <Rule
            testId="rule-tare"
            title={t('weighRules.tareTitle')}
            text={t('weighRules.tareText', { count: d.tareHistoryCount, percent: d.tareTolerancePercent, kg: d.tareToleranceKg })}
            procedure={t('weighRules.tareProcedure')}
          />
          <Rule testId="rule-net" title={t('weighRules.netTitle')} text={t('weighRules.netText', { percent: d.netMinPercentOfSlip })} procedure={t('weighRules.netProcedure')} />
          <Rule
            testId="rule-bag"
            title={t('weighRules.bagTitle')}
            text={t('weighRules.bagText', { bagKg: d.bagWeightKg, permille: d.bagOverweightPermille })}
            procedure={t('weighRules.bagProcedure')}
          />
        </SimpleGrid>
      )}
      <Text c="gray.5" mt="2vh" style={{ fontSize: 'clamp(1rem, 1.2vw, 1.4rem)' }}>
        {t('weighRules.footer')}
      </Text>
    </Box>
  );
}
