import { beforeAll, describe, expect, it } from 'vitest';
import type { SealLedgerRowDto } from '../../../../src/shared/contract/gate';
import { i18next, initI18n } from '../../i18n';
import { buildSealWorkbook, plantDateTime } from './sealWorkbook';

beforeAll(() => {
  initI18n('zh-CN');
});

const row = (over: Partial<SealLedgerRowDto>): SealLedgerRowDto => ({
  journeyId: 1,
  journeyNumber: 'TJ-2026-000001',
  truckPlate: '豫A12345',
  customerName: '郑州鑫达建材有限公司',
  grade: 'P.O 42.5',
  position: '顶盖1',
  sealNumber: 'FS-000101',
  appliedAt: Date.UTC(2026, 10, 23, 1, 5),
  appliedByName: '王调度',
  exitCheckedAt: null,
  exitVerdict: null,
  presentedNumber: null,
  ...over,
});

describe('seal ledger workbook', () => {
  it('shows plant-local times whatever the PC time zone', () => {
    expect(plantDateTime(Date.UTC(2026, 10, 23, 17, 30), 480)).toBe('2026-11-24 01:30');
  });

  it('has a title, translated headings and one row per seal; reads back with exceljs', async () => {
    const rows = [
      row({}),
      row({ position: '底阀', sealNumber: 'FS-000102', exitCheckedAt: Date.UTC(2026, 10, 23, 3, 0), exitVerdict: 'mismatch', presentedNumber: 'FS-999999' }),
      // Read correctly during the same (failed) check: this seal itself matched.
      row({ position: '顶盖2', sealNumber: 'FS-000103', exitCheckedAt: Date.UTC(2026, 10, 23, 3, 0), exitVerdict: 'mismatch', presentedNumber: 'FS-000103' }),
      row({ position: '顶盖3', sealNumber: 'FS-000104', exitCheckedAt: Date.UTC(2026, 10, 23, 3, 0), exitVerdict: 'missing', presentedNumber: null }),
    ];
    const workbook = await buildSealWorkbook(rows, i18next.t, { from: '2026-11-23', to: '2026-11-23', utcOffsetMinutes: 480 });
    const buffer = await workbook.xlsx.writeBuffer();
    const ExcelJS = (await import('exceljs')).default;
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(buffer);
    const sheet = back.worksheets[0]!;
    expect(sheet.name).toBe('封签台账');
    expect(String(sheet.getCell('A1').value)).toContain('2026-11-23');
    const headings = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(headings).toEqual(['进厂单号', '车号', '客户', '品种', '封签位置', '封签号', '施封时间', '施封人', '出厂检查时间', '核对结果', '出厂读取号']);
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual([
      'TJ-2026-000001', '豫A12345', '郑州鑫达建材有限公司', 'P.O 42.5', '顶盖1', 'FS-000101', '2026-11-23 09:05', '王调度', '', '未检查', '',
    ]);
    expect(sheet.getCell('J4').value).toBe('不符');
    expect(sheet.getCell('K4').value).toBe('FS-999999');
    expect(sheet.getCell('I4').value).toBe('2026-11-23 11:00');
    expect(sheet.getCell('J5').value).toBe('相符');
    expect(sheet.getCell('J6').value).toBe('缺失');
    expect(sheet.rowCount).toBe(6);
  });
});
