import { Button, Group, NativeSelect, SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMPLAINT_CHANNELS, COMPLAINT_NATURES, type ComplaintChannel, type ComplaintDto, type ComplaintNature } from '../../../../src/shared/contract/complaints';
import type { CustomerDto } from '../../../../src/shared/dto';
import { SERVICE_POSTS, type ServicePost } from '../../../../src/shared/posts';
import { call } from '../../api';
import { FormModal } from '../../components/FormModal';
import { useSubmit } from '../../forms/useSubmit';
import type { FieldErrors } from '../../forms/zodErrors';
import { CustomerPicker } from '../finance/CustomerPicker';
import { fromPlantLocalInput, toPlantLocalInput } from '../suggestions/plantTime';

interface Draft {
  customer: CustomerDto | null;
  customerName: string;
  contactName: string;
  contactPhone: string;
  channel: ComplaintChannel;
  receivedAt: string;
  post: ServicePost;
  nature: ComplaintNature;
  description: string;
  salespersonName: string;
  salespersonPhone: string;
}

/**
 * 客户投诉受理卡 as a form: customer (search, or a name typed for someone without a customer file), channel, when it
 * came in (default now), the post concerned, quality or service, what happened, and the salesperson who must be on
 * site. Tab moves, Enter in a one-line field or Ctrl+Enter accepts; the customer search takes Enter for itself.
 */
export function AcceptComplaintModal({ utcOffsetMinutes, onSiteHours, onClose, onAccepted }: { utcOffsetMinutes: number; onSiteHours: number; onClose: () => void; onAccepted: (c: ComplaintDto) => void }) {
  const { t } = useTranslation();
  const [fields, setFields] = useState<FieldErrors>({});
  const { run, submitting, formError, setFormError } = useSubmit({ onFieldErrors: setFields });
  const [d, setD] = useState<Draft>(() => ({
    customer: null,
    customerName: '',
    contactName: '',
    contactPhone: '',
    channel: 'phone',
    receivedAt: toPlantLocalInput(Date.now(), utcOffsetMinutes),
    post: 'sales_window',
    nature: 'service',
    description: '',
    salespersonName: '',
    salespersonPhone: '',
  }));
  const patch = (p: Partial<Draft>) => setD((x) => ({ ...x, ...p }));
  const search = useRef<HTMLInputElement>(null);
  const channel = useRef<HTMLSelectElement>(null);
  // the dialog's focus trap takes the first field; the cursor belongs in the customer search
  useEffect(() => {
    const id = window.setTimeout(() => search.current?.focus(), 80);
    return () => window.clearTimeout(id);
  }, []);

  async function save() {
    setFields({});
    const receivedAt = fromPlantLocalInput(d.receivedAt, utcOffsetMinutes);
    if (receivedAt === null) {
      setFields({ receivedAt: t('fields.dateFormat') });
      setFormError(t('errorCodes.VALIDATION'));
      return;
    }
    const out = await run(() =>
      call('complaints.accept', {
        ...(d.customer ? { customerId: d.customer.id } : {}),
        customerName: d.customerName,
        contactName: d.contactName,
        contactPhone: d.contactPhone,
        channel: d.channel,
        post: d.post,
        nature: d.nature,
        description: d.description,
        salespersonName: d.salespersonName,
        salespersonPhone: d.salespersonPhone,
        receivedAt,
      }),
    );
    if (out) onAccepted(out);
  }

  return (
    <FormModal opened onClose={onClose} title={t('complaints.form.title')} size="xl" onSubmit={() => void save()} submitting={submitting} formError={formError} testId="complaint-form" submitTestId="complaint-accept-save" submitLabel={t('complaints.form.save')}>
      <Stack
        gap="sm"
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void save();
          }
        }}
      >
        <Text c="dimmed">{t('complaints.form.hint', { hours: onSiteHours })}</Text>
        {d.customer ? (
          <Group>
            <Text fw={700} size="lg" data-testid="complaint-customer-picked">
              {t('complaints.form.customerPicked', { name: d.customer.name, code: d.customer.code })}
            </Text>
            <Button variant="subtle" onClick={() => patch({ customer: null })}>
              {t('complaints.form.clearCustomer')}
            </Button>
          </Group>
        ) : (
          <div
            onKeyDown={(e) => {
              // Enter in the search never submits the card: it picks a match or does nothing
              if (e.key === 'Enter' && !e.ctrlKey) e.preventDefault();
            }}
          >
            <Text size="sm" fw={500} mb={4}>
              {t('complaints.form.customer')}
            </Text>
            <CustomerPicker
              ref={search}
              onPick={(c) => {
                patch({ customer: c, customerName: c.name, contactName: d.contactName || c.contactName, contactPhone: d.contactPhone || c.phone });
                // name and contact come from the customer file: on to the channel
                window.setTimeout(() => channel.current?.focus(), 0);
              }}
            />
          </div>
        )}
        <Group grow align="flex-start">
          <TextInput label={t('complaints.form.customerName')} value={d.customerName} onChange={(e) => patch({ customerName: e.currentTarget.value })} error={fields.customerName} maxLength={60} withAsterisk data-testid="complaint-customer-name" />
          <TextInput label={t('complaints.form.contactName')} value={d.contactName} onChange={(e) => patch({ contactName: e.currentTarget.value })} error={fields.contactName} maxLength={40} data-testid="complaint-contact-name" />
          <TextInput label={t('complaints.form.contactPhone')} value={d.contactPhone} onChange={(e) => patch({ contactPhone: e.currentTarget.value })} error={fields.contactPhone} maxLength={20} data-testid="complaint-contact-phone" />
        </Group>
        <Group grow align="flex-start">
          <NativeSelect ref={channel} label={t('complaints.form.channel')} value={d.channel} onChange={(e) => patch({ channel: e.currentTarget.value as ComplaintChannel })} data={COMPLAINT_CHANNELS.map((c) => ({ value: c, label: t(`complaints.channels.${c}`) }))} data-testid="complaint-channel" />
          <TextInput type="datetime-local" label={t('complaints.form.receivedAt')} value={d.receivedAt} onChange={(e) => patch({ receivedAt: e.currentTarget.value })} error={fields.receivedAt} data-testid="complaint-received-at" />
          <NativeSelect label={t('complaints.form.post')} value={d.post} onChange={(e) => patch({ post: e.currentTarget.value as ServicePost })} data={SERVICE_POSTS.map((p) => ({ value: p, label: t(`posts.${p}`) }))} error={fields.post} data-testid="complaint-post" />
        </Group>
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t('complaints.form.nature')}
          </Text>
          <SegmentedControl value={d.nature} onChange={(v) => patch({ nature: v as ComplaintNature })} data={COMPLAINT_NATURES.map((n) => ({ value: n, label: t(`complaints.natures.${n}`) }))} data-testid="complaint-nature" />
        </div>
        <Textarea label={t('complaints.form.description')} value={d.description} onChange={(e) => patch({ description: e.currentTarget.value })} error={fields.description} maxLength={1000} autosize minRows={3} withAsterisk data-testid="complaint-description" />
        <Group grow align="flex-start">
          <TextInput label={t('complaints.form.salespersonName')} value={d.salespersonName} onChange={(e) => patch({ salespersonName: e.currentTarget.value })} error={fields.salespersonName} maxLength={40} withAsterisk data-testid="complaint-salesperson" />
          <TextInput label={t('complaints.form.salespersonPhone')} value={d.salespersonPhone} onChange={(e) => patch({ salespersonPhone: e.currentTarget.value })} error={fields.salespersonPhone} maxLength={20} data-testid="complaint-salesperson-phone" />
        </Group>
      </Stack>
    </FormModal>
  );
}
