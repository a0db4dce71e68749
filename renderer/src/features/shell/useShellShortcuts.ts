import { useHotkeys } from '@mantine/hooks';
import { useNavigate } from 'react-router-dom';
import type { NavItem } from './navItems';

/** F1 goes home, Alt+1…9 open the menu items in order; they work even while typing in a field. */
export function useShellShortcuts(items: NavItem[]): void {
  const navigate = useNavigate();
  useHotkeys(
    [
      ['F1', () => navigate('/')],
      ...items.slice(0, 9).map((item, i): [string, () => void] => [`alt+${i + 1}`, () => navigate(item.path)]),
    ],
    [],
  );
}
