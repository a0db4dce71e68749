import QRCode from 'qrcode';
import { useTranslation } from 'react-i18next';
import type { WeighingTicketDto } from '../../../../src/shared/contract/weighing';
import { call } from '../../api';
import { formatDateTime } from '../../i18n/format';
import { kgText } from '../weighbridge/weighing/weighText';
import { PrintFrame } from './PrintFrame';
import type { PrintBase } from './usePrintData';
import { usePrintData } from './usePrintData';
import './slip.css';

async function loadTicket(id: number, token: string | undefined) {
  const ticket = await call('weighing.getTicket', { id }, { token });
  // The gate and the QC desk scan the journey number (the truck's pass).
  const qrDataUrl = await QRCode.toDataURL(ticket.journeyNumber, { errorCorrectionLevel: 'M', margin: 1, width: 320 });
  return { ticket, qrDataUrl };
}

/** 磅单 on A5 (or the receipt roll): number and journey QR on top, then tare, gross, net, times and operators. */
function WeighingTicketCard({ plantName, ticket, qrDataUrl, paper }: PrintBase & { ticket: WeighingTicketDto; qrDataUrl: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <article className={`dd-slip dd-slip--${paper}`} data-testid="weighing-ticket-card">
      <header className="dd-slip__head">
        <div>
          {plantName && <div className="dd-slip__plant">{plantName}</div>}
          <div className="dd-slip__title">{t('weighingTicketPrint.title')}</div>
          <div className="dd-slip__number" data-testid="weighing-ticket-number">
            {ticket.number}
          </div>
          {ticket.status !== 'completed' && <div className="dd-slip__void">{t('weighingTicketPrint.open')}</div>}
        </div>
        <figure className="dd-slip__qr">
          <img src={qrDataUrl} alt={ticket.journeyNumber} />
          <figcaption>{t('weighingTicketPrint.scan')}</figcaption>
        </figure>
      </header>
      <dl className="dd-slip__facts">
        <dt>{t('weighingTicketPrint.plate')}</dt>
        <dd className="dd-slip__big">{ticket.truckPlate}</dd>
        <dt>{t('weighingTicketPrint.journey')}</dt>
        <dd>{ticket.journeyNumber}</dd>
        <dt>{t('weighingTicketPrint.customer')}</dt>
        <dd>{ticket.customerName}</dd>
        <dt>{t('weighingTicketPrint.product')}</dt>
        <dd>
          {ticket.grade} {t(`products.packaging.${ticket.packaging}`)}
        </dd>
        <dt>{t('weighingTicketPrint.slip')}</dt>
        <dd>
          {ticket.slipNumber} · {kgText(t, ticket.slipQuantityKg)}
        </dd>
        {ticket.bagsLoaded !== null && (
          <>
            <dt>{t('weighingTicketPrint.bags')}</dt>
            <dd>{ticket.bagsLoaded}</dd>
          </>
        )}
        <dt>{t('weighingTicketPrint.gross')}</dt>
        <dd className="dd-slip__big">
          {kgText(t, ticket.grossKg)}
          {ticket.grossManualReason && <div>{t('weighingTicketPrint.manual', { reason: ticket.grossManualReason })}</div>}
        </dd>
        <dt>{t('weighingTicketPrint.tare')}</dt>
        <dd className="dd-slip__big">
          {kgText(t, ticket.tareKg)}
          {ticket.tareManualReason && <div>{t('weighingTicketPrint.manual', { reason: ticket.tareManualReason })}</div>}
        </dd>
        <dt>{t('weighingTicketPrint.net')}</dt>
        <dd className="dd-slip__big" data-testid="weighing-ticket-net">
          {kgText(t, ticket.netKg)}
        </dd>
        <dt>{t('weighingTicketPrint.tareAt')}</dt>
        <dd>
          {formatDateTime(ticket.tareAt, lang)} · {ticket.tareByName ?? ''}
        </dd>
        <dt>{t('weighingTicketPrint.grossAt')}</dt>
        <dd>
          {ticket.grossAt ? formatDateTime(ticket.grossAt, lang) : '—'} · {ticket.grossByName ?? ''}
        </dd>
        {ticket.acceptedHits.map((h, i) => (
          <dd key={i} style={{ gridColumn: '1 / -1' }}>
            {t('weighingTicketPrint.accepted', { rules: `（${h.rules.map((r) => t(`weighing.rules.${r}`)).join('、')}）`, reason: `${h.reason} · ${h.decidedByName ?? ''}` })}
          </dd>
        ))}
      </dl>
      <footer className="dd-slip__foot">
        <span>
          {t('weighingTicketPrint.operator')}：{ticket.grossByName ?? ticket.tareByName ?? ''}
        </span>
        <span>{t('weighingTicketPrint.signature')}：＿＿＿＿＿＿</span>
      </footer>
    </article>
  );
}

/** `#/print/weighingTicket/:id?token=…`: one weighing ticket with the journey QR. */
export function WeighingTicketPrintView({ id, token, autoprint }: { id: number; token: string | undefined; autoprint: boolean }) {
  const { t } = useTranslation();
  const state = usePrintData('weighingTicket', id, token, 'errors.weighingTicketNotFound', loadTicket);
  return (
    <PrintFrame
      state={state}
      autoprint={autoprint}
      fontSample={(d) => `${d.plantName}${d.ticket.customerName}${d.ticket.truckPlate}${d.ticket.grade}${t('weighingTicketPrint.title')}${t('weighingTicketPrint.scan')}${t('weighingTicketPrint.signature')}${d.ticket.tareManualReason ?? ''}${d.ticket.grossManualReason ?? ''}${d.ticket.acceptedHits.map((h) => h.reason).join('')}千克皮重毛净时间司磅员装车袋数主管接受`}
    >
      {(data) => <WeighingTicketCard {...data} />}
    </PrintFrame>
  );
}
