// pre.js — runs inside loupe.js before main(): browser storage.
//
// Each stored file is one record in IndexedDB (database "/loupe", store "FILE_DATA": the layout
// Emscripten's IDBFS used, so earlier workspaces still load). Every write or removal goes to
// IndexedDB on its own, at once, so two tabs never undo each other's files (a whole-folder sync
// would delete what the other tab just made). A BroadcastChannel tells the other tabs which file
// changed; they read it again.
//
// The app reads its files from memory: `files` below holds every stored file but the pictures,
// and each write changes it at once and the database after (no Emscripten file system: its code
// would be a fifth of the page's JavaScript, for a map of names to bytes).
//
// Start-up. web/boot.js reads the records beside the downloads, while the wasm compiles and then
// while the program sets up its display and fonts (web_main.cpp), which need nothing stored. The
// app proper starts once both are done (whenRead), and what the journal holds is replayed over
// the records just before (begin). A read that fails, throws, or makes no progress for a few
// seconds lets the app start anyway with nothing loaded and writes switched off, so nothing stored
// can be overwritten by an empty workspace; the app says so and offers a backup of what is in the
// page.
//
// Early start. When this browser has kept nothing of Loupe's (no "loupe-kept" note in
// localStorage, set before the first write, and no journal), the app starts without waiting for
// the read: a new database takes IndexedDB a hundred milliseconds or more to make, longer than the
// program takes to start. Its writes are held in memory meanwhile and go to the database once the
// read has come back empty. If it finds records after all (kept by a version before the note, or
// localStorage cleared on its own), the page reloads to start from them, and the held writes,
// made in the first moment of the page, are dropped: nothing stored is changed. If the read fails,
// the app is told (loupe_storage_off) and goes on in memory, as above.
//
// Pictures ("picture-*" files) are not read at start: only their names are, so that start-up time
// and memory do not grow with the number of screenshots kept. The app asks for one when it shows
// it (fetch below) and gets its bytes back without them ever being kept in memory.
//
// Writes that have not reached the database when the page goes away (a reload right after a
// choice) are also noted in localStorage until IndexedDB confirms them, and replayed over the
// database's copy at the next start; see `journal` below.
// Text handed to C++ in memory of its own, which the caller frees (the EM_JS glue's answers).
Module.loupeNewString = (text) => {
  const n = lengthBytesUTF8(text) + 1, p = _malloc(n);
  stringToUTF8(text, p, n);
  return p;
};

Module.loupeStorage = {
  problem: '',          // why nothing can be kept in this page (set before the app starts)
  db: null,             // null while reading, and for good when storage is off
  files: new Map(),     // name -> bytes: every stored file but the lazy ones, as the app last wrote it
  heard: new Set(),     // files other tabs changed before the app started
  lazy: new Set(),      // names of the stored files that are read only when asked for (pictures)
  started: false,       // the app has started: it may be told of changes (tell)
  read: false,          // every record has been read, or the reading was given up
  waiting: null,        // the app's start, once the records are read (whenRead)
  early: false,         // the app started before the read came back (see the top of this file)
  held: new Map(),      // name -> bytes, or null for a removal: the writes made while early
  kept: false,          // this browser has kept something: the note that says so is set
  keptNote: 'loupe-kept',
  unsaved: new Set(),   // files whose last write the browser refused
  usage: -1, quota: -1, persisted: false,
  channel: typeof BroadcastChannel === 'function' ? new BroadcastChannel('loupe-storage') : null,
  key: (name) => '/loupe/' + name,
  isLazy: (name) => name.startsWith('picture-'),  // web/boot.js reads only their names at start

  // `token` is the journal's note of this write (null when none was made).
  change(name, token, apply) {
    let tx;
    try {
      tx = this.db.transaction('FILE_DATA', 'readwrite');
      apply(tx.objectStore('FILE_DATA'));
    } catch (err) {  // a closed connection, or a browser that refuses at once (private mode, quota)
      this.refused(name, err.name ? err.name + ': ' + err.message : String(err));
      return;
    }
    tx.oncomplete = () => {
      this.journal.done(name, token);
      this.pendingLazy.delete(name);
      if (this.unsaved.delete(name)) this.tell('_loupe_storage_saved', name);
      if (this.channel) this.channel.postMessage(name);
    };
    // A refused request aborts its transaction, and a full disk aborts it at commit: either way
    // the record in the database is the one before this write.
    tx.onabort = () => this.refused(name, tx.error ? tx.error.name + ': ' + tx.error.message : 'the browser refused');
  },
  // The app's storage_write and storage_remove (the latter says whether there was such a file).
  write(name, bytes) {
    if (!this.isLazy(name)) this.files.set(name, bytes);
    this.put(name, bytes);
  },
  erase(name) {
    const existed = this.isLazy(name) ? this.lazy.has(name) : this.files.delete(name);
    if (existed) this.remove(name);
    return existed;
  },
  put(name, bytes) {
    if (this.early) {
      if (this.isLazy(name)) { this.lazy.add(name); this.pendingLazy.set(name, bytes); }
      this.held.set(name, bytes);
      return;
    }
    if (!this.db) return;  // storage is off: nothing stored may change, not even through the journal
    if (this.isLazy(name)) this.lazy.add(name);
    this.noteKept();
    const token = this.journal.write(name, bytes);
    this.change(name, token, (store) => store.put({timestamp: new Date(), mode: 33206, contents: bytes}, this.key(name)));
  },
  send(name, bytes) {  // bytes, or null for a removal
    if (bytes) this.put(name, bytes); else this.remove(name);
  },
  remove(name) {
    if (this.early) {
      this.lazy.delete(name);
      this.pendingLazy.delete(name);
      this.held.set(name, null);
      return;
    }
    if (!this.db) return;
    this.lazy.delete(name);
    this.change(name, this.journal.write(name, null), (store) => store.delete(this.key(name)));
  },
  refused(name, why) {
    console.warn('Loupe could not save ' + name + ' to browser storage:', why);
    this.unsaved.add(name);
    this.tell('_loupe_storage_failed', name + '\n' + why);
  },
  // Called by the program once its display is ready: true if the records are read (the app starts
  // now), otherwise `start` is called when they are.
  whenRead(start) {
    if (this.read) { this.begin(); return true; }
    this.waiting = () => { this.begin(); start(); };
    return false;
  },
  // The app starts: once everything is read, or early.
  begin() {
    this.started = true;
    if (!this.early) this.attach();
  },
  // Everything is read: replay what the journal holds over it, and what was held while early.
  attach() {
    if (!this.db) return;
    // (No destructuring here or above: Emscripten 3.1.6's JavaScript minifier mangles it.)
    for (const entry of this.journal.pending()) {
      const name = entry.name, bytes = entry.bytes;
      if (this.isLazy(name)) {
        if (bytes) this.pendingLazy.set(name, bytes);
      } else if (bytes) {
        this.files.set(name, bytes);
      } else {
        this.files.delete(name);
      }
      this.send(name, bytes);
    }
    for (const entry of this.held) this.send(entry[0], entry[1]);
    this.held.clear();
    for (const name of this.heard) this.reread(name);
    this.heard.clear();
    this.measure();
    if (navigator.storage && navigator.storage.persist)
      navigator.storage.persist().then((p) => { this.persisted = p; }, () => {});
  },
  // Calls an exported app function with one string.
  tell(fn, text) {
    if (!this.started || !Module[fn]) return;
    const n = lengthBytesUTF8(text) + 1, p = _malloc(n);
    stringToUTF8(text, p, n);
    Module[fn](p);
    _free(p);
  },
  // Whether this browser may have kept anything of Loupe's: if not, the app starts early.
  mayHaveKept() {
    try {
      return localStorage.getItem(this.keptNote) !== null || sessionStorage.getItem(this.keptNote) !== null ||
             !this.journal.empty();
    } catch (err) {
      return true;  // no localStorage to tell: wait for the read, as always
    }
  },
  // Sets the note (once a page); false if the browser refused it.
  noteKept() {
    if (this.kept) return true;
    try { localStorage.setItem(this.keptNote, '1'); this.kept = true; } catch (err) {}
    return this.kept;
  },
  // The read came back after an early start.
  arrived(read) {
    if (read.files.size || read.lazy.size) {  // kept after all: start again from what is stored
      read.db.close();
      // The reload must wait for the read: with no note it would start early again, and again.
      let noted = this.noteKept();
      try { sessionStorage.setItem(this.keptNote, '1'); noted = true; } catch (err) {}
      if (!noted) { this.gaveUp('the browser refused to note in localStorage that Loupe keeps files here'); return; }
      this.held.clear();
      location.reload();
      return;
    }
    this.early = false;
    this.db = read.db;
    this.attach();
  },
  gaveUp(why) {
    this.problem = why;
    this.early = false;
    this.held.clear();
    if (this.started && Module._loupe_storage_off) Module._loupe_storage_off();
  },
  // Another tab changed `name`: read its record again and tell the app.
  reread(name) {
    if (!this.started || this.early) { this.heard.add(name); return; }
    if (!this.db) return;
    const get = this.db.transaction('FILE_DATA', 'readonly').objectStore('FILE_DATA').get(this.key(name));
    get.onsuccess = () => {
      const record = get.result;
      if (this.isLazy(name)) {
        if (record && record.contents) this.lazy.add(name); else this.lazy.delete(name);
      } else if (record && record.contents) this.files.set(name, record.contents);
      else this.files.delete(name);
      this.tell('_loupe_storage_changed', name);
    };
  },
  // Reads one lazy file for the app: _loupe_storage_fetched(name, bytes, size), size -1 when it
  // is not there or cannot be read.
  fetch(name) {
    const answer = (bytes) => {
      const n = lengthBytesUTF8(name) + 1, size = bytes ? bytes.length : 0, p = _malloc(n + size);
      stringToUTF8(name, p, n);
      if (bytes) HEAPU8.set(bytes, p + n);
      Module._loupe_storage_fetched(p, p + n, bytes ? size : -1);
      _free(p);
    };
    const pending = this.pendingLazy.get(name);
    if (pending) { answer(pending); return; }
    if (!this.db) { answer(null); return; }
    try {
      const get = this.db.transaction('FILE_DATA', 'readonly').objectStore('FILE_DATA').get(this.key(name));
      get.onsuccess = () => answer(get.result && get.result.contents ? new Uint8Array(get.result.contents) : null);
      get.onerror = () => answer(null);
    } catch (err) {
      answer(null);
    }
  },
  pendingLazy: new Map(),  // lazy files written but not yet confirmed by the database (from the journal)

  // How much this site keeps, and whether the browser promised to keep it (for the menu).
  measure() {
    if (!navigator.storage || !navigator.storage.estimate) return;
    const wake = () => { if (this.started && Module._loupe_storage_measured) Module._loupe_storage_measured(); };
    navigator.storage.estimate().then((e) => { this.usage = e.usage || 0; this.quota = e.quota || 0; wake(); }, () => {});
    if (navigator.storage.persisted) navigator.storage.persisted().then((p) => { this.persisted = p; wake(); }, () => {});
  },

  // The write-ahead journal: a write is noted synchronously in localStorage before its IndexedDB
  // transaction starts and dropped when the transaction completes. IndexedDB commits a moment
  // later, and a page that is reloaded or closed in that moment may lose the write; localStorage
  // is kept by the time the page can go away. At the next start a journal entry newer than the
  // database's record wins. Only small files are journaled (localStorage holds a few MB at most);
  // a journal that cannot be written changes nothing else.
  journal: {
    kMaxBytes: 256 * 1024,
    prefix: 'loupe-journal:',
    counter: 0,
    // Returns the note's token, or null. A file too big to note, or a note refused, removes the
    // file's older note: a note never stands for anything but the file's latest write.
    write(name, bytes) {
      if (typeof localStorage === 'undefined') return null;
      const key = this.prefix + name;
      try {
        if (bytes && bytes.length > this.kMaxBytes) { localStorage.removeItem(key); return null; }
        const token = Date.now().toString(36) + '.' + (++this.counter) + '.' + Math.random().toString(36).slice(2, 8);
        let text = '';
        if (bytes) for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
        localStorage.setItem(key, JSON.stringify({token, data: bytes ? btoa(text) : null}));
        return token;
      } catch (err) {
        try { localStorage.removeItem(key); } catch (ignored) {}
        return null;
      }
    },
    // Drops the entry if it is still the one this write made (a later write keeps its own).
    done(name, token) {
      if (!token) return;
      try {
        const entry = JSON.parse(localStorage.getItem(this.prefix + name) || 'null');
        if (entry && entry.token === token) localStorage.removeItem(this.prefix + name);
      } catch (err) {}
    },
    empty() {  // throws where there is no localStorage
      for (let i = 0; i < localStorage.length; ++i)
        if (localStorage.key(i).startsWith(this.prefix)) return false;
      return true;
    },
    // Entries left by a page that went away before IndexedDB confirmed them: {name, bytes|null}.
    pending() {
      const out = [];
      if (typeof localStorage === 'undefined') return out;
      try {
        for (let i = 0; i < localStorage.length; ++i) {
          const key = localStorage.key(i);
          if (!key.startsWith(this.prefix)) continue;
          const entry = JSON.parse(localStorage.getItem(key));
          const name = key.slice(this.prefix.length);
          if (!entry || name.indexOf('/') >= 0) continue;
          const bytes = entry.data === null ? null : Uint8Array.from(atob(entry.data), (c) => c.charCodeAt(0));
          out.push({name, bytes});
        }
      } catch (err) {}
      return out;
    },
  },
};

// What web/boot.js read from the database beside the downloads: the app starts once it has come
// (see the top of this file).
Module.preInit = Module.preInit || [];
Module.preInit.push(() => {
  const storage = Module.loupeStorage;
  const done = () => {
    storage.read = true;
    if (!storage.waiting) return;  // the program is not ready yet: it starts the app (whenRead)
    // The app starts from here, inside a promise callback whose errors would go unseen: a start
    // that fails must say so instead.
    try {
      storage.waiting();
    } catch (err) {
      if (Module.onStartFailure) Module.onStartFailure(String(err && err.message || err));
      throw err;
    }
  };
  if (!Module.loupeStorageRead) {
    storage.problem = 'this browser has no IndexedDB';
    done();
    return;
  }
  storage.early = !storage.mayHaveKept();
  if (storage.early) done();
  Module.loupeStorageRead.then((read) => {
    if (storage.early) { storage.arrived(read); return; }
    storage.db = read.db;
    storage.files = read.files;
    storage.lazy = read.lazy;
    done();
  }, (err) => {
    if (storage.early) { storage.gaveUp(err.message); return; }
    storage.problem = err.message;
    done();
  });
  if (storage.channel) storage.channel.onmessage = (e) => storage.reread(String(e.data));
});
