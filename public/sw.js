/* global self, caches */
// Offline support for the built site: after the first visit, the app opens without a network.
// Navigations are network-first (a new deploy shows at once) with the cached page as fallback;
// hashed files under assets/ never change, so they are served cache-first. At install every one of
// them is downloaded (the build lists them in precache.json): the parts the app loads on first use
// (lessons, presenter, share, charts) then work offline even if they were never opened online.
// Everything is relative to this script's folder, so the site works from any subfolder.
const VERSION = 'v2';
const CACHE = `scale-out-lab-${VERSION}`;
const SCOPE = new URL('./', self.location.href).href;
const SHELL = [SCOPE, new URL('index.html', SCOPE).href, new URL('no-eval.js', SCOPE).href];

/** The built files listed in precache.json; none when it cannot be read (the shell still works). */
async function builtAssets() {
  try {
    const response = await fetch(new URL('precache.json', SCOPE).href, { cache: 'no-cache' });
    if (!response.ok) return [];
    const files = await response.json();
    return Array.isArray(files)
      ? files.filter((f) => typeof f === 'string').map((f) => new URL(f, SCOPE).href)
      : [];
  } catch {
    return [];
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then(async (cache) => {
        await cache.addAll(SHELL);
        await cache.addAll(await builtAssets());
      })
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((key) => key.startsWith('scale-out-lab-') && key !== CACHE)
            .map((key) => caches.delete(key)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

/** Stores a good same-origin answer; a failure to cache never breaks the answer itself. */
function remember(request, response) {
  if (response.ok && response.type === 'basic') {
    const copy = response.clone();
    caches
      .open(CACHE)
      .then((cache) => cache.put(request, copy))
      .catch(() => undefined);
  }
  return response;
}

async function networkFirst(request) {
  try {
    return remember(request, await fetch(request));
  } catch (error) {
    // The page's fragment and query are not part of the cached shell.
    const cached =
      (await caches.match(request, { ignoreSearch: true })) ?? (await caches.match(SCOPE));
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  return remember(request, await fetch(request));
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.href.startsWith(SCOPE)) return;
  if (request.mode === 'navigate') event.respondWith(networkFirst(request));
  else if (url.href.startsWith(new URL('assets/', SCOPE).href))
    event.respondWith(cacheFirst(request));
  else event.respondWith(networkFirst(request));
});
