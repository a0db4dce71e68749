import type { Station } from '../../../shared/roles';
import type { SettingKey, SettingsValues } from '../../../shared/settings';
import type { TopicBus } from '../../events/bus';
import { DeviceSlot, opensDevicePort, reconfigureOnSettings } from '../../io/deviceSlot';
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
  private readonly slot = new DeviceSlot<BagCounterSource, SerialBagCounterConfig, string | null>(NO_BAG_COUNTER, 'counter');

  constructor(
    private readonly settings: SettingsReader,
    private readonly options: BagCounterManagerOptions = {},
  ) {}

  reconfigure(): void {
    const { create, portOverride, station, ...driverOptions } = this.options;
    const config = opensDevicePort('packing', station?.() ?? null, portOverride) ? counterConfigFromSettings(this.settings, portOverride) : null;
    if (this.slot.install(config, (c) => (create ? create(c) : new SerialBagCounter(c, driverOptions)))) this.slot.emit(null);
  }

  /** The current driver (tests, diagnostics). */
  get driver(): BagCounterSource {
    return this.slot.current;
  }

  status(): BagCounterSourceStatus {
    return this.slot.current.status();
  }

  read(channel: string): BagCounterReading | null {
    return this.slot.current.read(channel);
  }

  arm(channel: string, preset: number): void {
    this.slot.current.arm(channel, preset);
  }

  onChange(listener: (channel: string | null) => void): () => void {
    return this.slot.onChange(listener);
  }

  close(): Promise<void> {
    return this.slot.close();
  }
}

/** Rebuilds the manager on `settings.changed` for a `dispatch.counter*` key and on `installation.changed`; builds it now. */
export function wireCounterSettings(counter: BagCounterSource, bus: TopicBus): () => void {
  if (!(counter instanceof BagCounterManager)) return () => {};
  return reconfigureOnSettings(bus, COUNTER_SETTING_KEYS, () => counter.reconfigure());
}
