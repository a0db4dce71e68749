import { useTranslation } from 'react-i18next';
import type { SuggestionItemDto } from '../../../../src/shared/contract/suggestions';
import { SETTINGS } from '../../../../src/shared/settings';
import { call } from '../../api';
import { plantDateTime } from '../suggestions/plantTime';
import { PrintFrame } from './PrintFrame';
import { usePrintData, type PrintBase } from './usePrintData';
import './SuggestionSummaryPrint.css';

/** The id is the week's opening day as a number: 2026-11-23 → 20261123. */
function weekDayOf(id: number): string {
  const s = String(id);
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}

async function loadSummary(id: number, token: string | undefined) {
  const [summary, settings] = await Promise.all([call('suggestions.summary', { weekDay: weekDayOf(id) }, { token }), call('settings.list', {}, { token })]);
  const offset = settings.find((s) => s.key === 'calendar.utcOffsetMinutes')?.value;
  return { summary, utcOffsetMinutes: typeof offset === 'number' ? offset : SETTINGS['calendar.utcOffsetMinutes'].default };
}

type Data = Awaited<ReturnType<typeof loadSummary>> & PrintBase;

/** `#/print/suggestionSummary/:yyyymmdd?token=…`: the Monday-meeting summary of the suggestion boxes. */
export function SuggestionSummaryPrintView({ id, token, autoprint }: { id: number; token: string | undefined; autoprint: boolean }) {
  const { t } = useTranslation();
  const state = usePrintData('suggestionSummary', id, token, 'errors.suggestionOpeningNotFound', loadSummary);
  return (
    <PrintFrame
      state={state}
      autoprint={autoprint}
      fontSample={(d) =>
        [d.plantName, t('suggestions.summary.title'), t('suggestions.summary.carried'), t('suggestions.summary.notOpened'), ...d.summary.openings.flatMap((o) => [o.boxName, o.witnesses, ...o.items.map((i) => `${i.text}${i.customerName}${i.assigneeName ?? ''}`)]), ...d.summary.carriedOver.map((i) => `${i.text}${i.boxName}${i.assigneeName ?? ''}`)].join('')
      }
    >
      {(data) => <SummaryDocument data={data} />}
    </PrintFrame>
  );
}

function ItemTable({ items, showBox, offset }: { items: SuggestionItemDto[]; showBox: boolean; offset: number }) {
  const { t } = useTranslation();
  return (
    <table>
      <thead>
        <tr>
          <th className="dd-suggestions__num">{t('suggestions.summary.no')}</th>
          {showBox && <th>{t('suggestions.name')}</th>}
          <th>{t('suggestions.summary.text')}</th>
          <th className="dd-suggestions__nw">{t('suggestions.summary.category')}</th>
          <th>{t('suggestions.summary.customer')}</th>
          <th className="dd-suggestions__nw">{t('suggestions.summary.assignee')}</th>
          <th className="dd-suggestions__nw">{t('suggestions.summary.status')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((i, n) => (
          <tr key={i.id}>
            <td className="dd-suggestions__num">{n + 1}</td>
            {showBox && (
              <td>
                {i.boxName}
                <br />
                {plantDateTime(i.openedAt, offset)}
              </td>
            )}
            <td>
              {i.text}
              {i.note ? ` (${i.note})` : ''}
            </td>
            <td className="dd-suggestions__nw">{t(`suggestions.categories.${i.category}`)}</td>
            <td>{[i.customerName, i.contact].filter(Boolean).join(' ')}</td>
            <td className="dd-suggestions__nw">{i.assigneeName ?? ''}</td>
            <td className="dd-suggestions__nw">{t(`suggestions.status.${i.status}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SummaryDocument({ data }: { data: Data }) {
  const { t } = useTranslation();
  const s = data.summary;
  const offset = data.utcOffsetMinutes;
  return (
    <article className="dd-suggestions" data-testid="suggestion-summary-print">
      <div className="dd-suggestions__plant">{data.plantName}</div>
      <div className="dd-suggestions__title">{t('suggestions.summary.title')}</div>
      <div className="dd-suggestions__meta">
        <span>{t('suggestions.summary.week', { day: s.weekDay })}</span>
        <span>{t('suggestions.summary.generated', { at: plantDateTime(s.generatedAt, offset) })}</span>
      </div>
      <h2>{t('suggestions.summary.openings')}</h2>
      {s.openings.length === 0 && <p>{t('suggestions.summary.none')}</p>}
      {s.openings.map((o) => (
        <section key={o.id}>
          <h3>{t('suggestions.summary.opening', { box: o.boxName, at: plantDateTime(o.openedAt, offset), by: o.openedByName ?? '', witnesses: o.witnesses })}</h3>
          {o.items.length === 0 ? <p>{t('suggestions.summary.empty')}</p> : <ItemTable items={o.items} showBox={false} offset={offset} />}
        </section>
      ))}
      <h2>{t('suggestions.summary.carried')}</h2>
      {s.carriedOver.length === 0 ? <p>{t('suggestions.summary.none')}</p> : <ItemTable items={s.carriedOver} showBox offset={offset} />}
      <h2>{t('suggestions.summary.notOpened')}</h2>
      <p>{s.boxesNotOpened.length === 0 ? t('suggestions.summary.none') : s.boxesNotOpened.map((b) => b.name).join('、')}</p>
      <div className="dd-suggestions__sign">{t('suggestions.summary.signature')}</div>
    </article>
  );
}
