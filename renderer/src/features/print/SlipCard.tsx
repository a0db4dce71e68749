import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatMoney } from '../../i18n/format';
import { kgToTonnesText } from '../sales/tonnes';
import type { PlanSlipDto } from '../../../../src/shared/contract/slips';
import type { PrintBase } from './usePrintData';

export interface SlipData extends PrintBase {
  slip: PlanSlipDto;
  qrDataUrl: string;
}

/** 销售计划单 on A5 (or the receipt roll): number and QR code on top, then the facts the gate and weighbridge check. */
export function SlipCard({ plantName, slip, qrDataUrl, paper }: SlipData) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <article className={`dd-slip dd-slip--${paper}`} data-testid="slip-card">
      <header className="dd-slip__head">
        <div>
          {plantName && <div className="dd-slip__plant">{plantName}</div>}
          <div className="dd-slip__title">{t('slipPrint.title')}</div>
          <div className="dd-slip__number" data-testid="slip-number">
            {slip.number}
          </div>
          {slip.status === 'voided' && <div className="dd-slip__void">{t('slipPrint.voided')}</div>}
        </div>
        <figure className="dd-slip__qr">
          <img src={qrDataUrl} alt={slip.number} data-testid="slip-qr" />
          <figcaption>{t('slipPrint.scan')}</figcaption>
        </figure>
      </header>
      <dl className="dd-slip__facts">
        <dt>{t('slipPrint.customer')}</dt>
        <dd data-testid="slip-print-customer">
          {slip.customerName}（{slip.customerCode}）
        </dd>
        <dt>{t('slipPrint.product')}</dt>
        <dd>
          {slip.grade} {t(`salesWindow.packaging.${slip.packaging}`)}
        </dd>
        <dt>{t('slipPrint.quantity')}</dt>
        <dd className="dd-slip__big">
          {t('slipPrint.tonnes', { tonnes: kgToTonnesText(slip.quantityKg) })}
          {slip.bags !== null && slip.bagWeightKg !== null && <span className="dd-slip__bags">{t('slipPrint.bagsLine', { bags: slip.bags, kg: slip.bagWeightKg })}</span>}
        </dd>
        <dt>{t('slipPrint.unitPrice')}</dt>
        <dd>{t('salesWindow.perTonne', { price: formatMoney(slip.priceFenPerTonne) })}</dd>
        <dt>{t('slipPrint.amount')}</dt>
        <dd className="dd-slip__big">{formatMoney(slip.amountFen)}</dd>
        <dt>{t('slipPrint.validUntil')}</dt>
        <dd>{formatDate(slip.validUntil, lang)}</dd>
        <dt>{t('slipPrint.trucks')}</dt>
        <dd data-testid="slip-print-trucks">{slip.truckPlates.length ? slip.truckPlates.join('　') : t('slipPrint.byLetter')}</dd>
      </dl>
      <footer className="dd-slip__foot">
        <span>
          {t('slipPrint.issuedBy')}：{slip.issuedByName}
        </span>
        <span>
          {t('slipPrint.issuedAt')}：{formatDateTime(slip.issuedAt, lang)}
        </span>
      </footer>
    </article>
  );
}
