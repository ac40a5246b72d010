// boot.js — starts Loupe: checks what the browser must have, picks the build, downloads it with a
// progress bar, and replaces the loading screen by a readable message if anything goes wrong.
//
// Two builds of the same app sit beside this page. A survey or invite link ("#s=…", "#t=…") and
// "Take a survey" open the link build (link.js, link.wasm), which holds only the respondent's and
// participant's screens: the little a phone on a mobile network has to fetch. Everything else opens
// the full app (loupe.js, loupe.wasm), which opens links too: offline, a link opens in it when the
// service worker kept only the full app (a PM who never opened a link in this browser). Both keep
// their data in the same browser storage; the link build loads the page again to go anywhere else
// (Module.loupeOpenFullApp).
'use strict';
(() => {
  const loader = document.getElementById('loader');
  const bar = document.getElementById('loader-bar');
  const text = document.getElementById('loader-text');
  const canvas = document.getElementById('canvas');
  canvas.addEventListener('contextmenu', (e) => e.preventDefault());

  const fail = (message) => {
    loader.classList.remove('done');
    loader.classList.add('failed');
    text.textContent = message;
  };

  let build = /^#(s=|t=|\/take$)/.test(location.hash) ? 'link' : 'loupe';

  const noWebGL2 = 'Loupe needs WebGL2 to draw, and this browser has it turned off or does not support it. ' +
    'Try a current Chrome, Edge, Firefox or Safari, or turn on hardware acceleration in the browser settings.';
  // Checked without creating a context (that alone costs tens of milliseconds); if the browser
  // has WebGL2 but refuses a context, the app reports it through onStartFailure.
  const missing = typeof WebAssembly !== 'object'
    ? 'Loupe needs a browser with WebAssembly. Please open this page in a current Chrome, Edge, Firefox or Safari.'
    : typeof WebGL2RenderingContext === 'undefined' ? noWebGL2 : '';

  // Asked for at once, beside the JS, streamed through a counter so the bar shows real progress,
  // and compiled while it is still arriving: by the time the JS asks for it (instantiateWasm) the
  // program is mostly compiled, and the browser's compiler threads worked while this page's
  // thread made the drawing context.
  let compiled = null;
  const compile = (request) => request.then((response) => {
    if (!response.ok) throw new Error('the server answered ' + response.status);
    const total = Number(response.headers.get('Content-Length')) || 0;
    let received = 0;
    const counted = new ReadableStream({
      start(controller) {
        const reader = response.body.getReader();
        const pump = () => reader.read().then(({done: finished, value}) => {
          if (finished) { controller.close(); return; }
          received += value.length;
          if (total) bar.style.width = Math.min(100, (100 * received) / total).toFixed(1) + '%';
          controller.enqueue(value);
          return pump();
        });
        return pump();
      },
    });
    return WebAssembly.compileStreaming(new Response(counted, {headers: {'Content-Type': 'application/wasm'}}));
  });
  const instantiateWasm = (imports, done) => {
    compiled.then((module) => WebAssembly.instantiate(module, imports).then((instance) => {
      text.textContent = 'Starting…';
      done(instance, module);
    })).catch((err) => {
      fail('Loupe could not load (' + err.message + '). Check your connection and reload the page.');
    });
    return {};
  };

  // Offline and new versions (sw.js). The worker is registered once the app has drawn, so it never
  // competes with the first download. A new build installs beside the running one and waits: the
  // app offers "Reload" and the page changes version only when the user clicks it.
  const update = {
    registration: null,
    reloading: false,  // the user chose to switch to it
    tell() { Module._loupe_update_ready(); },  // the app is running: this starts after its first frame
    watch(worker) {
      worker.addEventListener('statechange', () => {
        if (worker.state === 'installed' && navigator.serviceWorker.controller) this.tell();
      });
    },
    register() {
      if (!('serviceWorker' in navigator)) return;
      navigator.serviceWorker.addEventListener('controllerchange', () => {
        if (this.reloading) location.reload();
      });
      navigator.serviceWorker.register('sw.js').then((registration) => {
        if (!registration) return;  // service workers blocked (a policy, some privacy modes)
        this.registration = registration;
        navigator.serviceWorker.ready.then((ready) => ready.active && ready.active.postMessage({keep: build}));
        if (registration.waiting && navigator.serviceWorker.controller) this.tell();
        if (registration.installing) this.watch(registration.installing);
        registration.addEventListener('updatefound', () => this.watch(registration.installing));
        // A page left open for days looks for a new version when the user comes back to it.
        document.addEventListener('visibilitychange', () => {
          if (document.visibilityState === 'visible') registration.update().catch(() => {});
        });
      }, (err) => console.warn('Loupe will not work offline here:', err.message));
    },
    apply() {  // called by the app (platform::apply_update) when the user clicks Reload
      this.reloading = true;
      const waiting = this.registration && this.registration.waiting;
      if (waiting) waiting.postMessage('take-over');
      else location.reload();  // another tab already switched the worker over
    },
  };

  window.Module = {
    canvas,
    instantiateWasm,
    onFirstFrame() {
      performance.mark('first-frame');  // bench/load times the first frame by this mark
      loader.classList.add('done');
      canvas.focus();
      update.register();
    },
    loupeUpdate: update,
    loupeOpenFullApp() { location.reload(); },  // the link build's way to every other place
    onStartFailure: (why) => fail(why.includes('WebGL') ? noWebGL2 : 'Loupe could not start: ' + why),
    onAbort(what) {
      fail('Loupe stopped because of an internal error (' + what + '). Reload the page; your saved work is safe.');
    },
    print: (s) => console.log(s),
    printErr: (s) => console.warn(s),
  };
  if (missing) {
    fail(missing);
    return;
  }
  // Browser storage is opened and read now, beside the downloads, rather than once the program
  // has arrived: the database's answers then come while this page waits for the program, instead
  // of queueing behind its start. web/pre.js takes over what was read. Every record is read but the
  // pictures' ("picture-*"), of which only the names are: the app asks for one when it shows it.
  // A read that fails, throws, or makes no progress for kReadStallMs gives up: the app starts
  // without storage, says so, and changes nothing stored.
  const kReadStallMs = 5000;
  const kBatch = 64;  // records a request: a large workspace still shows progress within the stall time
  const readStorage = () => new Promise((resolve, reject) => {
    const files = new Map(), lazy = new Set();
    let db = null, settled = false, stall = 0, reading = 0;
    const finish = (why) => {
      if (settled) return;
      settled = true;
      clearTimeout(stall);
      if (!why) { resolve({db, files, lazy}); return; }
      if (db) db.close();
      reject(new Error(why));
    };
    const progress = () => {
      clearTimeout(stall);
      stall = setTimeout(() => finish('IndexedDB did not answer within ' + kReadStallMs / 1000 + ' seconds'),
                         kReadStallMs);
    };
    const guarded = (f) => (...args) => {
      if (settled) return;
      try { f(...args); } catch (err) { finish('IndexedDB failed: ' + err); }
    };
    const asked = (request, then) => {
      request.onerror = guarded(() => finish('IndexedDB failed: ' + request.error));
      request.onsuccess = guarded(() => { progress(); then(request.result); });
    };
    // Reads the records with keys between `lower` (excluded once a batch has been read) and `upper`
    // (excluded), a batch at a time; values and keys come from two requests of one snapshot.
    const readRange = (store, lower, lowerOpen, upper) => {
      ++reading;
      const range = upper === null ? IDBKeyRange.lowerBound(lower, lowerOpen) : IDBKeyRange.bound(lower, upper, lowerOpen, true);
      let keys = null;
      asked(store.getAllKeys(range, kBatch), (result) => { keys = result; });
      asked(store.getAll(range, kBatch), (values) => {
        keys.forEach((key, i) => {
          const path = String(key), value = values[i];
          if (value && value.contents && path.startsWith('/loupe/') && path.indexOf('/', 7) < 0)
            files.set(path.slice(7), value.contents);
        });
        if (keys.length === kBatch) readRange(store, keys[kBatch - 1], true, upper);
        if (--reading === 0) finish('');
      });
    };
    progress();
    let request;
    try {
      request = indexedDB.open('/loupe', 21);
    } catch (err) {
      finish('IndexedDB is unavailable: ' + err);
      return;
    }
    request.onupgradeneeded = guarded(() => {  // a new database: its one store
      if (!request.result.objectStoreNames.contains('FILE_DATA'))
        request.result.createObjectStore('FILE_DATA').createIndex('timestamp', 'timestamp', {unique: false});
    });
    request.onerror = guarded(() => finish('IndexedDB is unavailable: ' + request.error));
    // Settled by the success event, not by readyState: that is already "done" while a new
    // database's store is still being made, when no other transaction may start.
    request.onsuccess = () => {
      if (settled) { request.result.close(); return; }  // too late: the app runs without storage
      guarded(() => {
        db = request.result;
        // Another tab may upgrade or delete the database: let it, rather than block it.
        db.onversionchange = () => db.close();
        const store = db.transaction('FILE_DATA', 'readonly').objectStore('FILE_DATA');
        // Pictures' keys sort between '/loupe/picture-' and '/loupe/picture.' ('.' follows '-').
        ++reading;
        asked(store.getAllKeys(IDBKeyRange.bound('/loupe/picture-', '/loupe/picture.', false, true)), (keys) => {
          for (const key of keys) lazy.add(String(key).slice(7));
          if (--reading === 0) finish('');
        });
        readRange(store, '', false, '/loupe/picture-');
        readRange(store, '/loupe/picture.', false, null);
      })();
    };
  });
  const start = () => {
    compiled = compile(fetch(build + '.wasm'));
    compiled.catch(() => {});  // reported by instantiateWasm, once the JS has arrived to ask for it
    if (typeof indexedDB !== 'undefined') Module.loupeStorageRead = readStorage();
    const script = document.createElement('script');
    script.src = build + '.js';
    script.onerror = () => fail('Loupe could not load its program file. Check your connection and reload the page.');
    document.body.appendChild(script);
    // The drawing context is made now, while the program downloads, instead of by the program
    // once it has arrived: the tens of milliseconds that takes leave the way to the first frame.
    // The program's own request (web_main.cpp, same attributes) then gets this context back.
    canvas.getContext('webgl2', {alpha: false, depth: false, stencil: false, antialias: false,
                                 premultipliedAlpha: true, preserveDrawingBuffer: false});
  };
  if (build === 'link' && navigator.onLine === false && window.caches) {
    caches.match('link.wasm').then((kept) => kept, () => true).then((kept) => {
      if (!kept) build = 'loupe';
      start();
    });
  } else {
    start();
  }
})();
