import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { AppError, HTTP_STATUS, type RpcResult } from '../../shared/errors';
import { TOPICS, type TopicName } from '../../shared/topics';
import type { Core } from '../core';
import { allows, authorize } from '../rpc/dispatch';
import { describeApi } from '../rpc/describe';
import { serveStatic } from './staticFiles';

const MAX_BODY = 8 * 1024 * 1024; // an attachment of 5 MB travels as base64 in JSON

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function sendResult(res: ServerResponse, result: RpcResult<unknown>): void {
  sendJson(res, result.ok ? 200 : HTTP_STATUS[result.error.code], result);
}

function bearer(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7).trim() || undefined : undefined;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const validation = (message: string): RpcResult<never> => ({
  ok: false,
  error: { code: 'VALIDATION', message, fields: [{ path: '(body)', message }] },
});

/** POST /api/<method>: JSON in, the RpcResult out, with the HTTP status of its error code. */
async function handleCall(core: Core, method: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let raw: string;
  try {
    raw = await readBody(req);
  } catch {
    return sendResult(res, validation('errors.bodyTooLarge'));
  }
  let input: unknown = {};
  if (raw.trim()) {
    try {
      input = JSON.parse(raw);
    } catch {
      // Access is checked before input everywhere: a malformed body from someone signed out is still a 401.
      try {
        authorize(core, method, bearer(req));
      } catch (err) {
        if (err instanceof AppError) return sendResult(res, { ok: false, error: err.toRpcError() });
        throw err;
      }
      return sendResult(res, validation('errors.malformedJson'));
    }
  }
  sendResult(res, await core.dispatch(method, input, bearer(req)));
}

/**
 * GET /api/events?topics=a,b&token=…: Server-Sent Events, one `message` per topic message (JSON). Topics the caller
 * may not receive are left out and named in a `refused` event; with none left the answer is 401/403.
 */
function handleEvents(core: Core, url: URL, req: IncomingMessage, res: ServerResponse): void {
  const topics = (url.searchParams.get('topics') ?? '').split(',').filter(Boolean);
  const unknown = topics.filter((t) => !(t in TOPICS));
  if (!topics.length || unknown.length) return sendResult(res, validation('errors.unknownTopic'));
  const token = url.searchParams.get('token') ?? bearer(req);
  const session = core.sessions.touch(token, core.clock(), core.settings.get('security.sessionIdleMinutes') * 60_000);
  // A page shares one stream for all its screens: stream the topics this caller may receive, name the others.
  const allowed = (topics as TopicName[]).filter((topic) => allows(TOPICS[topic].access, session?.role));
  if (!allowed.length) {
    return sendResult(res, session ? { ok: false, error: { code: 'FORBIDDEN', message: 'errors.forbidden' } } : { ok: false, error: { code: 'UNAUTHENTICATED', message: 'errors.unauthenticated' } });
  }
  const refused = topics.filter((t) => !(allowed as string[]).includes(t));
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
  res.write(': connected\n\n');
  if (refused.length) res.write(`event: refused\ndata: ${JSON.stringify({ topics: refused })}\n\n`);
  const unsubscribe = core.bus.subscribe(allowed, (message) => res.write(`data: ${JSON.stringify(message)}\n\n`));
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 25_000);
  req.on('close', () => {
    clearInterval(keepAlive);
    unsubscribe();
  });
}

/** The headless host's HTTP server: the same contract as the Electron IPC, plus the built renderer. */
export function createHttpServer(core: Core, rendererDir: string): Server {
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    (async () => {
      if (path === '/api' || path === '/api/') {
        if (req.method !== 'GET') return sendJson(res, 405, { ok: false, error: { code: 'VALIDATION', message: 'errors.methodNotAllowed' } });
        return sendJson(res, 200, describeApi());
      }
      if (path === '/api/events') return handleEvents(core, url, req, res);
      if (path.startsWith('/api/')) {
        if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'VALIDATION', message: 'errors.methodNotAllowed' } });
        return handleCall(core, decodeURIComponent(path.slice(5)), req, res);
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { ok: false });
      serveStatic(rendererDir, path, res);
    })().catch((err) => {
      console.error('[http] request failed', err);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'errors.internal' } });
      else res.end();
    });
  });
}
