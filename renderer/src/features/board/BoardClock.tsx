import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatClock, formatLongDate } from '../../i18n/format';
import { useNow } from './useNow';

/** The wall clock in the board's header: the time in large digits, the date with its weekday underneath. */
export function BoardClock() {
  const { i18n } = useTranslation();
  const now = useNow();
  return (
    <Stack gap={0} align="flex-end" style={{ flexShrink: 0 }}>
      <Text
        component="time"
        data-testid="board-clock"
        dateTime={new Date(now).toISOString()}
        fw={700}
        lh={1}
        c="white"
        style={{ fontSize: 'clamp(2rem, 3vw, 3.6rem)', fontVariantNumeric: 'tabular-nums' }}
      >
        {formatClock(now, i18n.language)}
      </Text>
      <Text fw={700} c="gray.4" style={{ fontSize: 'clamp(0.9rem, 1.1vw, 1.3rem)' }}>
        {formatLongDate(now, i18n.language)}
      </Text>
    </Stack>
  );
}
