import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * The Content-Security-Policy of the built site. Styles allow 'unsafe-inline' because React Flow
 * and recharts position everything with inline styles; images allow data: and blob: for the QR
 * code and the exported pictures. Only the build gets it: the dev server injects an inline
 * script (React Fast Refresh) that this policy would refuse.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

const contentSecurityPolicy = (): Plugin => ({
  name: 'content-security-policy',
  apply: 'build',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
      injectTo: 'head-prepend',
    },
  ],
});

/**
 * Writes `precache.json`, the list of every built file under assets/, for the service worker
 * (public/sw.js) to download at install: the panels loaded on first use (lessons, presenter,
 * share, charts…) must work offline even if they were never opened online.
 */
const precacheManifest = (): Plugin => ({
  name: 'precache-manifest',
  apply: 'build',
  generateBundle(_options, bundle) {
    const files = Object.keys(bundle)
      .filter((f) => f.startsWith('assets/') && !f.endsWith('.map'))
      .sort();
    this.emitFile({ type: 'asset', fileName: 'precache.json', source: JSON.stringify(files) });
  },
});

export default defineConfig({
  // Relative asset URLs, so the built site works from any folder (e.g. GitHub Pages).
  base: './',
  plugins: [react(), tailwindcss(), contentSecurityPolicy(), precacheManifest()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    rolldownOptions: {
      output: {
        // React and React Flow (with the d3 modules it uses) in a chunk of their own: it changes
        // only when they are upgraded, so a returning visitor's cache keeps it across releases.
        codeSplitting: {
          groups: [
            {
              name: 'vendor',
              test: /node_modules[\\/](react|react-dom|scheduler|@xyflow|d3-(selection|transition|zoom|drag|dispatch|ease|timer|interpolate|color)|classcat|zustand|use-sync-external-store)[\\/]/,
            },
          ],
        },
      },
    },
  },
  test: {
    // Playwright specs (tests/e2e) are not listed here: they run under `playwright test`.
    include: [
      'src/**/*.test.{ts,tsx}',
      'cli/**/*.test.ts',
      'bench/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    environment: 'node',
    pool: 'threads',
    // Tests assert results, never time: on a loaded 2-core machine a property test or a
    // 15-simulated-minute lesson check can take many seconds, which is not a failure.
    testTimeout: 120_000,
  },
});
