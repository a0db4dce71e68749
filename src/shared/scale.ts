/**
 * The weighbridge scale as the screens see it (`weighing.getScale`, topic `weighing.scale`). The serial indicator
 * driver lives in src/main/weighing/scale/; these are the shared shapes and the setting choices.
 */
export type ScaleStatus = 'not_configured' | 'connecting' | 'connected' | 'disconnected' | 'error';

/** Frame formats the driver reads (continuous output of the indicator). */
export const SCALE_FORMATS = ['xk3190a9', 'stgs'] as const;
export type ScaleFormat = (typeof SCALE_FORMATS)[number];
export const SCALE_PARITIES = ['none', 'even', 'odd'] as const;
export type ScaleParity = (typeof SCALE_PARITIES)[number];
export const SCALE_BAUD_RATES = [600, 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200] as const;
/** The unit the indicator displays in (formats without a unit in the frame, e.g. the XK3190-A9 frame). */
export const SCALE_WEIGHT_UNITS = ['kg', 't'] as const;
export type ScaleWeightUnit = (typeof SCALE_WEIGHT_UNITS)[number];

/** Why a frame was not taken (translation keys `scale.reject.<reason>`). */
export const SCALE_REJECT_REASONS = ['noise', 'badLength', 'badSign', 'notDigits', 'badDecimal', 'badChecksum', 'badUnit', 'overload', 'notGross'] as const;
export type ScaleRejectReason = (typeof SCALE_REJECT_REASONS)[number];

export interface ScaleRejectDto {
  at: number;
  reason: ScaleRejectReason;
  /** The first bytes of what was rejected, printable ASCII with other bytes as \xNN (for the technician). */
  sample: string;
}

export interface ScaleSnapshot {
  status: ScaleStatus;
  /** Last good reading in kg (null before the first one). */
  kg: number | null;
  stable: boolean;
  /** When the last good reading arrived (UTC ms). */
  at: number | null;
  /** Why the scale is not usable, or the last rejected frame's reason (a translation key under `scale.*`). */
  message: string | null;
  port: string | null;
  /** The frame format read (serial driver only). */
  format?: ScaleFormat | null;
  /** The most recent rejected frames, newest first (serial driver only; a small ring). */
  rejects?: ScaleRejectDto[];
  /** Rejected frames since the driver started, by reason. */
  rejectCounts?: Partial<Record<ScaleRejectReason, number>>;
}
