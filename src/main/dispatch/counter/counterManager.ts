import type { Station } from '../../../shared/roles';
import type { SettingKey, SettingsValues } from '../../../shared/settings';
import type { TopicBus } from '../../events/bus';
import { NO_BAG_COUNTER, type BagCounterReading, type BagCounterSource, type BagCounterSourceStatus } from './bagCounterSource';
import { SerialBagCounter, type SerialBagCounterConfig, type SerialBagCounterOptions } from './serialBagCounter';

/** The settings the counter driver is built from; a change to any of them rebuilds it. */
export const COUNTER_SETTING_KEYS = ['dispatch.counterPort', 'dispatch.counterProtocol', 'dispatch.counterBaudRate', 'dispatch.counterParity'] as const satisfies readonly SettingKey[];

interface SettingsReader {
  get<K extends SettingKey>(key: K): SettingsValues[K];
}

export interface BagCounterManagerOptions extends SerialBagCounterOptions {
  /** Overrides the `dispatch.counterPort` setting (headless `--bag-counter-port`). */
  portOverride?: string;
  /** Test hook: builds the driver for a config (default: SerialBagCounter). */
  create?: (config: SerialBagCounterConfig) => BagCounterSource;
  /** This installation's station: the plant-wide port is opened only on the packing PC (or one with no station yet). */
  station?: () => Station | null;
}

/** The driver configuration from the settings; null when no port is set (no counter). */
export function counterConfigFromSettings(settings: SettingsReader, portOverride?: string): SerialBagCounterConfig | null {
  const port = (portOverride ?? settings.get('dispatch.counterPort')).trim();
  if (!port) return null;
  return {
    port,
    protocol: settings.get('dispatch.counterProtocol'),
    baudRate: settings.get('dispatch.counterBaudRate'),
    parity: settings.get('dispatch.counterParity'),
    dataBits: 8,
    stopBits: 1,
  };
}

/**
 * `core.bagCounter` when the host runs the serial counter driver: delegates to the current driver and rebuilds it
 * when a `dispatch.counter*` setting changes (`reconfigure()`); no port → behaves as NO_BAG_COUNTER. Listeners stay
 * subscribed across rebuilds.
 */
export class BagCounterManager implements BagCounterSource {
  private current: BagCounterSource = NO_BAG_COUNTER;
  private currentKey = '';
  private unsubscribeCurrent: () => void = () => {};
  private readonly listeners = new Set<(channel: string | null) => void>();
  private closed = false;

  constructor(
    private readonly settings: SettingsReader,
    private readonly options: BagCounterManagerOptions = {},
  ) {}

  reconfigure(): void {
    if (this.closed) return;
    const station = this.options.station?.() ?? null;
    const elsewhere = this.options.portOverride === undefined && station !== null && station !== 'packing';
    const config = elsewhere ? null : counterConfigFromSettings(this.settings, this.options.portOverride);
    const key = JSON.stringify(config);
    if (key === this.currentKey) return;
    this.currentKey = key;
    const old = this.current;
    this.unsubscribeCurrent();
    void old.close().catch((err: unknown) => console.error('[counter] closing the old driver failed', err));
    const { create, portOverride: _port, station: _station, ...driverOptions } = this.options;
    this.current = config ? (create ? create(config) : new SerialBagCounter(config, driverOptions)) : NO_BAG_COUNTER;
    this.unsubscribeCurrent = this.current.onChange((channel) => this.emit(channel));
    this.emit(null);
  }

  /** The current driver (tests, diagnostics). */
  get driver(): BagCounterSource {
    return this.current;
  }

  status(): BagCounterSourceStatus {
    return this.current.status();
  }

  read(channel: string): BagCounterReading | null {
    return this.current.read(channel);
  }

  arm(channel: string, preset: number): void {
    this.current.arm(channel, preset);
  }

  onChange(listener: (channel: string | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.unsubscribeCurrent();
    this.listeners.clear();
    await this.current.close();
    this.current = NO_BAG_COUNTER;
  }

  private emit(channel: string | null): void {
    for (const listener of this.listeners) {
      try {
        listener(channel);
      } catch (err) {
        console.error('[counter] listener failed', err);
      }
    }
  }
}

/** Rebuilds the manager on `settings.changed` for a `dispatch.counter*` key and on `installation.changed`; builds it now. */
export function wireCounterSettings(counter: BagCounterSource, bus: TopicBus): () => void {
  if (!(counter instanceof BagCounterManager)) return () => {};
  const off = bus.subscribe(['settings.changed', 'installation.changed'], (message) => {
    if (message.topic === 'installation.changed') return counter.reconfigure();
    const { key } = message.payload as { key: string };
    if ((COUNTER_SETTING_KEYS as readonly string[]).includes(key)) counter.reconfigure();
  });
  counter.reconfigure();
  return off;
}
