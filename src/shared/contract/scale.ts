import { z } from 'zod';
import type { ScaleSnapshot } from '../scale';
import { method } from './define';

/**
 * The scale indicator (live weight for the weighbridge screen). Kept apart from the weighing methods
 * (contract/weighing.ts) so the driver and the weighing flow can change independently.
 */
export const scaleMethods = {
  'weighing.getScale': method<ScaleSnapshot>()({
    input: z.object({}).strict(),
    access: ['weighbridge_operator', 'supervisor', 'admin'],
    kind: 'read',
    summary:
      'The scale indicator now: status (not configured / connecting / connected / disconnected / error), last weight (kg), stable or not, the reason it is unusable or the last rejected frame, and the recent rejects. Live updates: topic `weighing.scale`.',
  }),
};
