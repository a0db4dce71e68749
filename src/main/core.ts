import type { DataSource } from 'typeorm';
import { openDatabase, type DatabaseConfig } from './db/dataSource';
import { Db } from './db/db';
import { TopicBus } from './events/bus';
import { createDispatch, type Dispatch } from './rpc/dispatch';
import { allHandlers } from './rpc/handlers';
import { SettingsService } from './settings/settingsService';
import { SessionStore } from './staff/sessions';
import { Installation } from './system/installation';
import type { Station } from '../shared/roles';
import { NO_SCALE, type ScaleSource } from './weighing/scale/scaleSource';
import { ScaleManager, wireScale } from './weighing/scale/scaleManager';
import { NO_BAG_COUNTER, wireBagCounter, type BagCounterSource } from './dispatch/counter/bagCounterSource';
import { BagCounterManager, wireCounterSettings } from './dispatch/counter/counterManager';

export interface CoreConfig {
  database: DatabaseConfig;
  /** Folder for local files: installation.json, print copies, attachments. */
  dataDir: string;
  appVersion: string;
  /** Fixes the station (e.g. `--station gate`); otherwise it is read from the data folder. */
  station?: Station;
  /** Test hook: the core's clock. */
  clock?: () => number;
  /** The weighbridge scale (the serial indicator driver, or a fake in tests); none when omitted. */
  scale?: ScaleSource;
  /** The hosts: run the serial indicator driver configured by the `weighing.scale*` settings (rebuilt when they change); `scale` wins. */
  serialScale?: { portOverride?: string };
  /** The packing machines' bag counters (a driver, or the simulator); the clerk's buttons only when omitted. */
  bagCounter?: BagCounterSource;
  /** The hosts: run the serial bag counter driver configured by the `dispatch.counter*` settings (rebuilt when they change); `bagCounter` wins. */
  serialBagCounter?: { portOverride?: string };
}

export interface CoreServices {
  db: Db;
  bus: TopicBus;
  sessions: SessionStore;
  settings: SettingsService;
  installation: Installation;
  clock: () => number;
  scale: ScaleSource;
  bagCounter: BagCounterSource;
  config: CoreConfig;
}

export interface Core extends CoreServices {
  dispatch: Dispatch;
  dataSource: DataSource;
  close(): Promise<void>;
}

/** Opens the database (migrating it) and wires the services and the dispatcher. Used by Electron, headless and tests. */
export async function createCore(config: CoreConfig): Promise<Core> {
  const dataSource = await openDatabase(config.database);
  const services: CoreServices = {
    db: new Db(dataSource),
    bus: new TopicBus(),
    sessions: new SessionStore(),
    settings: new SettingsService(),
    installation: new Installation(config.dataDir, config.station),
    clock: config.clock ?? Date.now,
    scale: config.scale ?? NO_SCALE,
    bagCounter: config.bagCounter ?? NO_BAG_COUNTER,
    config,
  };
  await services.db.read((m) => services.settings.load(m));
  if (!config.scale && config.serialScale) services.scale = new ScaleManager(services.settings, { clock: services.clock, portOverride: config.serialScale.portOverride, station: () => services.installation.station() });
  const unwireScale = wireScale(services.scale, services.bus, services.clock);
  if (!config.bagCounter && config.serialBagCounter) services.bagCounter = new BagCounterManager(services.settings, { clock: services.clock, portOverride: config.serialBagCounter.portOverride, station: () => services.installation.station() });
  const unwireCounterSettings = wireCounterSettings(services.bagCounter, services.bus);
  const unwireCounter = wireBagCounter(services.bagCounter, services.bus, services.clock);
  const dispatch = createDispatch(services, allHandlers());
  const close = async () => {
    unwireScale();
    unwireCounter();
    unwireCounterSettings();
    await services.scale.close();
    await services.bagCounter.close();
    await services.db.close();
  };
  return { ...services, dispatch, dataSource, close };
}
