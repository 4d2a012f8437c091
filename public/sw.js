/* global self, caches */
// Offline support for the built site: after the first visit, the app opens without a network.
// Navigations are network-first (a new deploy shows at once) with the cached page as fallback;
// hashed files under assets/ never change, so they are served cache-first and cached on first use.
// Everything is relative to this script's folder, so the site works from any subfolder.
const VERSION = 'v1';
const CACHE = `scale-out-lab-${VERSION}`;
const SCOPE = new URL('./', self.location.href).href;
const SHELL = [SCOPE, new URL('index.html', SCOPE).href, new URL('no-eval.js', SCOPE).href];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(SHELL))
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
