import { defineHandlers, type CallContext } from '../../rpc/context';
import { acceptComplaint, getComplaint, listComplaints, logOnSite, monthlyReport, recordInvestigation, recordVerdict, resolveComplaint, type ComplaintRules } from './complaintService';

const rules = (ctx: CallContext): ComplaintRules => ({
  onSiteHours: ctx.core.settings.get('service.complaintOnSiteHours'),
  utcOffsetMinutes: ctx.core.settings.get('calendar.utcOffsetMinutes'),
});

export const complaintHandlers = defineHandlers({
  'complaints.accept': async (input, ctx, m) => {
    const out = await acceptComplaint(m, ctx.actor, rules(ctx), input);
    ctx.publish('complaints.changed', { id: out.id });
    return out;
  },
  'complaints.logOnSite': async (input, ctx, m) => {
    const out = await logOnSite(m, ctx.actor, rules(ctx), input);
    ctx.publish('complaints.changed', { id: out.id });
    return out;
  },
  'complaints.recordInvestigation': async (input, ctx, m) => {
    const out = await recordInvestigation(m, ctx.actor, rules(ctx), input);
    ctx.publish('complaints.changed', { id: out.id });
    return out;
  },
  'complaints.resolve': async (input, ctx, m) => {
    const out = await resolveComplaint(m, ctx.actor, rules(ctx), input);
    ctx.publish('complaints.changed', { id: out.id });
    return out;
  },
  'complaints.recordVerdict': async (input, ctx, m) => {
    const out = await recordVerdict(m, ctx.actor, rules(ctx), input);
    ctx.publish('complaints.changed', { id: out.id });
    return out;
  },
  'complaints.get': ({ id }, ctx, m) => getComplaint(m, rules(ctx), id, ctx.actor.at),
  'complaints.list': (input, ctx, m) => listComplaints(m, rules(ctx), input, ctx.actor.at),
  'complaints.getMonthlyReport': ({ month }, ctx, m) => monthlyReport(m, rules(ctx), month, ctx.actor.at),
});
