import { describeApi } from './describe';

function accessText(access: unknown): string {
  if (access === 'public') return 'anyone (no session)';
  if (access === 'signedIn') return 'any signed-in staff';
  return (access as string[]).join(', ');
}

/** docs/api.md, generated from the contract (`npm run docs:api`); a test keeps the committed file in step. */
export function apiMarkdown(): string {
  const { methods, topics } = describeApi();
  const out: string[] = [
    '# DispatchDesk API',
    '',
    '<!-- Generated from src/shared/contract by `npm run docs:api`. Do not edit by hand. -->',
    '',
    'Every method is `POST /api/<method>` on the headless host (JSON body in, JSON out) and the same method over IPC',
    'in the Electron app. Send the session token as `Authorization: Bearer <token>` (from `auth.signIn`).',
    'The answer is always `{ "ok": true, "value": … }` or `{ "ok": false, "error": { "code", "message", "params"?, "fields"? } }`',
    'with HTTP status 400 `VALIDATION`, 401 `UNAUTHENTICATED`, 403 `FORBIDDEN`, 404 `NOT_FOUND`, 409 `CONFLICT`,',
    '422 `RULE_VIOLATION` or 500 `INTERNAL`. `GET /api` returns this listing as JSON with each input\'s JSON Schema.',
    'Money is in fen, weights in kilograms, instants in UTC epoch milliseconds.',
    '',
    '## Methods',
    '',
    '| method | kind | who may call | what it does |',
    '| --- | --- | --- | --- |',
    ...methods.map((m) => `| \`${m.method}\` | ${m.kind} | ${accessText(m.access)} | ${m.summary} |`),
    '',
    '## Live topics',
    '',
    '`GET /api/events?topics=<a,b>&token=<token>` is a Server-Sent Events stream; each `data:` line is',
    '`{ "topic", "payload", "at" }`. Under Electron the preload\'s `subscribe` delivers the same messages.',
    '',
    '| topic | who may subscribe | when |',
    '| --- | --- | --- |',
    ...topics.map((t) => `| \`${t.topic}\` | ${accessText(t.access)} | ${t.summary} |`),
    '',
    '## Inputs',
    '',
  ];
  for (const m of methods) {
    out.push(`### \`${m.method}\``, '', m.summary, '', '```json', JSON.stringify(m.inputSchema, null, 2), '```', '');
  }
  return out.join('\n');
}
