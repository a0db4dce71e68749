import type { ScaleSource, ScaleSnapshot } from '../weighing/scale/scaleSource';

/**
 * The weighbridge indicator of a simulated plant: the simulator puts the truck's weight on it, and it reads stable,
 * as the serial driver would report after the settle time. Weighing takes weights only from here, as in the plant.
 */
export class SimulatedScale implements ScaleSource {
  private kg = 0;
  private at = 0;

  show(kg: number, at: number): void {
    this.kg = kg;
    this.at = at;
  }

  snapshot(): ScaleSnapshot {
    return { status: 'connected', kg: this.kg, stable: true, at: this.at, message: null, port: 'simulator' };
  }

  stableWeight(): { kg: number; at: number } | null {
    return this.kg > 0 ? { kg: this.kg, at: this.at } : null;
  }

  onChange(): () => void {
    return () => {};
  }

  async close(): Promise<void> {}
}
