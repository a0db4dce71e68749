import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';

/** The form-level error, already translated; announced to screen readers as it appears. */
export function FormError({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <Alert data-testid="form-error" color="red" variant="light" icon={<IconAlertCircle />} role="alert" fz="md">
      {message}
    </Alert>
  );
}
