import { calendarHandlers } from '../calendar/handlers';
import { invoiceHandlers } from '../finance/invoiceHandlers';
import { statementHandlers } from '../finance/statementHandlers';
import { financeHandlers } from '../finance/handlers';
import { customerHandlers } from '../sales/customerHandlers';
import { salesHandlers } from '../sales/handlers';
import { settingsHandlers } from '../settings/handlers';
import { authHandlers, staffHandlers } from '../staff/handlers';
import { systemHandlers } from '../system/handlers';
import { slipHandlers } from '../sales/slipHandlers';
import { ticketsHandlers } from '../tickets/handlers';
import { serviceHandlers } from '../service/handlers';
import { transportHandlers } from '../transport/handlers';
import { gateHandlers } from '../gate/handlers';
import { scaleHandlers } from '../weighing/scale/handlers';
import { complaintHandlers } from '../service/complaints/handlers';
import { dispatchHandlers } from '../dispatch/handlers';
import { qualityHandlers } from '../quality/handlers';
import { weighingHandlers } from '../weighing/handlers';
import { surveysHandlers } from '../service/surveys/handlers';
import { suggestionsHandlers } from '../service/suggestions/handlers';
import { dashboardHandlers } from '../service/dashboard/handlers';
import { evaluationHandlers } from '../evaluation/handlers';
import { registerHandlers } from './registry';

/** Every area's handlers; later areas add their map here. */
export function allHandlers() {
  return registerHandlers(systemHandlers, authHandlers, ticketsHandlers, slipHandlers, staffHandlers, settingsHandlers, salesHandlers, customerHandlers, calendarHandlers, financeHandlers, invoiceHandlers, statementHandlers, transportHandlers, serviceHandlers, gateHandlers, scaleHandlers, dispatchHandlers, weighingHandlers, qualityHandlers, complaintHandlers, surveysHandlers, suggestionsHandlers, evaluationHandlers, dashboardHandlers);
}
