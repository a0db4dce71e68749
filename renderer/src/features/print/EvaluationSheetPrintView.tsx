import { useTranslation } from 'react-i18next';
import { EVALUATION_START_TENTHS, TABLE_RULES, type EvaluationSheetDto } from '../../../../src/shared/evaluation';
import { call } from '../../api';
import { formatTenths, settingLabel, settingValueText } from '../../i18n/format';
import { translateKey } from '../../i18n/translate';
import { ScoreChart } from '../evaluation/ScoreChart';
import { deductionText, perText, postName, ruleName, targetText, valueText } from '../evaluation/lineText';
import { plantDateTime } from '../suggestions/plantTime';
import { PrintFrame } from './PrintFrame';
import { usePrintData, type PrintBase } from './usePrintData';
import './print.css';
import './EvaluationSheetPrint.css';

async function loadSheet(id: number, token: string | undefined) {
  return { sheet: await call('evaluation.getRecordedSheet', { id }, { token }) };
}

type Data = { sheet: EvaluationSheetDto } & PrintBase;

/** The plant offset the sheet was computed with (from its own settings snapshot), so the printout never changes. */
function sheetOffset(sheet: EvaluationSheetDto): number {
  const v = sheet.settings.rules['calendar.utcOffsetMinutes'];
  return typeof v === 'number' ? v : 480;
}

/** Resolves once the summary chart has drawn its bars (recharts measures its box first), or after 5 s. */
function chartDrawn(root: HTMLElement | null, bars: number): Promise<void> {
  const started = performance.now();
  return new Promise((resolve) => {
    const tick = () => {
      const drawn = root?.querySelectorAll('.recharts-bar-rectangle').length ?? 0;
      if (drawn >= bars || performance.now() - started > 5000) requestAnimationFrame(() => resolve());
      else requestAnimationFrame(tick);
    };
    tick();
  });
}

/**
 * `#/print/evaluationSheet/:id?token=…`: a RECORDED evaluation sheet on A4, rendered only from what was recorded
 * (its lines, stars and settings snapshot), so a reprint is the same sheet. Ready (for Electron and the tests) once
 * the data, the chart's bars and the fonts for every character on the page are in.
 */
export function EvaluationSheetPrintView({ id, token, autoprint }: { id: number; token: string | undefined; autoprint: boolean }) {
  const state = usePrintData('evaluationSheet', id, token, 'errors.evaluationSheetNotFound', loadSheet);
  return (
    <PrintFrame state={state} autoprint={autoprint} fontSample={(data) => data.sheet.posts.map((p) => p.department).join('')} drawn={waitForChart}>
      {(data) => <SheetDocument data={data} />}
    </PrintFrame>
  );
}

/** The chart draws one bar per post with a score. */
function waitForChart(root: HTMLElement | null, data: Data): Promise<void> {
  return chartDrawn(root, data.sheet.posts.filter((p) => p.score > 0).length);
}

function SheetDocument({ data }: { data: Data }) {
  const { t } = useTranslation();
  const s = data.sheet;
  const offset = sheetOffset(s);
  const stars = new Map(s.stars.map((x) => [x.post, x]));
  const dept = (d: string) => translateKey(t, `evaluation.departments.${d}`) ?? d;
  const table = s.settings.deductionTable;
  return (
    <article className="dd-evaluation" data-testid="evaluation-print">
      <div className="dd-evaluation__plant">{data.plantName}</div>
      <div className="dd-evaluation__title">
        {t('evaluation.doc.title')}
        {t('evaluation.doc.subtitle')}
      </div>
      <div className="dd-evaluation__meta">
        <span>{t('evaluation.doc.month', { month: s.month })}</span>
        {s.recorded && <span>{t('evaluation.doc.version', { version: s.recorded.version, at: plantDateTime(s.recorded.recordedAt, offset) })}</span>}
      </div>

      <h2>{t('evaluation.doc.summary')}</h2>
      <div className="dd-evaluation__chart">
        <ScoreChart posts={s.posts} height={200} print />
      </div>
      <table data-testid="evaluation-print-summary">
        <thead>
          <tr>
            <th>{t('evaluation.deductions.post')}</th>
            <th className="dd-evaluation__num">{t('evaluation.start')}</th>
            <th className="dd-evaluation__num">{t('evaluation.deducted')}</th>
            <th className="dd-evaluation__num">{t('evaluation.total')}</th>
            <th>{t('evaluation.doc.stars')}</th>
          </tr>
        </thead>
        <tbody>
          {s.posts.map((p) => {
            const star = stars.get(p.post);
            return (
              <tr key={p.post}>
                <td>{postName(t, p.post)}</td>
                <td className="dd-evaluation__num">{formatTenths(p.start)}</td>
                <td className="dd-evaluation__num">{deductionText(p.deducted)}</td>
                <td className="dd-evaluation__num dd-evaluation__hit">{formatTenths(p.score)}</td>
                <td>{star ? `★ ${star.name}（${star.staffNo}）${star.note ? ` ${star.note}` : ''}` : t('evaluation.doc.noStar')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h2>{t('evaluation.doc.heads')}</h2>
      <p>
        {s.heads.length === 0
          ? t('evaluation.heads.none')
          : s.heads.map((h) => t('evaluation.heads.line', { department: dept(h.department), posts: h.posts.map((p) => postName(t, p)).join('、'), points: formatTenths(h.deduction) })).join('；')}
      </p>
      <Signatures />

      {s.posts.map((p, i) => (
        <section key={p.post} className={`dd-evaluation__post${i === 0 ? ' dd-evaluation__break' : ''}`} data-testid={`evaluation-print-post-${p.post}`}>
          <h2 className="dd-evaluation__posthead">
            <span>
              {t('evaluation.doc.post', { post: postName(t, p.post) })}（{dept(p.department)}）
            </span>
            <span className="dd-evaluation__score">{t('evaluation.doc.scoreOf', { post: t('evaluation.total'), score: formatTenths(p.score) })}</span>
          </h2>
          <table>
            <thead>
              <tr>
                <th>{t('evaluation.columns.rule')}</th>
                <th>{t('evaluation.columns.measured')}</th>
                <th>{t('evaluation.columns.target')}</th>
                <th>{t('evaluation.columns.per')}</th>
                <th className="dd-evaluation__num">{t('evaluation.columns.cap')}</th>
                <th className="dd-evaluation__num">{t('evaluation.columns.deduction')}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td colSpan={5}>{t('evaluation.start')}</td>
                <td className="dd-evaluation__num">{formatTenths(p.start ?? EVALUATION_START_TENTHS)}</td>
              </tr>
              {p.lines.map((l) => (
                <tr key={l.rule} className={l.deduction > 0 ? 'dd-evaluation__hit' : undefined}>
                  <td>
                    {ruleName(t, l.rule)}
                    {!l.enabled ? `（${t('evaluation.disabled')}）` : ''}
                  </td>
                  <td className="dd-evaluation__nw">
                    {l.measured === null ? t('evaluation.notMeasured') : valueText(t, l.measured, l.unit)}
                    {l.measured !== null && l.mode === 'perBreach' ? `（${t('evaluation.breaches', { count: l.breaches })}）` : ''}
                  </td>
                  <td>{targetText(t, l)}</td>
                  <td>{perText(t, l)}</td>
                  <td className="dd-evaluation__num">{formatTenths(l.cap)}</td>
                  <td className="dd-evaluation__num">
                    {deductionText(l.deduction)}
                    {l.capped ? `（${t('evaluation.capped')}）` : ''}
                  </td>
                </tr>
              ))}
              <tr className="dd-evaluation__total">
                <td colSpan={5}>{t('evaluation.total')}</td>
                <td className="dd-evaluation__num" data-testid={`evaluation-print-total-${p.post}`}>
                  {formatTenths(p.score)}
                </td>
              </tr>
            </tbody>
          </table>
          <div>
            {t('evaluation.star.title')}：{stars.get(p.post) ? `★ ${stars.get(p.post)!.name}` : t('evaluation.doc.noStar')}
          </div>
        </section>
      ))}

      <h2>{t('evaluation.doc.settings')}</h2>
      <div className="dd-evaluation__small" data-testid="evaluation-print-settings">
        {TABLE_RULES.filter((r) => table[r]).map((r) => (
          <div key={r}>
            {ruleName(t, r)}：{table[r].enabled ? `${formatTenths(table[r].per)} / ${t('evaluation.columns.cap')} ${formatTenths(table[r].cap)}` : t('evaluation.disabled')}
          </div>
        ))}
        {Object.entries(s.settings.rules).map(([key, value]) => (
          <div key={key}>
            {settingLabel(t, key)}：{settingValueText(t, key, value)}
          </div>
        ))}
      </div>
      <Signatures />
    </article>
  );
}

function Signatures() {
  const { t } = useTranslation();
  return (
    <div className="dd-evaluation__signs">
      <span>{t('evaluation.doc.assessor')}：</span>
      <span>{t('evaluation.doc.reviewer')}：</span>
      <span>{t('evaluation.doc.date')}：</span>
    </div>
  );
}
