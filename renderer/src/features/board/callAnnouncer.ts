/**
 * The voice call on the queue board: each truck the gate calls is announced once per page. The first answer the
 * page gets is its baseline: trucks called before the board opened are not announced again (a board reopened or
 * reconnected must not read out ten minutes of calls), except those called just now (within `freshMs`).
 */
export interface CalledForVoice {
  journeyId: number;
  truckPlate: string;
  releasedAt: number;
}

export class CallAnnouncer {
  private readonly announced = new Set<number>();
  private started = false;

  constructor(private readonly freshMs = 30_000) {}

  /** The calls to announce now from the board's called list (newest first), oldest first; each only once. */
  take<T extends CalledForVoice>(called: readonly T[], now: number): T[] {
    const baseline = !this.started;
    this.started = true;
    const fresh: T[] = [];
    for (const c of called) {
      if (this.announced.has(c.journeyId)) continue;
      this.announced.add(c.journeyId);
      if (!baseline || now - c.releasedAt <= this.freshMs) fresh.push(c);
    }
    return fresh.sort((a, b) => a.releasedAt - b.releasedAt || a.journeyId - b.journeyId);
  }
}

/**
 * A plate as a Chinese voice should read it: one character at a time (豫A12345 → "豫 A 1 2 3 4 5"), never as
 * the number "twelve thousand…"; the separator dot of 豫A·12345 is dropped.
 */
export function spokenPlate(plate: string): string {
  return [...plate.replace(/[·.\s-]/g, '')].join(' ');
}
