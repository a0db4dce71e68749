import { afterEach, describe, expect, it } from 'vitest';
import { AppMeta } from '../system/appMeta.entity';
import { testCore, type TestCore } from '../testing/testCore';

describe('Db.batch (the simulator bulk mode)', () => {
  let core: TestCore | undefined;
  afterEach(async () => core?.dispose());

  const put = (key: string) => (m: Parameters<Parameters<TestCore['db']['write']>[0]>[0]) => m.save(m.create(AppMeta, { key, value: 'x' }));
  const keys = async () => (await core!.dataSource.manager.find(AppMeta)).map((r) => r.key).filter((k) => k.startsWith('batch.')).sort();

  it('commits the writes of a batch together; a write that fails inside it undoes only its own rows', async () => {
    core = await testCore();
    await core.db.batch(async () => {
      await core!.db.write(put('batch.a'));
      await expect(
        core!.db.write(async (m) => {
          await put('batch.refused')(m);
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      await core!.db.write(put('batch.b'));
      expect(await core!.db.read((m) => m.countBy(AppMeta, { key: 'batch.a' }))).toBe(1);
    });
    expect(await keys()).toEqual(['batch.a', 'batch.b']);
  });

  it('rolls the whole batch back when its work throws', async () => {
    core = await testCore();
    await expect(
      core.db.batch(async () => {
        await core!.db.write(put('batch.c'));
        throw new Error('crash');
      }),
    ).rejects.toThrow('crash');
    expect(await keys()).toEqual([]);
  });
});
