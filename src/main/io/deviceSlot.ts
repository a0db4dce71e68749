import type { Station } from '../../shared/roles';
import type { SettingKey } from '../../shared/settings';
import type { TopicBus } from '../events/bus';

/** What a slot needs of a device driver (a scale, a bag counter): change notices and a way to let go of its port. */
export interface SlotDriver<Change> {
  onChange(listener: (change: Change) => void): () => void;
  close(): Promise<void>;
}

/**
 * Whether this installation opens a device's plant-wide port: the port setting is shared by every station of the
 * plant, so only the device's own station (or a PC with no station yet) opens it; a host override always does.
 */
export function opensDevicePort(home: Station, station: Station | null, portOverride: string | undefined): boolean {
  return portOverride !== undefined || station === null || station === home;
}

/**
 * The one driver a host runs for a device, rebuilt when its configuration changes: the old driver is closed, the
 * new one installed (or `none` without a configuration), and listeners stay subscribed across rebuilds.
 */
export class DeviceSlot<Driver extends SlotDriver<Change>, Config, Change> {
  current: Driver;
  private currentKey = '';
  private unsubscribeCurrent: () => void = () => {};
  private readonly listeners = new Set<(change: Change) => void>();
  private closed = false;

  constructor(
    private readonly none: Driver,
    /** Log prefix, e.g. `scale`. */
    private readonly label: string,
  ) {
    this.current = none;
  }

  /** Installs the driver for `config` unless the same one runs already; returns whether it changed. */
  install(config: Config | null, build: (config: Config) => Driver): boolean {
    if (this.closed) return false;
    const key = JSON.stringify(config);
    if (key === this.currentKey) return false;
    this.currentKey = key;
    const old = this.current;
    this.unsubscribeCurrent();
    void old.close().catch((err: unknown) => console.error(`[${this.label}] closing the old driver failed`, err));
    this.current = config ? build(config) : this.none;
    this.unsubscribeCurrent = this.current.onChange((change) => this.emit(change));
    return true;
  }

  onChange(listener: (change: Change) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(change: Change): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (err) {
        console.error(`[${this.label}] listener failed`, err);
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.unsubscribeCurrent();
    this.listeners.clear();
    await this.current.close();
    this.current = this.none;
  }
}

/** Calls `reconfigure` now, on `installation.changed` and on `settings.changed` for one of `keys`; returns the unwiring. */
export function reconfigureOnSettings(bus: TopicBus, keys: readonly SettingKey[], reconfigure: () => void): () => void {
  const off = bus.subscribe(['settings.changed', 'installation.changed'], (message) => {
    if (message.topic === 'installation.changed') return reconfigure();
    const { key } = message.payload as { key: string };
    if ((keys as readonly string[]).includes(key)) reconfigure();
  });
  reconfigure();
  return off;
}
