import { z } from 'zod';
import { method } from './define';
import { STATIONS } from '../roles';
import type { SessionDto } from '../dto';
import { pinSchema, staffNoSchema } from './fields';

export const authMethods = {
  'auth.signIn': method<SessionDto>()({
    input: z.object({ staffNo: staffNoSchema, pin: z.string().min(1).max(20) }).strict(),
    access: 'public',
    kind: 'write',
    summary: 'Signs in with staff number and PIN; repeated wrong PINs lock the account for a while.',
  }),
  'auth.signOut': method<{ signedOut: true }>()({
    input: z.object({}).strict(),
    access: 'signedIn',
    kind: 'write',
    summary: 'Ends the current session.',
  }),
  'auth.getSession': method<SessionDto>()({
    input: z.object({}).strict(),
    access: 'signedIn',
    kind: 'read',
    summary: 'The current session (staff member, station, expiry).',
  }),
  'auth.switchStation': method<SessionDto>()({
    input: z.object({ station: z.enum(STATIONS) }).strict(),
    access: ['admin', 'supervisor'],
    kind: 'write',
    summary: "Moves the current session to another station's window.",
  }),
  'auth.changePin': method<{ changed: true }>()({
    input: z.object({ currentPin: z.string().min(1).max(20), newPin: pinSchema }).strict(),
    access: 'signedIn',
    kind: 'write',
    summary: 'Changes the signed-in staff member\'s own PIN.',
  }),
};
