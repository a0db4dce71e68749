import { expect, test } from '@playwright/test';
import { call, startHost, type Host } from './host';

let host: Host;
test.beforeAll(async () => {
  host = await startHost({ demo: true });
});
test.afterAll(async () => host.stop());

test('GET /api lists every method with its input schema and roles', async () => {
  const res = await fetch(`${host.url}/api`);
  const body = (await res.json()) as { methods: { method: string; access: unknown }[] };
  expect(body.methods.length).toBeGreaterThan(10);
  expect(body.methods.find((m) => m.method === 'staff.create')?.access).toEqual(['admin']);
});

test('the demo host prints the demo staff and their PINs at start-up', async () => {
  expect(host.output()).toContain('D001  PIN 1001');
});

test('401 without a session, 403 for the wrong role, 400 with field details for a bad body', async () => {
  expect((await call(host, 'staff.list', {})).status).toBe(401);
  const gate = await call<{ token: string }>(host, 'auth.signIn', { staffNo: 'D003', pin: '1003' });
  const forbidden = await call(host, 'staff.list', {}, gate.body.value!.token);
  expect(forbidden.status).toBe(403);
  expect(forbidden.body.error?.code).toBe('FORBIDDEN');
  const bad = await call(host, 'auth.signIn', { staffNo: 'D003' });
  expect(bad.status).toBe(400);
  expect(bad.body).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'pin' }] } });
});
