import { useEffect, useState } from 'react';
import { subscribe } from '../../api';

/**
 * Reloads on every `finance.changed` (another window recorded a payment, a check, a refund step) and once a minute,
 * so "overdue" flags computed by the core stay true to the clock without anyone pressing a key.
 */
export function useFinanceLive(reloads: (() => void)[]): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const bump = () => setTick((n) => n + 1);
    const off = subscribe(['finance.changed'], bump);
    const timer = window.setInterval(bump, 60_000);
    return () => {
      off();
      window.clearInterval(timer);
    };
  }, []);
  useEffect(() => {
    if (tick) for (const reload of reloads) reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tick]);
  return tick;
}
