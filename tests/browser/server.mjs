// The static file server of ambit's browser tests: serves a built site under a URL sub-path,
// as a static host would (index.html for folders, 404.html for what is missing), and finds a
// free port for servers the tests start.

import http from 'node:http';
import net from 'node:net';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';

export const defaultPrefix = '/sub/path/';


const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
};

export function contentType(file) {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
}

function normalizePrefix(prefix) {
  let p = prefix || '/';
  if (!p.startsWith('/')) p = '/' + p;
  if (!p.endsWith('/')) p += '/';
  return p;
}

async function statOrNull(p) {
  try {
    return await fsp.stat(p);
  } catch {
    return null;
  }
}

/**
 * Start a static file server on 127.0.0.1, on a random free port.
 *
 * URLs under `prefix` map to files under `root`: `<prefix>a/b/` -> `root/a/b/index.html`,
 * `<prefix>a/b.json` -> `root/a/b.json`. A folder requested without its trailing slash gets a
 * 301 to the slashed URL (as static hosts do). Anything missing, or outside the prefix, gets
 * `root/404.html` with status 404. `root` may be given later with `setRoot()`, so the port (and
 * thus the base URL) is known before the site is built.
 *
 * Every response is recorded in `server.log` as {method, url, status}.
 */
export async function startStaticServer({ root = null, prefix = defaultPrefix } = {}) {
  prefix = normalizePrefix(prefix);
  let rootDir = root ? path.resolve(root) : null;
  const log = [];

  async function send404(req, res) {
    let body = Buffer.from('404 Not Found (the site has no 404.html)\n');
    let type = CONTENT_TYPES['.txt'];
    try {
      body = await fsp.readFile(path.join(rootDir, '404.html'));
      type = CONTENT_TYPES['.html'];
    } catch {
      // no 404.html: plain text
    }
    res.writeHead(404, { 'content-type': type, 'content-length': body.length, 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
    return 404;
  }

  async function handle(req, res) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' });
      res.end();
      return 405;
    }
    if (!rootDir) {
      res.writeHead(503, { 'content-type': CONTENT_TYPES['.txt'] });
      res.end('site not built yet\n');
      return 503;
    }
    const url = new URL(req.url, 'http://localhost');
    let pathname;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400);
      res.end();
      return 400;
    }
    if (pathname + '/' === prefix) {
      res.writeHead(301, { location: prefix + url.search });
      res.end();
      return 301;
    }
    if (!pathname.startsWith(prefix) || pathname.includes('\0')) return send404(req, res);
    const rel = pathname.slice(prefix.length);
    // Resolve inside rootDir only; ".." segments cannot escape it.
    const file = path.join(rootDir, path.posix.normalize('/' + rel));
    if (file !== rootDir && !file.startsWith(rootDir + path.sep)) return send404(req, res);

    let target = file;
    let st = await statOrNull(target);
    if (st && st.isDirectory()) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { location: url.pathname + '/' + url.search });
        res.end();
        return 301;
      }
      target = path.join(target, 'index.html');
      st = await statOrNull(target);
    }
    if (!st || !st.isFile()) return send404(req, res);
    res.writeHead(200, {
      'content-type': contentType(target),
      'content-length': st.size,
      'cache-control': 'no-store',
    });
    if (req.method === 'HEAD') {
      res.end();
    } else {
      fs.createReadStream(target).pipe(res);
    }
    return 200;
  }

  const server = http.createServer((req, res) => {
    handle(req, res).then(
      (status) => log.push({ method: req.method, url: req.url, status }),
      (err) => {
        log.push({ method: req.method, url: req.url, status: 500, error: String(err) });
        if (!res.headersSent) res.writeHead(500);
        res.end();
      },
    );
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const port = server.address().port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    port,
    origin,
    prefix,
    baseUrl: origin + prefix,
    log,
    setRoot(dir) {
      rootDir = path.resolve(dir);
    },
    /** URL of a file inside the site: `a/b/index.html` -> `<base>a/b/`. */
    urlFor(relFile) {
      let rel = relFile.split(path.sep).join('/');
      if (rel === 'index.html') rel = '';
      else if (rel.endsWith('/index.html')) rel = rel.slice(0, -'index.html'.length);
      return origin + prefix + rel.split('/').map(encodeURIComponent).join('/');
    },
    close() {
      return new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      });
    },
  };
}

/** A free TCP port on 127.0.0.1 (closed again before returning; tiny race, fine for tests). */
export function findFreePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}
