import { Group, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** The page's h1 plus optional actions on the right. */
export function PageTitle({ children, actions }: { children: ReactNode; actions?: ReactNode }) {
  return (
    <Group justify="space-between" align="center" mb="lg" wrap="wrap">
      <Title order={1}>{children}</Title>
      {actions}
    </Group>
  );
}
