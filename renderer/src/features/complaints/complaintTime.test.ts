import { describe, expect, it } from 'vitest';
import { formatDuration, timerState } from './complaintTime';

const H = 3_600_000;
const c = (onSiteAt: number | null) => ({ receivedAt: 0, onSiteDueAt: 4 * H, onSiteAt });

describe('the on-site timer', () => {
  it('counts down, turns amber in the last quarter, red past the limit, and stops on arrival', () => {
    expect(timerState(c(null), H)).toEqual({ state: 'running', ms: 3 * H });
    expect(timerState(c(null), 3 * H - 1).state).toBe('running');
    expect(timerState(c(null), 3 * H)).toEqual({ state: 'near', ms: H });
    expect(timerState(c(null), 4 * H)).toEqual({ state: 'near', ms: 0 });
    expect(timerState(c(null), 4 * H + 61_000)).toEqual({ state: 'overdue', ms: 61_000 });
    expect(timerState(c(2 * H), 9 * H)).toEqual({ state: 'arrived', ms: 2 * H });
    expect(timerState(c(4 * H + 1), 9 * H).state).toBe('arrivedLate');
  });

  it('reads H:MM:SS', () => {
    expect(formatDuration(0)).toBe('0:00:00');
    expect(formatDuration(3 * H + 59 * 60_000 + 8_999)).toBe('3:59:08');
    expect(formatDuration(26 * H)).toBe('26:00:00');
  });
});
