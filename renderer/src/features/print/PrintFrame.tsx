import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { translateError } from '../../i18n/translate';
import { markPrintError, markPrintReady } from './printReady';
import type { PrintBase, PrintState } from './usePrintData';
import { usePageStyle } from './usePageStyle';
import './print.css';

interface Props<T> {
  state: PrintState<T>;
  autoprint: boolean;
  /** The document's text, so the CJK font subsets it needs are loaded before the page is marked ready. */
  fontSample: (data: T & PrintBase) => string;
  /** Resolves when what draws after rendering (a chart) is on the page; the page is marked ready only then. */
  drawn?: (root: HTMLElement | null, data: T & PrintBase) => Promise<void>;
  children: (data: T & PrintBase) => ReactNode;
}

/**
 * The frame of every print view: no app chrome, the paper's @page rule, "preparing" or a translated error, and
 * `body[data-print-ready]` once data, fonts and images are in (Electron's print host and the tests wait for it).
 */
export function PrintFrame<T>({ state, autoprint, fontSample, drawn, children }: Props<T>) {
  const { t } = useTranslation();
  const { data, error } = state;
  const root = useRef<HTMLDivElement>(null);
  usePageStyle(data?.paper);

  const sample = data ? fontSample(data) : null;
  useEffect(() => {
    if (sample === null || !data) return;
    let alive = true;
    void (drawn ? drawn(root.current, data) : Promise.resolve()).then(() => {
      // The page's own text too: every character printed (headings, translated labels) has its font subset in.
      if (alive) void markPrintReady(root.current, sample + (root.current?.textContent ?? ''), autoprint);
    });
    return () => {
      alive = false;
    };
  }, [sample, data, drawn, autoprint]);

  const errorText = error ? translateError(t, error.rpc) : null;
  useEffect(() => {
    if (errorText) markPrintError(errorText);
  }, [errorText]);

  return (
    <div className="dd-print" ref={root}>
      {errorText ? (
        <div className="dd-print__status" role="alert" data-testid="print-error">
          {errorText}
        </div>
      ) : !data ? (
        <div className="dd-print__status">{t('print.preparing')}</div>
      ) : (
        children(data)
      )}
    </div>
  );
}
