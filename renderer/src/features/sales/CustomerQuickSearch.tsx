import { Group, Paper, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerDto } from '../../../../src/shared/dto';
import { call } from '../../api';
import { formatMoney } from '../../i18n/format';

const DEBOUNCE_MS = 150;

/**
 * Keyboard customer pick: type a code, name, pinyin initials or phone; ↑/↓ move, Enter picks. The list comes
 * from `sales.listCustomers` (the customer look-up's own matching).
 */
export function CustomerQuickSearch({ inputRef, onPick }: { inputRef: RefObject<HTMLInputElement | null>; onPick: (c: CustomerDto) => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<{ query: string; items: CustomerDto[] }>({ query: '', items: [] });
  const [active, setActive] = useState(0);

  useEffect(() => {
    const q = query.trim();
    if (!q) return;
    let alive = true;
    const timer = window.setTimeout(() => {
      call('sales.listCustomers', { query: q, limit: 8 }).then(
        (page) => {
          if (!alive) return;
          setResult({ query: q, items: page.items });
          setActive(0);
        },
        () => undefined,
      );
    }, DEBOUNCE_MS);
    return () => {
      alive = false;
      window.clearTimeout(timer);
    };
  }, [query]);

  const items = query.trim() && result.query === query.trim() ? result.items : [];
  const pick = (c: CustomerDto | undefined) => {
    if (!c) return;
    onPick(c);
    setQuery('');
    setResult({ query: '', items: [] });
  };

  return (
    <Stack gap={4} pos="relative">
      <TextInput
        ref={inputRef}
        size="lg"
        label={t('salesWindow.customer')}
        placeholder={t('salesWindow.customerPlaceholder')}
        leftSection={<IconSearch />}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((i) => Math.min(i + 1, Math.max(items.length - 1, 0)));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((i) => Math.max(i - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            pick(items[active]);
          }
        }}
        autoComplete="off"
        data-testid="slip-customer-search"
        role="combobox"
        aria-expanded={items.length > 0}
      />
      {query.trim() && result.query === query.trim() && (
        <Paper withBorder shadow="md" p={4} role="listbox" data-testid="slip-customer-results">
          {items.length === 0 ? (
            <Text c="dimmed" p="sm">
              {t('salesWindow.noMatch')}
            </Text>
          ) : (
            items.map((c, i) => (
              <UnstyledButton
                key={c.id}
                role="option"
                aria-selected={i === active}
                tabIndex={-1}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick(c)}
                w="100%"
                px="sm"
                py={6}
                style={{ borderRadius: 6, background: i === active ? 'var(--mantine-color-blue-light)' : undefined }}
                data-testid="slip-customer-option"
              >
                <Group justify="space-between" wrap="nowrap">
                  <Text fw={i === active ? 700 : 500} size="lg" truncate>
                    {c.code} {c.name}
                  </Text>
                  <Text c="dimmed" size="sm" style={{ flexShrink: 0 }}>
                    {c.phone} · {formatMoney(c.balanceFen)}
                  </Text>
                </Group>
              </UnstyledButton>
            ))
          )}
        </Paper>
      )}
    </Stack>
  );
}
