import { describe, expect, it } from 'vitest';
import { fitTrucks, intervalParts, lineCapacity, lineGrid } from './boardLayout';
import { CallAnnouncer, spokenPlate } from './callAnnouncer';
import { speakChinese } from './voiceCall';

describe('queue board layout', () => {
  it('puts up to four lines side by side and wraps more onto a second row', () => {
    expect(lineGrid(0)).toEqual({ columns: 1, rows: 1 });
    expect(lineGrid(3)).toEqual({ columns: 3, rows: 1 });
    expect(lineGrid(4)).toEqual({ columns: 4, rows: 1 });
    expect(lineGrid(5)).toEqual({ columns: 3, rows: 2 });
    expect(lineGrid(8)).toEqual({ columns: 4, rows: 2 });
  });

  it('counts whole rows and the sub-columns a wide line allows', () => {
    expect(lineCapacity({ width: 430, height: 500 }, { height: 64, minWidth: 400 })).toEqual({ rows: 7, columns: 1, capacity: 7 });
    expect(lineCapacity({ width: 1800, height: 500 }, { height: 64, minWidth: 560 })).toEqual({ rows: 7, columns: 3, capacity: 21 });
    expect(lineCapacity({ width: 100, height: 10 }, { height: 64, minWidth: 400 })).toEqual({ rows: 1, columns: 1, capacity: 1 });
  });

  it('shows every truck that fits, else the head of the queue and "+N more" in the last row', () => {
    expect(fitTrucks(5, 7)).toEqual({ shown: 5, more: 0 });
    expect(fitTrucks(7, 7)).toEqual({ shown: 7, more: 0 });
    expect(fitTrucks(12, 7)).toEqual({ shown: 6, more: 6 });
    expect(fitTrucks(3, 0)).toEqual({ shown: 0, more: 3 });
    expect(fitTrucks(0, 0)).toEqual({ shown: 0, more: 0 });
  });

  it('splits a release interval into minutes and seconds', () => {
    expect(intervalParts(45)).toEqual({ minutes: 0, seconds: 45 });
    expect(intervalParts(120)).toEqual({ minutes: 2, seconds: 0 });
    expect(intervalParts(90)).toEqual({ minutes: 1, seconds: 30 });
  });
});

describe('voice call announcer', () => {
  const call = (journeyId: number, releasedAt: number) => ({ journeyId, truckPlate: `豫A1234${journeyId}`, releasedAt });

  it('announces each newly called truck once, oldest first, and not the old calls it found on opening', () => {
    const announcer = new CallAnnouncer(30_000);
    const now = 1_000_000;
    // On opening: called 5 minutes ago (not announced), 10 s ago (announced).
    expect(announcer.take([call(2, now - 10_000), call(1, now - 300_000)], now).map((c) => c.journeyId)).toEqual([2]);
    expect(announcer.take([call(2, now - 10_000), call(1, now - 300_000)], now + 5_000)).toEqual([]);
    // Two released between two refreshes: both, in release order; later answers repeat nothing.
    const later = [call(4, now + 62_000), call(3, now + 61_000), call(2, now - 10_000)];
    expect(announcer.take(later, now + 65_000).map((c) => c.journeyId)).toEqual([3, 4]);
    expect(announcer.take(later, now + 70_000)).toEqual([]);
    // A truck that dropped off the called list and comes back is not announced twice.
    expect(announcer.take([call(3, now + 61_000)], now + 80_000)).toEqual([]);
  });

  it('announces even an old call once the board has its baseline', () => {
    const announcer = new CallAnnouncer(30_000);
    expect(announcer.take([], 1_000_000)).toEqual([]);
    expect(announcer.take([call(9, 0)], 1_000_000).map((c) => c.journeyId)).toEqual([9]);
  });

  it('reads a plate one character at a time', () => {
    expect(spokenPlate('豫A12345')).toBe('豫 A 1 2 3 4 5');
    expect(spokenPlate('豫A·D5432')).toBe('豫 A D 5 4 3 2');
  });

  it('does nothing, and does not throw, where there is no speech synthesis (headless)', () => {
    expect(speakChinese('请 豫 A 1 2 3 4 5 进厂')).toBe(false);
  });
});
