import { z } from 'zod';
import { monthSchema } from '../months';
import { SERVICE_POSTS, type ServicePost } from '../posts';
import { method } from './define';
import { nameSchema, phoneSchema } from './fields';

const receivers = ['supervisor', 'sales_clerk', 'finance_clerk', 'admin'] as const;
const handlers = ['supervisor', 'admin'] as const;
const idSchema = z.number().int().positive();
const textSchema = z.string().trim().min(1, { message: 'fields.required' }).max(1000);

export const COMPLAINT_CHANNELS = ['phone', 'in_person', 'letter', 'suggestion_box', 'other'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];
export const COMPLAINT_NATURES = ['quality', 'service'] as const;
export type ComplaintNature = (typeof COMPLAINT_NATURES)[number];
export const COMPLAINT_VERDICTS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type ComplaintVerdict = (typeof COMPLAINT_VERDICTS)[number];
export type ComplaintStatus = 'accepted' | 'on_site' | 'investigated' | 'resolved' | 'closed';

export interface ComplaintDto {
  id: number;
  /** `CP-YYYY-NNNNNN`: the acceptance card (客户投诉受理卡). */
  number: string;
  customerId: number | null;
  customerName: string;
  contactName: string;
  contactPhone: string;
  channel: ComplaintChannel;
  post: ServicePost;
  nature: ComplaintNature;
  description: string;
  receivedAt: number;
  receivedByName: string | null;
  salespersonName: string;
  salespersonPhone: string;
  /** receivedAt + `service.complaintOnSiteHours`; computed on read. */
  onSiteDueAt: number;
  onSiteAt: number | null;
  onSiteNote: string;
  /** True once past the due time without arrival, or arrived late. Computed. */
  onSiteOverdue: boolean;
  findings: string;
  /** A valid (substantiated) complaint counts against its post on the monthly sheet. */
  substantiated: boolean | null;
  investigatedAt: number | null;
  resolution: string;
  resolvedAt: number | null;
  verdict: ComplaintVerdict | null;
  customerComment: string;
  /** `SR-YYYY-NNNNNN`: the service registration card (销售服务登记卡), issued when the customer's verdict is recorded. */
  registrationNumber: string | null;
  closedAt: number | null;
  status: ComplaintStatus;
}

export interface ComplaintMonthlyReportDto {
  month: string;
  total: number;
  substantiated: number;
  byPost: Array<{ post: ServicePost; total: number; substantiated: number; quality: number; service: number }>;
  onSite: { limitHours: number; arrived: number; withinLimit: number; late: number; notYet: number };
  verdicts: Record<ComplaintVerdict, number>;
  open: number;
  complaints: ComplaintDto[];
}

export const acceptComplaintInput = z
  .object({
    customerId: idSchema.optional(),
    customerName: nameSchema,
    contactName: z.string().trim().max(40).default(''),
    contactPhone: phoneSchema.default(''),
    channel: z.enum(COMPLAINT_CHANNELS),
    post: z.enum(SERVICE_POSTS),
    nature: z.enum(COMPLAINT_NATURES),
    description: textSchema,
    salespersonName: nameSchema,
    salespersonPhone: phoneSchema.default(''),
    /** When the complaint came in (a phone call written up a little later); defaults to now, never in the future nor over 7 days back. */
    receivedAt: z.number().int().positive().optional(),
  })
  .strict();

export const complaintsMethods = {
  'complaints.accept': method<ComplaintDto>()({
    input: acceptComplaintInput,
    access: receivers,
    kind: 'write',
    summary:
      'Accepts a customer complaint (客户投诉受理卡, numbered CP-…): who, channel, the post concerned, quality or service, what; names the salesperson who must be on site within `service.complaintOnSiteHours`.',
  }),
  'complaints.logOnSite': method<ComplaintDto>()({
    input: z
      .object({ id: idSchema, arrivedAt: z.number().int().positive().optional(), note: z.string().trim().max(500).default('') })
      .strict(),
    access: handlers,
    kind: 'write',
    summary: "Logs the salesperson's arrival on site (defaults to now; never in the future, never before acceptance); stops the 4-hour timer.",
  }),
  'complaints.recordInvestigation': method<ComplaintDto>()({
    input: z.object({ id: idSchema, findings: textSchema, substantiated: z.boolean() }).strict(),
    access: handlers,
    kind: 'write',
    summary: 'Records what the investigation found and whether the complaint is valid (a valid one counts against its post).',
  }),
  'complaints.resolve': method<ComplaintDto>()({
    input: z.object({ id: idSchema, resolution: textSchema }).strict(),
    access: handlers,
    kind: 'write',
    summary: 'Records how the complaint was settled.',
  }),
  'complaints.recordVerdict': method<ComplaintDto>()({
    input: z.object({ id: idSchema, verdict: z.enum(COMPLAINT_VERDICTS), customerComment: z.string().trim().max(500).default('') }).strict(),
    access: handlers,
    kind: 'write',
    summary: "Records the customer's verdict and closes the complaint with its service registration card (销售服务登记卡, numbered SR-…).",
  }),
  'complaints.get': method<ComplaintDto>()({
    input: z.object({ id: idSchema }).strict(),
    access: receivers,
    kind: 'read',
    summary: 'One complaint with its timer and every step.',
  }),
  'complaints.list': method<ComplaintDto[]>()({
    input: z
      .object({
        status: z.enum(['open', 'closed', 'all']).default('open'),
        month: monthSchema.optional(),
        post: z.enum(SERVICE_POSTS).optional(),
        limit: z.number().int().min(1).max(500).default(200),
      })
      .strict(),
    access: receivers,
    kind: 'read',
    summary: 'Complaints, open ones oldest first (most urgent timer first), closed newest first; by plant-local month of receipt and post.',
  }),
  'complaints.getMonthlyReport': method<ComplaintMonthlyReportDto>()({
    input: z.object({ month: monthSchema }).strict(),
    access: handlers,
    kind: 'read',
    summary: 'The monthly complaint report for the sales meeting: per post, valid ones, quality/service, the 4-hour on-site record, verdicts.',
  }),
};
