import type { Role } from '../../shared/roles';
import type { CustomerClass, CustomerType } from '../sales/customer.entity';
import type { Packaging } from '../sales/product.entity';

/** The demo plant's people, products and customers: plain data, seeded by seedDemo.ts. */
export const DEMO_PLANT_NAME = '东岭水泥有限公司';

export const DEMO_STAFF: { staffNo: string; name: string; role: Role; pin: string; post: string; badgeNo: string; phone: string }[] = [
  { staffNo: 'D001', name: '王芳', role: 'sales_clerk', pin: '1001', post: '销售窗口开票员', badgeNo: 'XS-01', phone: '0371-6000101' },
  { staffNo: 'D002', name: '李娜', role: 'finance_clerk', pin: '1002', post: '销售会计', badgeNo: 'CW-01', phone: '0371-6000102' },
  { staffNo: 'D003', name: '张伟', role: 'gatekeeper', pin: '1003', post: '门卫', badgeNo: 'MW-01', phone: '0371-6000103' },
  { staffNo: 'D004', name: '刘洋', role: 'weighbridge_operator', pin: '1004', post: '司磅员', badgeNo: 'SB-01', phone: '0371-6000104' },
  { staffNo: 'D005', name: '陈静', role: 'dispatch_clerk', pin: '1005', post: '发货员', badgeNo: 'FH-01', phone: '0371-6000105' },
  { staffNo: 'D006', name: '杨磊', role: 'quality_clerk', pin: '1006', post: '质控员', badgeNo: 'ZK-01', phone: '0371-6000106' },
  { staffNo: 'D007', name: '赵敏', role: 'supervisor', pin: '1007', post: '销售处考评组', badgeNo: 'KP-01', phone: '0371-6000107' },
  { staffNo: 'D008', name: '周强', role: 'admin', pin: '1008', post: '系统管理员', badgeNo: 'GL-01', phone: '0371-6000108' },
];

/** Prices in fen per tonne. */
export const DEMO_PRODUCTS: { code: string; grade: string; packaging: Packaging; bagWeightKg: number | null; priceFenPerTonne: number }[] = [
  { code: 'PO425-D', grade: 'P.O 42.5', packaging: 'bagged', bagWeightKg: 50, priceFenPerTonne: 420_00 },
  { code: 'PO425-S', grade: 'P.O 42.5', packaging: 'bulk', bagWeightKg: null, priceFenPerTonne: 395_00 },
  { code: 'PC325R-D', grade: 'P.C 32.5R', packaging: 'bagged', bagWeightKg: 50, priceFenPerTonne: 360_00 },
  { code: 'PC325R-S', grade: 'P.C 32.5R', packaging: 'bulk', bagWeightKg: null, priceFenPerTonne: 338_00 },
];

const PLACES = ['郑州', '新郑', '荥阳', '中牟', '登封', '巩义', '新密', '尉氏', '长葛', '禹州'];
const KINDS: { suffix: string; type: CustomerType }[] = [
  { suffix: '建材经销部', type: 'dealer' },
  { suffix: '商品混凝土有限公司', type: 'ready_mix' },
  { suffix: '建筑工程有限公司', type: 'project' },
  { suffix: '水泥门市部', type: 'retail' },
];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高'];
const GIVEN = ['建国', '海燕', '志强', '秀兰', '军', '丽', '伟', '敏', '磊', '静'];
const CLASSES: CustomerClass[] = ['A', 'B', 'B', 'C', 'C', 'C', 'D'];

export interface DemoCustomer {
  code: string;
  name: string;
  type: CustomerType;
  contactName: string;
  phone: string;
  taxId: string;
  customerClass: CustomerClass;
  creditLimitFen: number;
  openingBalanceFen: number;
}

/** 30 customers, deterministic so screenshots and tests see the same plant every time. */
export function demoCustomers(): DemoCustomer[] {
  return Array.from({ length: 30 }, (_, i) => {
    const kind = KINDS[i % KINDS.length];
    const customerClass = CLASSES[i % CLASSES.length];
    const tonnes = ((i * 37) % 90) * 10 + 60; // 60–950 t worth of funds
    return {
      code: `C${String(i + 1).padStart(4, '0')}`,
      name: `${PLACES[i % PLACES.length]}${['鑫', '宏', '盛', '恒', '顺', '瑞'][i % 6]}${['达', '源', '丰', '泰', '安'][i % 5]}${kind.suffix}`,
      type: kind.type,
      contactName: `${SURNAMES[i % SURNAMES.length]}${GIVEN[i % GIVEN.length]}`,
      phone: `13${String(800000000 + i * 7919).slice(0, 9)}`,
      taxId: `91410100MA${String(10000000 + i * 131).slice(0, 8)}`,
      customerClass,
      creditLimitFen: customerClass === 'A' ? 200_000_00 : customerClass === 'B' ? 50_000_00 : 0,
      openingBalanceFen: tonnes * 400_00,
    };
  });
}
