import { In, Like, type EntityManager } from 'typeorm';
import { BATCH_RESULT_FIELDS, type BatchDto, type BatchResults } from '../../shared/contract/quality';
import { AppError } from '../../shared/errors';
import { appendEvent, type Actor } from '../events/appendEvent';
import { Product } from '../sales/product.entity';
import { CementBatch } from './quality.entities';

export function batchDtos(rows: CementBatch[], products: Map<number, Product>): BatchDto[] {
  return rows.map((b) => {
    const p = products.get(b.productId);
    const results = Object.fromEntries(BATCH_RESULT_FIELDS.map((f) => [f, b[f]])) as BatchResults;
    return {
      id: b.id,
      batchNumber: b.batchNumber,
      productId: b.productId,
      productCode: p?.code ?? '',
      grade: p?.grade ?? '',
      productionDate: b.productionDate,
      createdAt: b.createdAt,
      updatedAt: b.updatedAt,
      complete: b.compressive28dTenths !== null && b.flexural28dTenths !== null,
      ...results,
    };
  });
}

export async function productsById(m: EntityManager, ids: number[]): Promise<Map<number, Product>> {
  const unique = [...new Set(ids)];
  const rows = unique.length ? await m.getRepository(Product).findBy({ id: In(unique) }) : [];
  return new Map(rows.map((p) => [p.id, p]));
}

export async function loadBatchDtos(m: EntityManager, rows: CementBatch[]): Promise<BatchDto[]> {
  return batchDtos(rows, await productsById(m, rows.map((r) => r.productId)));
}

export async function findBatch(m: EntityManager, id: number, path = 'batchId'): Promise<CementBatch> {
  const row = await m.getRepository(CementBatch).findOneBy({ id });
  if (!row) throw new AppError('NOT_FOUND', 'errors.batchNotFound', { id }, [{ path, message: 'errors.batchNotFound' }]);
  return row;
}

export async function listBatches(m: EntityManager, input: { query: string; limit: number }): Promise<BatchDto[]> {
  const rows = await m.getRepository(CementBatch).find({
    where: input.query ? { batchNumber: Like(`%${input.query.toUpperCase().replace(/[%_]/g, '')}%`) } : {},
    order: { productionDate: 'DESC', id: 'DESC' },
    take: input.limit,
  });
  return loadBatchDtos(m, rows);
}

export async function createBatch(
  m: EntityManager,
  actor: Actor,
  input: { batchNumber: string; productId: number; productionDate: string; results: Partial<BatchResults> },
): Promise<BatchDto> {
  const product = await m.getRepository(Product).findOneBy({ id: input.productId });
  if (!product) throw new AppError('NOT_FOUND', 'errors.productNotFound', { id: input.productId }, [{ path: 'productId', message: 'errors.productNotFound' }]);
  if (await m.getRepository(CementBatch).existsBy({ batchNumber: input.batchNumber })) {
    throw new AppError('CONFLICT', 'errors.batchNumberTaken', { number: input.batchNumber }, [{ path: 'batchNumber', message: 'errors.batchNumberTaken' }]);
  }
  const results = Object.fromEntries(BATCH_RESULT_FIELDS.map((f) => [f, input.results[f] ?? null])) as BatchResults;
  const row = await m.save(
    m.create(CementBatch, {
      batchNumber: input.batchNumber,
      productId: product.id,
      productionDate: input.productionDate,
      ...results,
      createdAt: actor.at,
      createdBy: actor.staffId,
      updatedAt: actor.at,
    }),
  );
  await appendEvent(m, actor, {
    type: 'quality.batchCreated',
    docType: 'cement_batch',
    docId: row.id,
    payload: { batchNumber: row.batchNumber, productId: row.productId, productionDate: row.productionDate, results },
  });
  return batchDtos([row], new Map([[product.id, product]]))[0]!;
}

/** Adds or corrects results; the event records each changed field's old and new value. Nothing changed → refused. */
export async function recordBatchResults(m: EntityManager, actor: Actor, input: { batchId: number; results: Partial<BatchResults> }): Promise<BatchDto> {
  const row = await findBatch(m, input.batchId);
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const f of BATCH_RESULT_FIELDS) {
    if (!(f in input.results)) continue;
    const to = input.results[f] ?? null;
    if (row[f] === to) continue;
    changes[f] = { from: row[f], to };
    (row as unknown as Record<string, unknown>)[f] = to;
  }
  if (Object.keys(changes).length === 0) throw new AppError('RULE_VIOLATION', 'errors.batchResultsUnchanged', { number: row.batchNumber });
  row.updatedAt = actor.at;
  await m.save(row);
  await appendEvent(m, actor, { type: 'quality.batchResultsRecorded', docType: 'cement_batch', docId: row.id, payload: { batchNumber: row.batchNumber, changes } });
  return (await loadBatchDtos(m, [row]))[0]!;
}
