/**
 * Money helpers shared by the core and the counter screens. Amounts are whole fen (1 yuan = 100 fen); nothing here
 * touches floating point: typed text is split into digits, never parsed with parseFloat.
 */

/** The largest single amount the finance window accepts: ¥100,000,000.00 (一亿元). Anything above is a typing error. */
export const MAX_AMOUNT_FEN = 100_000_000_00;

export type YuanParse = { ok: true; fen: number } | { ok: false; message: string; params?: Record<string, string | number> };

/**
 * Parses an amount in yuan as a clerk types it (`12345.6`, `12,345.60`, `¥800`) into integer fen.
 * Refuses negatives, more than 2 decimals, anything that is not a plain number, zero and amounts over the maximum;
 * messages are `fields.*` translation keys.
 */
export function parseYuanToFen(text: string): YuanParse {
  const cleaned = text.trim().replace(/^[¥￥]\s*/, '').replace(/[,，\s]/g, '');
  if (cleaned === '') return { ok: false, message: 'fields.required' };
  if (/^[-−]/.test(cleaned)) return { ok: false, message: 'fields.amountNegative' };
  if (/^\d*\.\d{3,}$/.test(cleaned)) return { ok: false, message: 'fields.amountDecimals' };
  const m = /^(\d+)(?:\.(\d{0,2}))?$|^\.(\d{1,2})$/.exec(cleaned);
  if (!m) return { ok: false, message: 'fields.amountFormat' };
  const whole = (m[1] ?? '0').replace(/^0+(?=\d)/, '');
  const decimals = (m[2] ?? m[3] ?? '').padEnd(2, '0');
  if (whole.length > 9) return { ok: false, message: 'fields.amountTooLarge', params: { maxFen: MAX_AMOUNT_FEN } };
  const fen = Number(whole) * 100 + Number(decimals);
  if (fen === 0) return { ok: false, message: 'fields.amountPositive' };
  if (fen > MAX_AMOUNT_FEN) return { ok: false, message: 'fields.amountTooLarge', params: { maxFen: MAX_AMOUNT_FEN } };
  return { ok: true, fen };
}

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const IN_GROUP = ['仟', '佰', '拾', ''];
const GROUPS = ['', '万', '亿', '万亿'];

/** 0 < n < 10000 in capitals without leading zero: 1010 → 壹仟零壹拾. */
function groupText(n: number): string {
  const digits = String(n).padStart(4, '0').split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    if (d === 0) {
      if (out) zero = true;
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGITS[d] + IN_GROUP[i];
  });
  return out;
}

function integerText(n: number): string {
  const groups: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 10_000)) groups.push(rest % 10_000);
  let out = '';
  let gap = false;
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i];
    if (g === 0) {
      if (out) gap = true;
      continue;
    }
    if (out && (gap || g < 1000)) out += '零';
    // Zeros between two digits are written once, also across the 万/亿 boundary (壹佰万零壹仟).
    gap = g % 10 === 0;
    out += groupText(g) + GROUPS[i];
  }
  return out;
}

/**
 * The amount in Chinese capital numerals as receipts and cheques write it (中文大写金额):
 * 1234567.89 → 壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分, 10.00 → 壹拾元整, 100000.07 → 壹拾万元零柒分, 0.05 → 伍分.
 */
export function toChineseCapitalAmount(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new Error(`amount must be whole fen: ${fen}`);
  if (fen < 0) return `负${toChineseCapitalAmount(-fen)}`;
  if (fen === 0) return '零元整';
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  let out = yuan > 0 ? `${integerText(yuan)}元` : '';
  if (jiao === 0 && cents === 0) return `${out}整`;
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  else if (yuan > 0) out += '零';
  if (cents > 0) out += `${DIGITS[cents]}分`;
  return out;
}
