import type { EntityManager } from 'typeorm';
import type { StaffPhotoDto, StaffPhotoMime } from '../../shared/contract/staff';
import { AppError } from '../../shared/errors';
import { appendEvent, type Actor } from '../events/appendEvent';
import { StaffPhoto } from './staffPhoto.entity';
import { getStaff } from './staffService';

/** JPEG starts FF D8 FF; PNG starts 89 50 4E 47 0D 0A 1A 0A. Anything else is refused, whatever its name says. */
export function photoMime(bytes: Uint8Array): StaffPhotoMime | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'image/png';
  return null;
}

const toDto = (p: StaffPhoto): StaffPhotoDto => ({ staffId: p.staffId, mime: p.mime, base64: p.base64, sizeBytes: p.sizeBytes, updatedAt: p.updatedAt });

export async function getStaffPhoto(m: EntityManager, staffId: number): Promise<StaffPhotoDto | null> {
  await getStaff(m, staffId);
  const p = await m.findOneBy(StaffPhoto, { staffId });
  return p ? toDto(p) : null;
}

/** Sets or (base64 null) removes a photo; the event keeps type and size, never the bytes. */
export async function setStaffPhoto(m: EntityManager, actor: Actor, staffId: number, base64: string | null, maxKb: number): Promise<StaffPhotoDto | null> {
  const staff = await getStaff(m, staffId);
  const repo = m.getRepository(StaffPhoto);
  if (base64 === null) {
    const had = await repo.existsBy({ staffId });
    if (had) await repo.delete({ staffId });
    await appendEvent(m, actor, { type: 'staff.photoChanged', docType: 'staff', docId: staffId, payload: { staffNo: staff.staffNo, removed: true } });
    return null;
  }
  const bytes = Buffer.from(base64, 'base64');
  const mime = photoMime(bytes);
  if (!mime) throw new AppError('VALIDATION', 'errors.staffPhotoType', undefined, [{ path: 'base64', message: 'errors.staffPhotoType' }]);
  if (bytes.length > maxKb * 1024) {
    throw new AppError('VALIDATION', 'errors.staffPhotoTooLarge', { maxKb, sizeKb: Math.ceil(bytes.length / 1024) }, [{ path: 'base64', message: 'errors.staffPhotoTooLarge' }]);
  }
  const row = await repo.save(repo.create({ staffId, mime, base64: bytes.toString('base64'), sizeBytes: bytes.length, updatedAt: actor.at, updatedBy: actor.staffId }));
  await appendEvent(m, actor, { type: 'staff.photoChanged', docType: 'staff', docId: staffId, payload: { staffNo: staff.staffNo, mime, sizeBytes: bytes.length } });
  return toDto(row);
}
