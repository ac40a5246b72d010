// boot.js — starts Loupe: checks what the browser must have, downloads the wasm with a progress
// bar, and replaces the loading screen by a readable message if anything goes wrong.
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

  if (typeof WebAssembly !== 'object') {
    fail('Loupe needs a browser with WebAssembly. Please open this page in a current Chrome, Edge, Firefox or Safari.');
    return;
  }
  if (!document.createElement('canvas').getContext('webgl2')) {
    fail('Loupe needs WebGL2 to draw, and this browser has it turned off or does not support it. ' +
         'Try a current Chrome, Edge, Firefox or Safari, or turn on hardware acceleration in the browser settings.');
    return;
  }

  // Streams loupe.wasm through a counter so the bar shows real progress, then compiles it
  // while it is still arriving.
  const instantiateWasm = (imports, done) => {
    fetch('loupe.wasm').then((response) => {
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
      const wasm = new Response(counted, {headers: {'Content-Type': 'application/wasm'}});
      return WebAssembly.instantiateStreaming(wasm, imports);
    }).then((result) => {
      text.textContent = 'Starting…';
      done(result.instance, result.module);
    }).catch((err) => {
      fail('Loupe could not load (' + err.message + '). Check your connection and reload the page.');
    });
    return {};
  };

  window.Module = {
    canvas,
    instantiateWasm,
    onFirstFrame() {
      performance.mark('first-frame');  // bench/load times the first frame by this mark
      loader.classList.add('done');
      canvas.focus();
    },
    onAbort(what) {
      fail('Loupe stopped because of an internal error (' + what + '). Reload the page; your saved work is safe.');
    },
    print: (s) => console.log(s),
    printErr: (s) => console.warn(s),
  };

  const script = document.createElement('script');
  script.src = 'loupe.js';
  script.onerror = () => fail('Loupe could not load its program file. Check your connection and reload the page.');
  document.body.appendChild(script);
})();
