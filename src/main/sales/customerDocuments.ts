import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { EntityManager } from 'typeorm';
import { MAX_DOCUMENT_BYTES, type CustomerDocumentDto } from '../../shared/contract/customers';
import { AppError } from '../../shared/errors';
import { appendEvent, type Actor } from '../events/appendEvent';
import { CustomerDocument, type CustomerDocumentKind } from './customerDocument.entity';
import { getCustomerRow } from './customerService';

const TMP_DIR = join('attachments', '.tmp');
const STALE_TMP_MS = 3_600_000;

export function toDocumentDto(d: CustomerDocument): CustomerDocumentDto {
  return {
    id: d.id,
    customerId: d.customerId,
    kind: d.kind,
    fileName: d.fileName,
    mimeType: d.mimeType,
    sizeBytes: d.sizeBytes,
    sha256: d.sha256,
    uploadedAt: d.uploadedAt,
    uploadedBy: d.uploadedBy,
  };
}

/** A file name safe on every file system: letters (any script), digits, dot, dash, underscore; at most 80 chars. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^\.+/, '_');
  return (cleaned || 'file').slice(-80);
}

export interface AttachInput {
  customerId: number;
  kind: CustomerDocumentKind;
  fileName: string;
  mimeType: string;
  contentBase64: string;
}

/** Files, not rows: deletes temp files an interrupted upload left behind (a rolled-back transaction). */
function sweepStaleTmp(dataDir: string, now: number): void {
  const dir = join(dataDir, TMP_DIR);
  if (!existsSync(dir)) return;
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    try {
      if (now - statSync(p).mtimeMs > STALE_TMP_MS) rmSync(p, { force: true });
    } catch {
      // another upload may have just renamed it
    }
  }
}

/**
 * Adds a document to a customer's file. The input is checked first (customer exists, base64 valid, size ≤ 5 MB);
 * the row and its event are written; the bytes go to a temp file inside the transaction (so a full disk refuses the
 * call) and are renamed to their place only after commit — a rolled-back call leaves no file in the attachments.
 */
export async function attachDocument(
  m: EntityManager,
  actor: Actor,
  dataDir: string,
  input: AttachInput,
  afterCommit: (fn: () => void) => void,
): Promise<CustomerDocument> {
  const customer = await getCustomerRow(m, input.customerId);
  const bytes = Buffer.from(input.contentBase64, 'base64');
  // The schema checked the alphabet and the size; re-check what was decoded (nothing is trusted twice as much as bytes).
  if (bytes.length === 0 || Buffer.from(bytes).toString('base64') !== input.contentBase64) {
    throw new AppError('VALIDATION', 'errors.validation', undefined, [{ path: 'contentBase64', message: 'fields.base64' }]);
  }
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    throw new AppError('VALIDATION', 'errors.validation', undefined, [
      { path: 'contentBase64', message: 'fields.fileTooLarge', params: { maxMb: MAX_DOCUMENT_BYTES / 1024 / 1024 } },
    ]);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const storedPath = join('attachments', String(customer.id), `${sha256}-${safeFileName(input.fileName)}`);
  const doc = await m.save(
    m.create(CustomerDocument, {
      customerId: customer.id,
      kind: input.kind,
      fileName: input.fileName,
      mimeType: input.mimeType,
      storedPath,
      sizeBytes: bytes.length,
      sha256,
      uploadedAt: actor.at,
      uploadedBy: actor.staffId,
    }),
  );
  await appendEvent(m, actor, {
    type: 'sales.customerDocumentAttached',
    docType: 'customer',
    docId: customer.id,
    payload: { documentId: doc.id, code: customer.code, kind: input.kind, fileName: input.fileName, sizeBytes: bytes.length, sha256 },
  });

  sweepStaleTmp(dataDir, actor.at);
  const tmp = join(dataDir, TMP_DIR, `${sha256}-${randomBytes(6).toString('hex')}.part`);
  mkdirSync(dirname(tmp), { recursive: true });
  writeFileSync(tmp, bytes);
  afterCommit(() => {
    const target = join(dataDir, storedPath);
    mkdirSync(dirname(target), { recursive: true });
    renameSync(tmp, target);
  });
  return doc;
}

export async function listDocuments(m: EntityManager, customerId: number): Promise<CustomerDocumentDto[]> {
  await getCustomerRow(m, customerId);
  const rows = await m.find(CustomerDocument, { where: { customerId }, order: { uploadedAt: 'DESC', id: 'DESC' } });
  return rows.map(toDocumentDto);
}

export async function downloadDocument(m: EntityManager, dataDir: string, id: number): Promise<CustomerDocumentDto & { contentBase64: string }> {
  const doc = await m.findOneBy(CustomerDocument, { id });
  if (!doc) throw new AppError('NOT_FOUND', 'errors.documentNotFound', { id });
  const path = join(dataDir, doc.storedPath);
  if (!existsSync(path)) throw new AppError('NOT_FOUND', 'errors.documentFileMissing', { fileName: doc.fileName });
  return { ...toDocumentDto(doc), contentBase64: readFileSync(path).toString('base64') };
}
