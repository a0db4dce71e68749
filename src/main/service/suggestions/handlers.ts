import { defineHandlers } from '../../rpc/context';
import { assignItem, followUpItem, getOpening, listBoxes, listItems, logOpening, meetingSummary, saveBox } from './suggestionService';

export const suggestionsHandlers = defineHandlers({
  'suggestions.listBoxes': (input, ctx, m) => listBoxes(m, ctx.core.settings, ctx.actor.at, input.includeInactive),
  'suggestions.saveBox': async (input, ctx, m) => {
    const box = await saveBox(m, ctx.actor, ctx.core.settings, input);
    ctx.publish('suggestions.changed', { what: 'box', id: box.id });
    return box;
  },
  'suggestions.logOpening': async (input, ctx, m) => {
    const opening = await logOpening(m, ctx.actor, ctx.core.settings, input);
    ctx.publish('suggestions.changed', { what: 'opening', id: opening.id });
    return opening;
  },
  'suggestions.getOpening': (input, _ctx, m) => getOpening(m, input.id),
  'suggestions.listItems': (input, ctx, m) => listItems(m, ctx.core.settings, input.status, input.from),
  'suggestions.assignItem': async (input, ctx, m) => {
    const item = await assignItem(m, ctx.actor, input.id, input.assigneeId);
    ctx.publish('suggestions.changed', { what: 'item', id: item.id });
    return item;
  },
  'suggestions.followUp': async (input, ctx, m) => {
    const item = await followUpItem(m, ctx.actor, input.id, input.status, input.note);
    ctx.publish('suggestions.changed', { what: 'item', id: item.id });
    return item;
  },
  'suggestions.summary': (input, ctx, m) => meetingSummary(m, ctx.core.settings, ctx.actor.at, input.weekDay),
});
