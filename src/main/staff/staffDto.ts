import type { StaffDto } from '../../shared/dto';
import type { Staff } from './staff.entity';

export function toStaffDto(s: Staff): StaffDto {
  return {
    id: s.id,
    staffNo: s.staffNo,
    name: s.name,
    role: s.role,
    post: s.post,
    badgeNo: s.badgeNo,
    phone: s.phone,
    active: s.active,
    createdAt: s.createdAt,
  };
}
