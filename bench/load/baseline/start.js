// The baseline marks its first frame the way Loupe's boot.js does.
var Module = {canvas: document.getElementById('canvas'), onFirstFrame() { performance.mark('first-frame'); }};
