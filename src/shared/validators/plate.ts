/**
 * Chinese motor vehicle plates (GA 36): a province abbreviation, the issuing-authority letter, then
 * - ordinary plates: 5 letters/digits (letters I and O are not used), e.g. 京A12345, 苏E8B2K9;
 * - new-energy plates: 6 characters, D/F (small car) first or last, e.g. 京AD12345, 粤B12345F;
 * - plates with a trailing 挂 (trailer), 学 (driving school), 警 (police) after 4 characters, e.g. 鲁Q1234挂.
 * Plates are normalised (spaces, dots and middle dots removed, upper case) before checking.
 */
export const PLATE_PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';

const LETTER = 'A-HJ-NP-Z';
const ALNUM = `${LETTER}0-9`;
const ORDINARY = new RegExp(`^[${PLATE_PROVINCES}][${LETTER}][${ALNUM}]{5}$`);
const SUFFIXED = new RegExp(`^[${PLATE_PROVINCES}][${LETTER}][${ALNUM}]{4}[挂学警]$`);
const NEW_ENERGY_SMALL = new RegExp(`^[${PLATE_PROVINCES}][${LETTER}][DF][${ALNUM}][0-9]{4}$`);
const NEW_ENERGY_LARGE = new RegExp(`^[${PLATE_PROVINCES}][${LETTER}][0-9]{5}[DF]$`);

/** Removes spaces, dots and middle dots and upper-cases the letters: ` 京a·12345 ` → `京A12345`. */
export function normalizePlate(raw: string): string {
  return raw.replace(/[\s.·・•]/g, '').toUpperCase();
}

/** True when the (normalised) text is a valid Chinese plate. */
export function isValidPlate(raw: string): boolean {
  const plate = normalizePlate(raw);
  return ORDINARY.test(plate) || SUFFIXED.test(plate) || NEW_ENERGY_SMALL.test(plate) || NEW_ENERGY_LARGE.test(plate);
}
