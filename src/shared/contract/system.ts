import { z } from 'zod';
import { method } from './define';
import { STATIONS } from '../roles';
import type { EventDto, InstallationDto, PageDto, SessionDto } from '../dto';
import { nameSchema, pinSchema, staffNoSchema } from './fields';

export const systemMethods = {
  'system.getInstallation': method<InstallationDto>()({
    input: z.object({}).strict(),
    access: 'public',
    kind: 'read',
    summary: 'Who this installation is: station, plant name, whether first-start set-up is needed.',
  }),
  'system.setupAdmin': method<SessionDto>()({
    input: z
      .object({
        plantName: z.string().trim().min(1).max(100),
        staffNo: staffNoSchema,
        name: nameSchema,
        pin: pinSchema,
        station: z.enum(STATIONS),
      })
      .strict(),
    access: 'public',
    kind: 'write',
    summary: 'First start on an empty database: creates the first admin and signs them in. Refused once any admin exists.',
  }),
  'system.setStation': method<InstallationDto>()({
    input: z.object({ station: z.enum(STATIONS) }).strict(),
    access: ['admin'],
    kind: 'write',
    summary: 'Sets which station (service window) this installation serves.',
  }),
  'system.listEvents': method<PageDto<EventDto>>()({
    input: z
      .object({
        type: z.string().max(80).optional(),
        staffId: z.number().int().positive().optional(),
        beforeId: z.number().int().positive().optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    access: ['supervisor', 'admin'],
    kind: 'read',
    summary: 'The event log, newest first, optionally filtered by type or staff member.',
  }),
  'system.myRecentEvents': method<EventDto[]>()({
    input: z.object({ limit: z.number().int().min(1).max(100).default(20) }).strict(),
    access: 'signedIn',
    kind: 'read',
    summary: "The signed-in staff member's own recent events (the home screen's activity list).",
  }),
};
