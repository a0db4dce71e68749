import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { appendOnlyGuards, dropAppendOnlyGuards } from '../dialect';
import { idColumn } from './columns';

const int = (name: string, nullable = false) => ({ name, type: 'integer', isNullable: nullable });
const big = (name: string, nullable = false) => ({ name, type: 'bigint', isNullable: nullable });

/** The quality desk (packing machines are `loading_point` rows of migration 0012, referenced by id without a foreign key): cement batches, quality certificates, certificates of conformity, calibrations, bag spot checks, spray-code checks. */
export class QualityDesk1000000000011 implements MigrationInterface {
  name = 'QualityDesk1000000000011';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'cement_batch',
        columns: [
          idColumn,
          { name: 'batchNumber', type: 'varchar', length: '30', isUnique: true },
          int('productId'),
          { name: 'productionDate', type: 'varchar', length: '10' },
          int('compressive3dTenths', true),
          int('flexural3dTenths', true),
          int('compressive28dTenths', true),
          int('flexural28dTenths', true),
          int('initialSettingMinutes', true),
          int('finalSettingMinutes', true),
          int('specificSurfaceM2PerKg', true),
          int('so3Hundredths', true),
          int('mgoHundredths', true),
          int('lossOnIgnitionHundredths', true),
          { name: 'soundness', type: 'varchar', length: '4', isNullable: true },
          big('createdAt'),
          int('createdBy', true),
          big('updatedAt'),
        ],
        foreignKeys: [{ columnNames: ['productId'], referencedTableName: 'product', referencedColumnNames: ['id'] }],
      }),
    );
    await q.createIndex('cement_batch', new TableIndex({ name: 'idx_cement_batch_date', columnNames: ['productionDate'] }));

    await q.createTable(
      new Table({
        name: 'quality_certificate',
        columns: [
          idColumn,
          { name: 'number', type: 'varchar', length: '30', isUnique: true },
          int('customerId'),
          int('batchId'),
          int('quantityKg', true),
          big('issuedAt'),
          int('issuedBy', true),
          int('reissueOf', true),
          { name: 'reissueReason', type: 'varchar', length: '200', isNullable: true },
          int('overrideBy', true),
        ],
        foreignKeys: [
          { columnNames: ['customerId'], referencedTableName: 'customer', referencedColumnNames: ['id'] },
          { columnNames: ['batchId'], referencedTableName: 'cement_batch', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await q.createIndex('quality_certificate', new TableIndex({ name: 'idx_quality_certificate_pair', columnNames: ['customerId', 'batchId'] }));
    await q.createIndex('quality_certificate', new TableIndex({ name: 'idx_quality_certificate_issued', columnNames: ['issuedAt'] }));
    await appendOnlyGuards(q, 'quality_certificate');

    await q.createTable(
      new Table({
        name: 'conformity_certificate',
        columns: [
          idColumn,
          { name: 'number', type: 'varchar', length: '30', isUnique: true },
          { name: 'ticketNumber', type: 'varchar', length: '30', isUnique: true },
          int('journeyId'),
          int('batchId'),
          int('productId'),
          int('netKg'),
          big('weighedAt'),
          big('issuedAt'),
          int('issuedBy', true),
          { name: 'printCount', type: 'integer', default: 1 },
        ],
        foreignKeys: [
          { columnNames: ['journeyId'], referencedTableName: 'truck_journey', referencedColumnNames: ['id'] },
          { columnNames: ['batchId'], referencedTableName: 'cement_batch', referencedColumnNames: ['id'] },
          { columnNames: ['productId'], referencedTableName: 'product', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await q.createIndex('conformity_certificate', new TableIndex({ name: 'idx_conformity_issued', columnNames: ['issuedAt'] }));

    await q.createTable(
      new Table({
        name: 'packing_calibration',
        columns: [idColumn, int('machineId'), { name: 'machineCode', type: 'varchar', length: '20' }, big('calibratedAt'), int('recordedBy', true), { name: 'note', type: 'varchar', length: '200', default: "''" }],
      }),
    );
    await q.createIndex('packing_calibration', new TableIndex({ name: 'idx_packing_calibration_machine', columnNames: ['machineId', 'calibratedAt'] }));
    await appendOnlyGuards(q, 'packing_calibration');

    await q.createTable(
      new Table({
        name: 'bag_spot_check',
        columns: [
          idColumn,
          int('machineId'), { name: 'machineCode', type: 'varchar', length: '20' },
          { name: 'reason', type: 'varchar', length: '12' },
          int('calibrationId', true),
          { name: 'shiftDay', type: 'varchar', length: '10' },
          int('shiftIndex'),
          { name: 'shiftLabel', type: 'varchar', length: '5' },
          big('checkedAt'),
          int('checkedBy', true),
          int('markedKg'),
          { name: 'bagGrams', type: 'text' },
          int('totalGrams'),
          int('bagMinGrams'),
          int('minTotalGrams'),
          { name: 'lightBags', type: 'text' },
          { name: 'passed', type: 'boolean' },
          { name: 'note', type: 'varchar', length: '200', default: "''" },
        ],
        foreignKeys: [{ columnNames: ['calibrationId'], referencedTableName: 'packing_calibration', referencedColumnNames: ['id'] }],
      }),
    );
    await q.createIndex('bag_spot_check', new TableIndex({ name: 'idx_bag_spot_check_machine', columnNames: ['machineId', 'checkedAt'] }));
    await q.createIndex('bag_spot_check', new TableIndex({ name: 'idx_bag_spot_check_shift', columnNames: ['shiftDay', 'shiftIndex'] }));
    await q.createIndex('bag_spot_check', new TableIndex({ name: 'idx_bag_spot_check_at', columnNames: ['checkedAt'] }));
    await appendOnlyGuards(q, 'bag_spot_check');

    await q.createTable(
      new Table({
        name: 'spray_code_check',
        columns: [
          idColumn,
          int('machineId'), { name: 'machineCode', type: 'varchar', length: '20' },
          big('checkedAt'),
          int('checkedBy', true),
          { name: 'ok', type: 'boolean' },
          { name: 'codeText', type: 'varchar', length: '60', default: "''" },
          { name: 'note', type: 'varchar', length: '200', default: "''" },
        ],
      }),
    );
    await q.createIndex('spray_code_check', new TableIndex({ name: 'idx_spray_code_check_machine', columnNames: ['machineId', 'checkedAt'] }));
    await q.createIndex('spray_code_check', new TableIndex({ name: 'idx_spray_code_check_at', columnNames: ['checkedAt'] }));
    await appendOnlyGuards(q, 'spray_code_check');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['spray_code_check', 'bag_spot_check', 'packing_calibration']) await dropAppendOnlyGuards(q, t);
    await q.dropTable('spray_code_check');
    await q.dropTable('bag_spot_check');
    await q.dropTable('packing_calibration');
    await q.dropTable('conformity_certificate');
    await dropAppendOnlyGuards(q, 'quality_certificate');
    await q.dropTable('quality_certificate');
    await q.dropTable('cement_batch');
  }
}
