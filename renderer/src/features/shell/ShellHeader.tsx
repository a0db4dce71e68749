import { Badge, Burger, Button, Group, Stack, Text } from '@mantine/core';
import { IconLogout, IconMapPin } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useSignedIn } from '../../session/useSession';
import { StationSwitcher } from './StationSwitcher';
import { roleMayCall } from '../../session/access';

/** Plant, the window being served, who is signed in; language, station switch and sign-out on the right. */
export function ShellHeader({ navOpened, onToggleNav }: { navOpened: boolean; onToggleNav: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { session, installation, signOut } = useSignedIn();
  const { staff } = session;

  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="md">
      <Group gap="md" wrap="nowrap" miw={0}>
        <Burger opened={navOpened} onClick={onToggleNav} hiddenFrom="sm" aria-label={t('shell.menu')} />
        <Stack gap={0} miw={0}>
          <Text fw={700} size="xl" truncate data-testid="header-plant">
            {installation?.plantName || t('app.name')}
          </Text>
          <Text size="sm" c="dimmed" truncate data-testid="header-person">
            {t('shell.person', { name: staff.name, role: t(`roles.${staff.role}`) })}
          </Text>
        </Stack>
        <Badge size="xl" variant="light" leftSection={<IconMapPin size={18} />} data-testid="header-station" visibleFrom="md">
          {t(`stations.${session.station}`)}
        </Badge>
      </Group>
      <Group gap="sm" wrap="nowrap">
        {roleMayCall(staff.role, 'auth.switchStation') && <StationSwitcher />}
        <LanguageSwitch />
        <Button
          data-testid="signout"
          variant="default"
          leftSection={<IconLogout size={20} />}
          onClick={() => void signOut().then(() => navigate('/signin'))}
        >
          {t('shell.signOut')}
        </Button>
      </Group>
    </Group>
  );
}
