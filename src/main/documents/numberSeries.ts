import type { EntityManager } from 'typeorm';
import { localDate } from '../../shared/workingDays';
import { forUpdate } from '../db/dialect';
import { NumberSeries } from './numberSeries.entity';

/**
 * Document number series: plan slips `PS`, receipts `RC`, … Numbers are gap-free per series and plant-local year,
 * taken inside the caller's transaction, so a rolled-back document gives its number back.
 */
export const SERIES = {
  planSlip: 'PS',
  receipt: 'RC',
  reversal: 'RV',
  remittance: 'RM',
  authorization: 'TA',
  refund: 'RF',
  statement: 'ST',
  invoiceRequest: 'IR',
  ticket: 'TK',
  journey: 'TJ',
  complaint: 'CP',
  serviceCard: 'SR',
  weighingTicket: 'WT',
  qualityCertificate: 'QC',
  conformityCertificate: 'CC',
} as const;
export type SeriesCode = (typeof SERIES)[keyof typeof SERIES];

export async function nextNumber(m: EntityManager, series: SeriesCode, at: number, utcOffsetMinutes: number): Promise<string> {
  const year = Number(localDate(at, { utcOffsetMinutes }).slice(0, 4));
  await m.createQueryBuilder().insert().into(NumberSeries).values({ series, year, last: 0 }).orIgnore().execute();
  const row = await forUpdate(m.getRepository(NumberSeries).createQueryBuilder('n').where('n.series = :series AND n.year = :year', { series, year })).getOneOrFail();
  row.last += 1;
  await m.update(NumberSeries, { series, year }, { last: row.last });
  return formatDocumentNumber(series, year, row.last);
}

export function formatDocumentNumber(series: string, year: number, n: number): string {
  return `${series}-${year}-${String(n).padStart(6, '0')}`;
}
