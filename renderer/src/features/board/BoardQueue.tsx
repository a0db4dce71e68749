import { Box, Group, Stack, Text } from '@mantine/core';
import { IconTruck } from '@tabler/icons-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { GateBoardDto } from '../../../../src/shared/contract/gate';
import { fitTrucks, lineCapacity, lineGrid } from './boardLayout';
import { BOARD_COLORS } from './boardColors';
import { useBoxSize } from './useBoxSize';

type BoardLine = GateBoardDto['lines'][number];
type BoardTruck = BoardLine['trucks'][number];

/** A truck row is 5.4 % of the screen height (58 px at 1080) and needs about 440 px across. */
const ROW_VH = 5.4;
const ROW_MIN_WIDTH = 440;
const ROW_GAP = 8;

/** The queue per product line, side by side; each line shows as many trucks as fit and "+N more". */
export function BoardQueue({ lines }: { lines: BoardLine[] }) {
  const { t } = useTranslation();
  if (lines.length === 0) {
    return (
      <Group data-testid="board-queue-empty" flex={1} justify="center" align="center" gap="xl" style={{ border: `3px dashed ${BOARD_COLORS.line}`, borderRadius: 16 }}>
        <IconTruck size="5rem" color={BOARD_COLORS.accent} aria-hidden />
        <Text fw={800} c="gray.2" style={{ fontSize: 'clamp(2rem, 3.6vw, 4.5rem)' }}>
          {t('board.empty')}
        </Text>
      </Group>
    );
  }
  const grid = lineGrid(lines.length);
  return (
    <Box
      data-testid="board-queue"
      flex={1}
      style={{
        minHeight: 0,
        display: 'grid',
        gap: '1.2vw',
        gridTemplateColumns: `repeat(${grid.columns}, minmax(0, 1fr))`,
        gridTemplateRows: `repeat(${grid.rows}, minmax(0, 1fr))`,
      }}
    >
      {lines.map((line) => (
        <QueueLine key={line.productId} line={line} />
      ))}
    </Box>
  );
}

function QueueLine({ line }: { line: BoardLine }) {
  const { t } = useTranslation();
  const body = useRef<HTMLDivElement>(null);
  const size = useBoxSize(body);
  const rowPx = Math.round((window.innerHeight * ROW_VH) / 100);
  const fit = lineCapacity({ width: size.width, height: size.height + ROW_GAP }, { height: rowPx + ROW_GAP, minWidth: ROW_MIN_WIDTH });
  // Before the first measurement, show the head of the queue only (never a flash of overflowing rows).
  const { shown, more } = size.height > 0 ? fitTrucks(line.trucks.length, fit.capacity) : fitTrucks(line.trucks.length, 1);
  return (
    <Stack
      data-testid="board-line"
      data-product-code={line.productCode}
      gap="1vh"
      p="1vh"
      style={{ minHeight: 0, minWidth: 0, background: BOARD_COLORS.panel, borderRadius: 16, border: `2px solid ${BOARD_COLORS.line}` }}
    >
      <Group justify="space-between" wrap="nowrap" gap="sm" px="0.6vw" align="baseline">
        <Text fw={800} style={{ fontSize: 'clamp(1.5rem, 2vw, 2.4rem)', whiteSpace: 'nowrap', flexShrink: 0 }}>
          {line.grade}{' '}
          <Text span inherit c={line.packaging === 'bulk' ? BOARD_COLORS.bulk : BOARD_COLORS.bagged}>
            {t(`board.packaging.${line.packaging}`)}
          </Text>
        </Text>
        <Text fw={700} c="gray.4" truncate style={{ fontSize: 'clamp(1rem, 1.3vw, 1.6rem)', minWidth: 0 }}>
          {t('board.lineCount', { count: line.trucks.length })}
        </Text>
      </Group>
      <Box
        ref={body}
        flex={1}
        style={{
          minHeight: 0,
          display: 'grid',
          gridAutoFlow: 'column',
          gridTemplateRows: `repeat(${fit.rows}, ${rowPx}px)`,
          gridTemplateColumns: `repeat(${fit.columns}, minmax(0, 1fr))`,
          gap: `${ROW_GAP}px 1vw`,
          alignContent: 'start',
          overflow: 'hidden',
        }}
      >
        {line.trucks.slice(0, shown).map((truck) => (
          <TruckRow key={`${truck.position}-${truck.truckPlate}`} truck={truck} />
        ))}
        {more > 0 && (
          <Group data-testid="board-more" justify="center" style={{ borderRadius: 12, border: `2px dashed ${BOARD_COLORS.line}` }}>
            <Text fw={800} c="gray.2" style={{ fontSize: 'clamp(1.2rem, 1.6vw, 1.9rem)' }}>
              {t('board.more', { count: more })}
            </Text>
          </Group>
        )}
      </Box>
    </Stack>
  );
}

const STATUS_STYLE: Record<BoardTruck['status'], { background: string; border: string; label: string }> = {
  next: { background: '#123d24', border: '#40c057', label: '#8ce99a' },
  waiting: { background: '#16233a', border: '#16233a', label: '#ced4da' },
  held: { background: '#3d2a0a', border: '#f08c00', label: '#ffc078' },
};

function TruckRow({ truck }: { truck: BoardTruck }) {
  const { t } = useTranslation();
  const style = STATUS_STYLE[truck.status];
  const wait = truck.status === 'held' ? t('board.heldHint') : truck.estimatedWaitMinutes > 0 ? t('board.wait', { minutes: truck.estimatedWaitMinutes }) : t('board.waitSoon');
  return (
    <Group
      data-testid="board-truck"
      data-plate={truck.truckPlate}
      data-position={truck.position}
      data-status={truck.status}
      wrap="nowrap"
      gap="0.6vw"
      pl="0.4vw"
      pr="0.6vw"
      style={{ background: style.background, borderRadius: 12, borderLeft: `8px solid ${style.border}`, minWidth: 0 }}
    >
      <Text fw={800} c="gray.3" ta="right" style={{ fontSize: 'clamp(1.3rem, 1.8vw, 2.1rem)', width: '2.2ch', flexShrink: 0, fontVariantNumeric: 'tabular-nums' }}>
        {truck.position}
      </Text>
      <Text fw={800} c="white" style={{ fontSize: 'clamp(1.5rem, 1.9vw, 2.3rem)', letterSpacing: '0.01em', whiteSpace: 'nowrap', flexShrink: 0 }}>
        {truck.truckPlate}
      </Text>
      {/* The plate never gives way: the status and the wait shrink (and are cut) first. */}
      <Stack gap={0} align="flex-end" style={{ flex: 1, minWidth: 0, overflow: 'hidden' }}>
        <Text fw={800} c={style.label} lh={1.1} truncate maw="100%" style={{ fontSize: 'clamp(0.9rem, 1.15vw, 1.4rem)' }}>
          {t(`board.status.${truck.status}`)}
        </Text>
        <Text fw={700} c={truck.status === 'held' ? style.label : 'gray.1'} lh={1.1} truncate maw="100%" style={{ fontSize: 'clamp(1rem, 1.25vw, 1.5rem)', whiteSpace: 'nowrap' }}>
          {wait}
        </Text>
      </Stack>
    </Group>
  );
}
