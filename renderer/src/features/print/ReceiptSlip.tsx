import { useTranslation } from 'react-i18next';
import type { ReceiptDto } from '../../../../src/shared/contract/finance';
import { toChineseCapitalAmount } from '../../../../src/shared/money';
import { formatDateTime, formatMoney } from '../../i18n/format';
import type { Paper } from './pageStyle';
import './ReceiptPrint.css';

interface Props {
  plantName: string;
  receipt: ReceiptDto;
  paper: Paper;
}

/**
 * 收款收据: plant, receipt number, customer, the amount in figures and in Chinese capitals (the capitals are what a
 * receipt is checked against, in every language), method, reference, time and cashier; a reversed receipt carries
 * a stamp naming the reversing document.
 */
export function ReceiptSlip({ plantName, receipt, paper }: Props) {
  const { t } = useTranslation();
  const reversed = receipt.reversal;
  return (
    <article className={`dd-receipt dd-receipt--${paper}`} data-testid="receipt">
      <header className="dd-receipt__head">
        {plantName && <div className="dd-receipt__plant">{plantName}</div>}
        <div className="dd-receipt__title">{t('receipt.title')}</div>
        <div className="dd-receipt__number" data-testid="receipt-number">
          {t('receipt.number')} {receipt.number}
        </div>
      </header>
      <dl className="dd-receipt__facts">
        <dt>{t('receipt.customer')}</dt>
        <dd data-testid="receipt-customer">
          <div>{receipt.customerName}</div>
          <div className="dd-receipt__code">{receipt.customerCode}</div>
        </dd>
        <dt>{t('receipt.amount')}</dt>
        <dd className="dd-receipt__figure" data-testid="receipt-amount">
          {formatMoney(receipt.amountFen)}
        </dd>
        <dt className="dd-receipt__wide">{t('receipt.capital')}</dt>
        <dd className="dd-receipt__capital dd-receipt__wide" data-testid="receipt-capital">
          {toChineseCapitalAmount(receipt.amountFen)}
        </dd>
        <dt>{t('receipt.method')}</dt>
        <dd>{t(`finance.methods.${receipt.method}`)}</dd>
        {receipt.reference && (
          <>
            <dt>{t('receipt.reference')}</dt>
            <dd>{receipt.reference}</dd>
          </>
        )}
        {receipt.remittanceNumber && (
          <>
            <dt>{t('receipt.remittance')}</dt>
            <dd>{receipt.remittanceNumber}</dd>
          </>
        )}
        {receipt.note && (
          <>
            <dt>{t('receipt.note')}</dt>
            <dd>{receipt.note}</dd>
          </>
        )}
        <dt>{t('receipt.time')}</dt>
        <dd>{formatDateTime(receipt.receivedAt)}</dd>
        <dt>{t('receipt.cashier')}</dt>
        <dd>{receipt.cashierName}</dd>
      </dl>
      {reversed && (
        <div className="dd-receipt__stamp" data-testid="receipt-reversed" role="note">
          <div className="dd-receipt__stamp-word">{t('receipt.reversedStamp')}</div>
          <div>
            {reversed.number} · {formatDateTime(reversed.at)}
          </div>
          <div>{reversed.reason}</div>
        </div>
      )}
      <footer className="dd-receipt__foot">
        <span>{t('receipt.signCustomer')}</span>
        <span>{t('receipt.signCashier')}</span>
      </footer>
    </article>
  );
}
