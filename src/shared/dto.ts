import type { Role, Station } from './roles';

/** Shapes that cross the contract. Times are UTC epoch milliseconds; money in fen; weight in kg. */
export interface StaffDto {
  id: number;
  staffNo: string;
  name: string;
  role: Role;
  post: string;
  badgeNo: string;
  phone: string;
  active: boolean;
  createdAt: number;
}

export interface SessionDto {
  token: string;
  staff: StaffDto;
  station: Station;
  expiresAt: number;
}

export interface InstallationDto {
  /** True while no admin exists: the renderer shows the first-start set-up screen. */
  needsSetup: boolean;
  station: Station | null;
  plantName: string;
  appVersion: string;
  engine: 'sqlite' | 'postgres';
  demo: boolean;
}

export interface EventDto {
  id: number;
  at: number;
  type: string;
  docType: string | null;
  docId: string | null;
  payload: Record<string, unknown>;
  station: string | null;
  staffId: number | null;
  staffName: string | null;
}

export interface SettingDto {
  key: string;
  value: unknown;
  defaultValue: unknown;
  group: string;
  unit: string;
  origin: 'seed' | 'default';
  updatedAt: number | null;
  updatedBy: string | null;
}

export interface PageDto<T> {
  items: T[];
  total: number;
}

export interface ProductDto {
  id: number;
  code: string;
  grade: string;
  packaging: 'bagged' | 'bulk';
  bagWeightKg: number | null;
  /** The general list price in force now, fen per tonne; null when none is set. */
  priceFenPerTonne: number | null;
  priceEffectiveFrom: number | null;
}

export interface CustomerDto {
  id: number;
  code: string;
  name: string;
  type: 'dealer' | 'ready_mix' | 'project' | 'retail';
  contactName: string;
  phone: string;
  customerClass: 'A' | 'B' | 'C' | 'D';
  creditLimitFen: number;
  status: 'active' | 'suspended';
  /** Sum of the customer's ledger lines, in fen. */
  balanceFen: number;
}
