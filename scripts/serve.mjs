// Dependency-free static server for the built site, used by the Playwright end-to-end tests.
// Serves dist/ both at / and under /lab/sub/, to prove the build works from a subfolder.
// Usage: node scripts/serve.mjs [port]   (or PORT=...; SERVE_ROOT=... overrides dist/)
import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HOST = '127.0.0.1';
const SUBFOLDER = '/lab/sub/';
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const root = path.resolve(process.env.SERVE_ROOT ?? path.join(repoRoot, 'dist'));
const port = Number(process.argv[2] ?? process.env.PORT ?? 4173);

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`serve: invalid port ${String(process.argv[2] ?? process.env.PORT)}`);
  process.exit(2);
}
if (!existsSync(path.join(root, 'index.html'))) {
  console.error(`serve: ${path.join(root, 'index.html')} not found; run \`npm run build\` first`);
  process.exit(1);
}

function send(res, status, text, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
  res.end(text);
}

const server = http.createServer(async (req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
    return;
  }
  const url = new URL(req.url ?? '/', `http://${HOST}`);
  let pathname;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    send(res, 400, 'Bad Request');
    return;
  }
  if (pathname === SUBFOLDER.slice(0, -1)) {
    send(res, 301, 'Moved Permanently', { Location: SUBFOLDER + url.search });
    return;
  }
  const relative = pathname.startsWith(SUBFOLDER) ? pathname.slice(SUBFOLDER.length) : pathname;
  const file = path.resolve(root, `.${path.posix.normalize(`/${relative}`)}`);
  if (file !== root && !file.startsWith(root + path.sep)) {
    send(res, 404, 'Not Found');
    return;
  }
  try {
    let target = file;
    let info = await stat(target);
    if (info.isDirectory()) {
      if (!pathname.endsWith('/')) {
        send(res, 301, 'Moved Permanently', { Location: `${url.pathname}/${url.search}` });
        return;
      }
      target = path.join(target, 'index.html');
      info = await stat(target);
    }
    if (!info.isFile()) throw new Error('not a file');
    res.writeHead(200, {
      'Content-Type': MIME[path.extname(target).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': info.size,
      'Cache-Control': 'no-store',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(target).pipe(res);
  } catch {
    send(res, 404, 'Not Found');
  }
});

server.listen(port, HOST, () => {
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  console.log(
    `Serving ${root} at http://${HOST}:${actual}/ and http://${HOST}:${actual}${SUBFOLDER}`,
  );
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => process.exit(0));
}
