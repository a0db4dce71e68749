import type { DispatchKpisDto, KpiValue } from '../../shared/contract/dispatch';
import type { TicketServiceTimeDto } from '../../shared/contract/tickets';
import type { TimedKpiDto } from '../../shared/contract/transport';
import type { Plant, SimulationTally } from './plant';

/** One KPI line of the simulated period: what was measured against what the plant promises. */
export interface ReportLine {
  key: string;
  label: string;
  /** The measured value as shown (e.g. `97.3%`, `48 min`), `—` without data. */
  value: string;
  target: string;
  met: boolean | null;
}

export interface SimulationReport {
  from: string;
  to: string;
  tally: SimulationTally;
  lines: ReportLine[];
}

/** Share in tenths of a percent, rounded half up, as text. */
function share(met: number, count: number): string {
  if (count === 0) return '—';
  const tenths = Math.floor((met * 2000 + count) / (2 * count));
  return `${Math.floor(tenths / 10)}.${tenths % 10}%`;
}

function timedLine(key: string, label: string, kpi: { met: number; count: number; limitMinutes: number }): ReportLine {
  return { key, label, value: share(kpi.met, kpi.count), target: `100% ≤ ${kpi.limitMinutes} min`, met: kpi.count === 0 ? null : kpi.met === kpi.count };
}

function kpiLine(key: string, label: string, kpi: KpiValue, unit: string, atMost: boolean): ReportLine {
  return { key, label, value: kpi.value === null ? '—' : `${kpi.value}${unit}`, target: `${atMost ? '≤' : '≥'} ${kpi.threshold}${unit}`, met: kpi.met };
}

/** The period's KPIs, read through the contract as a supervisor would (the same numbers the screens show). */
export async function simulationReport(plant: Plant, range: { fromDay: string; toDay: string; from: number; to: number }): Promise<SimulationReport> {
  const desk = plant.desks.supervisor;
  const tickets = await desk.call<TicketServiceTimeDto[]>('tickets.serviceTimes', { from: range.fromDay, to: range.toDay });
  const counterKpi = (counter: 'sales' | 'finance') => {
    const rows = tickets.filter((t) => t.counter === counter);
    const limitMinutes = plant.core.settings.get(counter === 'sales' ? 'sales.slipWaitMinutes' : 'finance.paymentWaitMinutes');
    return { met: rows.filter((t) => t.met).length, count: rows.length, limitMinutes };
  };
  const weighing = await desk.call<{ tare: TimedKpiDto; gross: TimedKpiDto }>('weighing.getKpis', { from: range.from, to: range.to });
  const transport = await desk.call<{ handoff: TimedKpiDto; contact: TimedKpiDto }>('transport.getKpis', { from: range.from, to: range.to });
  const dispatch = await desk.call<DispatchKpisDto>('dispatch.getKpis', { from: range.fromDay, to: range.toDay });
  return {
    from: range.fromDay,
    to: range.toDay,
    tally: plant.tally,
    lines: [
      timedLine('slipWait', 'Plan slip within the wait limit (sales window)', counterKpi('sales')),
      timedLine('paymentWait', 'Payment within the wait limit (finance window)', counterKpi('finance')),
      timedLine('letterHandoff', 'Authorization letter handed to the weighbridge', transport.handoff),
      timedLine('tareWait', 'Tare weighing after release', weighing.tare),
      timedLine('grossWait', 'Gross weighing after loading / sealing', weighing.gross),
      kpiLine('baggedOnTime', 'Bagged trucks loaded within the hours after release', dispatch.baggedOnTime, '%', false),
      kpiLine('sealsOnTime', 'Bulk trucks sealed in time', dispatch.sealsOnTime, '%', false),
      kpiLine('bulkReleaseToExit', 'Bulk trucks: average release → exit', dispatch.bulkReleaseToExit, ' min', true),
      kpiLine('brokenBagRate', 'Broken bags', dispatch.brokenBagRate, '‰', true),
      kpiLine('overweightReturnRate', 'Overweight returns', dispatch.overweightReturnRate, '%', true),
      kpiLine('dailyCompletion', 'Released trucks loaded the same day', dispatch.dailyCompletion, '%', false),
    ],
  };
}

/** The report as a plain-text table (the CLI's output; the same seed prints the same text). */
export function formatReport(report: SimulationReport, title: string): string {
  const t = report.tally;
  const refusals = Object.entries(t.refusals).sort(([a], [b]) => a.localeCompare(b));
  const width = Math.max(...report.lines.map((l) => l.label.length));
  return [
    title,
    `Period ${report.from} … ${report.to} (plant-local days)`,
    `Trucks arrived ${t.trucksArrived}, out ${t.trucksOut}; payments ${t.payments}; plan slips ${t.slips}; authorization letters ${t.letters}; breakdowns ${t.breakdowns}; complaints ${t.complaints}; survey forms ${t.surveys}`,
    '',
    `${'KPI'.padEnd(width)}  ${'value'.padStart(9)}  ${'target'.padEnd(16)}  met`,
    ...report.lines.map((l) => `${l.label.padEnd(width)}  ${l.value.padStart(9)}  ${l.target.padEnd(16)}  ${l.met === null ? '—' : l.met ? 'yes' : 'NO'}`),
    '',
    refusals.length === 0 ? 'Refused calls: none' : `Refused calls:\n${refusals.map(([k, n]) => `  ${n} × ${k}`).join('\n')}`,
  ].join('\n');
}
