// serve.mjs — a tiny static server for the built app (never deployed; any static host works).
// Sends the same Content-Security-Policy as the page, correct MIME types, and asks the browser to
// check every file before using its copy (no-cache, with an ETag), so a reload always shows the
// latest build and a file the browser already has is not sent again: the service worker keeps the
// build the page has just downloaded, and as on any static host, that costs a 304, not a second
// download. Usage: node web/serve.mjs DIR [PORT]  (PORT 0: any free)
import {createServer} from 'node:http';
import {readFile, stat} from 'node:fs/promises';
import {extname, join, normalize} from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.json': 'application/json', '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
};
const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; style-src 'self'; " +
            "img-src 'self' data: blob:; font-src 'self'; manifest-src 'self'; worker-src 'self'; base-uri 'none'; " +
            "form-action 'none'; frame-ancestors 'none'";

export function serve(root, port = 0, host = '127.0.0.1') {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = normalize(join(root, path.endsWith('/') ? path + 'index.html' : path));
    if (!file.startsWith(normalize(root))) { res.writeHead(403).end(); return; }
    try {
      const info = await stat(file);
      const etag = `"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}"`;
      const headers = {
        'Cache-Control': 'no-cache',
        'ETag': etag,
        'Content-Security-Policy': CSP,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
      };
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, headers).end();
        return;
      }
      const body = await readFile(file);
      res.writeHead(200, {...headers, 'Content-Type': TYPES[extname(file)] || 'application/octet-stream',
                          'Content-Length': body.length});
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, {'Content-Type': 'text/plain'}).end('not found');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [root, port = process.env.PORT || '8080'] = process.argv.slice(2);
  serve(root, Number(port)).then((server) => {
    console.log(`Loupe is running at http://localhost:${server.address().port}/  (Ctrl+C to stop)`);
  }, (err) => {
    console.error(err.code === 'EADDRINUSE' ? `Port ${port} is in use; run with PORT=another-number.` : err.message);
    process.exit(1);
  });
}
