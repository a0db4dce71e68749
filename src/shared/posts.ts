import type { Station } from './roles';

/**
 * The service posts a supervisor evaluates (SPEC §3.8, issue 6 item 5): surveys, complaints and the monthly
 * evaluation sheet all use this one list, in this order. Display names are i18n keys `posts.<post>`.
 */
export const SERVICE_POSTS = [
  'sales_window',
  'finance_window',
  'gate',
  'weighbridge',
  'packing',
  'bulk',
  'qc',
] as const;
export type ServicePost = (typeof SERVICE_POSTS)[number];

/** The i18n key of a post's name (zh-CN `posts.*`, en `posts.*`). */
export function postNameKey(post: ServicePost): `posts.${ServicePost}` {
  return `posts.${post}`;
}

/** The station (service window) where each post works. */
export const POST_STATION: Record<ServicePost, Station> = {
  sales_window: 'sales_hall',
  finance_window: 'finance',
  gate: 'gate',
  weighbridge: 'weighbridge',
  packing: 'packing',
  bulk: 'bulk',
  qc: 'qc',
};

export function isServicePost(value: unknown): value is ServicePost {
  return typeof value === 'string' && (SERVICE_POSTS as readonly string[]).includes(value);
}
