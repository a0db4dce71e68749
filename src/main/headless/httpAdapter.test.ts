import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../shared/contract';
import { EventLogEntry } from '../events/eventLog.entity';
import { Staff } from '../staff/staff.entity';
import { testCore, type TestCore } from '../testing/testCore';
import { createHttpServer } from './httpAdapter';

describe('HTTP adapter', () => {
  let core: TestCore;
  let server: Server;
  let base: string;

  beforeEach(async () => {
    core = await testCore();
    const rendererDir = join(core.dir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>DispatchDesk</title>');
    server = createHttpServer(core, rendererDir);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await core.dispose();
  });

  const post = (method: string, body: string | object, token?: string) =>
    fetch(`${base}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const rowCounts = async () => [await core.dataSource.manager.count(Staff), await core.dataSource.manager.count(EventLogEntry)];

  it('lists every contract method with its schema and access at GET /api', async () => {
    const res = await fetch(`${base}/api`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { methods: { method: string; access: unknown; inputSchema: { type: string } }[] };
    expect(body.methods.map((m) => m.method).sort()).toEqual([...METHOD_NAMES].sort());
    const create = body.methods.find((m) => m.method === 'staff.create')!;
    expect(create.access).toEqual(['admin']);
    expect(create.inputSchema.type).toBe('object');
  });

  it('answers 401 UNAUTHENTICATED without a session, writing nothing', async () => {
    await core.setup();
    const before = await rowCounts();
    const res = await post('staff.create', { staffNo: 'H1', pin: '1111', name: '甲', role: 'gatekeeper' });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await rowCounts()).toEqual(before);
  });

  it('answers 403 FORBIDDEN for the wrong role, writing nothing', async () => {
    const clerk = await core.signInAs('gatekeeper');
    const before = await rowCounts();
    const res = await post('staff.create', { staffNo: 'H2', pin: '1111', name: '乙', role: 'gatekeeper' }, clerk.token);
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await rowCounts()).toEqual(before);
  });

  it('answers 400 VALIDATION with field details for a malformed body, writing nothing', async () => {
    const admin = await core.setup();
    const before = await rowCounts();
    const bad = await post('staff.create', { staffNo: 'H3', pin: 'abc', name: '丙', role: 'gatekeeper' }, admin.token);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'pin', message: 'fields.pinFormat' }] } });
    const notJson = await post('staff.create', '{"staffNo": ', admin.token);
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: '(body)' }] } });
    expect(await rowCounts()).toEqual(before);
  });

  it('checks the session before the body: garbage from a stranger is 401, not 400', async () => {
    const res = await post('staff.create', 'not json');
    expect(res.status).toBe(401);
  });

  it('signs in, calls a method with the bearer token, and answers 404 for unknown methods', async () => {
    await core.setup();
    const signIn = await post('auth.signIn', { staffNo: 'A001', pin: '1234' });
    expect(signIn.status).toBe(200);
    const { value } = (await signIn.json()) as { value: { token: string } };
    const list = await post('staff.list', {}, value.token);
    expect(await list.json()).toMatchObject({ ok: true, value: [{ staffNo: 'A001' }] });
    expect((await post('nope.doThing', {}, value.token)).status).toBe(404);
  });

  it('streams a topic over Server-Sent Events after the write commits', async () => {
    const admin = await core.setup();
    const controller = new AbortController();
    const res = await fetch(`${base}/api/events?topics=staff.changed&token=${admin.token}`, { signal: controller.signal });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = res.body!.getReader();
    await post('staff.create', { staffNo: 'H4', pin: '1111', name: '丁', role: 'gatekeeper' }, admin.token);
    let text = '';
    while (!text.includes('data:')) text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    const message = JSON.parse(text.slice(text.indexOf('data:') + 5).split('\n')[0]);
    expect(message).toMatchObject({ topic: 'staff.changed' });
  });

  it('streams the allowed topics of a mixed subscription and names the refused ones', async () => {
    const gate = await core.signInAs('gatekeeper');
    const controller = new AbortController();
    const res = await fetch(`${base}/api/events?topics=settings.changed,staff.changed&token=${gate.token}`, { signal: controller.signal });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    let text = '';
    while (!text.includes('event: refused')) text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    expect(text).toContain('{"topics":["staff.changed"]}');
    const onlyForbidden = await fetch(`${base}/api/events?topics=staff.changed&token=${gate.token}`);
    expect(onlyForbidden.status).toBe(403);
  });

  it('refuses a topic subscription without the right session', async () => {
    const res = await fetch(`${base}/api/events?topics=staff.changed`);
    expect(res.status).toBe(401);
    const unknown = await fetch(`${base}/api/events?topics=nope`);
    expect(unknown.status).toBe(400);
  });

  it('serves the renderer with a Content-Security-Policy and never outside its folder', async () => {
    const page = await fetch(`${base}/`);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('DispatchDesk');
    const escape = await fetch(`${base}/..%2f..%2fetc%2fpasswd`);
    expect(await escape.text()).not.toContain('root:');
  });
});
