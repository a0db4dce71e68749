import type zhCN from './zh-CN';

/** The same tree of keys as zh-CN, with any string as the text. */
type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };
export type Translation = Texts<typeof zhCN>;

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
