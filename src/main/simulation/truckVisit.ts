import type { CaptureResultDto } from '../../shared/contract/weighing';
import type { LoadingDto } from '../../shared/contract/dispatch';
import type { RegisterArrivalDto } from '../../shared/contract/gate';
import type { ReceiptDto } from '../../shared/contract/finance';
import type { SlipIssuedDto } from '../../shared/contract/slips';
import type { TicketDto } from '../../shared/contract/tickets';
import type { AuthorizationDto } from '../../shared/contract/transport';
import type { CustomerDto, ProductDto } from '../../shared/dto';
import type { FleetTruck } from './fleet';
import type { Plant } from './plant';
import { publicCall, SimulationCallError } from './staffDesk';

const MIN = 60_000;

/**
 * The ticket kiosk takes one number a second per counter; a customer whose press came too soon presses again a
 * moment later (the simulated clock moves on by a second each time).
 */
async function takeTicket(plant: Plant, counter: 'sales' | 'finance'): Promise<TicketDto> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await publicCall<TicketDto>(plant.core, 'tickets.take', { counter });
    } catch (err) {
      if (attempt >= 5 || !(err instanceof SimulationCallError) || err.messageKey !== 'errors.ticketTooFast') throw err;
      plant.advanceClock(1000);
    }
  }
}

/** One customer's pick-up: paid for if need be, a slip issued, a truck sent (on the slip or by letter), loaded, out. */
export interface Visit {
  customer: CustomerDto;
  product: ProductDto;
  kg: number;
  truck: FleetTruck;
  byLetter: boolean;
  slipNumber?: string;
  letterIn: boolean;
  journeyId?: number;
  releasedAt?: number;
  taredAt?: number;
  loadedBags?: number;
  seals?: { position: string; sealNumber: string }[];
}

/**
 * The yard between the gate and the loading points: trucks queue at the gate per product line in arrival order and
 * are let in while their line has room; tared trucks wait for a free loading point, oldest first.
 */
export class Yard {
  private readonly gateLines = new Map<number, Visit[]>();
  private readonly inside = new Map<number, number>();
  private readonly waitingToLoad: Visit[] = [];
  private readonly busyPoints = new Set<number>();

  constructor(private readonly plant: Plant) {}

  /** The customer turns up at the plant: pays at finance if the funds are short, then takes a slip at sales. */
  start(visit: Visit, at: number): void {
    const { plant } = this;
    plant.at(at, async () => {
      const amountFen = Math.ceil(((visit.product.priceFenPerTonne ?? 0) * visit.kg) / 1000);
      const quote = await plant.quote(visit.customer.id);
      if (quote.availableFen < amountFen) this.pay(visit, amountFen - quote.availableFen, plant.now());
      else this.takeSlip(visit, plant.now());
    });
  }

  private pay(visit: Visit, shortFen: number, at: number): void {
    const { plant } = this;
    plant.at(at, async () => {
      const ticket = await takeTicket(plant, 'finance');
      const { startAt, endAt } = plant.windows.finance.book(plant.now(), plant.minutes(plant.model.paymentMinutes));
      plant.at(startAt, async () => {
        await plant.desks.finance.call('tickets.callNext', { counter: 'finance' });
        plant.at(endAt, async () => {
          // Customers pay in round sums of 10,000 yuan, enough for this load and usually the next.
          const amountFen = Math.ceil((shortFen + 1) / 1_000_000) * 1_000_000 + 1_000_000 * plant.random.int(0, 3);
          const receipt = await plant.desks.finance.call<ReceiptDto>('finance.recordPayment', {
            customerId: visit.customer.id,
            method: 'bank_transfer',
            amountFen,
            reference: `SIM-${ticket.id}`,
          });
          await plant.desks.finance.call('tickets.complete', { ticketId: ticket.id, docType: 'receipt', docNo: receipt.number });
          plant.tally.payments++;
          this.takeSlip(visit, plant.now() + plant.random.int(1, 5) * MIN);
        });
      });
    });
  }

  private takeSlip(visit: Visit, at: number): void {
    const { plant } = this;
    plant.at(at, async () => {
      const ticket = await takeTicket(plant, 'sales');
      const { startAt, endAt } = plant.windows.sales.book(plant.now(), plant.minutes(plant.model.slipMinutes));
      plant.at(startAt, async () => {
        await plant.desks.sales.call('tickets.callNext', { counter: 'sales' });
        plant.at(endAt, async () => {
          const slip = await plant.desks.sales.call<SlipIssuedDto>('sales.issueSlip', {
            customerId: visit.customer.id,
            productId: visit.product.id,
            quantityKg: visit.kg,
            truckPlates: visit.byLetter ? [] : [visit.truck.plate],
            expectedPriceFenPerTonne: visit.product.priceFenPerTonne ?? 0,
            ticketId: ticket.id,
          });
          await plant.desks.sales.call('tickets.complete', { ticketId: ticket.id, docType: 'planSlip', docNo: slip.number });
          plant.tally.slips++;
          visit.slipNumber = slip.number;
          if (visit.byLetter) this.sendLetter(visit, plant.now() + plant.random.int(5, 40) * MIN);
          this.arrive(visit, plant.now() + plant.random.int(10, 60) * MIN);
        });
      });
    });
  }

  /** The carrier's transport authorization letter reaches the sales office; the weighbridge takes it over. */
  private sendLetter(visit: Visit, at: number): void {
    const { plant } = this;
    plant.at(at, async () => {
      const letter = await plant.desks.sales.call<AuthorizationDto>('transport.receiveAuthorization', {
        carrier: visit.truck.carrier,
        truckPlate: visit.truck.plate,
        driverName: visit.truck.driverName,
        driverIdNo: visit.truck.driverIdNo,
        driverPhone: visit.truck.driverPhone,
        slipNumbers: [visit.slipNumber],
      });
      plant.tally.letters++;
      visit.letterIn = true;
      plant.at(plant.now() + plant.random.int(1, 14) * MIN, async () => {
        await plant.desks.weighbridge.call('transport.acknowledgeAuthorization', { id: letter.id });
      });
      this.release(visit.product.id);
    });
  }

  private arrive(visit: Visit, at: number): void {
    const { plant } = this;
    plant.at(at, async () => {
      const registered = await plant.desks.gate.call<RegisterArrivalDto>('gate.registerArrival', {
        slipNumber: visit.slipNumber,
        truckPlate: visit.truck.plate,
        driverName: visit.truck.driverName,
        driverPhone: visit.truck.driverPhone,
      });
      plant.tally.trucksArrived++;
      visit.journeyId = registered.journey.id;
      const line = this.gateLines.get(visit.product.id) ?? [];
      line.push(visit);
      this.gateLines.set(visit.product.id, line);
      const alert = registered.alertRaised;
      if (alert) {
        plant.at(plant.now() + plant.random.int(2, 8) * MIN, async () => {
          await plant.desks.gate.call('gate.answerQueueAlert', { alertId: alert.id, packingContact: '发运调度', answer: '已通知包装加开一台包装机' });
        });
      }
      this.release(visit.product.id);
    });
  }

  /** Lets in the line's first authorized trucks while it has room inside (the gate's release in order). */
  private release(productId: number): void {
    const { plant } = this;
    const line = this.gateLines.get(productId) ?? [];
    const product = plant.products.find((p) => p.id === productId)!;
    const room = plant.pointsFor(product).length * plant.model.insidePerPoint - (this.inside.get(productId) ?? 0);
    const ready = line.filter((v) => !v.byLetter || v.letterIn).slice(0, Math.max(0, room));
    for (const visit of ready) {
      line.splice(line.indexOf(visit), 1);
      this.inside.set(productId, (this.inside.get(productId) ?? 0) + 1);
      plant.at(plant.now(), async () => {
        await plant.desks.gate.call('gate.releaseTruck', { journeyId: visit.journeyId });
        visit.releasedAt = plant.now();
        this.weigh(visit, 'tare', plant.now() + plant.random.int(3, 7) * MIN);
      });
    }
  }

  private weigh(visit: Visit, stage: 'tare' | 'gross', at: number): void {
    const { plant } = this;
    plant.at(at, async () => {
      const { endAt } = plant.windows.weighbridge.book(plant.now(), plant.minutes(plant.model.weighMinutes));
      plant.at(endAt, async () => {
        plant.scale.show(this.scaleKg(visit, stage), plant.now());
        const result = await plant.desks.weighbridge.call<CaptureResultDto>(stage === 'tare' ? 'weighing.captureTare' : 'weighing.captureGross', { journeyId: visit.journeyId });
        if (result.outcome !== 'weighed') throw new Error(`simulated ${stage} held: ${JSON.stringify(result.exception)}`);
        if (stage === 'tare') {
          visit.taredAt = plant.now();
          this.waitingToLoad.push(visit);
          this.load();
        } else {
          this.leave(visit, plant.now() + plant.random.int(2, 6) * MIN);
        }
      });
    });
  }

  /** What the indicator reads: the truck's own tare within ±0.4%, and the load as packed or poured. */
  private scaleKg(visit: Visit, stage: 'tare' | 'gross'): number {
    const { random } = this.plant;
    const tare = visit.truck.tareKg + random.int(-4, 4) * Math.round(visit.truck.tareKg / 1000);
    if (stage === 'tare') return tare;
    const bagKg = visit.product.bagWeightKg ?? 0;
    const net = visit.loadedBags !== undefined ? visit.loadedBags * bagKg + random.int(-3, 6) * visit.loadedBags * bagKg / 1000 : visit.kg - random.int(0, 15) * visit.kg / 1000;
    return Math.round(tare + net);
  }

  /** Assigns waiting trucks (oldest tare first) to free, running points of their kind and product. */
  private load(): void {
    const { plant } = this;
    for (const point of plant.points) {
      if (this.busyPoints.has(point.id) || !plant.pointIsUp(point.id)) continue;
      const visit = this.waitingToLoad.find((v) => plant.pointsFor(v.product).some((p) => p.id === point.id));
      if (!visit) continue;
      this.waitingToLoad.splice(this.waitingToLoad.indexOf(visit), 1);
      this.busyPoints.add(point.id);
      plant.at(plant.now() + plant.random.int(1, 4) * MIN, () => this.loadAt(visit, point.id));
    }
  }

  private async loadAt(visit: Visit, pointId: number): Promise<void> {
    const { plant } = this;
    const loading = await plant.desks.dispatch.call<LoadingDto>('dispatch.startLoading', { journeyId: visit.journeyId, pointId });
    const rate = visit.product.packaging === 'bagged' ? plant.model.packerTonnesPerHour : plant.model.spoutTonnesPerHour;
    const doneAt = plant.now() + Math.round((visit.kg / 1000 / rate) * 60 * MIN);
    plant.at(doneAt, async () => {
      if (loading.plannedBags) {
        const half = Math.floor(loading.plannedBags / 2);
        await plant.desks.dispatch.call('dispatch.countBags', { journeyId: visit.journeyId, bags: half });
        await plant.desks.dispatch.call('dispatch.countBags', { journeyId: visit.journeyId, bags: loading.plannedBags - half });
        if (plant.random.chance(plant.model.brokenBagPercent)) await plant.desks.dispatch.call('dispatch.recordBrokenBags', { journeyId: visit.journeyId, bags: plant.random.int(1, 3) });
        visit.loadedBags = loading.plannedBags;
      }
      await plant.desks.dispatch.call('dispatch.finishLoading', { journeyId: visit.journeyId });
      this.freePoint(visit, pointId);
      if (visit.product.packaging === 'bulk') this.seal(visit, plant.now() + plant.random.int(2, 12) * MIN);
      else this.weigh(visit, 'gross', plant.now() + plant.random.int(2, 5) * MIN);
    });
  }

  /** The point is free again, or breaks down now and then (a stop notice on the drivers' board until repaired). */
  private freePoint(visit: Visit, pointId: number): void {
    const { plant } = this;
    this.busyPoints.delete(pointId);
    this.inside.set(visit.product.id, (this.inside.get(visit.product.id) ?? 1) - 1);
    if (plant.random.next() * 1000 < plant.model.breakdownPermille) {
      const until = plant.now() + plant.minutes(plant.model.repairMinutes);
      plant.pointDownUntil.set(pointId, until);
      plant.tally.breakdowns++;
      plant.at(plant.now(), async () => {
        await plant.desks.dispatch.call('dispatch.setPointStatus', { pointId, status: 'stopped', reason: '设备故障检修', expectedUntil: until });
      });
      plant.at(until, async () => {
        await plant.desks.dispatch.call('dispatch.setPointStatus', { pointId, status: 'running' });
        this.load();
      });
    }
    this.load();
    this.release(visit.product.id);
  }

  private seal(visit: Visit, at: number): void {
    const { plant } = this;
    plant.at(at, async () => {
      const [top, outlet] = plant.nextSealNumbers();
      const seals = [
        { position: '顶盖1', sealNumber: top },
        { position: '出料口', sealNumber: outlet },
      ];
      await plant.desks.dispatch.call('dispatch.recordSeals', { journeyId: visit.journeyId, seals });
      visit.seals = seals;
      this.weigh(visit, 'gross', plant.now() + plant.random.int(2, 5) * MIN);
    });
  }

  private leave(visit: Visit, at: number): void {
    const { plant } = this;
    plant.at(at, async () => {
      await plant.desks.gate.call('gate.checkExit', { journeyId: visit.journeyId, documentsChecked: true, seals: visit.seals ?? [] });
      await plant.desks.gate.call('gate.confirmExit', { journeyId: visit.journeyId });
      plant.busyPlates.delete(visit.truck.plate);
      plant.tally.trucksOut++;
    });
  }
}
