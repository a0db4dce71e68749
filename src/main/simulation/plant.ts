import type { LoadingPointDto } from '../../shared/contract/dispatch';
import type { SlipQuoteDto } from '../../shared/contract/slips';
import type { CustomerDto, PageDto, ProductDto } from '../../shared/dto';
import type { Core } from '../core';
import { DEMO_STAFF } from '../demo/demoPlant';
import { EventQueue } from './eventQueue';
import { buildFleet, type FleetTruck } from './fleet';
import type { PlantModel } from './plantModel';
import type { Random } from './random';
import { ServiceWindow } from './serviceWindow';
import type { SimulatedScale } from './simScale';
import { SimulationCallError, StaffDesk } from './staffDesk';

const HOUR = 3_600_000;

export type DeskName = 'sales' | 'finance' | 'gate' | 'weighbridge' | 'dispatch' | 'supervisor' | 'admin';

const DESK_ROLE: Record<DeskName, string> = {
  sales: 'sales_clerk',
  finance: 'finance_clerk',
  gate: 'gatekeeper',
  weighbridge: 'weighbridge_operator',
  dispatch: 'dispatch_clerk',
  supervisor: 'supervisor',
  admin: 'admin',
};

/** What a simulated run counts besides what the plant's own KPIs report. */
export interface SimulationTally {
  trucksArrived: number;
  trucksOut: number;
  payments: number;
  slips: number;
  letters: number;
  breakdowns: number;
  complaints: number;
  surveys: number;
  /** Refused calls by `method code message`: a healthy run has none. */
  refusals: Record<string, number>;
}

/**
 * The simulated plant: its staff at their desks, the products and loading points it has, its customers and the
 * carriers' trucks, the windows that serve one at a time, and the calendar of what happens next.
 */
export class Plant {
  readonly queue = new EventQueue();
  readonly desks: Record<DeskName, StaffDesk>;
  readonly windows = { sales: new ServiceWindow(), finance: new ServiceWindow(), weighbridge: new ServiceWindow() };
  readonly tally: SimulationTally = { trucksArrived: 0, trucksOut: 0, payments: 0, slips: 0, letters: 0, breakdowns: 0, complaints: 0, surveys: 0, refusals: {} };
  products: ProductDto[] = [];
  points: LoadingPointDto[] = [];
  customers: CustomerDto[] = [];
  fleet: FleetTruck[] = [];
  /** Plates inside a visit now (a truck is in one journey at a time). */
  readonly busyPlates = new Set<string>();
  /** Loading points stopped for repair until the instant given. */
  readonly pointDownUntil = new Map<number, number>();
  private sealSeq = 0;

  constructor(
    readonly core: Core,
    readonly model: PlantModel,
    readonly random: Random,
    readonly scale: SimulatedScale,
    private readonly setClock: (at: number) => void,
  ) {
    const desk = (role: string) => {
      const s = DEMO_STAFF.find((d) => d.role === role)!;
      return new StaffDesk(core, s.staffNo, s.pin);
    };
    this.desks = Object.fromEntries(Object.entries(DESK_ROLE).map(([name, role]) => [name, desk(role)])) as Record<DeskName, StaffDesk>;
  }

  /** Reads the plant as seeded, adds the "what if" packing machines, and parks the carriers' trucks. */
  async open(): Promise<void> {
    // Desks stay signed in through the simulated nights (the longest idle time the settings allow).
    await this.desks.admin.call('settings.update', { key: 'security.sessionIdleMinutes', value: 24 * 60 });
    this.products = await this.desks.sales.call<ProductDto[]>('sales.listProducts', {});
    this.customers = (await this.desks.sales.call<PageDto<CustomerDto>>('sales.listCustomers', { limit: 200 })).items;
    const bagged = this.products.filter((p) => p.packaging === 'bagged');
    for (let i = 0; i < this.model.extraPackers; i++) {
      const product = bagged[i % bagged.length];
      await this.desks.dispatch.call('dispatch.addPoint', { kind: 'packer', code: `PX${i + 1}`, name: `增设包装机${i + 1}`, productId: product?.id ?? null });
    }
    this.points = await this.desks.dispatch.call<LoadingPointDto[]>('dispatch.listPoints', {});
    this.fleet = buildFleet(this.random, Math.max(60, Math.ceil(this.model.trucksPerDay * 1.5)));
  }

  now(): number {
    return this.clockAt;
  }

  private clockAt = 0;

  /** Moves the clock on within a step (a customer pressing the kiosk again a second later). */
  advanceClock(ms: number): void {
    this.clockAt += ms;
    this.setClock(this.clockAt);
  }

  /** Runs the calendar up to `until` (inclusive); each step sets the core's clock to its instant first. */
  async runUntil(until: number): Promise<void> {
    for (let at = this.queue.peekAt(); at !== null && at <= until; at = this.queue.peekAt()) {
      const next = this.queue.pop()!;
      this.clockAt = Math.max(this.clockAt, next.at);
      this.setClock(this.clockAt);
      await next.run();
    }
  }

  /** As `runUntil`, one database transaction per simulated hour (the bulk mode for long histories). */
  async runInHourlyBatches(until: number): Promise<void> {
    for (let at = this.queue.peekAt(); at !== null && at <= until; at = this.queue.peekAt()) {
      const hourEnd = Math.floor(at / HOUR) * HOUR + HOUR - 1;
      await this.core.db.batch(() => this.runUntil(Math.min(hourEnd, until)));
    }
  }

  /** Schedules a step; a refused call is tallied and ends that thread of work (the truck or case is left where it is). */
  at(instant: number, step: () => Promise<void>): void {
    this.queue.schedule(instant, async () => {
      try {
        await step();
      } catch (err) {
        if (!(err instanceof SimulationCallError)) throw err;
        const key = `${err.method} ${err.code} ${err.messageKey}`;
        this.tally.refusals[key] = (this.tally.refusals[key] ?? 0) + 1;
      }
    });
  }

  minutes(range: readonly [number, number]): number {
    return this.random.int(range[0] * 60, range[1] * 60) * 1000;
  }

  /** The points that can load a product now (its kind; its product or any), free of repairs. */
  pointsFor(product: ProductDto): LoadingPointDto[] {
    const kind = product.packaging === 'bagged' ? 'packer' : 'spout';
    return this.points.filter((p) => p.active && p.kind === kind && (p.productId === null || p.productId === product.id));
  }

  pointIsUp(pointId: number): boolean {
    return (this.pointDownUntil.get(pointId) ?? 0) <= this.clockAt;
  }

  async quote(customerId: number): Promise<SlipQuoteDto> {
    return this.desks.sales.call<SlipQuoteDto>('sales.getSlipQuote', { customerId });
  }

  nextSealNumbers(): [string, string] {
    this.sealSeq += 2;
    return [`SIM${String(this.sealSeq - 1).padStart(7, '0')}`, `SIM${String(this.sealSeq).padStart(7, '0')}`];
  }
}
