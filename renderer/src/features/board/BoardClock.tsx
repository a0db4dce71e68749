import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatClock, formatLongDate } from '../../i18n/format';
import { useNow } from './useNow';

/** The wall clock: time in huge digits, the date with its weekday underneath; ticks every second. */
export function BoardClock() {
  const { i18n } = useTranslation();
  const now = useNow();
  return (
    <Stack gap={0} align="center" data-testid="board-clock">
      <Text
        component="time"
        dateTime={new Date(now).toISOString()}
        fw={700}
        lh={1}
        c="white"
        style={{ fontSize: 'clamp(5rem, 8.5vw, 9.5rem)', fontVariantNumeric: 'tabular-nums', letterSpacing: '0.02em' }}
      >
        {formatClock(now, i18n.language)}
      </Text>
      <Text fw={700} c="gray.3" mt="lg" style={{ fontSize: 'clamp(2rem, 3vw, 3.25rem)' }}>
        {formatLongDate(now, i18n.language)}
      </Text>
    </Stack>
  );
}
