/** Roles of SPEC §1. The main process enforces them on every call. */
export const ROLES = [
  'sales_clerk',
  'finance_clerk',
  'gatekeeper',
  'weighbridge_operator',
  'dispatch_clerk',
  'quality_clerk',
  'supervisor',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

/** Stations (service windows) an installation can serve. */
export const STATIONS = [
  'sales_hall',
  'finance',
  'gate',
  'weighbridge',
  'packing',
  'bulk',
  'qc',
  'office',
] as const;
export type Station = (typeof STATIONS)[number];

/** Where each role works by default; admins and supervisors may work anywhere. */
export const HOME_STATION: Record<Role, Station> = {
  sales_clerk: 'sales_hall',
  finance_clerk: 'finance',
  gatekeeper: 'gate',
  weighbridge_operator: 'weighbridge',
  dispatch_clerk: 'packing',
  quality_clerk: 'qc',
  supervisor: 'office',
  admin: 'office',
};

/** Which roles may work at a station (the station's window opens for them after sign-in). */
export const STATION_ROLES: Record<Station, readonly Role[]> = {
  sales_hall: ['sales_clerk', 'supervisor', 'admin'],
  finance: ['finance_clerk', 'supervisor', 'admin'],
  gate: ['gatekeeper', 'supervisor', 'admin'],
  weighbridge: ['weighbridge_operator', 'supervisor', 'admin'],
  packing: ['dispatch_clerk', 'supervisor', 'admin'],
  bulk: ['dispatch_clerk', 'supervisor', 'admin'],
  qc: ['quality_clerk', 'supervisor', 'admin'],
  office: ['supervisor', 'admin'],
};

/** The station a signed-in person works at: the installation's own if the role belongs there, else the role's home. */
export function stationForRole(role: Role, installationStation: Station | null): Station {
  if (installationStation && STATION_ROLES[installationStation].includes(role)) return installationStation;
  return HOME_STATION[role];
}
