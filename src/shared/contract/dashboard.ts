import { z } from 'zod';
import type { DashboardDto } from '../dashboard';
import { method } from './define';

const supervisors = ['supervisor', 'admin'] as const;
/** A plant-local calendar day `YYYY-MM-DD` that exists. */
const daySchema = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), { message: 'fields.dateFormat' });

export const dashboardMethods = {
  'dashboard.get': method<DashboardDto>()({
    input: z.object({ day: daySchema.optional() }).strict(),
    access: supervisors,
    kind: 'read',
    summary:
      'The supervisor dashboard for a plant-local day (default today) and its month up to that day: live counts per window now, KPIs against their targets from the settings (slip and payment waits, hourly remittance checks, authorization handoff, salesperson contact, releases in arrival order, weighings, bagged loading, overweight returns, broken bags, bulk release → exit, seals, complaint on-site), the day\'s breaches and the daily trend. A day after today is refused.',
  }),
};
