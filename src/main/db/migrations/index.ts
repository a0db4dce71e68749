import { Foundation1000000000001 } from './0001-foundation';
import { PlantCatalog1000000000002 } from './0002-plant-catalog';
import { DocumentsCalendar1000000000003 } from './0003-documents-calendar';
import { Customers1000000000004 } from './0004-customers';
import { InvoicesStatements1000000000008 } from './0008-invoices-statements';
import { FinanceWindow1000000000005 } from './0005-finance-window';
import { TicketsSlips1000000000006 } from './0006-tickets-slips';
import { Authorizations1000000000007 } from './0007-authorizations';
import { GateJourneys1000000000009 } from './0009-gate-journeys';
import { Complaints1000000000013 } from './0013-complaints';
import { DispatchLoading1000000000012 } from './0012-dispatch-loading';
import { QualityDesk1000000000011 } from './0011-quality-desk';
import { Weighing1000000000010 } from './0010-weighing';

import { SurveysSuggestions1000000000014 } from './0014-surveys-suggestions';
import { StaffPhoto1000000000016 } from './0016-staff-photo';
import { Evaluation1000000000015 } from './0015-evaluation';
import { CustomerBalance1000000000017 } from './0017-customer-balance';
import { ReleaseIndex1000000000018 } from './0018-release-index';
/**
 * Every migration, in order; names end in their sequence number (TypeORM wants a number suffix).
 * Classes, not globs: globs do not survive bundling.
 */
export const MIGRATIONS = [Foundation1000000000001, PlantCatalog1000000000002, DocumentsCalendar1000000000003, Customers1000000000004, FinanceWindow1000000000005, TicketsSlips1000000000006, Authorizations1000000000007, InvoicesStatements1000000000008, GateJourneys1000000000009, Weighing1000000000010, QualityDesk1000000000011, DispatchLoading1000000000012, Complaints1000000000013, SurveysSuggestions1000000000014, Evaluation1000000000015, StaffPhoto1000000000016, CustomerBalance1000000000017, ReleaseIndex1000000000018];
