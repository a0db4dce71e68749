import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Staff photos (挂牌上岗: badge cards and the staff board of each window), one per staff member. */
export class StaffPhoto1000000000016 implements MigrationInterface {
  name = 'StaffPhoto1000000000016';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'staff_photo',
        columns: [
          { name: 'staffId', type: 'integer', isPrimary: true },
          { name: 'mime', type: 'varchar', length: '20' },
          { name: 'base64', type: 'text' },
          { name: 'sizeBytes', type: 'integer' },
          { name: 'updatedAt', type: 'bigint' },
          { name: 'updatedBy', type: 'integer', isNullable: true },
        ],
        foreignKeys: [{ columnNames: ['staffId'], referencedTableName: 'staff', referencedColumnNames: ['id'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('staff_photo');
  }
}
