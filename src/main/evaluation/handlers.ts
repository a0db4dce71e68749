import { defineHandlers } from '../rpc/context';
import {
  computeSheet,
  confirmServiceStar,
  deductionTableDto,
  getRecordedSheet,
  lineEvents,
  listRecordedSheets,
  listServiceStars,
  recordSheet,
} from './evaluationService';
import { exportWorkbook } from './workbook';

export const evaluationHandlers = defineHandlers({
  'evaluation.getSheet': async ({ month }, ctx, m) => (await computeSheet(m, ctx.core.settings, month, ctx.actor.at)).sheet,
  'evaluation.getLineEvents': ({ month, post, rule }, ctx, m) => lineEvents(m, ctx.core.settings, month, post, rule, ctx.actor.at),
  'evaluation.getDeductionTable': (_input, ctx) => Promise.resolve(deductionTableDto(ctx.core.settings)),
  'evaluation.setDeductionTable': async ({ table }, ctx, m) => {
    // Through the settings service: validated, stored, and a `settings.changed` event with old and new tables.
    const changed = await ctx.core.settings.update(m, ctx.actor, 'evaluation.deductionTable', table);
    ctx.afterCommit(() => ctx.core.settings.applyCommitted(changed.key, changed.value));
    ctx.publish('settings.changed', { key: changed.key });
    const dto = deductionTableDto(ctx.core.settings);
    return { ...dto, table };
  },
  'evaluation.recordSheet': ({ month }, ctx, m) => recordSheet(m, ctx.actor, ctx.core.settings, month),
  'evaluation.getRecordedSheet': ({ id }, _ctx, m) => getRecordedSheet(m, id),
  'evaluation.listRecordedSheets': ({ month }, _ctx, m) => listRecordedSheets(m, month),
  'evaluation.confirmServiceStar': (input, ctx, m) => confirmServiceStar(m, ctx.actor, ctx.core.settings, input),
  'evaluation.listServiceStars': ({ month }, _ctx, m) => listServiceStars(m, month),
  'evaluation.exportWorkbook': async ({ id }, _ctx, m) => exportWorkbook(await getRecordedSheet(m, id)),
});
