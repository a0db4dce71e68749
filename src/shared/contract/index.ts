import { authMethods } from './auth';
import { calendarMethods } from './calendar';
import { customerMethods } from './customers';
import type { AnyMethods } from './define';
import { invoiceMethods } from './invoices';
import { financeMethods } from './finance';
import { salesMethods } from './sales';
import { settingsMethods } from './settings';
import { slipsMethods } from './slips';
import { staffMethods } from './staff';
import { statementMethods } from './statements';
import { ticketsMethods } from './tickets';
import { systemMethods } from './system';
import { transportMethods } from './transport';
import { rosterMethods } from './roster';
import { gateMethods } from './gate';
import { scaleMethods } from './scale';
import { complaintsMethods } from './complaints';
import { dispatchMethods } from './dispatch';
import { qualityMethods } from './quality';
import { weighingMethods } from './weighing';
import { surveysMethods } from './surveys';
import { suggestionsMethods } from './suggestions';
import { evaluationMethods } from './evaluation';
import { dashboardMethods } from './dashboard';

export * from './define';

/** Merges per-area method maps, refusing a name defined twice. */
function compose<T extends AnyMethods[]>(...maps: T): UnionToIntersection<T[number]> {
  const out: AnyMethods = {};
  for (const map of maps) {
    for (const [name, def] of Object.entries(map)) {
      if (name in out) throw new Error(`Duplicate contract method: ${name}`);
      if (!/^[a-z]+\.[a-z][A-Za-z]+$/.test(name)) throw new Error(`Method name must be <area>.<verbNoun>: ${name}`);
      out[name] = def;
    }
  }
  return out as UnionToIntersection<T[number]>;
}
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** The one contract: every method the renderer (or an integration) can call. */
export const contract = compose(systemMethods, authMethods, ticketsMethods, slipsMethods, staffMethods, settingsMethods, salesMethods, customerMethods, calendarMethods, financeMethods, invoiceMethods, statementMethods, transportMethods, rosterMethods, gateMethods, scaleMethods, dispatchMethods, weighingMethods, qualityMethods, complaintsMethods, surveysMethods, suggestionsMethods, dashboardMethods, evaluationMethods);

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
