import type { ScaleSnapshot } from '../../../shared/scale';
import type { Station } from '../../../shared/roles';
import type { SettingKey, SettingsValues } from '../../../shared/settings';
import type { TopicBus } from '../../events/bus';
import { DeviceSlot, opensDevicePort, reconfigureOnSettings } from '../../io/deviceSlot';
import { NO_SCALE, type ScaleSource } from './scaleSource';
import { SerialScale, type SerialScaleConfig, type SerialScaleOptions } from './serialScale';

/** The settings the driver is built from; a change to any of them rebuilds it. */
export const SCALE_SETTING_KEYS = [
  'weighing.scalePort',
  'weighing.scaleFormat',
  'weighing.scaleBaudRate',
  'weighing.scaleParity',
  'weighing.scaleDataBits',
  'weighing.scaleStopBits',
  'weighing.scaleWeightUnit',
  'weighing.scaleStableCount',
  'weighing.scaleStableToleranceKg',
  'weighing.scaleSettleMs',
] as const satisfies readonly SettingKey[];

interface SettingsReader {
  get<K extends SettingKey>(key: K): SettingsValues[K];
}

export interface ScaleManagerOptions extends SerialScaleOptions {
  /** Overrides the `weighing.scalePort` setting (headless `--scale-port`, demos). */
  portOverride?: string;
  /** Test hook: builds the driver for a config (default: SerialScale). */
  create?: (config: SerialScaleConfig) => ScaleSource;
  /**
   * This installation's station. The port setting is plant-wide (several stations may share one database): a PC
   * fixed to another window never opens it; only the weighbridge PC (or one with no station yet) does. A host
   * port override always applies.
   */
  station?: () => Station | null;
}

/** The driver configuration from the settings; null when no port is set (no scale). */
export function scaleConfigFromSettings(settings: SettingsReader, portOverride?: string): SerialScaleConfig | null {
  const port = (portOverride ?? settings.get('weighing.scalePort')).trim();
  if (!port) return null;
  return {
    port,
    format: settings.get('weighing.scaleFormat'),
    baudRate: settings.get('weighing.scaleBaudRate'),
    parity: settings.get('weighing.scaleParity'),
    dataBits: settings.get('weighing.scaleDataBits') === 7 ? 7 : 8,
    stopBits: settings.get('weighing.scaleStopBits') === 2 ? 2 : 1,
    weightUnit: settings.get('weighing.scaleWeightUnit'),
    stableCount: settings.get('weighing.scaleStableCount'),
    stableToleranceKg: settings.get('weighing.scaleStableToleranceKg'),
    settleMs: settings.get('weighing.scaleSettleMs'),
  };
}

/**
 * `core.scale` when the host runs the serial driver: a stable ScaleSource that delegates to the current driver
 * and rebuilds it when a `weighing.scale*` setting changes (`reconfigure()`). No port set → behaves as NO_SCALE
 * (status `not_configured`). Listeners stay subscribed across rebuilds.
 */
export class ScaleManager implements ScaleSource {
  private readonly slot = new DeviceSlot<ScaleSource, SerialScaleConfig, ScaleSnapshot>(NO_SCALE, 'scale');

  constructor(
    private readonly settings: SettingsReader,
    private readonly options: ScaleManagerOptions = {},
  ) {}

  /** Builds the driver from the settings now (call once the settings are loaded), or rebuilds it if they changed. */
  reconfigure(): void {
    const { create, portOverride, station, ...driverOptions } = this.options;
    const config = opensDevicePort('weighbridge', station?.() ?? null, portOverride) ? scaleConfigFromSettings(this.settings, portOverride) : null;
    if (this.slot.install(config, (c) => (create ? create(c) : new SerialScale(c, driverOptions)))) this.slot.emit(this.slot.current.snapshot());
  }

  snapshot(): ScaleSnapshot {
    return this.slot.current.snapshot();
  }

  stableWeight(): { kg: number; at: number } | null {
    return this.slot.current.stableWeight();
  }

  onChange(listener: (snapshot: ScaleSnapshot) => void): () => void {
    return this.slot.onChange(listener);
  }

  close(): Promise<void> {
    return this.slot.close();
  }
}

/**
 * Wires the core's scale: a ScaleManager is built from the settings and rebuilt on `settings.changed` for a
 * `weighing.scale*` key and on `installation.changed` (the station); every scale's changes go out on the topic `weighing.scale`, at most one message per
 * `minIntervalMs` (the latest snapshot wins). Returns the unwiring function (before `scale.close()`).
 */
export function wireScale(scale: ScaleSource, bus: TopicBus, clock: () => number, minIntervalMs = 250): () => void {
  const disposers: Array<() => void> = [];
  let lastAt = -Infinity;
  let pending: ScaleSnapshot | null = null;
  let timer: NodeJS.Timeout | null = null;
  const flush = () => {
    timer = null;
    if (!pending) return;
    const snapshot = pending;
    pending = null;
    lastAt = clock();
    bus.publish('weighing.scale', snapshot, lastAt);
  };
  disposers.push(
    scale.onChange((snapshot) => {
      pending = snapshot;
      if (timer) return;
      const wait = lastAt + minIntervalMs - clock();
      if (wait <= 0) flush();
      else {
        timer = setTimeout(flush, wait);
        timer.unref?.();
      }
    }),
  );
  disposers.push(() => {
    if (timer) clearTimeout(timer);
    timer = null;
  });
  if (scale instanceof ScaleManager) disposers.push(reconfigureOnSettings(bus, SCALE_SETTING_KEYS, () => scale.reconfigure()));
  return () => disposers.forEach((d) => d());
}
