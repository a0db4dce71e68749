import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import type { EvaluationPostDto } from '../../../../src/shared/evaluation';
import { formatTenths } from '../../i18n/format';
import { postName } from './lineText';

/** Bar colour by score (tenths): full marks teal, a little off orange, below 90 red. */
function scoreColor(tenths: number): string {
  if (tenths >= 1000) return 'teal.6';
  if (tenths >= 900) return 'orange.6';
  return 'red.6';
}

/**
 * The month's summary chart: one bar per post, scores kept in integer tenths (the axis and labels show points).
 * For print: no tooltip, no keyboard layer, fixed height; animation is off in Mantine's bars, so the bars are drawn
 * on the first paint (the print view still waits for them before it reports ready).
 */
export function ScoreChart({ posts, height = 260, print = false }: { posts: EvaluationPostDto[]; height?: number; print?: boolean }) {
  const { t } = useTranslation();
  const data = posts.map((p) => ({ post: postName(t, p.post), score: p.score }));
  return (
    <BarChart
      h={height}
      data={data}
      dataKey="post"
      series={[{ name: 'score', label: t('evaluation.chart.score'), color: 'blue.6' }]}
      getBarColor={(value) => scoreColor(value)}
      valueFormatter={(v) => formatTenths(v)}
      yAxisProps={{ domain: [0, 1000], ticks: [0, 200, 400, 600, 800, 1000], tickFormatter: (v: number) => String(Math.round(v / 10)) }}
      withBarValueLabel
      withTooltip={!print}
      accessibilityLayer={!print}
      maxBarWidth={56}
      textColor={print ? 'black' : undefined}
      barLabelColor={print ? 'black' : undefined}
      barProps={{ isAnimationActive: false }}
      data-testid={print ? 'evaluation-print-chart' : 'evaluation-chart'}
    />
  );
}
