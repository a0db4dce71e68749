import { Button, Group, Modal, Stack, type ModalProps } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from './FormError';

interface Props {
  opened: boolean;
  onClose: () => void;
  title: ReactNode;
  size?: ModalProps['size'];
  /** Called on Enter or the save button; the browser's own submit is always prevented. */
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  submitting: boolean;
  formError: string | null | undefined;
  testId: string;
  submitTestId: string;
  /** The save button's text (default: 保存 / Save). */
  submitLabel?: ReactNode;
  children: ReactNode;
}

/** A dialog holding one form: the translated form error on top, the fields, then Cancel and Save (Enter submits, Esc closes). */
export function FormModal({ opened, onClose, title, size, onSubmit, submitting, formError, testId, submitTestId, submitLabel, children }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit(event);
        }}
        noValidate
        data-testid={testId}
      >
        <Stack>
          <FormError message={formError} />
          {children}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={submitting} data-testid={submitTestId}>
              {submitLabel ?? t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
