import { Button, FileInput, Group, Image, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPhoto, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffDto } from '../../../../src/shared/dto';
import { call, useApi } from '../../api';
import { FormError } from '../../components/FormError';
import { useSubmit } from '../../forms/useSubmit';

/** The file's bytes as base64 (the core checks the type by its first bytes and the size against the setting). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** Upload, preview and remove a staff member's photo (badge card, staff board). */
export function StaffPhotoModal({ staff, maxKb, onClose }: { staff: StaffDto; maxKb: number; onClose: () => void }) {
  const { t } = useTranslation();
  const current = useApi('staff.getPhoto', { id: staff.id });
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const { run, submitting, formError, setFormError } = useSubmit();

  useEffect(() => {
    // only an image the core will take is previewed (a wrong file is refused on save, with the reason)
    if (!file || !['image/jpeg', 'image/png'].includes(file.type)) return setPreview(null);
    const url = URL.createObjectURL(file);
    setPreview(url);
    setFormError(null);
    return () => URL.revokeObjectURL(url);
  }, [file, setFormError]);

  const shown = preview ?? (current.data?.photo ? `data:${current.data.photo.mime};base64,${current.data.photo.base64}` : null);

  async function save() {
    if (!file) return;
    // a file far over the limit is refused here, with the same words as the core, before it is sent
    if (file.size > maxKb * 1024) return setFormError(t('errors.staffPhotoTooLarge', { maxKb, sizeKb: Math.ceil(file.size / 1024) }));
    const base64 = await readBase64(file);
    const out = await run(() => call('staff.setPhoto', { id: staff.id, base64 }));
    if (out) {
      notifications.show({ color: 'green', message: t('staff.photoSaved', { name: staff.name }) });
      onClose();
    }
  }

  async function remove() {
    const out = await run(() => call('staff.setPhoto', { id: staff.id, base64: null }));
    if (out) {
      notifications.show({ color: 'green', message: t('staff.photoRemoved', { name: staff.name }) });
      onClose();
    }
  }

  return (
    <Modal opened onClose={onClose} title={t('staff.photoTitle', { name: staff.name, staffNo: staff.staffNo })} size="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        data-testid="staff-photo-form"
      >
        <Stack>
          <FormError message={formError} />
          <Group justify="center">
            {shown ? (
              <Image src={shown} alt={t('badge.photoAlt')} w={180} h={230} fit="cover" radius="sm" data-testid="staff-photo-preview" />
            ) : (
              <Text c="dimmed" data-testid="staff-photo-none">
                {t('staff.noPhoto')}
              </Text>
            )}
          </Group>
          <FileInput
            size="md"
            label={t('staff.choosePhoto')}
            description={t('staff.photoHint', { maxKb })}
            accept="image/jpeg,image/png"
            leftSection={<IconPhoto size={18} />}
            value={file}
            onChange={setFile}
            clearable
            data-autofocus
            data-testid="staff-photo-file"
          />
          <Group justify="space-between">
            <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} disabled={!current.data?.photo} loading={submitting && !file} onClick={() => void remove()} data-testid="staff-photo-remove">
              {t('staff.removePhoto')}
            </Button>
            <Group>
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" disabled={!file} loading={submitting && !!file} data-testid="staff-photo-save">
                {t('staff.savePhoto')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
