// platform_web.cpp — the browser side of platform.h, as EM_JS glue.
//
// Storage: web/pre.js reads IndexedDB into memory before main(); reads come from there, and every
// write or removal changes memory and goes to IndexedDB at once, per file. Files, clipboard, URL
// and the on-screen keyboard are a few lines of JavaScript each; results come back through the
// exported loupe_* functions. Pictures are decoded, shrunk and encoded by the browser's own image
// code (createImageBitmap, a canvas), so the wasm carries no image codec.
#include <emscripten.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "app/app.h"
#include "core/taste/screenshot.h"
#include "loop.h"
#include "platform.h"

namespace {

std::string clipboard;  // the last text the page saw being copied or pasted
platform::Inbox the_inbox;

}  // namespace

// ---- JavaScript ----------------------------------------------------------------------------------
// Stored files live in web/pre.js's Module.loupeStorage.
EM_JS(int, js_storage_size, (const char* name), {
    const bytes = Module.loupeStorage.files.get(UTF8ToString(name));
    return bytes ? bytes.length : -1;
});
EM_JS(void, js_storage_copy, (const char* name, unsigned char* out), {
    HEAPU8.set(Module.loupeStorage.files.get(UTF8ToString(name)), out);
});
EM_JS(void, js_storage_write, (const char* name, const unsigned char* data, int size), {
    Module.loupeStorage.write(UTF8ToString(name), HEAPU8.slice(data, data + size));
});
EM_JS(int, js_storage_erase, (const char* name), { return Module.loupeStorage.erase(UTF8ToString(name)) ? 1 : 0; });
EM_JS(void, js_storage_fetch, (const char* name), { Module.loupeStorage.fetch(UTF8ToString(name)); });
EM_JS(char*, js_storage_names, (), {
    const s = Module.loupeStorage;
    return Module.loupeNewString([...s.files.keys(), ...s.lazy].join('\n'));
});
EM_JS(char*, js_storage_problem, (), {
    return Module.loupeStorage.problem ? Module.loupeNewString(Module.loupeStorage.problem) : 0;
});
EM_JS(double, js_storage_usage, (int what), {
    const s = Module.loupeStorage;
    return what === 0 ? s.usage : what === 1 ? s.quota : (s.persisted ? 1 : 0);
});
EM_JS(void, js_storage_measure, (), { Module.loupeStorage.measure(); });

EM_JS(void, js_download, (const char* name, const unsigned char* data, int size, const char* mime), {
    const blob = new Blob([HEAPU8.slice(data, data + size)], {type: UTF8ToString(mime)});
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = UTF8ToString(name);
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 60000);
});

EM_JS(void, js_choose_files, (const char* accept, int multiple, double max_bytes), {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = UTF8ToString(accept);
    input.multiple = !!multiple;
    input.style.display = 'none';
    input.addEventListener('change', () => {
        Module.loupeFiles.deliver(input.files, max_bytes);
        input.remove();
    });
    document.body.appendChild(input);
    input.click();
});

EM_JS(void, js_fetch_asset, (const char* path), {
    const name = UTF8ToString(path);
    const fail = (why) => {
        const n = lengthBytesUTF8(name) + 1, w = lengthBytesUTF8(why) + 1, p = _malloc(n + w);
        stringToUTF8(name, p, n);
        stringToUTF8(why, p + n, w);
        Module._loupe_asset_failed(p, p + n);
        _free(p);
    };
    fetch(name).then((r) => {
        if (!r.ok) throw new Error('the server answered ' + r.status);
        return r.arrayBuffer();
    }).then((buffer) => {
        const bytes = new Uint8Array(buffer), n = lengthBytesUTF8(name) + 1, p = _malloc(n + bytes.length);
        stringToUTF8(name, p, n);
        HEAPU8.set(bytes, p + n);
        Module._loupe_asset_arrived(p, p + n, bytes.length);
        _free(p);
    }).catch((err) => fail(String(err && err.message || err)));
});

// ---- Pictures ---------------------------------------------------------------------------------------
// Module.loupePictures decodes with createImageBitmap (which turns a photo upright by its EXIF
// orientation), shrinks by drawing on a white canvas (a transparent PNG becomes a JPEG on white,
// not on black; OffscreenCanvas where there is one) and encodes with the canvas's JPEG encoder,
// which writes nothing but the pixels.
EM_JS(void, js_install_pictures, (), {
    const canvas = (w, h) => {
        if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(w, h);
        const c = document.createElement('canvas');
        c.width = w, c.height = h;
        return c;
    };
    const drawn = (source, w, h) => {
        const c = canvas(w, h), g = c.getContext('2d');
        g.fillStyle = '#fff';
        g.fillRect(0, 0, w, h);
        g.imageSmoothingQuality = 'high';
        g.drawImage(source, 0, 0, w, h);
        return c;
    };
    const jpeg = (c, quality) => (c.convertToBlob ? c.convertToBlob({type: 'image/jpeg', quality})
        : new Promise((done) => c.toBlob(done, 'image/jpeg', quality)))
        .then((blob) => blob.arrayBuffer()).then((buffer) => new Uint8Array(buffer));
    const fitted = (w, h, edge) => {
        const longest = Math.max(w, h);
        if (longest <= edge) return [w, h];
        return [Math.max(1, Math.round(w * edge / longest)), Math.max(1, Math.round(h * edge / longest))];
    };
    const failed = (request, why, report) => {
        const n = lengthBytesUTF8(why) + 1, p = _malloc(n);
        stringToUTF8(why, p, n);
        report(request, p);
        _free(p);
    };
    // Bytes into the wasm heap for one call (HEAPU8 is read after _malloc, which may grow it).
    const handed = (parts, call) => {
        const p = _malloc(parts.reduce((sum, part) => sum + part.length, 0) || 1);
        let at = p;
        const where = parts.map((part) => { HEAPU8.set(part, at); at += part.length; return at - part.length; });
        call(where);
        _free(p);
    };
    Module.loupePictures = {
        reencode(request, bytes, edge, quality, thumbEdge, thumbQuality) {
            createImageBitmap(new Blob([bytes]), {imageOrientation: 'from-image'}).then(async (bitmap) => {
                const [w, h] = fitted(bitmap.width, bitmap.height, edge);
                const picture = drawn(bitmap, w, h);
                bitmap.close();
                const [tw, th] = fitted(w, h, thumbEdge);
                const thumb = drawn(picture, tw, th);
                const rgba = new Uint8Array(thumb.getContext('2d').getImageData(0, 0, tw, th).data.buffer);
                const [image, small] = await Promise.all([jpeg(picture, quality), jpeg(thumb, thumbQuality)]);
                handed([image, small, rgba], ([i, s, r]) => Module._loupe_picture_reencoded(
                    request, i, image.length, s, small.length, w, h, tw, th, r));
            }).catch(() => failed(request, 'This picture is cut short or damaged: the browser could not decode it.',
                                  Module._loupe_picture_not_reencoded));
        },
        decode(request, bytes) {
            createImageBitmap(new Blob([bytes])).then((bitmap) => {
                const w = bitmap.width, h = bitmap.height, c = canvas(w, h), g = c.getContext('2d');
                g.drawImage(bitmap, 0, 0);
                bitmap.close();
                const rgba = new Uint8Array(g.getImageData(0, 0, w, h).data.buffer);
                handed([rgba], ([r]) => Module._loupe_picture_decoded(request, r, w, h));
            }).catch(() => failed(request, 'This screenshot is damaged.', Module._loupe_picture_not_decoded));
        },
    };
});
EM_JS(void, js_reencode_picture, (int request, const unsigned char* data, int size, int edge, int quality,
                                  int thumb_edge, int thumb_quality), {
    Module.loupePictures.reencode(request, HEAPU8.slice(data, data + size), edge, quality / 100, thumb_edge,
                                  thumb_quality / 100);
});
EM_JS(void, js_decode_picture, (int request, const unsigned char* data, int size), {
    Module.loupePictures.decode(request, HEAPU8.slice(data, data + size));
});

EM_JS(char*, js_url_fragment, (), { return Module.loupeNewString(decodeURIComponent(location.hash.replace(/^#/, ""))); });
EM_JS(char*, js_page_url, (), { return Module.loupeNewString(location.origin + location.pathname + location.search); });
EM_JS(void, js_set_url_fragment, (const char* fragment), {
    const f = UTF8ToString(fragment);
    const url = location.pathname + location.search + (f ? "#" + f : "");
    if (url !== location.pathname + location.search + location.hash) history.pushState(null, "", url);
});

EM_JS(void, js_open_in_full_app, (), { Module.loupeOpenFullApp(); });

EM_JS(void, js_clipboard_copy, (const char* text), {
    const s = UTF8ToString(text);
    const fallback = () => {
        const t = document.createElement('textarea');
        t.value = s;
        document.body.appendChild(t);
        t.select();
        try { document.execCommand('copy'); } catch (e) {}
        t.remove();
        Module.canvas.focus();
    };
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(s).catch(fallback);
    else fallback();
});

EM_JS(void, js_open_link, (const char* url), {
    const a = document.createElement('a');
    a.href = UTF8ToString(url);
    a.rel = 'noopener';
    document.body.appendChild(a);
    a.click();
    a.remove();
});
EM_JS(void, js_announce, (const char* text), { document.getElementById('live').textContent = UTF8ToString(text); });
EM_JS(void, js_set_text_input, (int active), { Module.loupeKeyboard.setActive(!!active); });
EM_JS(void, js_random_bytes, (unsigned char* out, int size), { crypto.getRandomValues(HEAPU8.subarray(out, out + size)); });
EM_JS(int, js_prefers_dark, (), { return matchMedia('(prefers-color-scheme: dark)').matches ? 1 : 0; });
EM_JS(void, js_first_frame, (), { if (Module.onFirstFrame) Module.onFirstFrame(); });
EM_JS(void, js_apply_update, (), { if (Module.loupeUpdate) Module.loupeUpdate.apply(); });
EM_JS(void, js_start_failed, (const char* why), {
    console.error("Loupe could not start: " + UTF8ToString(why));
    if (Module.onStartFailure) Module.onStartFailure(UTF8ToString(why));
});

// Listeners that feed the loop and the inbox: the canvas's size, pointer, wheel and keys; drops,
// paste, history, theme, the phone keyboard.
EM_JS(void, js_install_listeners, (), {
    const call = (name, ...args) => Module['_' + name](...args);
    const withString = (s, f) => {
        const n = lengthBytesUTF8(s) + 1, p = _malloc(n);
        stringToUTF8(s, p, n);
        f(p);
        _free(p);
    };
    const canvas = Module.canvas;
    // Its pixels: its CSS size times devicePixelRatio, so text is rasterised for the screen it is on.
    // A zoom or a move to another screen changes the ratio without always resizing the window.
    const fit = () => {
        const box = canvas.getBoundingClientRect(), ratio = devicePixelRatio || 1;
        canvas.width = Math.max(1, Math.round(box.width * ratio));
        canvas.height = Math.max(1, Math.round(box.height * ratio));
        call('loupe_resized');
    };
    const watchRatio = () => matchMedia('(resolution: ' + (devicePixelRatio || 1) + 'dppx)')
        .addEventListener('change', () => { fit(); watchRatio(); }, {once: true});
    fit();
    watchRatio();
    addEventListener('resize', fit);

    // A mouse, a pen and a finger alike, as the primary pointer; a second finger is not a second click.
    const at = (e) => {
        const box = canvas.getBoundingClientRect();
        return [e.clientX - box.left, e.clientY - box.top];
    };
    const buttonOf = (e) => e.button === 2 ? 1 : e.button === 1 ? 2 : 0;
    canvas.addEventListener('pointermove', (e) => { if (e.isPrimary) call('loupe_mouse_moved', ...at(e)); });
    canvas.addEventListener('pointerdown', (e) => {
        if (!e.isPrimary) return;
        canvas.setPointerCapture(e.pointerId);  // a drag that leaves the page still ends here
        call('loupe_mouse_button', buttonOf(e), 1, ...at(e));
    });
    const release = (e) => { if (e.isPrimary) call('loupe_mouse_button', buttonOf(e), 0, ...at(e)); };
    canvas.addEventListener('pointerup', release);
    canvas.addEventListener('pointercancel', release);
    canvas.addEventListener('pointerleave', (e) => { if (e.pointerType === 'mouse') call('loupe_mouse_left'); });
    // One step is 100 pixels, 3 lines or 1/80 page, as SDL counted them. Ctrl+wheel is the browser's zoom.
    canvas.addEventListener('wheel', (e) => {
        if (e.ctrlKey) return;
        e.preventDefault();
        const step = e.deltaMode === 1 ? 1 / 3 : e.deltaMode === 2 ? 80 : 1 / 100;
        call('loupe_wheel', -e.deltaX * step, -e.deltaY * step);
    }, {passive: false});
    addEventListener('blur', () => call('loupe_focus_lost'));
    // Every file is read first and then all are handed over together, in the order given, so a
    // drop of many files arrives in one frame as one import, whatever order the reads finish in.
    Module.loupeFiles = {
        deliver(files, maxBytes) {
            const mb = (x) => (x / 1048576).toFixed(x < 10485760 ? 1 : 0) + ' MB';
            const reads = Array.from(files, (file) => file.size > maxBytes
                ? Promise.resolve({file, why: 'this file is ' + mb(file.size) + ', larger than Loupe can open (' +
                                              mb(maxBytes) + ').'})
                : file.arrayBuffer().then((buffer) => ({file, bytes: new Uint8Array(buffer)}),
                                          (err) => ({file, why: 'it could not be read (' + err + ').'})));
            Promise.all(reads).then((results) => {
                for (const r of results) {
                    if (r.why) {
                        withString(r.file.name, (n) => withString(r.why, (m) => call('loupe_file_failed', n, m)));
                        continue;
                    }
                    const p = _malloc(Math.max(1, r.bytes.length));
                    HEAPU8.set(r.bytes, p);
                    withString(r.file.name, (n) => call('loupe_file_opened', n, p, r.bytes.length));
                    _free(p);
                }
            });
        },
    };
    // A pasted picture (Ctrl+V of a screenshot, or a phone's paste) arrives like a chosen file,
    // named "pasted image.png" and so on, wherever the keyboard focus is.
    const pasteImages = (e) => {
        const items = e.clipboardData ? Array.from(e.clipboardData.items || []) : [];
        const images = items.filter((i) => i.kind === 'file' && i.type.startsWith('image/')).map((i) => i.getAsFile())
                            .filter((f) => f);
        if (!images.length) return false;
        const named = images.map((f) => new File([f], 'pasted image.' + (f.type.split('/')[1] || 'png'), {type: f.type}));
        Module.loupeFiles.deliver(named, call('loupe_max_drop_bytes'));
        return true;
    };
    document.addEventListener('paste', (e) => {
        if (e.target === document.getElementById('keyboard-proxy')) return;  // its own listener below
        if (pasteImages(e)) e.preventDefault();
    });
    let dragDepth = 0;
    const hasFiles = (e) => e.dataTransfer && Array.from(e.dataTransfer.types || []).includes('Files');
    document.addEventListener('dragenter', (e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        if (dragDepth++ === 0) call('loupe_dragging', 1);
    });
    document.addEventListener('dragover', (e) => { if (hasFiles(e)) { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; } });
    document.addEventListener('dragleave', (e) => {
        if (!hasFiles(e)) return;
        if (--dragDepth <= 0) { dragDepth = 0; call('loupe_dragging', 0); }
    });
    document.addEventListener('drop', (e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        dragDepth = 0;
        call('loupe_dragging', 0);
        Module.loupeFiles.deliver(e.dataTransfer.files, call('loupe_max_drop_bytes'));
    });
    window.addEventListener('popstate', () => call('loupe_fragment_changed'));
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => call('loupe_theme_changed'));

    // While an ImGui text field is active, a hidden textarea holds the keyboard focus: phones
    // raise their keyboard only for a real text element, and browsers paste only into one.
    // Typed text arrives through its input events; editing keys and shortcuts are forwarded
    // with their modifiers; a paste fills the clipboard that ImGui's own Ctrl+V then reads.
    // An input method (Japanese, Chinese, Korean; a phone's keyboard for any language) composes in
    // the textarea. What it is composing is shown in the field as it changes (the previous preview
    // is taken back with Backspace first) and replaced by what it commits at the end; its own keys
    // (Enter to choose, Backspace to edit the reading) are never forwarded, and the textarea is left
    // alone until the composition ends.
    const area = document.getElementById('keyboard-proxy');
    const keys = {Backspace: 42, Enter: 40, Tab: 43, Escape: 41, ArrowLeft: 80, ArrowRight: 79, ArrowUp: 82,
                  ArrowDown: 81, Delete: 76, Home: 74, End: 77, PageUp: 75, PageDown: 78};
    const shortcuts = {a: 4, c: 6, v: 25, x: 27, y: 28, z: 29};
    let pasteKeyModifiers = null;  // Ctrl+V was pressed and its paste event is awaited
    const modifiers = (e) => (e.shiftKey ? 1 : 0) | (e.ctrlKey ? 2 : 0) | (e.altKey ? 4 : 0) | (e.metaKey ? 8 : 0);  // loop.h
    Module.canvas.addEventListener('mousedown', (e) => {
        if (document.activeElement === area) e.preventDefault();  // clicking inside the field keeps the focus
    });
    Module.canvas.addEventListener('pointerdown', () => {
        if (document.activeElement !== area) Module.canvas.focus();
    });
    let composing = false, previewed = 0;  // characters of the composition now in the field
    const preview = (text) => {
        for (; previewed > 0; --previewed) call('loupe_key_press', keys.Backspace, 0);
        if (text) withString(text, (p) => call('loupe_text_typed', p));
        previewed = [...text].length;
    };
    area.addEventListener('compositionstart', () => { composing = true; previewed = 0; });
    area.addEventListener('compositionupdate', (e) => preview(e.data || ""));
    area.addEventListener('compositionend', (e) => {
        preview(e.data || "");
        previewed = 0;
        composing = false;
        area.value = "";
    });
    area.addEventListener('keydown', (e) => {
        e.stopPropagation();
        if (composing || e.isComposing || e.keyCode === 229) return;  // the input method's own keys
        pasteKeyModifiers = null;  // a Ctrl+V the browser sent no paste event for is forgotten
        const shortcut = (e.ctrlKey || e.metaKey) ? shortcuts[e.key.toLowerCase()] : undefined;
        const code = keys[e.key] || shortcut;
        if (!code) return;                               // printable: arrives as input
        if (shortcut === shortcuts.v) {
            // The browser pastes: its paste event brings the text, and only then is the key passed on,
            // for ImGui to paste it. Passed on at once, a frame drawn before the paste event arrived
            // (a busy machine) pasted whatever had been copied before.
            pasteKeyModifiers = modifiers(e);
            return;
        }
        e.preventDefault();
        call('loupe_key_press', code, modifiers(e));
    });
    // Every release here is passed on. The canvas has listeners of its own, so a key pressed there and
    // released here (the first letter typed right after a click, before this textarea had the
    // focus; the Ctrl of a Ctrl+V) stayed held for Dear ImGui, and a held key repeats: a held Y
    // made a later Ctrl+V a Ctrl+Y (redo), which ImGui checks first, and nothing was pasted.
    const scancodeOf = (code) => {
        const letter = /^Key([A-Z])$/.exec(code), digit = /^Digit([0-9])$/.exec(code);
        if (letter) return 4 + letter[1].charCodeAt(0) - 65;
        if (digit) return digit[1] === '0' ? 39 : 29 + Number(digit[1]);
        return keys[code] || {Space: 44, Insert: 73, NumpadEnter: 88, ControlLeft: 224, ShiftLeft: 225, AltLeft: 226,
                              MetaLeft: 227, ControlRight: 228, ShiftRight: 229, AltRight: 230, MetaRight: 231}[code] || 0;
    };
    area.addEventListener('keyup', (e) => {
        e.stopPropagation();
        const scancode = scancodeOf(e.code);
        if (scancode) call('loupe_key_released', scancode, modifiers(e));
    });
    // Keys on the canvas itself (no text field active): Tab, arrows, Enter, shortcuts. A printable
    // key is also typed, for a field whose textarea has not taken the focus yet. The browser's own
    // shortcuts (Ctrl+R, Ctrl+L...) are left to it; the keys it would use to move or scroll are not.
    const ownKeys = new Set([keys.Tab, keys.Backspace, keys.Enter, keys.ArrowLeft, keys.ArrowRight, keys.ArrowUp,
                             keys.ArrowDown, keys.PageUp, keys.PageDown, keys.Home, keys.End, scancodeOf('Space')]);
    canvas.addEventListener('keydown', (e) => {
        const scancode = scancodeOf(e.code);
        if (scancode && !e.repeat) call('loupe_key', scancode, 1, modifiers(e));  // Dear ImGui repeats held keys
        const shortcut = (e.ctrlKey || e.metaKey) && 'acxyz'.includes(e.key.toLowerCase()) && e.key.length === 1;
        if ([...e.key].length === 1 && !e.ctrlKey && !e.metaKey) withString(e.key, (p) => call('loupe_text_typed', p));
        if (ownKeys.has(scancode) || shortcut) e.preventDefault();
    });
    canvas.addEventListener('keyup', (e) => {
        const scancode = scancodeOf(e.code);
        if (scancode) call('loupe_key', scancode, 0, modifiers(e));
    });
    // Ctrl+V while the canvas has the focus: a field clicked a moment ago whose frame has not yet been
    // drawn (a fast hand, a busy machine), or no field at all (a picture pasted anywhere). The canvas
    // would pass the key on at once and ImGui paste whatever was copied before; the browser would paste
    // into nothing. So the textarea takes the focus before the browser pastes, and its paste event
    // below brings the text and then the key, queued after the click. The browser pastes before any
    // timer runs: focus taken only for this paste then goes back (a field being activated takes it
    // again).
    let keyboardWanted = false;  // what the app last asked for
    window.addEventListener('keydown', (e) => {
        const onCanvas = document.activeElement === Module.canvas || document.activeElement === document.body;
        if (!onCanvas || e.altKey || !(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 'v') return;
        e.stopImmediatePropagation();
        area.focus({preventScroll: true});
        pasteKeyModifiers = modifiers(e);
        setTimeout(() => { if (!keyboardWanted && document.activeElement === area) Module.canvas.focus(); }, 0);
    }, true);
    area.addEventListener('paste', (e) => {
        e.preventDefault();
        pasteImages(e);
        const text = e.clipboardData ? e.clipboardData.getData('text/plain') : "";
        withString(text, (p) => call('loupe_clipboard_seen', p));
        if (pasteKeyModifiers !== null) call('loupe_key_press', shortcuts.v, pasteKeyModifiers);  // Ctrl+V
        else withString(text, (p) => call('loupe_text_typed', p));  // a phone's or a menu's paste
        pasteKeyModifiers = null;
    });
    area.addEventListener('input', (e) => {
        if (composing || e.isComposing) return;  // compositionend sends the result
        if (e.inputType === 'deleteContentBackward') call('loupe_key_press', keys.Backspace, 0);
        else if (area.value) withString(area.value, (p) => call('loupe_text_typed', p));
        area.value = "";
    });
    Module.loupeKeyboard = {
        setActive(active) {
            keyboardWanted = active;
            if (active && document.activeElement !== area) area.focus({preventScroll: true});
            if (!active && document.activeElement === area) Module.canvas.focus();
        },
    };
});

// ---- Called from JavaScript ------------------------------------------------------------------------
extern "C" {

EMSCRIPTEN_KEEPALIVE void loupe_file_opened(const char* name, const unsigned char* data, int size) {
    the_inbox.files.push_back({name, std::vector<std::uint8_t>(data, data + size), {}});
    platform::wake();
}
EMSCRIPTEN_KEEPALIVE void loupe_file_failed(const char* name, const char* why) {
    the_inbox.files.push_back({name, {}, why});
    platform::wake();
}
EMSCRIPTEN_KEEPALIVE void loupe_storage_fetched(const char* name, const unsigned char* data, int size) {
    if (size < 0) the_inbox.fetched.push_back({name, {}, "It is not in this browser's storage."});
    else the_inbox.fetched.push_back({name, std::vector<std::uint8_t>(data, data + size), {}});
    platform::wake();
}
EMSCRIPTEN_KEEPALIVE void loupe_asset_arrived(const char* path, const unsigned char* data, int size) {
    the_inbox.assets.push_back({path, std::vector<std::uint8_t>(data, data + size), {}});
    platform::wake();
}
EMSCRIPTEN_KEEPALIVE void loupe_picture_reencoded(int request, const unsigned char* image, int image_size,
                                                  const unsigned char* thumb, int thumb_size, int width, int height,
                                                  int thumb_width, int thumb_height, const unsigned char* thumb_rgba) {
    platform::ReencodedPicture out;
    out.request = request;
    out.image.assign(image, image + image_size);
    out.thumb.assign(thumb, thumb + thumb_size);
    out.width = width, out.height = height, out.thumb_width = thumb_width, out.thumb_height = thumb_height;
    out.thumb_rgba.assign(thumb_rgba, thumb_rgba + std::size_t(thumb_width) * std::size_t(thumb_height) * 4);
    the_inbox.reencoded.push_back(std::move(out));
    platform::wake();
}
EMSCRIPTEN_KEEPALIVE void loupe_picture_not_reencoded(int request, const char* why) {
    platform::ReencodedPicture out;
    out.request = request, out.error = why;
    the_inbox.reencoded.push_back(std::move(out));
    platform::wake();
}
EMSCRIPTEN_KEEPALIVE void loupe_picture_decoded(int request, const unsigned char* rgba, int width, int height) {
    platform::DecodedPicture out;
    out.request = request, out.width = width, out.height = height;
    out.rgba.assign(rgba, rgba + std::size_t(width) * std::size_t(height) * 4);
    the_inbox.decoded.push_back(std::move(out));
    platform::wake();
}
EMSCRIPTEN_KEEPALIVE void loupe_picture_not_decoded(int request, const char* why) {
    platform::DecodedPicture out;
    out.request = request, out.error = why;
    the_inbox.decoded.push_back(std::move(out));
    platform::wake();
}
EMSCRIPTEN_KEEPALIVE void loupe_asset_failed(const char* path, const char* why) {
    the_inbox.assets.push_back({path, {}, why});
    platform::wake();
}
EMSCRIPTEN_KEEPALIVE void loupe_dragging(int dragging) {
    the_inbox.dragging_files = dragging != 0;
    platform::wake();
}
EMSCRIPTEN_KEEPALIVE double loupe_max_drop_bytes() { return static_cast<double>(the_inbox.max_drop_bytes); }
EMSCRIPTEN_KEEPALIVE void loupe_clipboard_seen(const char* text) { clipboard = text; }
EMSCRIPTEN_KEEPALIVE void loupe_fragment_changed() {
    the_inbox.fragment_changed = true;
    platform::wake();
}
EMSCRIPTEN_KEEPALIVE void loupe_storage_changed(const char* name) {
    the_inbox.storage_changed.push_back(name);
    platform::wake();
}
// "name\nwhy": the write of `name` was refused for `why`.
EMSCRIPTEN_KEEPALIVE void loupe_storage_failed(const char* what) {
    const std::string_view text = what;
    const std::size_t cut = std::min(text.find('\n'), text.size());
    the_inbox.storage_failures.push_back({std::string(text.substr(0, cut)),
                                          std::string(text.substr(std::min(cut + 1, text.size())))});
    platform::wake();
}
EMSCRIPTEN_KEEPALIVE void loupe_storage_measured() { platform::wake(); }
EMSCRIPTEN_KEEPALIVE void loupe_storage_off() {  // web/pre.js: the read after an early start failed
    the_inbox.storage_off = true;
    platform::wake();
}
EMSCRIPTEN_KEEPALIVE void loupe_storage_saved(const char* name) {
    the_inbox.storage_saved.push_back(name);
    platform::wake();
}
EMSCRIPTEN_KEEPALIVE void loupe_update_ready() {  // web/boot.js: a new build is installed and waiting
    the_inbox.update_ready = true;
    platform::wake();
}
EMSCRIPTEN_KEEPALIVE void loupe_theme_changed() {
    the_inbox.theme_preference_changed = true;
    platform::wake();
}
// The canvas's input (see the listeners), in logical (CSS) pixels.
EMSCRIPTEN_KEEPALIVE void loupe_mouse_moved(float x, float y) {
    loop_input({.kind = InputEvent::MouseMove, .x = x, .y = y});
}
EMSCRIPTEN_KEEPALIVE void loupe_mouse_button(int button, int down, float x, float y) {
    loop_input({.kind = InputEvent::MouseButton, .x = x, .y = y, .button = button, .down = down != 0});
}
EMSCRIPTEN_KEEPALIVE void loupe_wheel(float x, float y) { loop_input({.kind = InputEvent::Wheel, .x = x, .y = y}); }
EMSCRIPTEN_KEEPALIVE void loupe_mouse_left() { loop_input({.kind = InputEvent::MouseLeft}); }
EMSCRIPTEN_KEEPALIVE void loupe_focus_lost() { loop_input({.kind = InputEvent::FocusLost}); }
EMSCRIPTEN_KEEPALIVE void loupe_resized() { platform::wake(); }
EMSCRIPTEN_KEEPALIVE void loupe_key(int scancode, int down, int modifiers) {
    loop_input({.kind = InputEvent::Key, .down = down != 0, .key = scancode, .modifiers = modifiers});
}
EMSCRIPTEN_KEEPALIVE void loupe_text_typed(const char* text) { loop_input({.kind = InputEvent::Text, .text = text}); }
// A release the textarea saw: harmless for a key not held.
EMSCRIPTEN_KEEPALIVE void loupe_key_released(int scancode, int modifiers) { loupe_key(scancode, 0, modifiers); }
EMSCRIPTEN_KEEPALIVE void loupe_key_press(int scancode, int modifiers) {
    loupe_key(scancode, 1, modifiers);
    // The text field forwards no modifier releases, so the key's release lets go of them: else Ctrl
    // would stay held after Ctrl+V, and Dear ImGui ignores the mouse wheel while Ctrl is down.
    loupe_key(scancode, 0, 0);
}

// Test-only queries used by the end-to-end tests.
EMSCRIPTEN_KEEPALIVE double loupe_frames_drawn() { return static_cast<double>(loop_frames_drawn()); }
// The widget's rectangle in CSS pixels (x, y, w, h), or null when it was not visible last frame;
// with `off_screen_too`, also where a widget scrolled out of view was laid out.
EMSCRIPTEN_KEEPALIVE const float* loupe_widget_rect(const char* id, int off_screen_too) {
    static float rect[4];
    if (!app_widget_rect(id, rect, off_screen_too != 0)) return nullptr;
    for (float& v : rect) v /= loop_pixel_ratio();
    return rect;
}

EMSCRIPTEN_KEEPALIVE const char* loupe_focused_widget() { return app_focused_widget(); }
EMSCRIPTEN_KEEPALIVE const char* loupe_placeholder_glyphs() { return app_placeholder_glyphs(); }

}  // extern "C"

// ---- platform.h -------------------------------------------------------------------------------------
namespace platform {

bool storage_read(const std::string& name, std::vector<std::uint8_t>& out) {
    const int size = js_storage_size(name.c_str());
    if (size < 0) return false;
    out.resize(static_cast<std::size_t>(size));
    js_storage_copy(name.c_str(), out.data());
    return true;
}

bool is_fetched_on_demand(const std::string& name) { return name.starts_with("picture-"); }

bool storage_write(const std::string& name, std::span<const std::uint8_t> bytes) {
    js_storage_write(name.c_str(), bytes.data(), static_cast<int>(bytes.size()));
    return true;
}

bool storage_remove(const std::string& name) { return js_storage_erase(name.c_str()) != 0; }

std::vector<std::string> storage_list() {
    std::vector<std::string> names;
    char* all = js_storage_names();
    for (std::string_view rest = all; !rest.empty();) {
        const std::size_t end = std::min(rest.find('\n'), rest.size());
        names.emplace_back(rest.substr(0, end));
        rest.remove_prefix(std::min(end + 1, rest.size()));
    }
    std::free(all);
    return names;
}

void storage_fetch(const std::string& name) { js_storage_fetch(name.c_str()); }

std::string storage_problem() {
    char* problem = js_storage_problem();
    if (!problem) return {};
    std::string text = problem;
    std::free(problem);
    return text;
}

StorageUsage storage_usage() { return {js_storage_usage(0), js_storage_usage(1), js_storage_usage(2) != 0}; }
void storage_measure() { js_storage_measure(); }

std::string download(const std::string& file_name, std::span<const std::uint8_t> bytes, const char* mime_type) {
    js_download(file_name.c_str(), bytes.data(), static_cast<int>(bytes.size()), mime_type);
    return file_name + " (in your downloads)";
}

void choose_files(const char* accept, bool multiple, std::size_t max_bytes) {
    js_choose_files(accept, multiple ? 1 : 0, static_cast<double>(max_bytes));
}

void fetch_asset(const std::string& path) { js_fetch_asset(path.c_str()); }

void reencode_picture(int request, std::span<const std::uint8_t> bytes) {
    using namespace loupe::taste;
    js_reencode_picture(request, bytes.data(), int(bytes.size()), kScreenshotLongEdge, kJpegQuality, kThumbnailLongEdge,
                        kThumbnailQuality);
}
void decode_picture(int request, std::span<const std::uint8_t> jpeg) {
    js_decode_picture(request, jpeg.data(), int(jpeg.size()));
}

std::string url_fragment() {
    char* f = js_url_fragment();
    std::string text = f;
    std::free(f);
    return text;
}

std::string page_url() {
    char* url = js_page_url();
    std::string text = url;
    std::free(url);
    return text;
}

void set_url_fragment(const std::string& fragment) { js_set_url_fragment(fragment.c_str()); }
void open_in_full_app() { js_open_in_full_app(); }
void clipboard_copy(const std::string& text) {
    clipboard = text;
    js_clipboard_copy(text.c_str());
}
void open_link(const std::string& url) { js_open_link(url.c_str()); }
void apply_update() { js_apply_update(); }
void announce(const std::string& text) {
    static std::string last;
    if (text != last) js_announce(text.c_str());
    last = text;
}
void set_text_input_active(bool active) {
    static bool was_active = false;
    if (active != was_active) js_set_text_input(active ? 1 : 0);
    was_active = active;
}
bool prefers_dark_theme() { return js_prefers_dark() != 0; }
std::uint64_t random_u64() {
    std::uint64_t value = 0;
    js_random_bytes(reinterpret_cast<unsigned char*>(&value), sizeof value);
    return value;
}
Inbox& inbox() { return the_inbox; }
double now_seconds() { return emscripten_get_now() / 1000.0; }

}  // namespace platform

// ---- loop.h -----------------------------------------------------------------------------------------
void platform_init() {
    js_install_listeners();
    js_install_pictures();
}
void platform_first_frame_drawn() { js_first_frame(); }
void platform_start_failed(const char* why) { js_start_failed(why); }
const char* platform_clipboard_text() { return clipboard.c_str(); }
