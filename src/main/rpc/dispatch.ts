import type { ZodError } from 'zod';
import { contract, isMethodName, type Access, type MethodName } from '../../shared/contract';
import { AppError, type FieldIssue, type RpcResult } from '../../shared/errors';
import { fieldIssuesFromZod } from '../../shared/fieldIssues';
import type { Role } from '../../shared/roles';
import type { TopicName, TopicPayloads } from '../../shared/topics';
import type { Session } from '../staff/sessions';
import type { CallContext, Handler } from './context';
import type { CoreServices } from '../core';
import { CommittedRefusal } from './refusal';

export type Dispatch = (method: string, input: unknown, token?: string) => Promise<RpcResult<unknown>>;

export function zodFields(error: ZodError): FieldIssue[] {
  return fieldIssuesFromZod(error.issues);
}

export function allows(access: Access, role: Role | undefined): boolean {
  if (access === 'public') return true;
  if (!role) return false;
  return access === 'signedIn' || access.includes(role);
}

/**
 * Finds the method and checks the caller may call it (session, then role), before any input is read.
 * Throws NOT_FOUND, UNAUTHENTICATED or FORBIDDEN.
 */
export function authorize(core: CoreServices, method: string, token: string | undefined, now = core.clock()) {
  if (!isMethodName(method)) throw new AppError('NOT_FOUND', 'errors.unknownMethod', { method });
  const def = contract[method];
  const session = core.sessions.touch(token, now, core.settings.get('security.sessionIdleMinutes') * 60_000);
  if (def.access !== 'public' && !session) throw new AppError('UNAUTHENTICATED', 'errors.unauthenticated');
  if (!allows(def.access, session?.role)) throw new AppError('FORBIDDEN', 'errors.forbidden', { method });
  return { method: method as MethodName, def, session };
}

/**
 * The one entry point for every transport (IPC, HTTP, tests): look up the method, check the session and the role,
 * validate the input, run the handler (writes in one transaction through the queue), publish topics after commit.
 * Errors come back as data with a stable code; unknown exceptions become INTERNAL and are logged with their stack.
 */
export function createDispatch(core: CoreServices, handlers: { [K in MethodName]: Handler<K> }): Dispatch {
  return async (method, input, token) => {
    try {
      const now = core.clock();
      const { def, session } = authorize(core, method, token, now);
      const parsed = def.input.safeParse(input ?? {});
      if (!parsed.success) throw new AppError('VALIDATION', 'errors.validation', undefined, zodFields(parsed.error));

      const topics: Array<[TopicName, unknown]> = [];
      const hooks: Array<() => void> = [];
      const ctx = buildContext(core, session, token, now, topics, hooks);
      const handler = handlers[method as MethodName] as Handler<MethodName>;
      // A refusal that must still commit (e.g. counting a wrong PIN) travels out of the transaction as a value.
      const run = (m: Parameters<Handler<MethodName>>[2]) =>
        handler(parsed.data as never, ctx, m).catch((e: unknown) => {
          if (e instanceof CommittedRefusal) return e;
          throw e;
        });
      const value = def.kind === 'write' ? await core.db.write(run) : await core.db.read(run);
      for (const hook of hooks) hook();
      for (const [topic, payload] of topics) core.bus.publish(topic, payload as TopicPayloads[TopicName]);
      if (value instanceof CommittedRefusal) throw value.error;
      return { ok: true, value };
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: err.toRpcError() };
      console.error(`[dispatch] ${method} failed`, err);
      return { ok: false, error: { code: 'INTERNAL', message: 'errors.internal' } };
    }
  };
}

function buildContext(
  core: CoreServices,
  session: Session | undefined,
  token: string | undefined,
  now: number,
  topics: Array<[TopicName, unknown]>,
  hooks: Array<() => void>,
): CallContext {
  return {
    session: session ?? null,
    token,
    core,
    actor: { staffId: session?.staffId ?? null, station: session?.station ?? core.installation.station(), at: now },
    publish: (topic, payload) => topics.push([topic, payload]),
    afterCommit: (fn) => hooks.push(fn),
  };
}
