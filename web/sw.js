// sw.js — the service worker: Loupe opens and works with the network off after the first visit.
//
// The build (cmake/sw.cmake) fills in VERSION, a hash of every file of the app, and FILES, the
// ones to keep from the start. An unchanged build is byte for byte the same worker, so the browser
// keeps its cache; any change is a new worker that installs beside the old one and then waits.
// It takes over only when the page asks for it (the user chose "Reload"), never by itself, so
// nobody's answers are interrupted. Fonts under fonts/ are fetched only by pages that need them:
// they are kept on their first successful fetch, not before.
'use strict';
const VERSION = '@LOUPE_VERSION@';
const FILES = [@LOUPE_PRECACHE@];
const CACHE = 'loupe-' + VERSION;

self.addEventListener('install', (event) => {
  // 'no-cache': the server confirms each file is current (never an older build from the HTTP
  // cache), and a file the page has just downloaded is not sent again when the host says so.
  event.waitUntil(caches.open(CACHE).then((cache) =>
    cache.addAll(FILES.map((f) => new Request(f, {cache: 'no-cache'})))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('loupe-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));  // the first visit is served offline-ready without a reload
});

self.addEventListener('message', (event) => {
  if (event.data === 'take-over') self.skipWaiting();
});

const scope = new URL(self.registration.scope);
const inScope = (url) => url.origin === scope.origin && url.pathname.startsWith(scope.pathname);

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || !inScope(url)) return;
  const path = url.pathname.slice(scope.pathname.length);
  // The page itself, whatever follows it (a survey link's '#' never reaches here).
  if (request.mode === 'navigate' && (path === '' || path === 'index.html')) {
    event.respondWith(caches.open(CACHE).then((cache) => cache.match('index.html'))
      .then((hit) => hit || fetch(request)));
    return;
  }
  if (FILES.includes(path)) {
    event.respondWith(caches.open(CACHE).then((cache) => cache.match(path)).then((hit) => hit || fetch(request)));
    return;
  }
  if (path.startsWith('fonts/')) {
    event.respondWith(caches.open(CACHE).then((cache) => cache.match(path).then((hit) => hit || fetch(request)
      .then((response) => {
        if (!response.ok) return response;
        // Kept before the page gets it, so it is there offline as soon as the page has used it;
        // a full storage only means it is fetched again next time.
        return cache.put(path, response.clone()).then(() => response, () => response);
      }))));
  }
});
