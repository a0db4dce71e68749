import { CalendarDay } from '../calendar/calendarDay.entity';
import { NumberSeries } from '../documents/numberSeries.entity';
import { EventLogEntry } from '../events/eventLog.entity';
import { InvoiceRequest, InvoiceStockMovement, InvoiceStockNotice } from '../finance/invoice.entity';
import { LedgerEntry } from '../finance/ledgerEntry.entity';
import { Payment, PaymentReversal } from '../finance/payment.entity';
import { Refund } from '../finance/refund.entity';
import { Remittance, RemittanceCheck } from '../finance/remittance.entity';
import { Statement } from '../finance/statement.entity';
import { Customer } from '../sales/customer.entity';
import { CustomerDocument } from '../sales/customerDocument.entity';
import { PlanSlip } from '../sales/planSlip.entity';
import { Price } from '../sales/price.entity';
import { Product } from '../sales/product.entity';
import { SettingRow } from '../settings/setting.entity';
import { Staff } from '../staff/staff.entity';
import { AppMeta } from '../system/appMeta.entity';
import { ServiceTicket } from '../tickets/ticket.entity';

import { Coordinator } from '../service/coordinator.entity';
import { DutyEntry } from '../service/dutyEntry.entity';
import { NoAuthorizationCase } from '../transport/noAuthorizationCase.entity';
import { TransportAuthorization } from '../transport/transportAuthorization.entity';
import { BoardNotice, ExitCheck, JourneySeal, QueueAlert, ReleasePace } from '../gate/gate.entities';
import { TruckJourney } from '../journey/truckJourney.entity';
import { SurveyResponse } from '../service/surveys/surveyResponse.entity';
import { SuggestionBox, SuggestionItem, SuggestionOpening } from '../service/suggestions/suggestion.entities';
/** Every entity class; later areas add theirs here. */
export const ENTITIES = [Staff, SettingRow, AppMeta, EventLogEntry, Product, Price, Customer, LedgerEntry, NumberSeries, CalendarDay, CustomerDocument, ServiceTicket, PlanSlip, Payment, PaymentReversal, Remittance, RemittanceCheck, Refund, InvoiceRequest, InvoiceStockMovement, InvoiceStockNotice, Statement, TransportAuthorization, NoAuthorizationCase, DutyEntry, Coordinator, TruckJourney, JourneySeal, ExitCheck, BoardNotice, QueueAlert, ReleasePace, SurveyResponse, SuggestionBox, SuggestionOpening, SuggestionItem];
