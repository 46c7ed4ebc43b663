// Shared helpers for ambit's browser tests: headless Chromium, running the ambit binary, a
// built site served under a URL sub-path (the server is in server.mjs, re-exported here), and a
// tiny pass/fail reporter that prints the closing `N passed, M failed` line.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { defaultPrefix, startStaticServer } from './server.mjs';

export * from './server.mjs';

export const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..', '..');
export const defaultContent = path.join(repoRoot, 'content');

export function ambitBin() {
  return process.env.AMBIT_BIN || path.join(repoRoot, 'target', 'release', 'ambit');
}

export function chromiumBin() {
  return process.env.CHROMIUM_BIN || '/usr/bin/chromium';
}

// ---------------------------------------------------------------------------
// Browser

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launch Debian's Chromium headless through playwright-core (no browser download). */
export async function launchBrowser() {
  const { chromium } = await import('playwright-core');
  const executablePath = chromiumBin();
  if (!fs.existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath} (apt-get install -y chromium, or set CHROMIUM_BIN)`);
  }
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
}

/**
 * Record what goes wrong while a page loads: uncaught JS errors, and same-origin requests
 * that fail or answer >= 400. Returns an object whose arrays fill as the page runs.
 */
export function watchPage(page, origin) {
  const problems = { pageErrors: [], badResponses: [] };
  page.on('pageerror', (err) => problems.pageErrors.push(String(err && err.message || err)));
  page.on('response', (res) => {
    const u = res.url();
    if (u.startsWith(origin) && res.status() >= 400 && res.request().resourceType() !== 'document') {
      problems.badResponses.push(`${res.status()} ${u}`);
    }
  });
  page.on('requestfailed', (req) => {
    const u = req.url();
    if (u.startsWith(origin)) problems.badResponses.push(`failed (${req.failure()?.errorText}) ${u}`);
  });
  return problems;
}

// ---------------------------------------------------------------------------
// Building with ambit

export function makeTempDir(tag = 'ambit-test') {
  return fs.mkdtempSync(path.join(os.tmpdir(), `${tag}-`));
}

export function removeDir(dir) {
  if (dir && !process.env.KEEP_TMP) fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * Run `ambit build --content C --output O --base-url URL`. Throws with ambit's output on a
 * non-zero exit. Returns {stdout, stderr, ms}.
 */
export function buildSite({ content = defaultContent, output, baseUrl, env = {} }) {
  const bin = ambitBin();
  if (!fs.existsSync(bin)) {
    throw new Error(`ambit binary not found at ${bin} (cargo build --release, or set AMBIT_BIN)`);
  }
  const args = ['build', '--content', content, '--output', output, '--base-url', baseUrl];
  const t0 = Date.now();
  const r = spawnSync(bin, args, {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 300_000,
  });
  const ms = Date.now() - t0;
  if (r.error) throw new Error(`could not run ${bin}: ${r.error.message}`);
  if (r.status !== 0) {
    throw new Error(
      `${bin} ${args.join(' ')} exited with ${r.status ?? r.signal}\n--- stdout ---\n${r.stdout}\n--- stderr ---\n${r.stderr}`,
    );
  }
  if (!fs.existsSync(path.join(output, 'index.html'))) {
    throw new Error(`ambit build succeeded but wrote no ${path.join(output, 'index.html')}`);
  }
  return { stdout: r.stdout, stderr: r.stderr, ms };
}

/** Start a static server, build the site for its base URL, then serve the build. */
export async function buildAndServe({ content = defaultContent, prefix = defaultPrefix, outDir } = {}) {
  const server = await startStaticServer({ prefix });
  const tmp = outDir ? null : makeTempDir('ambit-site');
  const output = outDir || path.join(tmp, 'output');
  try {
    const res = buildSite({ content, output, baseUrl: server.baseUrl });
    server.setRoot(output);
    return { server, output, buildMs: res.ms, cleanup: async () => { await server.close(); removeDir(tmp); } };
  } catch (e) {
    await server.close();
    removeDir(tmp);
    throw e;
  }
}

/** All files below `dir` whose name ends with `ext`, as paths relative to `dir`, sorted. */
export function listFiles(dir, ext = '.html') {
  const out = [];
  (function walk(d, rel) {
    for (const ent of fs.readdirSync(d, { withFileTypes: true })) {
      const r = rel ? `${rel}/${ent.name}` : ent.name;
      if (ent.isDirectory()) walk(path.join(d, ent.name), r);
      else if (ent.name.endsWith(ext)) out.push(r);
    }
  })(dir, '');
  return out.sort();
}

// ---------------------------------------------------------------------------
// Content helpers (just enough YAML for front matter scalars; no dependency)

/** Front matter of a content file as text, or '' if none. */
export function frontMatter(text) {
  const m = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\s*(\r?\n|$)/.exec(text);
  return m ? m[1] : '';
}

/** A top-level scalar key of front matter (`title: "x"` -> x), or undefined. */
export function fmScalar(text, key) {
  const fm = frontMatter(text);
  const re = new RegExp(`^${key}:[ \\t]*(.*?)[ \\t]*$`, 'm');
  const m = re.exec(fm);
  if (!m) return undefined;
  let v = m[1].replace(/[ \t]+#.*$/, '');
  if (/^".*"$/.test(v)) v = JSON.parse(v);
  else if (/^'.*'$/.test(v)) v = v.slice(1, -1).replace(/''/g, "'");
  return v;
}

/** Place ids in a content dir: folders holding programme.md, sorted. */
export function listPlaces(contentDir) {
  return fs.readdirSync(contentDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(contentDir, e.name, 'programme.md')))
    .map((e) => e.name)
    .sort();
}

/** Published entities of a kind in a place: [{id, file, title}], sorted by id; drafts left out. */
export function listEntities(contentDir, place, kind) {
  const dir = path.join(contentDir, place, kind);
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => {
      const file = path.join(dir, f);
      const text = fs.readFileSync(file, 'utf8');
      return { id: f.slice(0, -3), file, title: fmScalar(text, 'title'), draft: fmScalar(text, 'draft') === 'true' };
    })
    .filter((e) => !e.draft && e.title);
}

// ---------------------------------------------------------------------------
// Command line and reporting

/** Parse `--name value` / `--flag` pairs. */
export function parseArgs(argv, known) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}`);
    const [name, inline] = a.slice(2).split(/=(.*)/s);
    if (!(name in known)) throw new Error(`unknown option --${name}; known: ${Object.keys(known).map((k) => '--' + k).join(' ')}`);
    if (known[name] === 'flag') out[name] = true;
    else out[name] = inline !== undefined ? inline : argv[++i];
    if (out[name] === undefined) throw new Error(`--${name} needs a value`);
  }
  return out;
}

export class Reporter {
  constructor(label) {
    this.label = label;
    this.passed = 0;
    this.failed = 0;
    this.failures = [];
  }
  pass(name, detail = '') {
    this.passed++;
    console.log(`ok    ${name}${detail ? '  ' + detail : ''}`);
  }
  fail(name, problems) {
    this.failed++;
    const list = Array.isArray(problems) ? problems : [problems];
    this.failures.push({ name, problems: list });
    console.log(`FAIL  ${name}`);
    for (const p of list) console.log(`        ${String(p).replace(/\n/g, '\n        ')}`);
  }
  /** Record an item: passes when `problems` is empty. */
  check(name, problems, detail = '') {
    if (problems.length) this.fail(name, problems);
    else this.pass(name, detail);
  }
  /** Print the summary and the closing line; set the exit code. */
  finish() {
    if (this.failures.length) {
      console.log(`\n${this.label}: ${this.failures.length} failing:`);
      for (const f of this.failures) console.log(`  - ${f.name}`);
    }
    console.log(`\n${this.passed} passed, ${this.failed} failed`);
    process.exitCode = this.failed > 0 || this.passed === 0 ? 1 : 0;
  }
  /** A fatal error before or outside the counted items. */
  abort(err) {
    console.error(`${this.label}: ${err && err.stack || err}`);
    this.failed++;
    console.log(`\n${this.passed} passed, ${this.failed} failed`);
    process.exitCode = 1;
  }
}

/** Kill the process if it runs longer than `seconds` (so CI never hangs). */
export function watchdog(seconds, label) {
  const t = setTimeout(() => {
    console.error(`${label}: gave up after ${seconds} s`);
    console.log('\n0 passed, 1 failed');
    process.exit(1);
  }, seconds * 1000);
  t.unref();
  return t;
}
