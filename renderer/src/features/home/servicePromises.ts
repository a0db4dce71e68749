import type { SettingKey } from '../../../../src/shared/settings';
import type { Station } from '../../../../src/shared/roles';

/** How a setting's number appears in a sentence: as is, a per-mille shown as percent (990‰ → 99), or a weekday name. */
export type ParamFormat = 'number' | 'permilleAsPercent' | 'weekday' | 'month';

export interface PromiseDef {
  /** Translation key under `promises.<station>.`; a function picks a variant from a setting's value. */
  text: string | ((values: Map<string, unknown>) => string);
  params: Record<string, { setting: SettingKey; format?: ParamFormat }>;
  /** Settings the sentence depends on (params plus variant switches), for the seed/default mark. */
  uses: SettingKey[];
}

const p = (text: PromiseDef['text'], params: PromiseDef['params'] = {}, extra: SettingKey[] = []): PromiseDef => ({
  text,
  params,
  uses: [...Object.values(params).map((x) => x.setting), ...extra],
});

/**
 * Each window's service promises (SPEC §3). The sentences live in the translations; every number is read
 * from the settings so a changed setting changes the home screen, and no number is written here.
 */
export const STATION_PROMISES: Record<Station, PromiseDef[]> = {
  sales_hall: [
    p('slip', { minutes: { setting: 'sales.slipWaitMinutes' } }),
    p('authorization', { minutes: { setting: 'sales.authorizationHandoffMinutes' } }),
    p('contact', { minutes: { setting: 'sales.salespersonContactMinutes' } }),
  ],
  finance: [
    p('payment', { minutes: { setting: 'finance.paymentWaitMinutes' } }),
    p('remittance', { minutes: { setting: 'finance.remittanceCheckMinutes' } }),
    p('invoice', { days: { setting: 'finance.invoiceReviewWorkingDays' }, notice: { setting: 'finance.invoiceStockNoticeWorkingDays' } }),
    p('statement', { day: { setting: 'finance.statementDueDay' }, redo: { setting: 'finance.statementRedoWorkingDays' } }),
    p('refund', {
      sales: { setting: 'finance.refundSalesWorkingDays' },
      finance: { setting: 'finance.refundFinanceWorkingDays' },
      total: { setting: 'finance.refundTotalWorkingDays' },
    }),
  ],
  gate: [p('order'), p('queue', { count: { setting: 'gate.queueAlertThreshold' } }), p('seals')],
  weighbridge: [
    p('wait', { minutes: { setting: 'weighing.waitMinutes' } }),
    p('tare', { percent: { setting: 'weighing.tareTolerancePercent' }, kg: { setting: 'weighing.tareToleranceKg' } }),
    p('net', { percent: { setting: 'weighing.netMinPercentOfSlip' } }),
    p('bagOverweight', { percent: { setting: 'weighing.bagOverweightPermille', format: 'permilleAsPercent' } }),
  ],
  packing: [
    p('returnRate', { percent: { setting: 'dispatch.overweightReturnRateMaxPercent' } }),
    p('brokenRate', { permille: { setting: 'dispatch.brokenBagRateMaxPermille' } }),
    p('onTime', { hours: { setting: 'dispatch.baggedLoadingHours' }, percent: { setting: 'dispatch.baggedOnTimeMinPercent' } }),
    p('rate', { rate: { setting: 'dispatch.packingRateTonnesPerHour' }, kg: { setting: 'dispatch.bagWeightKg' } }),
  ],
  bulk: [p('exit', { minutes: { setting: 'dispatch.bulkExitAverageMinutes' } }), p('seal', { minutes: { setting: 'dispatch.sealWithinMinutes' } })],
  qc: [
    p('bagWeight', {
      percent: { setting: 'quality.bagMinPermilleOfMarked', format: 'permilleAsPercent' },
      count: { setting: 'quality.sampleBagCount' },
      kg: { setting: 'quality.sampleMinTotalKg' },
    }),
    p('sprayCode', { hours: { setting: 'quality.sprayCodeCheckHours' } }),
    p((v) => (v.get('quality.allowCertificateReissue') === true ? 'certificateReissue' : 'certificateNoReissue'), {}, ['quality.allowCertificateReissue']),
  ],
  office: [
    p('complaint', { hours: { setting: 'service.complaintOnSiteHours' } }),
    p('suggestionBox', { weekday: { setting: 'service.suggestionBoxWeekday', format: 'weekday' } }),
    p('survey', { month: { setting: 'service.annualSurveyMonth', format: 'month' } }),
    p('deduction', { points: { setting: 'service.lowestSatisfactionDeduction' } }),
  ],
};
