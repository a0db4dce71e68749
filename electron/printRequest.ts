import { z } from 'zod';
import { PRINTABLE_DOCUMENTS, type PrintRequest } from '../src/shared/bridge';

/**
 * A print request as it arrives over IPC: untrusted until parsed. The id ends up in a file name and a URL,
 * so it is limited to letters, digits, `-` and `_` (staff ids, document numbers like PS-2026-000123).
 */
export const printRequestSchema = z
  .object({
    document: z.enum(PRINTABLE_DOCUMENTS),
    id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    token: z.string().min(1).max(512),
    silent: z.boolean(),
  })
  .strict() satisfies z.ZodType<PrintRequest>;
