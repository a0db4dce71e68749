import type { EntityManager } from 'typeorm';
import { AppError } from '../../shared/errors';
import { LoadingPoint } from '../dispatch/dispatch.entities';

/** The packing machines the QC desk follows: the dispatch area's active loading points of kind `packer`, by code. */
export async function packingMachines(m: EntityManager): Promise<LoadingPoint[]> {
  return m.getRepository(LoadingPoint).find({ where: { kind: 'packer', active: true }, order: { code: 'ASC' } });
}

/** One packing machine by id; a spout or an unknown id is refused. */
export async function findPackingMachine(m: EntityManager, id: number): Promise<LoadingPoint> {
  const row = await m.getRepository(LoadingPoint).findOneBy({ id });
  if (!row || row.kind !== 'packer') throw new AppError('NOT_FOUND', 'errors.packingMachineNotFound', { id }, [{ path: 'machineId', message: 'errors.packingMachineNotFound' }]);
  return row;
}
