import { Button, Group, Modal, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../src/shared/contract';
import { call } from '../../api';
import { FormError } from '../../components/FormError';
import { useSubmit } from '../../forms/useSubmit';
import { zodErrors } from '../../forms/zodErrors';

interface Values {
  code: string;
  grade: string;
  packaging: 'bagged' | 'bulk';
  bagWeightKg: string;
}

function toInput(v: Values) {
  const bag = v.bagWeightKg.trim();
  return { code: v.code, grade: v.grade, packaging: v.packaging, bagWeightKg: v.packaging === 'bulk' || !bag ? null : Number(bag) };
}

/** A new product: code, grade, bagged or bulk; a bagged product without a bag weight takes the plant's standard bag. */
export function ProductCreateModal({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: () => void }) {
  const { t } = useTranslation();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { code: '', grade: '', packaging: 'bagged', bagWeightKg: '' },
    validate: (v) => zodErrors(t, contract['sales.createProduct'].input, toInput(v)),
  });
  const submit = useSubmit({ onFieldErrors: form.setErrors });
  function close() {
    form.reset();
    submit.setFormError(null);
    onClose();
  }
  const onSubmit = form.onSubmit(async (v) => {
    const created = await submit.run(() => call('sales.createProduct', toInput(v)));
    if (!created) return;
    notifications.show({ color: 'green', message: t('products.created', { code: created.code }) });
    onCreated();
    close();
  });
  return (
    <Modal opened={opened} onClose={close} title={t('products.createTitle')} size="lg">
      <form onSubmit={onSubmit} noValidate data-testid="product-form">
        <Stack gap="md">
          <FormError message={submit.formError} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput data-testid="product-code" label={t('products.fields.code')} required data-autofocus autoComplete="off" size="md" {...form.getInputProps('code')} />
            <TextInput data-testid="product-grade" label={t('products.fields.grade')} required autoComplete="off" size="md" {...form.getInputProps('grade')} />
            <NativeSelect
              data-testid="product-packaging"
              label={t('products.fields.packaging')}
              size="md"
              data={[
                { value: 'bagged', label: t('products.packaging.bagged') },
                { value: 'bulk', label: t('products.packaging.bulk') },
              ]}
              {...form.getInputProps('packaging')}
            />
            <TextInput
              data-testid="product-bagweight"
              label={t('products.fields.bagWeightKg')}
              inputMode="numeric"
              size="md"
              disabled={form.values.packaging === 'bulk'}
              {...form.getInputProps('bagWeightKg')}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={close} size="md">
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={submit.submitting} data-testid="product-submit" size="md">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
