import { z } from 'zod';
import { method } from './define';
import type { CustomerDto, PageDto, ProductDto } from '../dto';

const counterStaff = ['sales_clerk', 'finance_clerk', 'supervisor', 'admin'] as const;

export const salesMethods = {
  'sales.listProducts': method<ProductDto[]>()({
    input: z.object({}).strict(),
    access: 'signedIn',
    kind: 'read',
    summary: 'Products (grade, bagged or bulk) with the list price in force now.',
  }),
  'sales.listCustomers': method<PageDto<CustomerDto>>()({
    input: z
      .object({
        query: z.string().trim().max(40).default(''),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    access: counterStaff,
    kind: 'read',
    summary: 'Customers matching a code, name or phone fragment, with their funds balance from the ledger.',
  }),
};
