import { useTranslation } from 'react-i18next';
import type { ConformityCertificateDto } from '../../../../src/shared/contract/quality';
import { call } from '../../api';
import { formatDateTime } from '../../i18n/format';
import { kgToTonnesText } from '../sales/tonnes';
import { PrintFrame } from './PrintFrame';
import type { PrintBase } from './usePrintData';
import { usePrintData } from './usePrintData';
import './quality.css';

const loadConformity = async (id: number, token: string | undefined) => ({ cc: await call('quality.getConformity', { id }, { token }) });

function ConformitySheet({ plantName, cc, paper }: PrintBase & { cc: ConformityCertificateDto }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <article className={`dd-qc dd-qc--${paper}`} data-testid="conformity-certificate">
      <header className="dd-qc__head">
        <div className="dd-qc__plant">{plantName}</div>
        <div className="dd-qc__title">{t('quality.print.conformityTitle')}</div>
        <div className="dd-qc__number">
          {t('quality.print.number')}：{cc.number}
        </div>
      </header>
      <dl className="dd-qc__facts">
        <dt>{t('quality.print.ticket')}</dt>
        <dd>{cc.ticketNumber}</dd>
        <dt>{t('quality.print.plate')}</dt>
        <dd>{cc.truckPlate}</dd>
        <dt>{t('quality.print.customer')}</dt>
        <dd>{cc.customerName}</dd>
        <dt>{t('quality.print.grade')}</dt>
        <dd>
          {cc.grade} {t(`salesWindow.packaging.${cc.packaging}`)}
        </dd>
        <dt>{t('quality.print.batch')}</dt>
        <dd>{cc.batchNumber}</dd>
        <dt>{t('quality.print.net')}</dt>
        <dd className="dd-qc__big">{t('quality.print.tonnes', { tonnes: kgToTonnesText(cc.netKg) })}</dd>
        <dt>{t('quality.print.weighedAt')}</dt>
        <dd>{formatDateTime(cc.weighedAt, lang)}</dd>
      </dl>
      <div className="dd-qc__stamp">{t('quality.print.passed')}</div>
      <p className="dd-qc__standard">{t('quality.print.standard')}</p>
      <footer className="dd-qc__foot">
        <span>
          {t('quality.print.issuedBy')}：{cc.issuedByName}
        </span>
        <span>
          {t('quality.print.issuedAt')}：{formatDateTime(cc.issuedAt, lang)}
        </span>
      </footer>
    </article>
  );
}

/** `#/print/conformityCertificate/:id?token=…`: a certificate of conformity (合格证) for one weighing ticket. */
export function ConformityPrintView({ id, token, autoprint }: { id: number; token: string | undefined; autoprint: boolean }) {
  const { t } = useTranslation();
  const state = usePrintData('conformityCertificate', id, token, 'errors.conformityNotFound', loadConformity);
  return (
    <PrintFrame
      state={state}
      autoprint={autoprint}
      fontSample={(d) =>
        `${d.plantName}${d.cc.customerName}${d.cc.truckPlate}${d.cc.issuedByName ?? ''}${t('quality.print.conformityTitle')}${t('quality.print.passed')}${t('quality.print.standard')}${t(`salesWindow.packaging.${d.cc.packaging}`)}${(['number', 'ticket', 'plate', 'customer', 'grade', 'batch', 'net', 'weighedAt', 'issuedBy', 'issuedAt', 'tonnes'] as const).map((k) => t(`quality.print.${k}`)).join('')}`
      }
    >
      {(data) => <ConformitySheet {...data} />}
    </PrintFrame>
  );
}
