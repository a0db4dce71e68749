import type { EntityManager } from 'typeorm';
import type { Actor } from '../events/appendEvent';
import { Product } from '../sales/product.entity';
import { NO_BAG_COUNTER } from './counter/bagCounterSource';
import { addPoint } from './loadingPoints';

/**
 * The demo plant's packing floor and bulk loading: two packing machines (one per bagged grade) and two spouts.
 * Seeded before the quality desk's demo, which records its calibrations and checks on these machines.
 */
export async function seedDispatchDemo(m: EntityManager, actor: Actor, _now: number): Promise<void> {
  const products = await m.getRepository(Product).find({ order: { id: 'ASC' } });
  const id = (code: string) => products.find((p) => p.code === code)?.id ?? null;
  const points = [
    { kind: 'packer' as const, code: 'P1', name: '1号包装机', productId: id('PO425-D') },
    { kind: 'packer' as const, code: 'P2', name: '2号包装机', productId: id('PC325R-D') },
    { kind: 'spout' as const, code: 'S1', name: '1号散装口', productId: id('PO425-S') },
    { kind: 'spout' as const, code: 'S2', name: '2号散装口', productId: null },
  ];
  for (const p of points) await addPoint(m, actor, NO_BAG_COUNTER, p);
}
