import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { fenToYuanText, formatDate } from '../../i18n/format';
import { translateKey } from '../../i18n/translate';
import { PrintFrame } from './PrintFrame';
import { usePrintData, type PrintBase } from './usePrintData';
import './StatementPrint.css';

/** kg as tonnes with three decimals, integer arithmetic only. */
function kgAsTonnes(kg: number): string {
  const abs = Math.abs(kg);
  return `${kg < 0 ? '-' : ''}${Math.trunc(abs / 1000)}.${String(abs % 1000).padStart(3, '0')}`;
}

function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number);
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(days).padStart(2, '0')}`;
}

async function loadStatement(id: number, token: string | undefined) {
  const statement = await call('statements.get', { id }, { token });
  const previous = statement.supersedesId ? await call('statements.get', { id: statement.supersedesId }, { token }) : null;
  return { statement, previousNumber: previous?.number ?? null };
}

/** `#/print/statement/:id?token=…`: the customer's monthly statement (对账函) with the confirmation block. */
export function StatementPrintView({ id, token, autoprint }: { id: number; token: string | undefined; autoprint: boolean }) {
  const { t } = useTranslation();
  const state = usePrintData('statement', id, token, 'errors.statementNotFound', loadStatement);
  return (
    <PrintFrame state={state} autoprint={autoprint} fontSample={(d) => `${d.plantName}${d.statement.customerName}${t('statements.doc.confirmText')}`}>
      {(data) => <StatementDocument data={data} />}
    </PrintFrame>
  );
}

function StatementDocument({ data }: { data: Awaited<ReturnType<typeof loadStatement>> & PrintBase }) {
  const { t } = useTranslation();
  const s = data.statement;
  const kindText = (kind: string) => translateKey(t, `statements.kinds.${kind}`) ?? kind;
  return (
    <article className="dd-statement" data-testid="statement-print">
        <div className="dd-statement__plant">{data.plantName}</div>
        <div className="dd-statement__title">{t('statements.doc.title')}</div>
        <div className="dd-statement__meta">
          <span>{t('statements.doc.number', { number: s.number })}</span>
          <span>{t('statements.doc.issuedAt', { date: formatDate(s.issuedAt) })}</span>
        </div>
        <div className="dd-statement__to" data-testid="statement-customer">
          {t('statements.doc.to', { name: s.customerName, code: s.customerCode })}
        </div>
        <p>{t('statements.doc.intro', { from: `${s.month}-01`, to: lastDayOf(s.month) })}</p>
        <table>
          <thead>
            <tr>
              <th>{t('statements.doc.date')}</th>
              <th>{t('statements.doc.kind')}</th>
              <th>{t('statements.doc.document')}</th>
              <th>{t('statements.doc.quantity')}</th>
              <th>{t('statements.doc.unitPrice')}</th>
              <th>{t('statements.doc.amount')}</th>
            </tr>
          </thead>
          <tbody>
            <tr className="dd-statement__total">
              <td colSpan={5}>{t('statements.doc.opening')}</td>
              <td className="dd-statement__num">{fenToYuanText(s.openingFen)}</td>
            </tr>
            {s.lines.length === 0 && (
              <tr>
                <td colSpan={6}>{t('statements.doc.noLines')}</td>
              </tr>
            )}
            {s.lines.map((l) => (
              <tr key={l.ledgerId}>
                <td className="dd-statement__num">{l.date}</td>
                <td>
                  {kindText(l.kind)}
                  {l.note && l.note !== kindText(l.kind) ? ` · ${l.note}` : ''}
                </td>
                <td>{l.docId}</td>
                <td className="dd-statement__num">{l.quantityKg === null ? '' : kgAsTonnes(l.quantityKg)}</td>
                <td className="dd-statement__num">{l.unitPriceFenPerTonne === null ? '' : fenToYuanText(l.unitPriceFenPerTonne)}</td>
                <td className="dd-statement__num">{fenToYuanText(l.amountFen)}</td>
              </tr>
            ))}
            <tr className="dd-statement__total">
              <td colSpan={5}>{t('statements.doc.closing')}</td>
              <td className="dd-statement__num" data-testid="statement-closing">
                {fenToYuanText(s.closingFen)}
              </td>
            </tr>
          </tbody>
        </table>
        <div>{t('statements.doc.sign')}</div>
        {s.version > 1 && data.previousNumber && <div>{t('statements.doc.version', { n: s.version, number: data.previousNumber })}</div>}
        <div className="dd-statement__issuer">{t('statements.doc.issuer', { plant: data.plantName })}</div>
        <section className="dd-statement__confirm">
          <h2>{t('statements.doc.confirmTitle')}</h2>
          <div>{t('statements.doc.confirmText')}</div>
          <div>{t('statements.doc.difference')}</div>
          <div className="dd-statement__blank" />
          <div className="dd-statement__signs">
            <span>{t('statements.doc.stamp')}</span>
            <span>{t('statements.doc.signer')}</span>
            <span>{t('statements.doc.signDate')}</span>
          </div>
        </section>
    </article>
  );
}
