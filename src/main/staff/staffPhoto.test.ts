import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionDto } from '../../shared/dto';
import { EventLogEntry } from '../events/eventLog.entity';
import { testCore, type TestCore } from '../testing/testCore';
import { StaffPhoto } from './staffPhoto.entity';

// The smallest real images: a 1×1 PNG and the first bytes of a JPEG.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]).toString('base64');
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00').toString('base64');

describe('staff photos (挂牌上岗)', () => {
  let core: TestCore;
  let admin: SessionDto;
  let supervisor: SessionDto;
  let clerk: SessionDto;
  beforeEach(async () => {
    core = await testCore({ clock: () => Date.UTC(2026, 10, 23, 2, 0) });
    admin = await core.setup();
    supervisor = await core.signInAs('supervisor', 'V001');
    clerk = await core.signInAs('sales_clerk', 'S001');
  });
  afterEach(() => core.dispose());

  const events = () => core.db.read((m) => m.getRepository(EventLogEntry).find({ where: { type: 'staff.photoChanged' }, order: { id: 'ASC' } }));

  it('keeps a JPEG or PNG, shows it to any signed-in person, replaces and removes it, each an event without the bytes', async () => {
    const set = await core.ok<{ photo: { mime: string; sizeBytes: number } }>('staff.setPhoto', { id: clerk.staff.id, base64: PNG }, supervisor.token);
    expect(set.photo).toMatchObject({ mime: 'image/png', sizeBytes: Buffer.from(PNG, 'base64').length });
    expect(await core.ok('staff.getPhoto', { id: clerk.staff.id }, clerk.token)).toMatchObject({ staffId: clerk.staff.id, photo: { mime: 'image/png', base64: PNG } });
    await core.ok('staff.setPhoto', { id: clerk.staff.id, base64: JPEG }, admin.token);
    expect(await core.ok('staff.getPhoto', { id: clerk.staff.id }, clerk.token)).toMatchObject({ photo: { mime: 'image/jpeg', base64: JPEG } });
    await core.ok('staff.setPhoto', { id: clerk.staff.id, base64: null }, admin.token);
    expect(await core.ok('staff.getPhoto', { id: clerk.staff.id }, clerk.token)).toEqual({ staffId: clerk.staff.id, photo: null });
    const log = await events();
    expect(log.map((e) => e.payload)).toEqual([
      { staffNo: 'S001', mime: 'image/png', sizeBytes: Buffer.from(PNG, 'base64').length },
      { staffNo: 'S001', mime: 'image/jpeg', sizeBytes: 12 },
      { staffNo: 'S001', removed: true },
    ]);
  });

  it('refuses other file types, a photo over the size setting, a clerk and an unknown person, writing nothing', async () => {
    const refused = async (input: unknown, token = supervisor.token) => {
      const r = await core.dispatch('staff.setPhoto', input, token);
      if (r.ok) throw new Error('should be refused');
      return r.error;
    };
    expect(await refused({ id: clerk.staff.id, base64: GIF })).toMatchObject({ code: 'VALIDATION', message: 'errors.staffPhotoType', fields: [{ path: 'base64', message: 'errors.staffPhotoType' }] });
    expect(await refused({ id: clerk.staff.id, base64: 'not base64!' })).toMatchObject({ code: 'VALIDATION' });
    await core.ok('settings.update', { key: 'service.staffPhotoMaxKb', value: 1 }, admin.token);
    const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(1100)]).toString('base64');
    expect(await refused({ id: clerk.staff.id, base64: big })).toMatchObject({ message: 'errors.staffPhotoTooLarge', params: { maxKb: 1, sizeKb: 2 } });
    expect(await refused({ id: clerk.staff.id, base64: PNG }, clerk.token)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refused({ id: 999, base64: PNG })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await core.db.read((m) => m.count(StaffPhoto))).toBe(0);
    expect(await events()).toEqual([]);
  });

  it('the complaint and supervision phone settings take a phone number or nothing', async () => {
    await core.ok('settings.update', { key: 'service.complaintPhone', value: '0531-8765 4321' }, admin.token);
    const r = await core.dispatch('settings.update', { key: 'service.supervisionPhone', value: 'call me' }, admin.token);
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'value', message: 'fields.phoneFormat' }] } });
  });
});
