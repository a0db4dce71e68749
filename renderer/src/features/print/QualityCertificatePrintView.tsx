import { useTranslation } from 'react-i18next';
import { BATCH_RESULT_FIELDS, type QualityCertificateDto } from '../../../../src/shared/contract/quality';
import { call } from '../../api';
import { formatDate } from '../../i18n/format';
import { resultText } from '../quality/BatchModal';
import { kgToTonnesText } from '../sales/tonnes';
import { PrintFrame } from './PrintFrame';
import type { PrintBase } from './usePrintData';
import { usePrintData } from './usePrintData';
import './quality.css';

const loadCertificate = async (id: number, token: string | undefined) => ({ cert: await call('quality.getCertificate', { id }, { token }) });

function CertificateSheet({ plantName, cert, paper }: PrintBase & { cert: QualityCertificateDto }) {
  const { t, i18n } = useTranslation();
  const b = cert.batch;
  return (
    <article className={`dd-qc dd-qc--${paper}`} data-testid="quality-certificate">
      <header className="dd-qc__head">
        <div className="dd-qc__plant">{plantName}</div>
        <div className="dd-qc__title">
          {t('quality.print.title')}
          {t('quality.print.subtitle')}
        </div>
        <div className="dd-qc__number">
          {t('quality.print.number')}：{cert.number}
        </div>
      </header>
      <dl className="dd-qc__facts">
        <dt>{t('quality.print.customer')}</dt>
        <dd>{cert.customerName}</dd>
        <dt>{t('quality.print.grade')}</dt>
        <dd>{b.grade}</dd>
        <dt>{t('quality.print.batch')}</dt>
        <dd>{b.batchNumber}</dd>
        <dt>{t('quality.print.productionDate')}</dt>
        <dd>{b.productionDate}</dd>
        {cert.quantityKg !== null && (
          <>
            <dt>{t('quality.print.quantity')}</dt>
            <dd>{t('quality.print.tonnes', { tonnes: kgToTonnesText(cert.quantityKg) })}</dd>
          </>
        )}
      </dl>
      <table className="dd-qc__table">
        <thead>
          <tr>
            <th>{t('quality.print.item')}</th>
            <th>{t('quality.print.value')}</th>
          </tr>
        </thead>
        <tbody>
          {BATCH_RESULT_FIELDS.map((f) => (
            <tr key={f}>
              <td>{t(`quality.results.${f}`)}</td>
              <td>{b[f] === null ? t('quality.print.pendingValue') : resultText(f, b[f], t)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="dd-qc__standard">{t('quality.print.standard')}</p>
      {cert.reissueOfNumber && <p className="dd-qc__reissue">{t('quality.print.reissueNote', { number: cert.reissueOfNumber, reason: cert.reissueReason ?? '' })}</p>}
      <p className="dd-qc__warning" data-testid="quality-certificate-warning">
        {t('quality.print.keepSafe')}
      </p>
      <footer className="dd-qc__foot">
        <span>
          {t('quality.print.issuedBy')}：{cert.issuedByName}
        </span>
        <span>
          {t('quality.print.issuedAt')}：{formatDate(cert.issuedAt, i18n.language)}
        </span>
      </footer>
    </article>
  );
}

/** `#/print/qualityCertificate/:id?token=…`: a quality certificate (质保书) with the batch's test data and the keep-safe warning. */
export function QualityCertificatePrintView({ id, token, autoprint }: { id: number; token: string | undefined; autoprint: boolean }) {
  const { t } = useTranslation();
  const state = usePrintData('qualityCertificate', id, token, 'errors.certificateNotFound', loadCertificate);
  return (
    <PrintFrame
      state={state}
      autoprint={autoprint}
      fontSample={(d) =>
        `${d.plantName}${d.cert.customerName}${d.cert.issuedByName ?? ''}${d.cert.reissueReason ?? ''}${t('quality.print.title')}${t('quality.print.subtitle')}${t('quality.print.keepSafe')}${t('quality.print.standard')}${t('quality.print.reissueNote', { number: '', reason: '' })}${BATCH_RESULT_FIELDS.map((f) => t(`quality.results.${f}`)).join('')}${t('quality.results.soundnessPass')}${t('quality.results.soundnessFail')}${t('quality.print.pendingValue')}${(['customer', 'grade', 'batch', 'productionDate', 'quantity', 'item', 'value', 'issuedBy', 'issuedAt', 'number', 'tonnes'] as const).map((k) => t(`quality.print.${k}`)).join('')}`
      }
    >
      {(data) => <CertificateSheet {...data} />}
    </PrintFrame>
  );
}
