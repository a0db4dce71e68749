import { Divider, Group, Kbd, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, useLocation } from 'react-router-dom';
import type { NavItem } from './navItems';

/** The role's menu, each item with its Alt+N shortcut, and a reminder of the keys at the bottom. */
export function ShellNav({ items, onNavigate }: { items: NavItem[]; onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <Stack h="100%" justify="space-between" gap="sm">
      <ScrollArea component="nav" aria-label={t('shell.menu')}>
        {items.map((item, i) => {
          const Icon = item.icon;
          const active = item.path === '/' ? pathname === '/' : pathname.startsWith(item.path);
          return (
            <NavLink
              key={item.key}
              component={RouterLink}
              to={item.path}
              onClick={onNavigate}
              active={active}
              data-testid={`nav-${item.key}`}
              label={<Text size="lg">{t(`shell.nav.${item.key}`)}</Text>}
              leftSection={<Icon size={24} />}
              rightSection={i < 9 ? <Kbd size="xs">Alt+{i + 1}</Kbd> : null}
              py="sm"
            />
          );
        })}
      </ScrollArea>
      <Stack gap={4}>
        <Divider />
        <Text size="sm" fw={700} c="dimmed">
          {t('shell.shortcutsTitle')}
        </Text>
        <ShortcutLine keys="F1" text={t('shell.shortcutHome')} />
        <ShortcutLine keys="Alt+1…9" text={t('shell.shortcutNav')} />
        <ShortcutLine keys="Esc" text={t('shell.shortcutEsc')} />
      </Stack>
    </Stack>
  );
}

function ShortcutLine({ keys, text }: { keys: string; text: string }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Kbd size="xs">{keys}</Kbd>
      <Text size="sm" c="dimmed">
        {text}
      </Text>
    </Group>
  );
}
