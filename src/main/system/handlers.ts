import type { InstallationDto } from '../../shared/dto';
import { AppError } from '../../shared/errors';
import type { CoreServices } from '../core';
import { appendEvent } from '../events/appendEvent';
import { listEvents } from '../events/eventQueries';
import { defineHandlers } from '../rpc/context';
import { sessionDto } from '../staff/authService';
import { Staff } from '../staff/staff.entity';
import { createStaff } from '../staff/staffService';
import { META_DEMO, META_PLANT_NAME, getMeta, setMeta } from './appMeta';
import type { EntityManager } from 'typeorm';

async function installationDto(core: CoreServices, m: EntityManager): Promise<InstallationDto> {
  return {
    needsSetup: (await m.countBy(Staff, { role: 'admin', active: true })) === 0,
    station: core.installation.station(),
    plantName: (await getMeta(m, META_PLANT_NAME)) ?? '',
    appVersion: core.config.appVersion,
    engine: core.db.engine,
    demo: (await getMeta(m, META_DEMO)) === 'true',
  };
}

export const systemHandlers = defineHandlers({
  'system.getInstallation': (_input, ctx, m) => installationDto(ctx.core, m),

  'system.setupAdmin': async (input, ctx, m) => {
    if ((await m.countBy(Staff, { role: 'admin' })) > 0) throw new AppError('CONFLICT', 'errors.alreadySetUp');
    const actor = { ...ctx.actor, station: input.station };
    await setMeta(m, META_PLANT_NAME, input.plantName);
    const admin = await createStaff(m, actor, input.staffNo, input.pin, { name: input.name, role: 'admin', post: '', badgeNo: '', phone: '' });
    await appendEvent(m, { ...actor, staffId: admin.id }, { type: 'system.setUp', payload: { plantName: input.plantName, station: input.station } });
    const session = ctx.core.sessions.prepare(admin.id, admin.role, input.station, ctx.actor.at);
    ctx.afterCommit(() => {
      ctx.core.installation.setStation(input.station);
      ctx.core.sessions.add(session);
    });
    ctx.publish('installation.changed', { station: input.station });
    return sessionDto(ctx.core, session, admin);
  },

  'system.setStation': async (input, ctx, m) => {
    await appendEvent(m, ctx.actor, { type: 'system.stationSet', payload: { from: ctx.core.installation.station(), to: input.station } });
    ctx.afterCommit(() => ctx.core.installation.setStation(input.station));
    ctx.publish('installation.changed', { station: input.station });
    return { ...(await installationDto(ctx.core, m)), station: input.station };
  },

  'system.listEvents': (input, _ctx, m) => listEvents(m, input),

  'system.myRecentEvents': async (input, ctx, m) => (await listEvents(m, { staffId: ctx.session!.staffId, limit: input.limit })).items,
});
