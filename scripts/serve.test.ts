import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const script = path.join(import.meta.dirname, 'serve.mjs');
let dir = '';
let server: ChildProcess | undefined;
let base = '';

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'serve-test-'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>t</title>');
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'assets', 'app.js'), 'export {};');
  writeFileSync(path.join(dir, 'assets', 'app.css'), 'body{}');
  writeFileSync(path.join(dir, 'assets', 'm.wasm'), new Uint8Array([0, 97, 115, 109]));
  writeFileSync(path.join(dir, 'site.webmanifest'), '{}');
  const child = spawn(process.execPath, [script, '0'], {
    env: { ...process.env, SERVE_ROOT: dir },
  });
  server = child;
  base = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
      if (match) resolve(match[0]);
    });
    child.on('exit', (code) => reject(new Error(`serve.mjs exited with ${String(code)}`)));
  });
});

afterAll(() => {
  server?.kill();
  rmSync(dir, { recursive: true, force: true });
});

const get = (p: string) => fetch(new URL(p, base), { redirect: 'manual' });

describe('scripts/serve.mjs', () => {
  it.each([
    ['', 'text/html; charset=utf-8'],
    ['assets/app.js', 'text/javascript; charset=utf-8'],
    ['assets/app.css', 'text/css; charset=utf-8'],
    ['assets/m.wasm', 'application/wasm'],
    ['site.webmanifest', 'application/manifest+json'],
    ['lab/sub/', 'text/html; charset=utf-8'],
    ['lab/sub/assets/app.js', 'text/javascript; charset=utf-8'],
  ])('serves /%s as %s', async (p, type) => {
    const res = await get(p);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
  });

  it('redirects directory paths without a trailing slash', async () => {
    for (const [p, location] of [
      ['lab/sub', '/lab/sub/'],
      ['assets', '/assets/'],
    ] as const) {
      const res = await get(p);
      expect(res.status).toBe(301);
      expect(res.headers.get('location')).toBe(location);
    }
  });

  it('answers 404 for missing files and paths outside the root', async () => {
    expect((await get('missing.js')).status).toBe(404);
    expect((await get('assets/')).status).toBe(404);
    expect((await get('%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
  });
});
