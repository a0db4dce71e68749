import type { TFunction } from 'i18next';
import type { Workbook } from 'exceljs';
import type { SealLedgerRowDto } from '../../../../src/shared/contract/gate';

/** Plant-local `YYYY-MM-DD HH:MM` (the sheet is read at the plant, whatever the exporting PC's time zone). */
export function plantDateTime(ms: number, utcOffsetMinutes: number): string {
  const d = new Date(ms + utcOffsetMinutes * 60_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

/**
 * How the exit check found THIS seal (the check's verdict is about the whole truck): read with the same number →
 * match, not read → missing, another number → mismatch; null before any check.
 */
export function sealVerdict(row: SealLedgerRowDto): 'match' | 'mismatch' | 'missing' | null {
  if (row.exitVerdict === null) return null;
  if (row.presentedNumber === null) return 'missing';
  return row.presentedNumber === row.sealNumber ? 'match' : 'mismatch';
}

/** The seal's verdict as the ledger shows it, or "not yet checked". */
export function verdictText(t: TFunction, row: SealLedgerRowDto): string {
  const verdict = sealVerdict(row);
  return verdict === null ? t('gate.verdict.unchecked') : t(`gate.verdict.${verdict}`);
}

const COLUMNS = [
  ['journeyNumber', 16],
  ['truckPlate', 12],
  ['customerName', 28],
  ['grade', 12],
  ['position', 10],
  ['sealNumber', 16],
  ['appliedAt', 18],
  ['appliedByName', 10],
  ['exitCheckedAt', 18],
  ['exitVerdict', 12],
  ['presentedNumber', 16],
] as const;

/**
 * 封签台账 as an .xlsx workbook: a title line (plant days from–to), translated column headings, one row per seal.
 * exceljs is loaded on demand so it stays out of the screens' bundle (its own chunk).
 */
export async function buildSealWorkbook(rows: SealLedgerRowDto[], t: TFunction, opts: { from: string; to: string; utcOffsetMinutes: number }): Promise<Workbook> {
  const mod = await import('exceljs');
  const Excel = ((mod as unknown as { default?: typeof mod }).default ?? mod) as typeof mod;
  const workbook = new Excel.Workbook();
  workbook.creator = 'DispatchDesk';
  const sheet = workbook.addWorksheet(t('gate.seals.sheetName'), { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = COLUMNS.map(([key, width]) => ({ key, width }));
  sheet.mergeCells(1, 1, 1, COLUMNS.length);
  const title = sheet.getCell(1, 1);
  title.value = t('gate.seals.sheetTitle', { from: opts.from, to: opts.to, count: rows.length });
  title.font = { bold: true, size: 14 };
  const head = sheet.getRow(2);
  COLUMNS.forEach(([key], i) => {
    const cell = head.getCell(i + 1);
    cell.value = t(`gate.seals.columns.${key}`);
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE9ECEF' } };
  });
  for (const r of rows) {
    const row = sheet.addRow({
      journeyNumber: r.journeyNumber,
      truckPlate: r.truckPlate,
      customerName: r.customerName,
      grade: r.grade,
      position: r.position,
      sealNumber: r.sealNumber,
      appliedAt: plantDateTime(r.appliedAt, opts.utcOffsetMinutes),
      appliedByName: r.appliedByName ?? '',
      exitCheckedAt: r.exitCheckedAt === null ? '' : plantDateTime(r.exitCheckedAt, opts.utcOffsetMinutes),
      exitVerdict: verdictText(t, r),
      presentedNumber: r.presentedNumber ?? '',
    });
    if (sealVerdict(r) === 'mismatch' || sealVerdict(r) === 'missing') row.getCell('exitVerdict').font = { bold: true, color: { argb: 'FFC92A2A' } };
  }
  return workbook;
}

/** Saves a workbook through the browser: a Blob and a temporary link (Electron and the headless host alike). */
export async function downloadWorkbook(workbook: Workbook, fileName: string): Promise<void> {
  const buffer = await workbook.xlsx.writeBuffer();
  const blob = new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
