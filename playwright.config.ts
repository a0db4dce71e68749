import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive the real renderer, served by the headless host, in Debian's Chromium
 * (`/usr/bin/chromium`); set DD_CHROMIUM to use another binary (e.g. Playwright's own where internet exists).
 * Each spec starts its own host on a free port with a fresh data folder (tests/e2e/host.ts).
 */
export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/globalSetup.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  outputDir: 'test-results',
  use: {
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    locale: 'zh-CN',
    viewport: { width: 1366, height: 850 },
    launchOptions: {
      executablePath: process.env.DD_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
});
