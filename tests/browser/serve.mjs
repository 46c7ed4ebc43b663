// Live-reload test of `ambit serve`.
//
//   node tests/browser/serve.mjs [--content DIR] [--place ID] [--action ID] [--reload-ms 1000]
//
// Copies the content (default: the repository's content/) to a temp dir, starts
// `ambit serve --content TMP --port P` on a free port and, in headless Chromium:
//   1. opens a place's action page;
//   2. edits the action's title in its file: the open page must show the new title, without a
//      manual reload, within 1 s (the time is printed);
//   3. breaks the file's front matter: the server must keep answering, the page must show an
//      element with id="ambit-error-overlay", and ambit's stderr must name the file;
//   4. restores the file: the overlay must go and the page show the content again;
// and checks that the server listens on loopback only. Closes with `N passed, M failed`,
// counting checks; exits 1 on any failure. The server is killed at the end.

import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import {
  ambitBin, defaultContent, findFreePort, launchBrowser, listEntities, listPlaces, makeTempDir,
  parseArgs, removeDir, Reporter, watchdog,
} from './lib.mjs';

const STEP_MS = 5000; // how long to wait for the overlay, the recovery, stderr
const START_MS = 120_000; // how long the first build may take
const rep = new Reporter('serve');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitFor(fn, timeoutMs, everyMs = 25) {
  const t0 = Date.now();
  for (;;) {
    let v;
    try {
      v = await fn();
    } catch {
      v = undefined; // e.g. the page is navigating (full reload)
    }
    if (v) return { value: v, ms: Date.now() - t0 };
    if (Date.now() - t0 >= timeoutMs) return { value: undefined, ms: Date.now() - t0 };
    await sleep(everyMs);
  }
}

async function httpStatus(url) {
  try {
    const r = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(3000) });
    await r.arrayBuffer();
    return r.status;
  } catch {
    return null;
  }
}

/** Local addresses of sockets listening on TCP `port`, e.g. ['127.0.0.1']. */
function listenAddresses(port) {
  const ss = spawnSync('ss', ['-ltnH'], { encoding: 'utf8' });
  if (ss.status === 0) {
    const addrs = [];
    for (const line of ss.stdout.split('\n')) {
      const local = line.trim().split(/\s+/)[3];
      if (!local) continue;
      const i = local.lastIndexOf(':');
      if (local.slice(i + 1) === String(port)) addrs.push(local.slice(0, i).replace(/%.*$/, ''));
    }
    return { tool: 'ss -ltn', addrs };
  }
  // No ss: read /proc/net/tcp{,6} (state 0A = LISTEN).
  const addrs = [];
  for (const [file, v6] of [['/proc/net/tcp', false], ['/proc/net/tcp6', true]]) {
    let text = '';
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 4 || cols[3] !== '0A') continue;
      const [hexAddr, hexPort] = cols[1].split(':');
      if (parseInt(hexPort, 16) !== port) continue;
      if (!v6) {
        addrs.push(hexAddr.match(/../g).reverse().map((h) => parseInt(h, 16)).join('.'));
      } else {
        addrs.push(hexAddr === '00000000000000000000000001000000' ? '[::1]'
          : /^0+$/.test(hexAddr) ? '[::]' : `[v6 ${hexAddr}]`);
      }
    }
  }
  return { tool: '/proc/net/tcp', addrs };
}

function replaceTitle(text, newTitleLine) {
  return text.replace(/^(\uFEFF?---\r?\n[\s\S]*?)^title:.*$/m, `$1${newTitleLine}`);
}

async function main() {
  const args = parseArgs(process.argv.slice(2), { content: 'value', place: 'value', action: 'value', 'reload-ms': 'value' });
  const content = path.resolve(args.content || defaultContent);
  const reloadLimit = Number(args['reload-ms'] || process.env.RELOAD_LIMIT_MS || 1000);
  watchdog(Number(process.env.SERVE_TIMEOUT_S || 300), 'serve');
  const bin = ambitBin();
  if (!fs.existsSync(bin)) throw new Error(`ambit binary not found at ${bin} (cargo build --release, or set AMBIT_BIN)`);

  // Work on a copy: the test edits files.
  const tmp = makeTempDir('ambit-serve');
  const tmpContent = path.join(tmp, 'content');
  fs.cpSync(content, tmpContent, { recursive: true });
  const themes = path.join(path.dirname(content), 'themes');
  if (fs.existsSync(themes)) fs.cpSync(themes, path.join(tmp, 'themes'), { recursive: true });

  // Pick the action: the first published one of the first place that has one.
  let place = args.place;
  let action;
  for (const p of place ? [place] : listPlaces(tmpContent)) {
    const acts = listEntities(tmpContent, p, 'actions');
    action = args.action ? acts.find((a) => a.id === args.action) : acts[0];
    if (action) {
      place = p;
      break;
    }
  }
  if (!action) throw new Error(`no published action found in ${content}${args.place ? ' for place ' + args.place : ''}`);
  const relFile = `${place}/actions/${action.id}.md`;
  const original = fs.readFileSync(action.file, 'utf8');
  console.log(`editing ${relFile} (title: ${action.title})`);

  const port = await findFreePort();
  const origin = `http://127.0.0.1:${port}`;
  const out = { stdout: '', stderr: '' };
  const child = spawn(bin, ['serve', '--content', tmpContent, '--port', String(port)], {
    cwd: tmp,
    detached: true, // own process group, so kill() reaches anything it starts
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env },
  });
  let exited = null;
  const exitPromise = new Promise((resolve) => child.on('exit', (code, signal) => {
    exited = { code, signal };
    resolve();
  }));
  child.stdout.on('data', (d) => { out.stdout += d; });
  child.stderr.on('data', (d) => { out.stderr += d; });

  let browser;
  try {
    // Server starts and answers.
    const up = await waitFor(async () => exited || (await httpStatus(origin + '/')) === 200, START_MS, 200);
    if (!up.value || exited) {
      rep.fail(`server answers 200 at ${origin}/`, [
        exited ? `ambit serve exited (${exited.code ?? exited.signal})` : `no 200 within ${START_MS} ms (last: ${await httpStatus(origin + '/')})`,
      ]);
      throw new Error('server did not start');
    }
    rep.pass(`server answers 200 at ${origin}/`, `after ${up.ms} ms`);

    // Loopback only.
    const { tool, addrs } = listenAddresses(port);
    const loopback = (a) => a === '127.0.0.1' || a.startsWith('127.') || a === '[::1]' || a === '::1';
    rep.check(`listens on loopback only (port ${port})`,
      addrs.length === 0 ? [`${tool} shows no listening socket on port ${port}`]
        : addrs.filter((a) => !loopback(a)).map((a) => `listening on ${a}:${port}, expected 127.0.0.1 only`),
      `${tool}: ${addrs.map((a) => `${a}:${port}`).join(' ')}`);

    browser = await launchBrowser();
    const page = await (await browser.newContext()).newPage();
    const pageUrl = `${origin}/${place}/actions/${action.id}/`;
    const bodyHas = (t) => page.evaluate((s) => !!document.body && document.body.innerText.includes(s), t);
    const overlay = () => page.evaluate(() => !!document.getElementById('ambit-error-overlay'));

    const resp = await page.goto(pageUrl, { waitUntil: 'load', timeout: 30_000 });
    const shown = await waitFor(() => bodyHas(action.title), 2000);
    rep.check(`action page ${pageUrl} shows its title`, [
      ...(resp && resp.status() === 200 ? [] : [`status ${resp ? resp.status() : 'none'}`]),
      ...(shown.value ? [] : [`title "${action.title}" not on the page`]),
    ]);
    await page.evaluate(() => { window.__ambitTestMarker = 1; });

    // 1. Edit the title: the open page updates by itself.
    const newTitle = `Ändrad rubrik ${Date.now().toString(36)}`;
    const edited = replaceTitle(original, `title: "${newTitle}"`);
    if (edited === original) throw new Error(`could not find a title: line in ${relFile}`);
    let t0 = Date.now();
    fs.writeFileSync(action.file, edited);
    const reload = await waitFor(() => bodyHas(newTitle), Math.max(STEP_MS, reloadLimit * 3));
    const ms = Date.now() - t0;
    const how = reload.value ? ((await page.evaluate(() => window.__ambitTestMarker).catch(() => undefined)) ? 'updated in place' : 'full page reload') : '';
    console.log(`live reload: ${reload.value ? `${ms} ms (${how})` : `not seen within ${reload.ms} ms`}`);
    rep.check(`edited title appears without manual reload within ${reloadLimit} ms`,
      !reload.value ? [`new title not shown within ${reload.ms} ms`]
        : ms > reloadLimit ? [`took ${ms} ms`] : [], `${ms} ms, ${how}`);

    // 2. Break the front matter.
    const errStart = out.stderr.length;
    const broken = replaceTitle(original, 'title: [unclosed "bracket');
    t0 = Date.now();
    fs.writeFileSync(action.file, broken);
    const ov = await waitFor(overlay, STEP_MS);
    rep.check('broken front matter shows #ambit-error-overlay',
      ov.value ? [] : [`no element with id="ambit-error-overlay" within ${STEP_MS} ms`], `${Date.now() - t0} ms`);
    const stRoot = await httpStatus(origin + '/');
    const stPage = await httpStatus(pageUrl);
    rep.check('server still answers while the content has an error',
      stRoot !== null && stPage !== null && !exited ? [] : [
        exited ? `ambit serve exited (${exited.code ?? exited.signal})` : `/ -> ${stRoot}, page -> ${stPage}`],
      `/ -> ${stRoot}, page -> ${stPage}`);
    // The contract's error line: `path:line:column: error: message`, path ending in relFile.
    const errLine = new RegExp(`${relFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+(:\\d+)?: error`);
    const named = await waitFor(() => errLine.test(out.stderr.slice(errStart)), STEP_MS);
    const errText = out.stderr.slice(errStart).trim();
    rep.check(`stderr names the broken file (${relFile}:LINE:COL: error: ...)`, named.value ? [] : [
      `no such line in stderr since the edit: ${JSON.stringify(errText.slice(0, 600))}`,
      ...(errLine.test(out.stdout) ? ['(it is in stdout; errors belong on stderr)'] : []),
    ], errText.split('\n').find((l) => errLine.test(l))?.trim().slice(0, 160) || '');

    // 3. Fix the file: the page shows content again.
    t0 = Date.now();
    fs.writeFileSync(action.file, original);
    const back = await waitFor(async () => !(await overlay()) && (await bodyHas(action.title)), STEP_MS);
    rep.check('fixed file: overlay gone, content shown again',
      back.value ? [] : [`still ${(await overlay().catch(() => false)) ? 'showing the overlay' : 'not showing the title'} after ${STEP_MS} ms`],
      `${Date.now() - t0} ms`);
  } finally {
    if (browser) await browser.close().catch(() => {});
    if (!exited) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      await Promise.race([exitPromise, sleep(5000)]);
      if (!exited) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
        await Promise.race([exitPromise, sleep(2000)]);
      }
    }
    if (rep.failed || process.env.VERBOSE) {
      console.log(`\n--- ambit serve stdout ---\n${out.stdout.slice(-4000)}\n--- ambit serve stderr ---\n${out.stderr.slice(-4000)}`);
    }
    removeDir(tmp);
  }
  rep.finish();
}

main().catch((e) => rep.abort(e));
