// sw.js — the service worker: Loupe opens and works with the network off after the first visit.
//
// The build (cmake/sw.cmake) fills in VERSION, a hash of every file of the app, and FILES, the
// ones to keep from the start. An unchanged build is byte for byte the same worker, so the browser
// keeps its cache; any change is a new worker that installs beside the old one and then waits.
// It takes over only when the page asks for it (the user chose "Reload"), never by itself, so
// nobody's answers are interrupted. Fonts under fonts/ are fetched only by pages that need them,
// and the PNG icons only by a browser installing the app: they are kept on their first successful
// fetch, not before.
//
// The two builds (web/boot.js) are kept by use. A page tells the worker which it runs ('keep'): a
// respondent's phone keeps the link build only and never downloads the full app; the full app keeps
// only itself (offline, links open in it: boot.js). A new version keeps what the one before it kept.
'use strict';
const VERSION = '@LOUPE_VERSION@';
const FILES = [@LOUPE_PRECACHE@];
const CACHE = 'loupe-' + VERSION;
const BUILDS = {link: ['link.js', 'link.wasm'], loupe: ['loupe.js', 'loupe.wasm']};
const BUILD_FILES = [...BUILDS.link, ...BUILDS.loupe];

// 'no-cache': the server confirms each file is current (never an older build from the HTTP
// cache), and a file the page has just downloaded is not sent again when the host says so.
const current = (f) => new Request(f, {cache: 'no-cache'});

// The build files an older version of the worker kept.
const keptBefore = () => caches.keys().then((keys) => Promise.all(keys.filter((k) => k.startsWith('loupe-') && k !== CACHE)
  .map((k) => caches.open(k).then((old) => Promise.all(BUILD_FILES.map((f) => old.match(f).then((hit) => hit && f)))))))
  .then((found) => [...new Set(found.flat().filter(Boolean))]);

self.addEventListener('install', (event) => {
  event.waitUntil(Promise.all([caches.open(CACHE), keptBefore()]).then(([cache, kept]) =>
    cache.addAll([...FILES, ...kept].map(current))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('loupe-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));  // the first visit is served offline-ready without a reload
});

self.addEventListener('message', (event) => {
  if (event.data === 'take-over') self.skipWaiting();
  const files = event.data && BUILDS[event.data.keep];
  if (files) {
    event.waitUntil(caches.open(CACHE).then((cache) => Promise.all(files.map((f) => cache.match(f)
      .then((hit) => hit || cache.add(current(f)))))).catch(() => {}));  // a full storage: fetched again next time
  }
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
  if (path.startsWith('fonts/') || path.endsWith('.png') || BUILD_FILES.includes(path)) {
    event.respondWith(caches.open(CACHE).then((cache) => cache.match(path).then((hit) => hit || fetch(request)
      .then((response) => {
        if (!response.ok) return response;
        // Kept before the page gets it, so it is there offline as soon as the page has used it;
        // a full storage only means it is fetched again next time.
        return cache.put(path, response.clone()).then(() => response, () => response);
      }))));
  }
});
