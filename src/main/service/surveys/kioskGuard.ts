import { AppError } from '../../../shared/errors';

/**
 * The kiosk survey page's abuse guard: at most `perMinute` forms within any 60 seconds per installation (a held-down
 * button, a prankster). In memory on purpose: a restart forgets it, which is harmless.
 */
export class KioskGuard {
  private recent: number[] = [];

  /** Throws when one more form now would exceed the limit. */
  check(at: number, perMinute: number): void {
    this.recent = this.recent.filter((t) => at - t < 60_000 && t <= at);
    if (this.recent.length >= perMinute) throw new AppError('RULE_VIOLATION', 'errors.surveyKioskBusy');
  }

  record(at: number): void {
    this.recent.push(at);
  }
}

const guards = new WeakMap<object, KioskGuard>();

/** The guard of one core (installation). */
export function kioskGuardOf(core: object): KioskGuard {
  let g = guards.get(core);
  if (!g) guards.set(core, (g = new KioskGuard()));
  return g;
}
