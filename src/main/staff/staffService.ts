import type { EntityManager } from 'typeorm';
import type { StaffDto } from '../../shared/dto';
import { AppError } from '../../shared/errors';
import type { Role } from '../../shared/roles';
import { appendEvent, type Actor } from '../events/appendEvent';
import { hashPin, verifyPin } from './pinHash';
import { Staff } from './staff.entity';
import { toStaffDto } from './staffDto';

export interface StaffFields {
  name: string;
  role: Role;
  post: string;
  badgeNo: string;
  phone: string;
}

export async function listStaff(m: EntityManager, includeInactive: boolean): Promise<StaffDto[]> {
  const rows = await m.find(Staff, { where: includeInactive ? {} : { active: true }, order: { staffNo: 'ASC' } });
  return rows.map(toStaffDto);
}

export async function getStaff(m: EntityManager, id: number): Promise<Staff> {
  const staff = await m.findOneBy(Staff, { id });
  if (!staff) throw new AppError('NOT_FOUND', 'errors.staffNotFound', { id });
  return staff;
}

export async function createStaff(m: EntityManager, actor: Actor, staffNo: string, pin: string, fields: StaffFields): Promise<Staff> {
  if (await m.findOneBy(Staff, { staffNo })) {
    throw new AppError('CONFLICT', 'errors.staffNoTaken', { staffNo }, [{ path: 'staffNo', message: 'errors.staffNoTaken' }]);
  }
  const staff = await m.save(m.create(Staff, { staffNo, ...fields, pinHash: await hashPin(pin), active: true, failedPins: 0, lockedUntil: null, createdAt: actor.at }));
  await appendEvent(m, actor, { type: 'staff.created', docType: 'staff', docId: staff.id, payload: { staffNo, ...fields } });
  return staff;
}

/** Refuses a change that would leave the plant without an active admin. */
async function keepsAnAdmin(m: EntityManager, changing: Staff, nextRole: Role, nextActive: boolean): Promise<void> {
  if (changing.role !== 'admin' || (nextRole === 'admin' && nextActive)) return;
  const admins = await m.countBy(Staff, { role: 'admin', active: true });
  if (admins <= 1) throw new AppError('RULE_VIOLATION', 'errors.lastAdmin');
}

export async function updateStaff(m: EntityManager, actor: Actor, id: number, active: boolean, fields: StaffFields): Promise<Staff> {
  const staff = await getStaff(m, id);
  await keepsAnAdmin(m, staff, fields.role, active);
  const before = toStaffDto(staff);
  Object.assign(staff, fields, { active });
  await m.save(staff);
  await appendEvent(m, actor, { type: 'staff.updated', docType: 'staff', docId: id, payload: { before, after: toStaffDto(staff) } });
  return staff;
}

export async function resetPin(m: EntityManager, actor: Actor, id: number, pin: string): Promise<void> {
  const staff = await getStaff(m, id);
  staff.pinHash = await hashPin(pin);
  staff.failedPins = 0;
  staff.lockedUntil = null;
  await m.save(staff);
  await appendEvent(m, actor, { type: 'staff.pinReset', docType: 'staff', docId: id });
}

export async function changeOwnPin(m: EntityManager, actor: Actor, id: number, currentPin: string, newPin: string): Promise<void> {
  const staff = await getStaff(m, id);
  if (!(await verifyPin(currentPin, staff.pinHash))) {
    throw new AppError('VALIDATION', 'errors.currentPinWrong', undefined, [{ path: 'currentPin', message: 'errors.currentPinWrong' }]);
  }
  staff.pinHash = await hashPin(newPin);
  await m.save(staff);
  await appendEvent(m, actor, { type: 'staff.pinChanged', docType: 'staff', docId: id });
}
