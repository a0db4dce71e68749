import { useTranslation } from 'react-i18next';
import type { ComplaintDto } from '../../../../src/shared/contract/complaints';
import { ApiError, call } from '../../api';
import { plantDateTime } from '../suggestions/plantTime';
import { PrintFrame } from './PrintFrame';
import { printSettings } from './printSettings';
import { usePrintData, type PrintBase } from './usePrintData';
import './complaintPrint.css';

async function loadComplaint(id: number, token: string | undefined) {
  const [complaint, settings] = await Promise.all([call('complaints.get', { id }, { token }), printSettings(token)]);
  return { complaint, ...settings };
}

/** The registration card exists only once the customer's verdict is recorded: before that the view refuses, translated. */
async function loadClosedComplaint(id: number, token: string | undefined) {
  const data = await loadComplaint(id, token);
  if (!data.complaint.registrationNumber) {
    throw new ApiError({ code: 'RULE_VIOLATION', message: 'errors.complaintNoServiceCard', params: { number: data.complaint.number } }, 'print');
  }
  return data;
}

type Data = Awaited<ReturnType<typeof loadComplaint>> & PrintBase;

const sample = (d: Data, extra: string[]) => [d.plantName, d.complaint.customerName, d.complaint.contactName, d.complaint.description, d.complaint.salespersonName, d.complaint.receivedByName ?? '', d.complaint.findings, d.complaint.resolution, d.complaint.customerComment, d.complaint.onSiteNote, ...extra].join('');

/** `#/print/complaintCard/:id`: 客户投诉受理卡, printable right after acceptance. */
export function ComplaintCardPrintView({ id, token, autoprint }: { id: number; token: string | undefined; autoprint: boolean }) {
  const { t } = useTranslation();
  const state = usePrintData('complaintCard', id, token, 'errors.complaintNotFound', loadComplaint);
  return (
    <PrintFrame state={state} autoprint={autoprint} fontSample={(d) => sample(d, [t('complaints.card.acceptanceTitle'), t('complaints.card.promise', { hours: d.onSiteHours })])}>
      {(data) => <AcceptanceCard data={data} />}
    </PrintFrame>
  );
}

/** `#/print/serviceCard/:id`: 销售服务登记卡, once the customer's verdict is recorded. */
export function ServiceCardPrintView({ id, token, autoprint }: { id: number; token: string | undefined; autoprint: boolean }) {
  const { t } = useTranslation();
  const state = usePrintData('serviceCard', id, token, 'errors.complaintNotFound', loadClosedComplaint);
  return (
    <PrintFrame state={state} autoprint={autoprint} fontSample={(d) => sample(d, [t('complaints.card.serviceTitle'), t('complaints.card.signSupervisor')])}>
      {(data) => <ServiceCard data={data} />}
    </PrintFrame>
  );
}

function Head({ data, title, number }: { data: Data; title: string; number: string }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="dd-cp__plant">{data.plantName}</div>
      <div className="dd-cp__title">{title}</div>
      <div className="dd-cp__meta">
        <span className="dd-cp__no" data-testid="card-number">
          {number}
        </span>
        <span>{t('complaints.card.printedAt', { at: plantDateTime(Date.now(), data.utcOffsetMinutes) })}</span>
      </div>
    </>
  );
}

function Facts({ c, at }: { c: ComplaintDto; at: (ms: number | null) => string }) {
  const { t } = useTranslation();
  return (
    <>
      <tr>
        <th>{t('complaints.card.customer')}</th>
        <td>{c.customerName}</td>
        <th>{t('complaints.card.contact')}</th>
        <td>{[c.contactName, c.contactPhone].filter(Boolean).join(' ')}</td>
      </tr>
      <tr>
        <th>{t('complaints.card.receivedAt')}</th>
        <td>{at(c.receivedAt)}</td>
        <th>{t('complaints.card.channel')}</th>
        <td>{t(`complaints.channels.${c.channel}`)}</td>
      </tr>
      <tr>
        <th>{t('complaints.card.post')}</th>
        <td>{t(`posts.${c.post}`)}</td>
        <th>{t('complaints.card.nature')}</th>
        <td>{t(`complaints.natures.${c.nature}`)}</td>
      </tr>
      <tr>
        <th>{t('complaints.card.description')}</th>
        <td colSpan={3} className="dd-cp__tall">
          {c.description}
        </td>
      </tr>
      <tr>
        <th>{t('complaints.card.salesperson')}</th>
        <td>{[c.salespersonName, c.salespersonPhone].filter(Boolean).join(' ')}</td>
        <th>{t('complaints.card.due')}</th>
        <td>{at(c.onSiteDueAt)}</td>
      </tr>
    </>
  );
}

function AcceptanceCard({ data }: { data: Data }) {
  const { t } = useTranslation();
  const c = data.complaint;
  const at = (ms: number | null) => (ms === null ? '' : plantDateTime(ms, data.utcOffsetMinutes));
  return (
    <article className="dd-cp" data-testid="complaint-card-print">
      <Head data={data} title={t('complaints.card.acceptanceTitle')} number={`${t('complaints.card.number')} ${c.number}`} />
      <table>
        <tbody>
          <Facts c={c} at={at} />
          <tr>
            <th>{t('complaints.card.receivedBy')}</th>
            <td colSpan={3}>{c.receivedByName ?? ''}</td>
          </tr>
        </tbody>
      </table>
      <div className="dd-cp__promise">{t('complaints.card.promise', { hours: data.onSiteHours })}</div>
      <div className="dd-cp__signs">
        <div className="dd-cp__sign">{t('complaints.card.signReceiver')}</div>
        <div className="dd-cp__sign">{t('complaints.card.signDate')}</div>
        <div className="dd-cp__sign">{t('complaints.card.signSalesperson')}</div>
        <div className="dd-cp__sign">{t('complaints.card.signDate')}</div>
      </div>
    </article>
  );
}

function ServiceCard({ data }: { data: Data }) {
  const { t } = useTranslation();
  const c = data.complaint;
  const at = (ms: number | null) => (ms === null ? '' : plantDateTime(ms, data.utcOffsetMinutes));
  return (
    <article className="dd-cp" data-testid="service-card-print">
      <Head data={data} title={t('complaints.card.serviceTitle')} number={`${t('complaints.card.registrationNumber')} ${c.registrationNumber ?? ''}`} />
      <table>
        <tbody>
          <tr>
            <th>{t('complaints.card.number')}</th>
            <td colSpan={3}>{c.number}</td>
          </tr>
          <Facts c={c} at={at} />
          <tr>
            <th>{t('complaints.card.onSiteAt')}</th>
            <td colSpan={3}>
              {at(c.onSiteAt)} {c.onSiteAt !== null && `(${t(c.onSiteOverdue ? 'complaints.card.late' : 'complaints.card.onTime')})`} {c.onSiteNote}
            </td>
          </tr>
          <tr>
            <th>{t('complaints.card.findings')}</th>
            <td colSpan={3} className="dd-cp__tall">
              {c.findings}
            </td>
          </tr>
          <tr>
            <th>{t('complaints.card.valid')}</th>
            <td colSpan={3}>{c.substantiated === null ? '' : t(c.substantiated ? 'complaints.detail.validYes' : 'complaints.detail.validNo')}</td>
          </tr>
          <tr>
            <th>{t('complaints.card.resolution')}</th>
            <td colSpan={3} className="dd-cp__tall">
              {c.resolution}
            </td>
          </tr>
          <tr>
            <th>{t('complaints.card.verdict')}</th>
            <td>{c.verdict ? t(`complaints.verdicts.${c.verdict}`) : ''}</td>
            <th>{t('complaints.card.customerComment')}</th>
            <td>{c.customerComment}</td>
          </tr>
        </tbody>
      </table>
      <div className="dd-cp__signs">
        <div className="dd-cp__sign">{t('complaints.card.signCustomer')}</div>
        <div className="dd-cp__sign">{t('complaints.card.signDate')}</div>
        <div className="dd-cp__sign">{t('complaints.card.signSalesperson')}</div>
        <div className="dd-cp__sign">{t('complaints.card.signSupervisor')}</div>
      </div>
    </article>
  );
}
