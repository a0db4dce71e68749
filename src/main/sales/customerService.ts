import type { EntityManager } from 'typeorm';
import type { CustomerDetailDto, CustomerFileDto } from '../../shared/contract/customers';
import { AppError } from '../../shared/errors';
import { appendEvent, type Actor } from '../events/appendEvent';
import { balanceOf } from '../finance/ledger';
import { LedgerEntry } from '../finance/ledgerEntry.entity';
import { Customer, type CustomerClass, type CustomerType } from './customer.entity';

export interface CustomerFields {
  code: string;
  name: string;
  type: CustomerType;
  contactName: string;
  phone: string;
  taxId: string;
  address: string;
  note: string;
  customerClass: CustomerClass;
  status: 'active' | 'suspended';
  creditLimitFen: number;
}

export function toCustomerFileDto(c: Customer): CustomerFileDto {
  return {
    id: c.id,
    code: c.code,
    name: c.name,
    pinyinInitials: c.pinyinInitials,
    type: c.type,
    contactName: c.contactName,
    phone: c.phone,
    taxId: c.taxId,
    address: c.address,
    note: c.note,
    customerClass: c.customerClass,
    creditLimitFen: c.creditLimitFen,
    status: c.status,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

export async function getCustomerRow(m: EntityManager, id: number): Promise<Customer> {
  const customer = await m.findOneBy(Customer, { id });
  if (!customer) throw new AppError('NOT_FOUND', 'errors.customerNotFound', { id });
  return customer;
}

async function codeIsFree(m: EntityManager, code: string, exceptId: number | null): Promise<void> {
  const other = await m.findOneBy(Customer, { code });
  if (other && other.id !== exceptId) {
    throw new AppError('CONFLICT', 'errors.customerCodeTaken', { code }, [{ path: 'code', message: 'errors.customerCodeTaken', params: { code } }]);
  }
}

export async function createCustomer(m: EntityManager, actor: Actor, fields: CustomerFields): Promise<Customer> {
  await codeIsFree(m, fields.code, null);
  const customer = await m.save(m.create(Customer, { ...fields, createdAt: actor.at, updatedAt: actor.at }));
  await appendEvent(m, actor, { type: 'sales.customerCreated', docType: 'customer', docId: customer.id, payload: { ...toCustomerFileDto(customer) } });
  return customer;
}

export async function updateCustomer(m: EntityManager, actor: Actor, id: number, fields: CustomerFields): Promise<Customer> {
  const customer = await getCustomerRow(m, id);
  await codeIsFree(m, fields.code, id);
  const before = toCustomerFileDto(customer);
  Object.assign(customer, fields, { updatedAt: actor.at });
  await m.save(customer);
  const after = toCustomerFileDto(customer);
  const changed = (Object.keys(after) as (keyof CustomerFileDto)[]).filter((k) => k !== 'updatedAt' && before[k] !== after[k]);
  await appendEvent(m, actor, { type: 'sales.customerUpdated', docType: 'customer', docId: id, payload: { code: customer.code, changed, before, after } });
  return customer;
}

/** The customer's file with funds read from the ledger (no lock: a look, not a reservation) and the latest lines. */
export async function customerDetail(m: EntityManager, id: number, ledgerLines: number): Promise<CustomerDetailDto> {
  const customer = await getCustomerRow(m, id);
  const balanceFen = await balanceOf(m, id);
  const lines = ledgerLines
    ? await m.find(LedgerEntry, { where: { customerId: id }, order: { at: 'DESC', id: 'DESC' }, take: ledgerLines })
    : [];
  return {
    ...toCustomerFileDto(customer),
    funds: { balanceFen, creditLimitFen: customer.creditLimitFen, availableFen: balanceFen + customer.creditLimitFen },
    recentLedger: lines.map((l) => ({ id: l.id, at: l.at, kind: l.kind, amountFen: l.amountFen, docType: l.docType, docId: l.docId, note: l.note })),
  };
}
