import { Box, Group, Stack, Text } from '@mantine/core';
import { IconSpeakerphone } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { GateBoardDto } from '../../../../src/shared/contract/gate';
import { BOARD_COLORS } from './boardColors';

type Called = GateBoardDto['called'][number];
const OTHERS_SHOWN = 2;

/** "请 豫A12345 进厂": the truck just called in huge type, the few called before it smaller beside it. */
export function BoardCalled({ called }: { called: Called[] }) {
  const { t } = useTranslation();
  const [latest, ...earlier] = called;
  return (
    <Group
      data-testid="board-called-area"
      wrap="nowrap"
      gap="2vw"
      px="2vw"
      py="0.8vh"
      style={{ background: BOARD_COLORS.called, borderRadius: 16, border: `4px solid ${latest ? BOARD_COLORS.accent : BOARD_COLORS.line}`, minHeight: '12vh' }}
    >
      <Stack gap={4} align="center" style={{ flexShrink: 0 }}>
        <IconSpeakerphone size="2.8rem" color={BOARD_COLORS.accent} aria-hidden />
        {latest && (
          <Text fw={800} c={BOARD_COLORS.accent} style={{ fontSize: 'clamp(1.2rem, 1.6vw, 2rem)' }}>
            {t('board.calledTitle')}
          </Text>
        )}
      </Stack>
      {latest ? (
        <>
          <Box flex={1} style={{ minWidth: 0, overflow: 'hidden' }}>
            <CallText called={latest} big />
          </Box>
          {earlier.length > 0 && (
            <Stack gap="0.4vh" style={{ flexShrink: 0, borderLeft: `3px solid ${BOARD_COLORS.line}`, paddingLeft: '2vw' }}>
              {earlier.slice(0, OTHERS_SHOWN).map((c) => (
                <CallText key={c.journeyId} called={c} />
              ))}
            </Stack>
          )}
        </>
      ) : (
        <Text fw={700} c="gray.4" style={{ fontSize: 'clamp(1.8rem, 2.6vw, 3.2rem)' }}>
          {t('board.calledNone')}
        </Text>
      )}
    </Group>
  );
}

const PLATE_MARK = '\u0001';

function CallText({ called, big = false }: { called: Called; big?: boolean }) {
  const { t } = useTranslation();
  // The sentence around the plate comes from the translation ("请 {{plate}} 进厂" / "{{plate}} please drive in").
  const [before = '', after = ''] = t('board.call', { plate: PLATE_MARK }).split(PLATE_MARK);
  return (
    <Stack data-testid="board-called" data-plate={called.truckPlate} data-journey-id={called.journeyId} gap={0}>
      <Text fw={800} c="white" lh={1.15} style={{ fontSize: big ? 'clamp(2.2rem, 3.2vw, 3.8rem)' : 'clamp(1.3rem, 1.6vw, 1.9rem)', whiteSpace: 'nowrap' }}>
        {before}
        <Text span inherit c={BOARD_COLORS.accent} style={{ letterSpacing: '0.04em' }}>
          {called.truckPlate}
        </Text>
        {after}
      </Text>
      {big && (
        <Text fw={700} c="gray.3" style={{ fontSize: 'clamp(1.1rem, 1.4vw, 1.7rem)', whiteSpace: 'nowrap' }}>
          {called.grade} {t(`board.packaging.${called.packaging}`)}
        </Text>
      )}
    </Stack>
  );
}
