import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LoadingDto, LoadingPointDto } from '../../../shared/contract/dispatch';
import type { SessionDto } from '../../../shared/dto';
import type { JourneyDto } from '../../../shared/journey';
import { createCore, type Core } from '../../core';
import { dispatchFixture, type DispatchFixture } from '../dispatchFixture';
import { BagCounterManager } from './counterManager';
import { SerialBagCounter } from './serialBagCounter';
import { socatAvailable, startCounterSimulator, startPtyPair, waitFor } from './testing';

describe('the core with the serial bag counter from the settings', () => {
  let core: Core | null = null;
  let dir = '';
  afterEach(async () => {
    await core?.close();
    core = null;
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function call<T>(c: Core, method: string, input: unknown, token?: string): Promise<T> {
    const r = await c.dispatch(method, input, token);
    if (!r.ok) throw new Error(`${method} refused: ${JSON.stringify(r.error)}`);
    return r.value as T;
  }

  it('not configured until dispatch.counterPort is set; then disconnected with the reason; bad settings refused; a PC at another window never opens it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'dd-counter-core-'));
    core = await createCore({ database: { engine: 'sqlite', file: join(dir, 'db.sqlite') }, dataDir: dir, appVersion: 'test', serialBagCounter: {} });
    const c = core;
    expect(c.bagCounter).toBeInstanceOf(BagCounterManager);
    const admin = await call<SessionDto>(c, 'system.setupAdmin', { plantName: '测试水泥厂', staffNo: 'A001', name: '管理员', pin: '1234', station: 'gate' });
    expect(c.bagCounter.status()).toBe('not_configured');
    expect((await c.dispatch('settings.update', { key: 'dispatch.counterBaudRate', value: 9601 }, admin.token)).ok).toBe(false);
    expect((await c.dispatch('settings.update', { key: 'dispatch.counterProtocol', value: 'profibus' }, admin.token)).ok).toBe(false);
    await call(c, 'settings.update', { key: 'dispatch.counterPort', value: join(dir, 'no-such-port') }, admin.token);
    expect(c.bagCounter.status()).toBe('not_configured'); // the gate PC
    await call(c, 'system.setStation', { station: 'packing' }, admin.token);
    await waitFor(() => c.bagCounter.status() === 'disconnected', 10_000, 'the driver on the packing PC');
    const driver = (c.bagCounter as BagCounterManager).driver as SerialBagCounter;
    await waitFor(() => driver.reason() === 'portNotFound', 10_000, 'port not found');
    await call(c, 'settings.update', { key: 'dispatch.counterProtocol', value: 'modbusRtu' }, admin.token);
    expect(((c.bagCounter as BagCounterManager).driver as SerialBagCounter).config.protocol).toBe('modbusRtu');
    await call(c, 'settings.update', { key: 'dispatch.counterPort', value: '' }, admin.token);
    expect(c.bagCounter.status()).toBe('not_configured');
  });
});

describe.skipIf(!socatAvailable())('bagged loading counted by the real serial driver fed by the simulator', () => {
  let f: DispatchFixture | null = null;
  afterEach(async () => {
    await f?.core.close();
    f = null;
  });

  it('startLoading arms the point with the plan, the counter counts to it and stops, readCounter takes the bags, garbage changes nothing, loading finishes at the plan', async () => {
    const pty = await startPtyPair();
    const sim = await startCounterSimulator({ port: pty.simPort, bagsPerMinute: 1200, reportMs: 200 });
    const logs: string[] = [];
    const counter = new SerialBagCounter({ port: pty.hostPort, baudRate: 9600, parity: 'none', dataBits: 8, stopBits: 1, protocol: 'asciiLine' }, { reconnectMs: 200, armSettleMs: 1000, log: (l) => logs.push(l) });
    try {
      f = await dispatchFixture({ bagCounter: counter });
      const fx = f;
      const ok = <T>(method: string, input: unknown) => fx.core.ok<T>(method, input, fx.clerk.token);
      await waitFor(() => counter.status() === 'connected', 10_000, 'connected');
      const p1 = await ok<LoadingPointDto>('dispatch.addPoint', { kind: 'packer', code: 'P1', name: '1号包装机', productId: fx.ids.bagged });
      const id = await fx.tared({ quantityKg: 1_000 }); // 20 bags of 50 kg
      await ok('dispatch.startLoading', { journeyId: id, pointId: p1.id });
      await waitFor(() => sim.output().includes('sim: armed P1 20'), 10_000, 'armed with the plan');
      await waitFor(() => (counter.read('P1')?.count ?? 0) >= 5, 10_000, 'bags counted');
      const part = await ok<LoadingDto>('dispatch.readCounter', { journeyId: id });
      expect(part.countedBags).toBeGreaterThanOrEqual(5);
      expect(part.countedBags).toBeLessThanOrEqual(20);
      await waitFor(() => sim.output().includes('sim: P1 done 20'), 10_000, 'the counter stopped at the plan');
      await sim.send('garbage 6 mixed');
      await waitFor(() => counter.rejects().length >= 6, 10_000, 'garbage rejected');
      expect(counter.read('P1')!.count).toBe(20);
      const points = await ok<LoadingPointDto[]>('dispatch.listPoints', {});
      expect(points[0]!.counter).toEqual({ status: 'connected', count: 20 });
      expect(await ok<LoadingDto>('dispatch.readCounter', { journeyId: id })).toMatchObject({ countedBags: 20, plannedBags: 20 });
      expect(await ok<JourneyDto>('dispatch.finishLoading', { journeyId: id })).toMatchObject({ status: 'loaded', bagsLoaded: 20 });

      // cable pull during the next truck: the clerk is told the counter is unavailable; back → counts again
      const next = await fx.tared({ quantityKg: 500 });
      await sim.send('stop');
      await ok('dispatch.startLoading', { journeyId: next, pointId: p1.id });
      await waitFor(() => sim.output().includes('sim: armed P1 10'), 10_000, 'armed for the next truck');
      await pty.stop();
      await waitFor(() => counter.status() === 'disconnected', 10_000, 'disconnected');
      expect(await fx.refused('dispatch.readCounter', { journeyId: next })).toMatchObject({ message: 'errors.bagCounterUnavailable' });
      expect((await ok<LoadingPointDto[]>('dispatch.listPoints', {}))[0]!.counter).toMatchObject({ status: 'disconnected' });
      await pty.restart();
      await waitFor(() => counter.status() === 'connected', 10_000, 'reconnected');
      await waitFor(() => sim.output().lastIndexOf('sim: port open') > sim.output().lastIndexOf('sim: port lost'), 10_000, 'the simulator back');
      await sim.send('start');
      await waitFor(() => counter.read('P1')?.count === 10, 15_000, 'counted after the reconnect');
      expect(await ok<LoadingDto>('dispatch.readCounter', { journeyId: next })).toMatchObject({ countedBags: 10 });
    } finally {
      await sim.stop();
      await pty.cleanup();
    }
  });
});
