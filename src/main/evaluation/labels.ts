import type { Department, EvaluationRule, MeasureUnit } from '../../shared/evaluation';
import type { ServicePost } from '../../shared/posts';

/*
 * Chinese labels for the Excel workbook: the core has no i18n (the screens translate with `evaluation.*` keys); the
 * workbook is made for the plant's own records and signatures, so it is in Simplified Chinese like the printed sheet.
 */

export const POST_LABEL: Record<ServicePost, string> = {
  sales_window: '销售窗口',
  finance_window: '财务窗口',
  gate: '门卫',
  weighbridge: '地磅',
  packing: '包装发运',
  bulk: '散装发运',
  qc: '质控',
};

export const DEPARTMENT_LABEL: Record<Department, string> = {
  sales: '销售部',
  finance: '财务部',
  logistics: '发运部',
  quality: '质量部',
};

export const RULE_LABEL: Record<EvaluationRule, string> = {
  slip_wait: '开票超过 5 分钟的比例',
  authorization_handoff: '委托书 10 分钟内交地磅',
  salesperson_contact: '无委托书 10 分钟内联系业务员',
  payment_wait: '交款超过 5 分钟的比例',
  remittance_check: '汇款每小时查询',
  invoice_deadline: '发票审核时限',
  refund_deadline: '退款财务办理时限',
  statement_deadline: '对账函时限',
  release_order: '未按序放行',
  queue_alert: '排队超限警报未答复',
  weighing_wait: '过磅超过 10 分钟',
  weight_rule_procedure: '超差未按程序处理',
  overweight_returns: '超重返回率',
  broken_bags: '破包率',
  bagged_on_time: '袋装 2 小时内装车率',
  bulk_exit_average: '散装放行到出厂平均时间',
  seal_wait: '散装 10 分钟内施封',
  spot_check: '袋重抽检漏检',
  spray_code_check: '喷码检查超时',
  complaint_valid: '有效投诉',
  complaint_late_arrival: '投诉业务员超时到场',
  suggestion_box: '意见箱未按时开箱',
  survey_lowest: '满意度调查最低',
};

export const UNIT_LABEL: Record<MeasureUnit, string> = {
  count: '次',
  percent: '%',
  permille: '‰',
  minutes: '分钟',
  hundredths: '分(满分5)',
};

/** An integer measured value as shown: hundredths of a survey point as 4.25, others as they are. */
export function measuredText(value: number | null, unit: MeasureUnit): string {
  if (value === null) return '—';
  if (unit === 'hundredths') return `${Math.floor(value / 100)}.${String(value % 100).padStart(2, '0')}`;
  return String(value);
}
