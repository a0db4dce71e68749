import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** The gate's release pace reads the latest release (`MAX(releasedAt)`) on every release: an index, not a scan of years of trucks. */
export class ReleaseIndex1000000000018 implements MigrationInterface {
  name = 'ReleaseIndex1000000000018';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('truck_journey', new TableIndex({ name: 'idx_truck_journey_released', columnNames: ['releasedAt'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('truck_journey', 'idx_truck_journey_released');
  }
}
