import { Badge, Group, Paper, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { forwardRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerDto } from '../../../../src/shared/dto';
import { useApi } from '../../api';
import { formatMoney } from '../../i18n/format';

interface Props {
  onPick: (customer: CustomerDto) => void;
}

/**
 * Customer search for the counter: type a code, name, pinyin initials or phone; ↑/↓ move through the matches and
 * Enter takes the highlighted one (the first by default). Uses the sales window's customer list as it is.
 */
export const CustomerPicker = forwardRef<HTMLInputElement, Props>(function CustomerPicker({ onPick }, ref) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [query] = useDebouncedValue(typed.trim(), 200);
  const [active, setActive] = useState(0);
  const list = useApi('sales.listCustomers', { query, offset: 0, limit: 8 }, { enabled: query.length > 0 });
  const items = query ? (list.data?.items ?? []) : [];
  const highlighted = Math.min(active, Math.max(0, items.length - 1));

  function pick(c: CustomerDto) {
    onPick(c);
    setTyped('');
    setActive(0);
  }

  return (
    <Stack gap={6}>
      <TextInput
        ref={ref}
        data-testid="finance-customer-search"
        aria-label={t('finance.customerSearch')}
        placeholder={t('finance.customerSearchPlaceholder')}
        size="lg"
        autoFocus
        autoComplete="off"
        maxLength={40}
        leftSection={<IconSearch size={22} />}
        value={typed}
        onChange={(e) => {
          setTyped(e.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive(Math.min(highlighted + 1, items.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive(Math.max(highlighted - 1, 0));
          } else if (e.key === 'Enter' && items[highlighted]) {
            e.preventDefault();
            pick(items[highlighted]);
          } else if (e.key === 'Escape' && typed) {
            e.stopPropagation();
            setTyped('');
          }
        }}
      />
      {query && items.length === 0 && !list.loading && (
        <Text c="dimmed" data-testid="finance-customer-none">
          {t('finance.noCustomer', { query })}
        </Text>
      )}
      {items.length > 0 && (
        <Paper withBorder role="listbox" aria-label={t('finance.customerMatches')}>
          {items.map((c, i) => (
            <UnstyledButton
              key={c.id}
              role="option"
              aria-selected={i === highlighted}
              data-testid={`finance-customer-option-${c.code}`}
              onClick={() => pick(c)}
              tabIndex={-1}
              w="100%"
              px="md"
              py={8}
              bg={i === highlighted ? 'blue.0' : undefined}
            >
              <Group justify="space-between" wrap="nowrap">
                <Group gap="sm" wrap="nowrap">
                  <Text ff="monospace">{c.code}</Text>
                  <Text fw={700}>{c.name}</Text>
                  {c.status !== 'active' && <Badge color="red">{t(`customers.status.${c.status}`)}</Badge>}
                </Group>
                <Text c={c.balanceFen < 0 ? 'red.8' : undefined} style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {formatMoney(c.balanceFen)}
                </Text>
              </Group>
            </UnstyledButton>
          ))}
        </Paper>
      )}
    </Stack>
  );
});
