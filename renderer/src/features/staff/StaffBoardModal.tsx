import { Button, Group, Modal, NativeSelect, Stack } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SERVICE_POSTS, type ServicePost } from '../../../../src/shared/posts';
import { usePrintDocument } from '../print/usePrintDocument';

/** Pick a window and print its staff information board (挂牌上岗). */
export function StaffBoardModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [post, setPost] = useState<ServicePost>('sales_window');
  const { print, printing } = usePrintDocument();
  const go = () => void print('staffBoard', post).then(onClose);
  return (
    <Modal opened onClose={onClose} title={t('staff.boardTitle')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          go();
        }}
      >
        <Stack>
          <NativeSelect size="md" label={t('staff.boardWindow')} value={post} onChange={(e) => setPost(e.currentTarget.value as ServicePost)}
            onKeyDown={(e) => {
              // a select does not submit its form on Enter: here it prints (arrow keys choose the window)
              if (e.key === 'Enter') {
                e.preventDefault();
                go();
              }
            }}
            data={SERVICE_POSTS.map((p) => ({ value: p, label: t(`posts.${p}`) }))} data-autofocus data-testid="staff-board-post" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" leftSection={<IconPrinter size={18} />} loading={printing !== null} data-testid="staff-board-print">
              {t('staff.boardPrint')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
