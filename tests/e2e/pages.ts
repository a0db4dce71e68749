import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import type { Host } from './host';

/** Screenshots of every screen a spec touches, kept as CI artifacts. */
export const SHOTS = process.env.DD_SHOTS ?? 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });

export const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });

/** Signs in on the sign-in screen with the keyboard (Enter submits). */
export async function signIn(page: Page, host: Host, staffNo: string, pin: string): Promise<void> {
  await page.goto(host.url);
  await page.getByTestId('signin-staffno').fill(staffNo);
  await page.getByTestId('signin-pin').fill(pin);
  await page.getByTestId('signin-pin').press('Enter');
}

/** Signs in and waits until the sign-in screen is gone. */
export async function signedIn(page: Page, host: Host, staffNo: string, pin: string): Promise<void> {
  await signIn(page, host, staffNo, pin);
  await expect(page.getByTestId('signin-pin')).toBeHidden();
}

/** On the sales window: picks a customer and fills the slip with the keyboard only; the next Enter issues. */
export async function typeSlip(page: Page, code: string, tonnes: string, plates: string): Promise<void> {
  await expect(page.getByTestId('slip-customer-search')).toBeFocused();
  await page.keyboard.type(code);
  await expect(page.getByTestId('slip-customer-option').first()).toContainText(code);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('slip-product')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('slip-tonnes')).toBeFocused();
  await page.keyboard.type(tonnes);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('slip-plates')).toBeFocused();
  if (plates) await page.keyboard.type(plates);
}

/** On a counter's ticket panel: F2 calls the next number; others ahead of `number` are marked no-show. */
export async function callUntil(page: Page, number: string): Promise<void> {
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('F2');
    await expect(page.getByTestId('ticket-current')).toHaveText(/^[SF]\d{3}$/);
    if ((await page.getByTestId('ticket-current').textContent())!.trim() === number) return;
    await page.getByTestId('ticket-skip').click();
    await page.getByTestId('ticket-skip-confirm').click();
    await expect(page.getByTestId('ticket-current')).not.toHaveText(/^[SF]\d{3}$/);
  }
  await expect(page.getByTestId('ticket-current')).toHaveText(number);
}
