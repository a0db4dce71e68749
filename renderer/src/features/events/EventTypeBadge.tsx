import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { eventTypeColor, eventTypeLabel } from './eventTypes';

export function EventTypeBadge({ type }: { type: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={eventTypeColor(type)} size="lg" style={{ textTransform: 'none' }}>
      {eventTypeLabel(t, type)}
    </Badge>
  );
}
