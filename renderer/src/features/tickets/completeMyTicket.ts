import type { CounterName } from '../../../../src/shared/contract/tickets';
import { call } from '../../api';

/**
 * Closes the ticket this clerk has called at the counter, once its document is printed (the wait ends here).
 * Does nothing when no ticket is called (a walk-in served without a number). The finance screen calls it with
 * `('finance', 'receipt', receiptNo)` after a receipt prints.
 */
export async function completeMyTicket(counter: CounterName, docType: 'planSlip' | 'receipt', docNo: string): Promise<boolean> {
  const mine = await call('tickets.mine', { counter });
  if (!mine) return false;
  await call('tickets.complete', { ticketId: mine.id, docType, docNo });
  return true;
}
