import { useEffect, useState } from 'react';

/** The current time, refreshed just after each full second so a wall clock never skips or lags a second. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    let timer = 0;
    const schedule = () => {
      timer = window.setTimeout(() => {
        setNow(Date.now());
        schedule();
      }, 1000 - (Date.now() % 1000) + 10);
    };
    schedule();
    return () => window.clearTimeout(timer);
  }, []);
  return now;
}
