import { useTranslation } from 'react-i18next';
import { COMPLAINT_VERDICTS } from '../../../../src/shared/contract/complaints';
import { call } from '../../api';
import { channelCounts, onTimePercent } from '../complaints/ComplaintReport';
import { plantDateTime } from '../suggestions/plantTime';
import { PrintFrame } from './PrintFrame';
import { printSettings } from './printSettings';
import { usePrintData, type PrintBase } from './usePrintData';
import './complaintPrint.css';

/** The print id of a month: `2026-11` travels as 202611 (print views take numeric ids). */
export const monthPrintId = (month: string) => Number(month.replace('-', ''));
const monthOf = (id: number) => `${String(id).slice(0, 4)}-${String(id).slice(4, 6)}`;

async function loadReport(id: number, token: string | undefined) {
  const [report, settings] = await Promise.all([call('complaints.getMonthlyReport', { month: monthOf(id) }, { token }), printSettings(token)]);
  return { report, ...settings };
}

type Data = Awaited<ReturnType<typeof loadReport>> & PrintBase;

/** `#/print/complaintReport/:yyyy-mm`: the monthly complaint report for the sales meeting. */
export function ComplaintReportPrintView({ id, token, autoprint }: { id: number; token: string | undefined; autoprint: boolean }) {
  const { t } = useTranslation();
  const state = usePrintData('complaintReport', id, token, 'fields.monthFormat', loadReport);
  return (
    <PrintFrame state={state} autoprint={autoprint} fontSample={(d) => [d.plantName, t('complaints.card.reportTitle', { month: d.report.month }), t('complaints.report.byPost'), t('complaints.report.byChannel'), t('complaints.card.signSupervisor'), ...d.report.complaints.map((c) => c.customerName + c.description)].join('')}>
      {(data) => <ReportDocument data={data} />}
    </PrintFrame>
  );
}

function ReportDocument({ data }: { data: Data }) {
  const { t } = useTranslation();
  const r = data.report;
  const at = (ms: number) => plantDateTime(ms, data.utcOffsetMinutes);
  return (
    <article className="dd-cp dd-cp__report" data-testid="complaint-report-print">
      <div className="dd-cp__plant">{data.plantName}</div>
      <div className="dd-cp__title">{t('complaints.card.reportTitle', { month: r.month })}</div>
      <div className="dd-cp__meta">
        <span>{t('complaints.card.reportSubtitle')}</span>
        <span>{t('complaints.card.printedAt', { at: at(Date.now()) })}</span>
      </div>
      <div className="dd-cp__figures">
        <div className="dd-cp__figure">
          {t('complaints.report.total')}
          <b>{r.total}</b>
        </div>
        <div className="dd-cp__figure">
          {t('complaints.report.substantiated')}
          <b>{r.substantiated}</b>
        </div>
        <div className="dd-cp__figure">
          {t('complaints.report.open')}
          <b>{r.open}</b>
        </div>
        <div className="dd-cp__figure">
          {t('complaints.report.onTime')}
          <b>{onTimePercent(r)}</b>
          <span className="dd-cp__small">{t('complaints.report.onTimeValue', { within: r.onSite.withinLimit, arrived: r.onSite.arrived })}</span>
        </div>
        <div className="dd-cp__figure">
          {t('complaints.report.late')}
          <b>{r.onSite.late}</b>
        </div>
      </div>
      <p className="dd-cp__small">
        {t('complaints.report.limit', { hours: r.onSite.limitHours })} · {t('complaints.report.notYet')} {r.onSite.notYet}
      </p>
      <h2>{t('complaints.report.byPost')}</h2>
      <table>
        <thead>
          <tr>
            <th>{t('complaints.columns.post')}</th>
            <th>{t('complaints.report.count')}</th>
            <th>{t('complaints.report.substantiated')}</th>
            <th>{t('complaints.report.quality')}</th>
            <th>{t('complaints.report.service')}</th>
          </tr>
        </thead>
        <tbody>
          {r.byPost.map((p) => (
            <tr key={p.post}>
              <td>{t(`posts.${p.post}`)}</td>
              <td>{p.total}</td>
              <td>{p.substantiated}</td>
              <td>{p.quality}</td>
              <td>{p.service}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>
        {t('complaints.report.byChannel')} · {t('complaints.report.verdicts')}
      </h2>
      <table>
        <tbody>
          <tr>
            {channelCounts(r).map(({ channel, count }) => (
              <td key={channel}>
                {t(`complaints.channels.${channel}`)} {count}
              </td>
            ))}
          </tr>
          <tr>
            {COMPLAINT_VERDICTS.map((v) => (
              <td key={v}>
                {t(`complaints.verdicts.${v}`)} {r.verdicts[v]}
              </td>
            ))}
            <td colSpan={2} />
          </tr>
        </tbody>
      </table>
      <h2>{t('complaints.report.list')}</h2>
      {r.complaints.length === 0 ? (
        <p>{t('complaints.report.none')}</p>
      ) : (
        <table className="dd-cp__small">
          <thead>
            <tr>
              <th>{t('complaints.columns.number')}</th>
              <th>{t('complaints.columns.receivedAt')}</th>
              <th>{t('complaints.columns.customer')}</th>
              <th>{t('complaints.columns.post')}</th>
              <th>{t('complaints.card.description')}</th>
              <th>{t('complaints.card.onSiteAt')}</th>
              <th>{t('complaints.card.valid')}</th>
              <th>{t('complaints.columns.verdict')}</th>
            </tr>
          </thead>
          <tbody>
            {r.complaints.map((c) => (
              <tr key={c.id}>
                <td>{c.number}</td>
                <td>{at(c.receivedAt)}</td>
                <td>{c.customerName}</td>
                <td>
                  {t(`posts.${c.post}`)} {t(`complaints.natures.${c.nature}`)}
                </td>
                <td>{c.description}</td>
                <td>{c.onSiteAt === null ? t(`complaints.status.${c.status}`) : `${at(c.onSiteAt)} ${t(c.onSiteOverdue ? 'complaints.card.late' : 'complaints.card.onTime')}`}</td>
                <td>{c.substantiated === null ? '' : t(c.substantiated ? 'complaints.detail.validYes' : 'complaints.detail.validNo')}</td>
                <td>{c.verdict ? t(`complaints.verdicts.${c.verdict}`) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="dd-cp__signs">
        <div className="dd-cp__sign">{t('complaints.card.signSupervisor')}</div>
        <div className="dd-cp__sign">{t('complaints.card.signDate')}</div>
      </div>
    </article>
  );
}
