import { pinyin } from 'pinyin-pro';

/**
 * Pinyin initials of a name for the counter's quick search (拼音首字母): 新郑宏源 → XZHY. Latin letters and digits are
 * kept (upper case), everything else (spaces, punctuation) dropped. Polyphonic characters take pinyin-pro's choice.
 */
export function pinyinInitials(name: string): string {
  return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' })
    .join('')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, 80);
}
