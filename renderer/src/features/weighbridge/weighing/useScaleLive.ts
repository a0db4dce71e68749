import { useEffect, useState } from 'react';
import type { ScaleSnapshot } from '../../../../../src/shared/scale';
import { subscribe, useApi } from '../../../api';

/** The scale as the capture buttons need it: `weighing.getScale` once, then the `weighing.scale` topic. */
export function useScaleLive(): { snapshot: ScaleSnapshot | null; stable: boolean } {
  const initial = useApi('weighing.getScale', {});
  const [live, setLive] = useState<ScaleSnapshot | null>(null);
  useEffect(() => subscribe(['weighing.scale'], (message) => setLive(message.payload as ScaleSnapshot)), []);
  const snapshot = live ?? initial.data ?? null;
  const stable = !!snapshot && snapshot.status === 'connected' && snapshot.stable && snapshot.kg !== null && snapshot.kg > 0;
  return { snapshot, stable };
}
