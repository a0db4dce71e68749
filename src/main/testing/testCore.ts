import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SessionDto } from '../../shared/dto';
import type { Role } from '../../shared/roles';
import { createCore, type Core } from '../core';
import type { BagCounterSource } from '../dispatch/counter/bagCounterSource';
import type { ScaleSource } from '../weighing/scale/scaleSource';

export interface TestCore extends Core {
  dir: string;
  dbFile: string;
  /** Calls a method and returns its value, failing the test with the error if it was refused. */
  ok<T = unknown>(method: string, input: unknown, token?: string): Promise<T>;
  /** First-start set-up: admin A001 / PIN 1234, returns the admin's session. */
  setup(): Promise<SessionDto>;
  /** Creates a staff member with the role and PIN 1111 and signs them in. */
  signInAs(role: Role, staffNo?: string): Promise<SessionDto>;
  dispose(): Promise<void>;
}

/** A core on a real SQLite file in a fresh temp folder. */
export async function testCore(opts: { clock?: () => number; bagCounter?: BagCounterSource; scale?: ScaleSource } = {}): Promise<TestCore> {
  const dir = mkdtempSync(join(tmpdir(), 'dd-test-'));
  const dbFile = join(dir, 'dispatchdesk.sqlite');
  const core = await createCore({ database: { engine: 'sqlite', file: dbFile }, dataDir: dir, appVersion: 'test', clock: opts.clock, bagCounter: opts.bagCounter, scale: opts.scale });
  let admin: SessionDto | undefined;
  const ok = async <T>(method: string, input: unknown, token?: string): Promise<T> => {
    const r = await core.dispatch(method, input, token);
    if (!r.ok) throw new Error(`${method} refused: ${JSON.stringify(r.error)}`);
    return r.value as T;
  };
  const setup = async () =>
    (admin = await ok<SessionDto>('system.setupAdmin', { plantName: '测试水泥厂', staffNo: 'A001', name: '管理员', pin: '1234', station: 'office' }));
  return {
    ...core,
    dir,
    dbFile,
    ok,
    setup,
    async signInAs(role, staffNo = `T${Math.floor(Math.random() * 1e6)}`) {
      if (!admin) await setup();
      await ok('staff.create', { staffNo, pin: '1111', name: `员工${staffNo}`, role }, admin!.token);
      return ok<SessionDto>('auth.signIn', { staffNo, pin: '1111' });
    },
    async dispose() {
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
