import { AppShell } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Outlet } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../session/useSession';
import { ShellHeader } from './ShellHeader';
import { ShellNav } from './ShellNav';
import { navItemsFor } from './navItems';
import { useShellShortcuts } from './useShellShortcuts';

/** The signed-in frame: header (who, where), the role's menu, and the current screen. */
export function ShellLayout() {
  const { t } = useTranslation();
  const { session } = useSignedIn();
  const [navOpened, nav] = useDisclosure(false);
  const items = navItemsFor(session.staff.role);
  useShellShortcuts(items);

  return (
    <AppShell header={{ height: 76 }} navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !navOpened } }} padding="lg">
      <a className="dd-skip-link" href="#main" onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}>
        {t('shell.skipToContent')}
      </a>
      <AppShell.Header>
        <ShellHeader navOpened={navOpened} onToggleNav={nav.toggle} />
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        <ShellNav items={items} onNavigate={nav.close} />
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} style={{ outline: 'none' }}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
