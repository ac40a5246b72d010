// pre.js — runs inside loupe.js before main(): mounts browser storage (IndexedDB through
// Emscripten's IDBFS) at /loupe and loads it before the app first reads anything. It starts in
// preInit, not preRun, so loading storage overlaps compiling the wasm instead of following it.
// Changes are persisted within half a second, and at once when the page is hidden or left.
Module.loupeStorage = {
  problem: '',
  dirty: false,
  syncing: false,
  timer: 0,
  persistSoon() {
    this.dirty = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.persistNow(), 300);
  },
  persistNow() {
    clearTimeout(this.timer);
    if (!this.dirty || this.problem) return;
    if (this.syncing) { this.timer = setTimeout(() => this.persistNow(), 50); return; }
    this.dirty = false;
    this.syncing = true;
    FS.syncfs(false, (err) => {
      this.syncing = false;
      if (err) { this.dirty = true; console.warn('Loupe could not save to browser storage:', err); }
    });
  },
};
Module.preInit = Module.preInit || [];
Module.preInit.push(() => {
  FS.mkdir('/loupe');
  try {
    FS.mount(IDBFS, {}, '/loupe');
  } catch (err) {
    Module.loupeStorage.problem = String(err);
    return;
  }
  addRunDependency('loupe-storage');
  FS.syncfs(true, (err) => {
    if (err) Module.loupeStorage.problem = 'IndexedDB is unavailable: ' + err;
    removeRunDependency('loupe-storage');
  });
});
const flushLoupeStorage = () => Module.loupeStorage.persistNow();
addEventListener('pagehide', flushLoupeStorage);
document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') flushLoupeStorage(); });
