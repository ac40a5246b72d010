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

  const noWebGL2 = 'Loupe needs WebGL2 to draw, and this browser has it turned off or does not support it. ' +
    'Try a current Chrome, Edge, Firefox or Safari, or turn on hardware acceleration in the browser settings.';
  // Checked without creating a context (that alone costs tens of milliseconds); if the browser
  // has WebGL2 but refuses a context, the app reports it through onStartFailure.
  const missing = typeof WebAssembly !== 'object'
    ? 'Loupe needs a browser with WebAssembly. Please open this page in a current Chrome, Edge, Firefox or Safari.'
    : typeof WebGL2RenderingContext === 'undefined' ? noWebGL2 : '';

  // Streams loupe.wasm through a counter so the bar shows real progress, then compiles it
  // while it is still arriving.
  const instantiateWasm = (imports, done) => {
    if (missing) {  // loupe.js is already on its way (index.html); it must not start
      fail(missing);
      return {};
    }
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
    onStartFailure: (why) => fail(why.includes('WebGL') ? noWebGL2 : 'Loupe could not start: ' + why),
    onAbort(what) {
      fail('Loupe stopped because of an internal error (' + what + '). Reload the page; your saved work is safe.');
    },
    print: (s) => console.log(s),
    printErr: (s) => console.warn(s),
  };
  addEventListener('error', (e) => {
    if (e.target && e.target.src && e.target.src.endsWith('loupe.js'))
      fail('Loupe could not load its program file. Check your connection and reload the page.');
  }, true);
})();
