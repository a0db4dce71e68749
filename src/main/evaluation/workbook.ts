import ExcelJS from 'exceljs';
import { tenthsText, type EvaluationLineDto, type EvaluationSheetDto } from '../../shared/evaluation';
import { DEPARTMENT_LABEL, POST_LABEL, RULE_LABEL, UNIT_LABEL, measuredText } from './labels';

const LINE_HEADER = ['考核项目', '实测', '单位', '目标', '次数/超出', '统计数', '每次扣分', '上限', '扣分', '是否启用'];

function lineRow(l: EvaluationLineDto): Array<string | number> {
  return [
    RULE_LABEL[l.rule],
    measuredText(l.measured, l.unit),
    UNIT_LABEL[l.unit],
    `${l.targetKind === 'max' ? '≤' : '≥'} ${measuredText(l.target, l.unit)}`,
    l.breaches,
    l.eventCount,
    tenthsText(l.per),
    tenthsText(l.cap),
    l.deduction === 0 ? '0.0' : `-${tenthsText(l.deduction)}`,
    l.enabled ? '是' : '否',
  ];
}

/**
 * The Excel workbook of a recorded sheet: a summary, one worksheet per post (lines, total, signature lines) and the
 * raw KPI lines (numbers as integers: points in tenths, so a reader can recompute every total). Base64 for the wire.
 */
export async function exportWorkbook(sheet: EvaluationSheetDto): Promise<{ fileName: string; base64: string }> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'DispatchDesk';
  wb.created = new Date(sheet.computedAt);
  const version = sheet.recorded ? `第 ${sheet.recorded.version} 版` : '实时';
  const bold = { bold: true } as const;

  const summary = wb.addWorksheet('汇总');
  summary.addRow([`${sheet.month} 月度服务考核表（百分制） ${version}`]).font = { bold: true, size: 14 };
  summary.addRow([]);
  summary.addRow(['岗位', '部门', '基础分', '扣分', '得分', '服务之星']).font = bold;
  for (const p of sheet.posts) {
    const star = sheet.stars.find((s) => s.post === p.post);
    summary.addRow([POST_LABEL[p.post], DEPARTMENT_LABEL[p.department], tenthsText(p.start), p.deducted === 0 ? '0.0' : `-${tenthsText(p.deducted)}`, tenthsText(p.score), star ? `${star.name}（${star.staffNo}）` : '']);
  }
  summary.addRow([]);
  summary.addRow(['部门负责人扣分（满意度最低岗位）']).font = bold;
  if (!sheet.heads.length) summary.addRow(['无']);
  for (const h of sheet.heads) summary.addRow([DEPARTMENT_LABEL[h.department], h.posts.map((p) => POST_LABEL[p]).join('、'), `-${tenthsText(h.deduction)}`]);
  summary.columns.forEach((c, i) => (c.width = i === 0 ? 22 : 14));

  for (const p of sheet.posts) {
    const ws = wb.addWorksheet(POST_LABEL[p.post]);
    ws.addRow([`${sheet.month} ${POST_LABEL[p.post]} 考核表 ${version}`]).font = { bold: true, size: 14 };
    ws.addRow([`部门：${DEPARTMENT_LABEL[p.department]}`, '', `基础分：${tenthsText(p.start)}`]);
    ws.addRow(LINE_HEADER).font = bold;
    for (const l of p.lines) ws.addRow(lineRow(l));
    ws.addRow(['合计扣分', '', '', '', '', '', '', '', p.deducted === 0 ? '0.0' : `-${tenthsText(p.deducted)}`]).font = bold;
    ws.addRow(['得分', '', '', '', '', '', '', '', tenthsText(p.score)]).font = bold;
    const head = sheet.heads.find((h) => h.posts.includes(p.post));
    if (head) ws.addRow([`部门负责人（${DEPARTMENT_LABEL[head.department]}）扣分`, '', '', '', '', '', '', '', `-${tenthsText(head.deduction)}`]);
    const star = sheet.stars.find((s) => s.post === p.post);
    ws.addRow([`服务之星：${star ? `${star.name}（${star.staffNo}）` : p.starProposal ? `建议 ${p.starProposal.name}（${p.starProposal.staffNo}）` : '—'}`]);
    ws.addRow([]);
    ws.addRow(['岗位负责人签字：', '', '', '考核人签字：', '', '', '日期：']);
    ws.columns.forEach((c, i) => (c.width = i === 0 ? 28 : 12));
  }

  const raw = wb.addWorksheet('KPI明细');
  raw.addRow(['post', 'rule', 'mode', 'measured', 'unit', 'target', 'targetKind', 'limit', 'limitUnit', 'breaches', 'eventCount', 'perTenths', 'capTenths', 'enabled', 'deductionTenths', 'capped']).font = bold;
  for (const p of sheet.posts) {
    for (const l of p.lines) {
      raw.addRow([l.post, l.rule, l.mode, l.measured, l.unit, l.target, l.targetKind, l.limit, l.limitUnit, l.breaches, l.eventCount, l.per, l.cap, l.enabled ? 1 : 0, l.deduction, l.capped ? 1 : 0]);
    }
  }

  const buffer = await wb.xlsx.writeBuffer();
  const fileName = `evaluation-${sheet.month}${sheet.recorded ? `-v${sheet.recorded.version}` : ''}.xlsx`;
  return { fileName, base64: Buffer.from(buffer as ArrayBuffer).toString('base64') };
}
