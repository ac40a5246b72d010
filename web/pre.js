// pre.js — runs inside loupe.js before main(): browser storage.
//
// Each stored file is one record in IndexedDB (database "/loupe", store "FILE_DATA": the layout
// Emscripten's IDBFS used, so earlier workspaces still load). All records are copied into the
// in-memory file system at /loupe before the app starts; loading starts in preInit, so it
// overlaps compiling the wasm. Every write or removal then goes to IndexedDB on its own, at once,
// so two tabs never undo each other's files (a whole-folder sync would delete what the other tab
// just made). A BroadcastChannel tells the other tabs which file changed; they read it again.
Module.loupeStorage = {
  problem: '',
  db: null,
  channel: typeof BroadcastChannel === 'function' ? new BroadcastChannel('loupe-storage') : null,
  key: (name) => '/loupe/' + name,
  change(name, apply) {
    if (!this.db) return;
    const tx = this.db.transaction('FILE_DATA', 'readwrite');
    apply(tx.objectStore('FILE_DATA'));
    tx.oncomplete = () => { if (this.channel) this.channel.postMessage(name); };
    tx.onerror = tx.onabort = () => {
      const why = tx.error ? tx.error.name + ': ' + tx.error.message : 'the browser refused';
      console.warn('Loupe could not save ' + name + ' to browser storage:', why);
      if (Module._loupe_storage_failed) Module.loupeStorage.report(name, why);
    };
  },
  put(name, bytes) {
    this.change(name, (store) => store.put({timestamp: new Date(), mode: 33206, contents: bytes}, this.key(name)));
  },
  remove(name) { this.change(name, (store) => store.delete(this.key(name))); },
  report(name, why) {
    const text = name + ': ' + why, n = lengthBytesUTF8(text) + 1, p = _malloc(n);
    stringToUTF8(text, p, n);
    Module._loupe_storage_failed(p);
    _free(p);
  },
  // Another tab changed `name`: copy its record into /loupe again and tell the app.
  reread(name) {
    const get = this.db.transaction('FILE_DATA', 'readonly').objectStore('FILE_DATA').get(this.key(name));
    get.onsuccess = () => {
      const record = get.result, path = this.key(name);
      if (record && record.contents) FS.writeFile(path, record.contents);
      else if (FS.analyzePath(path).exists) FS.unlink(path);
      const n = lengthBytesUTF8(name) + 1, p = _malloc(n);
      stringToUTF8(name, p, n);
      Module._loupe_storage_changed(p);
      _free(p);
    };
  },
};
Module.preInit = Module.preInit || [];
Module.preInit.push(() => {
  const storage = Module.loupeStorage;
  FS.mkdir('/loupe');
  if (typeof indexedDB === 'undefined') { storage.problem = 'this browser has no IndexedDB'; return; }
  addRunDependency('loupe-storage');
  const fail = (why) => { storage.problem = 'IndexedDB is unavailable: ' + why; removeRunDependency('loupe-storage'); };
  let open;
  try { open = indexedDB.open('/loupe', 21); } catch (err) { fail(err); return; }
  open.onupgradeneeded = () => {
    if (!open.result.objectStoreNames.contains('FILE_DATA'))
      open.result.createObjectStore('FILE_DATA').createIndex('timestamp', 'timestamp', {unique: false});
  };
  open.onerror = () => fail(open.error);
  open.onsuccess = () => {
    storage.db = open.result;
    const cursor = storage.db.transaction('FILE_DATA', 'readonly').objectStore('FILE_DATA').openCursor();
    cursor.onerror = () => fail(cursor.error);
    cursor.onsuccess = () => {
      const at = cursor.result;
      if (!at) {
        if (storage.channel) storage.channel.onmessage = (e) => storage.reread(String(e.data));
        removeRunDependency('loupe-storage');
        return;
      }
      const path = String(at.key);
      if (at.value && at.value.contents && path.startsWith('/loupe/') && path.indexOf('/', 7) < 0)
        FS.writeFile(path, at.value.contents);
      at.continue();
    };
  };
});
