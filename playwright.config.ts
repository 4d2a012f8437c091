import { defineConfig } from '@playwright/test';

// E2E_PORT lets two checkouts run their suites side by side.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const origin = `http://127.0.0.1:${PORT}/`;

// End-to-end tests run against the built site (dist/, from `npm run build`), served both at the
// root and under a subfolder, in the system Chromium (no browser download).
export default defineConfig({
  testDir: 'tests/e2e',
  // Playwright empties its outputDir on start: keep it apart from the reports beside it.
  outputDir: 'test-results/playwright',
  timeout: 60_000,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-report.json' }]],
  use: {
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [
    // The whole suite runs from a subfolder, the harder case for a static host (relative asset
    // paths, the service worker's scope); at the root, the flows whose URLs could differ there:
    // loading, editing, links, offline and faults. Running everything twice would double CI time
    // for no new check.
    {
      name: 'root',
      use: { baseURL: origin },
      testMatch: ['smoke.spec.ts', 'editor.spec.ts', 'share.spec.ts', 'faults.spec.ts'],
    },
    { name: 'subfolder', use: { baseURL: `${origin}lab/sub/` } },
  ],
  webServer: {
    command: `node scripts/serve.mjs ${PORT}`,
    url: origin,
    reuseExistingServer: !process.env.CI,
  },
});
