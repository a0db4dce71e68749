import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatementDto } from '../../../../src/shared/contract/statements';
import { ApiError, call, toApiError } from '../../api';
import { fenToYuanText, formatDate } from '../../i18n/format';
import { translateError, translateKey } from '../../i18n/translate';
import type { Paper } from './pageStyle';
import { markPrintError, markPrintReady } from './printReady';
import { usePageStyle } from './usePageStyle';
import './print.css';
import './StatementPrint.css';

interface Data {
  plantName: string;
  statement: StatementDto;
  previousNumber: string | null;
  paper: Paper;
}

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

function useStatementData(id: number, token: string | undefined) {
  const [state, setState] = useState<{ data?: Data; error?: ApiError }>({});
  useEffect(() => {
    let alive = true;
    (async () => {
      if (!Number.isInteger(id) || id <= 0) throw new ApiError({ code: 'NOT_FOUND', message: 'errors.statementNotFound' }, 'print');
      const [statement, installation, settings] = await Promise.all([
        call('statements.get', { id }, { token }),
        call('system.getInstallation', {}, { token }),
        call('settings.list', {}, { token }),
      ]);
      const previous = statement.supersedesId ? await call('statements.get', { id: statement.supersedesId }, { token }) : null;
      const paper = (settings.find((s) => s.key === 'printing.statementPaper')?.value ?? 'A4') as Paper;
      return { plantName: installation.plantName, statement, previousNumber: previous?.number ?? null, paper };
    })().then(
      (data) => alive && setState({ data }),
      (err: unknown) => alive && setState({ error: toApiError(err, 'print') }),
    );
    return () => {
      alive = false;
    };
  }, [id, token]);
  return state;
}

/** `#/print/statement/:id?token=…`: the customer's monthly statement (对账函) with the confirmation block. */
export function StatementPrintView({ id, token, autoprint }: { id: number; token: string | undefined; autoprint: boolean }) {
  const { t } = useTranslation();
  const { data, error } = useStatementData(id, token);
  const root = useRef<HTMLDivElement>(null);
  usePageStyle(data?.paper);

  useEffect(() => {
    if (data) void markPrintReady(root.current, `${data.plantName}${data.statement.customerName}${t('statements.doc.confirmText')}`, autoprint);
  }, [data, autoprint, t]);

  const errorText = error ? translateError(t, error.rpc) : null;
  useEffect(() => {
    if (errorText) markPrintError(errorText);
  }, [errorText]);

  if (errorText)
    return (
      <div className="dd-print" ref={root}>
        <div className="dd-print__status" role="alert" data-testid="print-error">
          {errorText}
        </div>
      </div>
    );
  if (!data)
    return (
      <div className="dd-print" ref={root}>
        <div className="dd-print__status">{t('print.preparing')}</div>
      </div>
    );
  const s = data.statement;
  const kindText = (kind: string) => translateKey(t, `statements.kinds.${kind}`) ?? kind;
  return (
    <div className="dd-print" ref={root}>
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
    </div>
  );
}
