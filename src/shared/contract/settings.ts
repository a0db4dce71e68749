import { z } from 'zod';
import { method } from './define';
import type { SettingDto } from '../dto';

export const settingsMethods = {
  'settings.list': method<SettingDto[]>()({
    input: z.object({}).strict(),
    access: 'signedIn',
    kind: 'read',
    summary: 'Every setting with its current value, default, unit and origin (seed or default).',
  }),
  'settings.update': method<SettingDto>()({
    input: z.object({ key: z.string().min(1).max(80), value: z.unknown() }).strict(),
    access: ['admin', 'supervisor'],
    kind: 'write',
    summary: "Changes one setting; the value is checked against that setting's schema and the change is an event.",
  }),
};
