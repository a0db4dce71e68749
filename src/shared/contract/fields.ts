import { z } from 'zod';

/** Field schemas shared by several methods; messages are translation keys under `fields.*`. */
export const staffNoSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{2,20}$/, { message: 'fields.staffNoFormat' });
export const pinSchema = z.string().regex(/^\d{4,8}$/, { message: 'fields.pinFormat' });
export const nameSchema = z.string().trim().min(1, { message: 'fields.required' }).max(40);
export const phoneSchema = z
  .string()
  .trim()
  .regex(/^$|^[0-9+\- ]{5,20}$/, { message: 'fields.phoneFormat' });
