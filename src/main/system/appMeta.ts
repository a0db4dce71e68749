import type { EntityManager } from 'typeorm';
import { AppMeta } from './appMeta.entity';

export const META_PLANT_NAME = 'plantName';
export const META_DEMO = 'demoSeeded';

export async function getMeta(m: EntityManager, key: string): Promise<string | null> {
  return (await m.findOneBy(AppMeta, { key }))?.value ?? null;
}

export async function setMeta(m: EntityManager, key: string, value: string): Promise<void> {
  await m.save(AppMeta, { key, value });
}
