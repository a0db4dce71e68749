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

export type StaffPhotoMime = 'image/jpeg' | 'image/png';
export interface StaffPhotoDto {
  staffId: number;
  mime: StaffPhotoMime;
  /** The image bytes, base64 (a data URL is `data:<mime>;base64,<base64>`). */
  base64: string;
  sizeBytes: number;
  updatedAt: number;
}

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
  'staff.setPhoto': method<{ staffId: number; photo: StaffPhotoDto | null }>()({
    input: z
      .object({
        id: z.number().int().positive(),
        /** base64 of a JPEG or PNG (checked by its first bytes, at most `service.staffPhotoMaxKb`); null removes the photo. */
        base64: z.string().trim().max(4_000_000).regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'errors.staffPhotoType' }).nullable(),
      })
      .strict(),
    access: ['admin', 'supervisor'],
    kind: 'write',
    summary: "Sets (or removes) a staff member's photo for the badge card and the window's staff board: JPEG or PNG only, at most `service.staffPhotoMaxKb`.",
  }),
  'staff.getPhoto': method<{ staffId: number; photo: StaffPhotoDto | null }>()({
    input: z.object({ id: z.number().int().positive() }).strict(),
    access: 'signedIn',
    kind: 'read',
    summary: "A staff member's photo (null when none).",
  }),
};
