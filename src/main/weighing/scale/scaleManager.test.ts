import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionDto } from '../../../shared/dto';
import type { ScaleSnapshot } from '../../../shared/scale';
import { defaultSettings, type SettingKey, type SettingsValues } from '../../../shared/settings';
import type { TopicMessage } from '../../../shared/topics';
import { createCore, type Core } from '../../core';
import { TopicBus } from '../../events/bus';
import { ScaleManager, scaleConfigFromSettings, wireScale } from './scaleManager';
import type { ScaleSource } from './scaleSource';
import type { SerialScaleConfig } from './serialScale';
import { socatAvailable, startPtyPair, startSimulator, waitFor } from './testing';

class FakeScale implements ScaleSource {
  closed = false;
  private listeners = new Set<(s: ScaleSnapshot) => void>();
  snap: ScaleSnapshot;
  constructor(readonly config: SerialScaleConfig | null = null) {
    this.snap = { status: 'connected', kg: 0, stable: false, at: 0, message: null, port: config?.port ?? null };
  }
  snapshot = () => this.snap;
  stableWeight = () => (this.snap.stable && this.snap.kg !== null ? { kg: this.snap.kg, at: this.snap.at ?? 0 } : null);
  onChange(l: (s: ScaleSnapshot) => void) {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
  set(patch: Partial<ScaleSnapshot>) {
    this.snap = { ...this.snap, ...patch };
    for (const l of this.listeners) l(this.snap);
  }
  close = async () => {
    this.closed = true;
  };
}

function settingsOf(values: Partial<SettingsValues>) {
  const all = { ...defaultSettings(), ...values } as SettingsValues;
  return { values: all, get: <K extends SettingKey>(key: K) => all[key] };
}

describe('ScaleManager', () => {
  it('no port → not configured; a port → the driver from the settings; a changed setting rebuilds it; listeners survive', async () => {
    const settings = settingsOf({});
    const built: FakeScale[] = [];
    const manager = new ScaleManager(settings, { create: (config) => (built.push(new FakeScale(config)), built[built.length - 1]) });
    const seen: ScaleSnapshot[] = [];
    manager.onChange((s) => seen.push(s));
    manager.reconfigure();
    expect(built).toHaveLength(0);
    expect(manager.snapshot().status).toBe('not_configured');
    expect(manager.stableWeight()).toBeNull();

    settings.values['weighing.scalePort'] = '/dev/ttyUSB0';
    settings.values['weighing.scaleFormat'] = 'stgs';
    manager.reconfigure();
    expect(built).toHaveLength(1);
    expect(built[0].config).toEqual({ port: '/dev/ttyUSB0', format: 'stgs', baudRate: 9600, parity: 'none', dataBits: 8, stopBits: 1, weightUnit: 'kg', stableCount: 5, stableToleranceKg: 20, settleMs: 2000 });
    built[0].set({ kg: 31_000, stable: true, at: 5 });
    expect(manager.stableWeight()).toEqual({ kg: 31_000, at: 5 });
    expect(seen[seen.length - 1].kg).toBe(31_000);

    manager.reconfigure(); // nothing changed: the same driver
    expect(built).toHaveLength(1);
    settings.values['weighing.scaleStableToleranceKg'] = 40;
    manager.reconfigure();
    expect(built).toHaveLength(2);
    expect(built[0].closed).toBe(true);
    built[0].set({ kg: 1 }); // the old driver is no longer listened to
    expect(seen[seen.length - 1].kg).not.toBe(1);
    built[1].set({ kg: 2 });
    expect(seen[seen.length - 1].kg).toBe(2);

    settings.values['weighing.scalePort'] = '  ';
    manager.reconfigure();
    expect(built[1].closed).toBe(true);
    expect(manager.snapshot().status).toBe('not_configured');
    await manager.close();
  });

  it('only the weighbridge PC (or one without a station) opens the port; a host override always does', async () => {
    const settings = settingsOf({ 'weighing.scalePort': '/dev/ttyS0' });
    let station: 'gate' | 'weighbridge' | null = 'gate';
    const built: FakeScale[] = [];
    const create = (config: SerialScaleConfig) => (built.push(new FakeScale(config)), built[built.length - 1]);
    const manager = new ScaleManager(settings, { create, station: () => station });
    manager.reconfigure();
    expect(built).toHaveLength(0);
    station = 'weighbridge';
    manager.reconfigure();
    expect(built).toHaveLength(1);
    station = null;
    manager.reconfigure();
    expect(built).toHaveLength(1); // same config: kept
    const forced = new ScaleManager(settings, { create, station: () => 'gate', portOverride: '/tmp/A' });
    forced.reconfigure();
    expect(built[built.length - 1].config?.port).toBe('/tmp/A');
    await manager.close();
    await forced.close();
  });

  it('the host port override wins over the setting', () => {
    expect(scaleConfigFromSettings(settingsOf({ 'weighing.scalePort': '/dev/a' }), '/tmp/b')?.port).toBe('/tmp/b');
    expect(scaleConfigFromSettings(settingsOf({}))).toBeNull();
  });

  it('publishes weighing.scale on change, at most one message per 250 ms, the latest snapshot last', async () => {
    const bus = new TopicBus();
    const fake = new FakeScale();
    const messages: TopicMessage[] = [];
    bus.subscribe(['weighing.scale'], (m) => messages.push(m));
    const unwire = wireScale(fake, bus, Date.now, 250);
    const start = Date.now();
    for (let kg = 1; kg <= 40; kg++) {
      fake.set({ kg });
      await new Promise((r) => setTimeout(r, 10));
    }
    await waitFor(() => messages.some((m) => (m.payload as ScaleSnapshot).kg === 40), 2000, 'the last snapshot');
    const elapsed = Date.now() - start;
    expect(messages.length).toBeLessThanOrEqual(Math.ceil(elapsed / 250) + 1);
    for (let i = 1; i < messages.length; i++) expect(messages[i].at - messages[i - 1].at).toBeGreaterThanOrEqual(245);
    unwire();
  });
});

describe('the core with the serial scale from the settings', () => {
  let core: Core | null = null;
  let dir = '';
  afterEach(async () => {
    await core?.close();
    core = null;
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(): Promise<Core> {
    dir = mkdtempSync(join(tmpdir(), 'dd-scale-core-'));
    core = await createCore({ database: { engine: 'sqlite', file: join(dir, 'db.sqlite') }, dataDir: dir, appVersion: 'test', serialScale: {} });
    return core;
  }
  async function call<T>(c: Core, method: string, input: unknown, token?: string): Promise<T> {
    const r = await c.dispatch(method, input, token);
    if (!r.ok) throw new Error(`${method} refused: ${JSON.stringify(r.error)}`);
    return r.value as T;
  }
  async function signIn(c: Core, role: string, station = 'weighbridge'): Promise<{ admin: SessionDto; user: SessionDto }> {
    const admin = await call<SessionDto>(c, 'system.setupAdmin', { plantName: '测试水泥厂', staffNo: 'A001', name: '管理员', pin: '1234', station });
    await call(c, 'staff.create', { staffNo: 'W001', pin: '1111', name: '司磅员', role }, admin.token);
    return { admin, user: await call<SessionDto>(c, 'auth.signIn', { staffNo: 'W001', pin: '1111' }) };
  }

  it('weighing.getScale: not configured until a port is set; then the driver says why it cannot open; no session is refused', async () => {
    const c = await open();
    const { admin, user } = await signIn(c, 'weighbridge_operator');
    expect(await call<ScaleSnapshot>(c, 'weighing.getScale', {}, user.token)).toMatchObject({ status: 'not_configured', kg: null, stable: false });
    const refused = await c.dispatch('weighing.getScale', {}, undefined);
    expect(refused.ok).toBe(false);

    const bad = await c.dispatch('settings.update', { key: 'weighing.scaleBaudRate', value: 9601 }, admin.token);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error.fields?.[0]?.message).toBe('fields.scaleBaudRate');

    await call(c, 'settings.update', { key: 'weighing.scalePort', value: join(dir, 'no-such-port') }, admin.token);
    const snap = await waitFor(async () => {
      const s = await call<ScaleSnapshot>(c, 'weighing.getScale', {}, user.token);
      return s.status === 'disconnected' ? s : null;
    }, 10_000);
    expect(snap).toMatchObject({ message: 'scale.portNotFound', port: join(dir, 'no-such-port'), format: 'xk3190a9' });

    await call(c, 'settings.update', { key: 'weighing.scalePort', value: '' }, admin.token);
    expect((await call<ScaleSnapshot>(c, 'weighing.getScale', {}, user.token)).status).toBe('not_configured');
  });

  it('a PC fixed to another window never opens the plant-wide scale port; switched to the weighbridge, it does', async () => {
    const c = await open();
    const { admin } = await signIn(c, 'weighbridge_operator', 'gate');
    await call(c, 'settings.update', { key: 'weighing.scalePort', value: join(dir, 'no-such-port') }, admin.token);
    expect(c.scale.snapshot().status).toBe('not_configured');
    await call(c, 'system.setStation', { station: 'weighbridge' }, admin.token);
    await waitFor(() => c.scale.snapshot().status === 'disconnected', 10_000, 'the driver on the weighbridge PC');
    expect(c.scale.snapshot().message).toBe('scale.portNotFound');
  });

  it.skipIf(!socatAvailable())('live: the setting points at a socat pty fed by the simulator → weighing.getScale and the topic show the stable weight', async () => {
    const pty = await startPtyPair();
    const sim = await startSimulator({ port: pty.simPort, weight: 27_460, rate: 20 });
    try {
      const c = await open();
      const { admin, user } = await signIn(c, 'weighbridge_operator');
      const topic: ScaleSnapshot[] = [];
      c.bus.subscribe(['weighing.scale'], (m) => topic.push(m.payload as ScaleSnapshot));
      await call(c, 'settings.update', { key: 'weighing.scaleSettleMs', value: 500 }, admin.token);
      await call(c, 'settings.update', { key: 'weighing.scalePort', value: pty.hostPort }, admin.token);
      await waitFor(() => c.scale.stableWeight()?.kg === 27_460, 10_000, 'stable through the core');
      const snap = await call<ScaleSnapshot>(c, 'weighing.getScale', {}, user.token);
      expect(snap).toMatchObject({ status: 'connected', kg: 27_460, stable: true, port: pty.hostPort });
      await waitFor(() => topic.some((s) => s.stable && s.kg === 27_460), 5000, 'the topic');
    } finally {
      await sim.stop();
      await pty.cleanup();
    }
  });
});
