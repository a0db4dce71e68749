import { expect, test } from '@playwright/test';
import { socatAvailable, startPtyPair, startSimulator, type PtyPair, type Simulator } from '../../src/main/weighing/scale/testing';
import { call, startHost, type Host } from './host';
import { shot, signedIn } from './pages';

/**
 * The scale indicator through the real serial driver: socat pty pair ← simulator; the port is set in the settings
 * (no restart). The weighbridge screen follows the weight live: stable, unstable, a rejected frame, a pulled cable
 * and the reconnect. Skipped only without socat.
 */
test.describe('scale indicator on the weighbridge screen', () => {
  test.skip(!socatAvailable(), 'socat is not installed (apt-get install socat)');
  let host: Host;
  let pty: PtyPair;
  let sim: Simulator;

  test.beforeAll(async () => {
    pty = await startPtyPair();
    sim = await startSimulator({ port: pty.simPort, weight: 32_140, rate: 10 });
    host = await startHost({ demo: true });
    const admin = await call<{ token: string }>(host, 'auth.signIn', { staffNo: 'D008', pin: '1008' });
    const token = admin.body.value!.token;
    for (const [key, value] of [
      ['weighing.scaleSettleMs', 1000],
      ['weighing.scalePort', pty.hostPort],
    ] as const) {
      expect((await call(host, 'settings.update', { key, value }, token)).body.ok).toBe(true);
    }
  });
  test.afterAll(async () => {
    await host?.stop();
    await sim?.stop();
    await pty?.cleanup();
  });

  test('live weight, stable / unstable, a rejected frame, cable pulled and plugged back', async ({ page }) => {
    await signedIn(page, host, 'D004', '1004');
    await page.getByTestId('home-weighbridge').click();
    const weight = page.getByTestId('scale-weight');
    const stable = page.getByTestId('scale-stable');
    const status = page.getByTestId('scale-status');
    await expect(status).toHaveAttribute('data-status', 'connected');
    await expect(weight).toHaveText('32\u2009140');
    await expect(stable).toHaveAttribute('data-stable', 'yes');
    await expect(stable).toHaveText('稳定');
    await shot(page, 'scale-stable');

    await sim.send('jitter 25000 60');
    await expect(stable).toHaveAttribute('data-stable', 'no');
    await expect(stable).toHaveText('不稳定');
    await sim.send('garbage 2 checksum');
    await expect(page.getByTestId('scale-message')).toContainText('校验错误');
    await shot(page, 'scale-unstable-rejected');

    await sim.send('hold 25000');
    await expect(weight).toHaveText('25\u2009000');
    await expect(stable).toHaveAttribute('data-stable', 'yes');

    await pty.stop(); // the cable is pulled
    await expect(status).toHaveAttribute('data-status', 'disconnected');
    await expect(status).toHaveText('已断开');
    await expect(stable).toHaveAttribute('data-stable', 'no');
    await shot(page, 'scale-disconnected');

    await pty.restart(); // plugged back: the driver retries by itself, the simulator reopens its end
    await sim.send('hold 18500');
    await expect(status).toHaveAttribute('data-status', 'connected', { timeout: 15_000 });
    await expect(weight).toHaveText('18\u2009500');
    await expect(stable).toHaveAttribute('data-stable', 'yes');
  });
});
