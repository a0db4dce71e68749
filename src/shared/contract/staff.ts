import { z } from 'zod';
import { method } from './define';
import { ROLES } from '../roles';
import type { StaffDto } from '../dto';
import { nameSchema, phoneSchema, pinSchema, staffNoSchema } from './fields';

const staffFields = {
  name: nameSchema,
  role: z.enum(ROLES),
  post: z.string().trim().max(40).default(''),
  badgeNo: z.string().trim().max(20).default(''),
  phone: phoneSchema.default(''),
};

export const staffMethods = {
  'staff.list': method<StaffDto[]>()({
    input: z.object({ includeInactive: z.boolean().default(false) }).strict(),
    access: ['admin', 'supervisor'],
    kind: 'read',
    summary: 'All staff accounts, ordered by staff number.',
  }),
  'staff.get': method<StaffDto>()({
    input: z.object({ id: z.number().int().positive() }).strict(),
    access: ['admin', 'supervisor'],
    kind: 'read',
    summary: 'One staff account (used by the badge card print view).',
  }),
  'staff.create': method<StaffDto>()({
    input: z.object({ staffNo: staffNoSchema, pin: pinSchema, ...staffFields }).strict(),
    access: ['admin'],
    kind: 'write',
    summary: 'Creates a staff account with a role and an initial PIN.',
  }),
  'staff.update': method<StaffDto>()({
    input: z.object({ id: z.number().int().positive(), active: z.boolean(), ...staffFields }).strict(),
    access: ['admin'],
    kind: 'write',
    summary: "Changes a staff account's name, role, post, badge, phone or active flag.",
  }),
  'staff.resetPin': method<{ reset: true }>()({
    input: z.object({ id: z.number().int().positive(), pin: pinSchema }).strict(),
    access: ['admin'],
    kind: 'write',
    summary: "Sets a new PIN for a staff member and clears any lockout.",
  }),
};
