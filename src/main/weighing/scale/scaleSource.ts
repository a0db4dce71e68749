import type { ScaleSnapshot } from '../../../shared/scale';

export type { ScaleSnapshot, ScaleStatus } from '../../../shared/scale';

/**
 * What the core needs of a weighbridge scale: its state for the screens, and the current weight only when it is
 * stable. The serial indicator driver implements it; tests inject a fake; without a configured port it is NO_SCALE.
 */
export interface ScaleSource {
  snapshot(): ScaleSnapshot;
  /** The weight now, only if stable (N equal readings within the tolerance over the settle time); else null. */
  stableWeight(): { kg: number; at: number } | null;
  /** Called on every snapshot change (status or weight); returns the unsubscribe function. */
  onChange(listener: (snapshot: ScaleSnapshot) => void): () => void;
  close(): Promise<void>;
}

/** No scale configured: weights can only be entered manually (supervisor, reason, audited). */
export const NO_SCALE: ScaleSource = {
  snapshot: () => ({ status: 'not_configured', kg: null, stable: false, at: null, message: null, port: null }),
  stableWeight: () => null,
  onChange: () => () => {},
  close: async () => {},
};
