import { parseShiftStarts } from '../../shared/quality';
import { defineHandlers, type CallContext } from '../rpc/context';
import { Staff } from '../staff/staff.entity';
import { createBatch, listBatches, recordBatchResults } from './batches';
import { findCustomers, getCertificate, issueCertificate, listCertificates, mayIssueCertificates, reissueCertificate, type CertificateRules } from './certificates';
import { findTicket, getConformity, issueConformity, reprintConformity } from './conformity';
import { recordCalibration, recordSpotCheck, recordSprayCheck } from './floorChecks';
import { dailyRecords, qualityOverview } from './qualityViews';

const offset = (ctx: CallContext) => ctx.core.settings.get('calendar.utcOffsetMinutes');
const shiftStarts = (ctx: CallContext) => parseShiftStarts(ctx.core.settings.get('quality.shiftStartTimes')) ?? [8 * 60, 16 * 60, 0];
const certificateRules = (ctx: CallContext): CertificateRules => ({
  issuerStaffNo: ctx.core.settings.get('quality.certificateIssuerStaffNo'),
  allowReissue: ctx.core.settings.get('quality.allowCertificateReissue'),
  utcOffsetMinutes: offset(ctx),
});

type What = 'batch' | 'certificate' | 'conformity' | 'calibration' | 'spotCheck' | 'sprayCheck';
const changed = (ctx: CallContext, what: What, id: number) => ctx.publish('quality.changed', { what, id });

export const qualityHandlers = defineHandlers({
  'quality.getOverview': async (_input, ctx, m) => {
    const me = await m.getRepository(Staff).findOneBy({ id: ctx.actor.staffId ?? -1 });
    const rules = certificateRules(ctx);
    const mayIssue = !!me && !!ctx.session && mayIssueCertificates(me.staffNo, ctx.session.role, rules.issuerStaffNo);
    return qualityOverview(m, ctx.actor.at, { mayIssue }, {
      sprayCheckHours: ctx.core.settings.get('quality.sprayCodeCheckHours'),
      shiftStarts: shiftStarts(ctx),
      utcOffsetMinutes: offset(ctx),
      certificateIssuerStaffNo: rules.issuerStaffNo,
      allowReissue: rules.allowReissue,
    });
  },
  'quality.listBatches': (input, _ctx, m) => listBatches(m, input),
  'quality.createBatch': async (input, ctx, m) => {
    const out = await createBatch(m, ctx.actor, input);
    changed(ctx, 'batch', out.id);
    return out;
  },
  'quality.recordBatchResults': async (input, ctx, m) => {
    const out = await recordBatchResults(m, ctx.actor, input);
    changed(ctx, 'batch', out.id);
    return out;
  },
  'quality.findCustomers': ({ query }, _ctx, m) => findCustomers(m, query),
  'quality.issueCertificate': async (input, ctx, m) => {
    const out = await issueCertificate(m, ctx.actor, ctx.session!.role, certificateRules(ctx), input);
    changed(ctx, 'certificate', out.id);
    return out;
  },
  'quality.reissueCertificate': async (input, ctx, m) => {
    const out = await reissueCertificate(m, ctx.actor, certificateRules(ctx), input);
    changed(ctx, 'certificate', out.id);
    return out;
  },
  'quality.listCertificates': (input, _ctx, m) => listCertificates(m, input),
  'quality.getCertificate': ({ id }, _ctx, m) => getCertificate(m, id),
  'quality.recordCalibration': async (input, ctx, m) => {
    const out = await recordCalibration(m, ctx.actor, input);
    changed(ctx, 'calibration', out.id);
    return out;
  },
  'quality.recordSpotCheck': async (input, ctx, m) => {
    const out = await recordSpotCheck(
      m,
      ctx.actor,
      {
        sampleBagCount: ctx.core.settings.get('quality.sampleBagCount'),
        bagMinPermille: ctx.core.settings.get('quality.bagMinPermilleOfMarked'),
        sampleMinTotalKg: ctx.core.settings.get('quality.sampleMinTotalKg'),
        standardBagKg: ctx.core.settings.get('dispatch.bagWeightKg'),
        shiftStarts: shiftStarts(ctx),
        utcOffsetMinutes: offset(ctx),
      },
      input,
    );
    changed(ctx, 'spotCheck', out.id);
    return out;
  },
  'quality.recordSprayCheck': async (input, ctx, m) => {
    const out = await recordSprayCheck(m, ctx.actor, input);
    changed(ctx, 'sprayCheck', out.id);
    return out;
  },
  'quality.dailyRecords': ({ day }, ctx, m) => dailyRecords(m, day, offset(ctx)),
  'quality.findTicket': ({ code }, _ctx, m) => findTicket(m, code),
  'quality.issueConformity': async (input, ctx, m) => {
    const out = await issueConformity(m, ctx.actor, offset(ctx), input);
    changed(ctx, 'conformity', out.id);
    return out;
  },
  'quality.getConformity': ({ id }, _ctx, m) => getConformity(m, id),
  'quality.reprintConformity': async ({ id }, ctx, m) => {
    const out = await reprintConformity(m, ctx.actor, id);
    changed(ctx, 'conformity', out.id);
    return out;
  },
});
