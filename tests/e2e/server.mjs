// A static server for the built widget (dist/) that sends the strict Content Security Policy a
// public authority's site would, and records any CSP violation report. Used by the browser tests
// and by `.ci/serve --dist`. Binds to 127.0.0.1 only.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

export const CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
  'report-uri /csp-report',
].join('; ');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/** Serves `roots` (first match wins) on 127.0.0.1:`port` (0 = any free port), with `csp` (the
 *  widget's strict policy unless another is given, e.g. a host page's in frame mode); with `cors`,
 *  files may be read from other origins (a host publishing the catalogue elsewhere). */
export async function serve({ roots, port = 0, csp = CSP, cors = false }) {
  const reports = [];
  const requests = [];
  const server = createServer(async (req, res) => {
    requests.push(req.url);
    if (req.method === 'POST' && req.url === '/csp-report') {
      let body = '';
      for await (const chunk of req) body += chunk;
      reports.push(body);
      res.writeHead(204).end();
      return;
    }
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    for (const root of roots) {
      const base = resolve(root);
      let file = normalize(join(base, path));
      if (!file.startsWith(base)) break;
      try {
        if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
        const body = await readFile(file);
        res.writeHead(200, {
          'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
          'Content-Security-Policy': typeof csp === 'function' ? csp(file) : csp,
          'X-Content-Type-Options': 'nosniff',
          'Referrer-Policy': 'no-referrer',
          'Cache-Control': 'no-store',
          ...(cors ? { 'Access-Control-Allow-Origin': '*' } : {}),
        });
        res.end(body);
        return;
      } catch {
        // try the next root
      }
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  const { port: actual } = server.address();
  return {
    url: `http://127.0.0.1:${actual}`,
    reports,
    requests,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

// `node tests/e2e/server.mjs [dist] [port]`: serve the built widget by hand.
if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.argv[2] ?? 'dist';
  const port = Number(process.argv[3] ?? 8080);
  const server = await serve({ roots: [root], port });
  console.log(`Serving ${root} with a strict CSP at ${server.url}/`);
}
