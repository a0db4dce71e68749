import { Badge, Group, List, Text, ThemeIcon } from '@mantine/core';
import { IconClock } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SettingDto } from '../../../../src/shared/dto';
import { SETTINGS } from '../../../../src/shared/settings';
import type { Station } from '../../../../src/shared/roles';
import { loose } from '../../i18n/translate';
import { STATION_PROMISES, type PromiseDef } from './servicePromises';

function paramValue(t: TFunction, value: unknown, format: string | undefined): unknown {
  if (format === 'permilleAsPercent') return Number(value) / 10;
  if (format === 'weekday') return loose(t)(`weekdays.${String(value)}`);
  if (format === 'month') return loose(t)(`months.${String(value)}`);
  return value;
}

function sentence(t: TFunction, station: Station, def: PromiseDef, values: Map<string, unknown>): string {
  const params: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(def.params)) params[name] = paramValue(t, values.get(spec.setting), spec.format);
  const id = typeof def.text === 'function' ? def.text(values) : def.text;
  return loose(t)(`promises.${station}.${id}`, params);
}

/** The window's promises in large type, each marked as the plant's own rule or our default. */
export function PromiseList({ station, settings }: { station: Station; settings: SettingDto[] }) {
  const { t } = useTranslation();
  const values = new Map(settings.map((s) => [s.key, s.value]));
  const defs = STATION_PROMISES[station];
  if (!defs.length) return <Text>{t('home.noPromises')}</Text>;
  return (
    <List spacing="md" size="xl" data-testid="home-promises" icon={<ThemeIcon size={32} radius="xl" variant="light"><IconClock size={20} /></ThemeIcon>}>
      {defs.map((def, i) => {
        const seed = def.uses.length > 0 && def.uses.every((key) => SETTINGS[key].origin === 'seed');
        return (
          <List.Item key={i}>
            <Group gap="sm" wrap="nowrap" align="flex-start">
              <Text size="xl" fw={500} lh={1.5}>
                {sentence(t, station, def, values)}
              </Text>
              {def.uses.length > 0 && (
                <Badge variant="outline" color={seed ? 'teal' : 'gray'} style={{ flexShrink: 0 }} mt={6}>
                  {t(seed ? 'origin.seed' : 'origin.default')}
                </Badge>
              )}
            </Group>
          </List.Item>
        );
      })}
    </List>
  );
}
