/**
 * The truck journey (one pick-up visit), SPEC §2: the statuses every window shows. Which move is allowed is decided
 * in one place, `src/main/journey/journeyMachine.ts`.
 */
export const JOURNEY_STATUSES = [
  'registered',
  'released',
  'tare_weighed',
  'loading',
  'loaded',
  'sealed',
  'gross_weighed',
  'returned',
  'exit_checked',
  'out',
  'cancelled',
] as const;
export type JourneyStatus = (typeof JOURNEY_STATUSES)[number];

/** Statuses of a truck still inside the process (registered and not yet out or cancelled). */
export const ACTIVE_JOURNEY_STATUSES = JOURNEY_STATUSES.filter((s) => s !== 'out' && s !== 'cancelled');

export type Packaging = 'bagged' | 'bulk';

export interface JourneyDto {
  id: number;
  /** `TJ-YYYY-NNNNNN`, printed as the journey QR on the gate pass. */
  number: string;
  slipId: number;
  slipNumber: string;
  customerName: string;
  productId: number;
  productCode: string;
  grade: string;
  packaging: Packaging;
  quantityKg: number;
  truckPlate: string;
  driverName: string;
  driverPhone: string;
  /** True when the plate is on the slip or on a transport authorization letter for it (checked at registration and release). */
  authorized: boolean;
  status: JourneyStatus;
  statusAt: number;
  registeredAt: number;
  registeredByName: string | null;
  releasedAt: number | null;
  releasedOutOfOrder: boolean;
  releaseReason: string | null;
  loadedAt: number | null;
  bagsLoaded: number | null;
  exitCheckedAt: number | null;
  outAt: number | null;
  cancelReason: string | null;
}
