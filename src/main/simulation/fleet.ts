import { idCardCheckChar } from '../../shared/validators/idCard';
import type { Random } from './random';

/** A truck of the carriers that serve the plant, with its own empty weight and its usual driver. */
export interface FleetTruck {
  plate: string;
  tareKg: number;
  driverName: string;
  driverPhone: string;
  driverIdNo: string;
  carrier: string;
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭'];
const GIVEN = ['建军', '志刚', '永强', '海涛', '国庆', '卫东', '红旗', '明', '勇', '斌', '鹏', '杰'];
const CITIES = ['A', 'B', 'C', 'D', 'F', 'G', 'H', 'K'];
const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const CARRIERS = ['郑州通达物流', '新郑顺捷运输', '荥阳宏远车队', '中牟安达货运'];

/** `size` trucks, deterministic for the random source: 豫 plates, tares of 12–18 t, valid driver ID numbers. */
export function buildFleet(random: Random, size: number): FleetTruck[] {
  const plates = new Set<string>();
  const fleet: FleetTruck[] = [];
  while (fleet.length < size) {
    const plate = `豫${random.pick(CITIES)}${LETTERS[random.int(0, LETTERS.length - 1)]}${String(random.int(0, 9999)).padStart(4, '0')}`;
    if (plates.has(plate)) continue;
    plates.add(plate);
    const birth = `19${random.int(60, 99)}${String(random.int(1, 12)).padStart(2, '0')}${String(random.int(1, 28)).padStart(2, '0')}`;
    const first17 = `410100${birth}${String(random.int(0, 999)).padStart(3, '0')}`;
    fleet.push({
      plate,
      tareKg: random.int(12_000, 18_000),
      driverName: `${random.pick(SURNAMES)}${random.pick(GIVEN)}`,
      driverPhone: `13${random.int(0, 9)}${String(random.int(0, 99_999_999)).padStart(8, '0')}`,
      driverIdNo: first17 + idCardCheckChar(first17),
      carrier: random.pick(CARRIERS),
    });
  }
  return fleet;
}
