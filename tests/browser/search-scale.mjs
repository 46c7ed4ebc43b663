// Search at scale: a generated place of 500 pages with 600–700-word bodies, rare words planted
// at the start, middle and end of bodies. In headless Chromium, each planted word and a one-edit
// typo of each long one must find its page on `<place>/search/?q=…`, the files the search page
// fetches for a query (scripts and index files; not the page itself), gzipped, must stay within
// 100 KB, and the page must not shift while results arrive (cumulative layout shift < 0.1).
//
//   node tests/browser/search-scale.mjs [--pages 500] [--words 650]
//
// Prints each query with its result count and fetched bytes, then the largest and median.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { buildAndServe, launchBrowser, makeTempDir, parseArgs, removeDir, Reporter, watchdog, watchPage } from './lib.mjs';

const BUDGET = 100 * 1024;
const WAIT_MS = 8000;
const rep = new Reporter('search-scale');

// xorshift32: the same corpus every run
let seed = 2463534242;
const rnd = (n) => {
  seed ^= seed << 13;
  seed >>>= 0;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  seed >>>= 0;
  return seed % n;
};
const ONSETS = ['b', 'bl', 'br', 'd', 'f', 'fl', 'fr', 'g', 'gr', 'h', 'j', 'k', 'kl', 'kr', 'l', 'm', 'n', 'p', 'r', 's', 'sk', 'sl', 'st', 'str', 'sv', 't', 'tr', 'v', ''];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'y', 'å', 'ä', 'ö'];
const CODAS = ['', 'n', 'r', 'l', 's', 't', 'k', 'g', 'nd', 'ng', 'rt', 'st', 'll', 'ck'];
const ENDINGS = ['', '', 'en', 'er', 'erna', 'ar', 'et', 'a', 'ande', 'ning'];
const STOP = ['och', 'i', 'att', 'det', 'som', 'en', 'på', 'är', 'av', 'för', 'med', 'till'];
const lemmas = [];
while (lemmas.length < 6000) {
  let w = '';
  if (lemmas.length > 300 && rnd(3) === 0) w = lemmas[rnd(lemmas.length)] + lemmas[rnd(lemmas.length)];
  else for (let i = 0, n = 1 + rnd(3); i < n; i++) w += ONSETS[rnd(ONSETS.length)] + VOWELS[rnd(VOWELS.length)] + CODAS[rnd(CODAS.length)];
  if (w.length >= 3) lemmas.push(w);
}
const word = () => (rnd(10) < 4 ? STOP[rnd(STOP.length)] : lemmas[Math.min(lemmas.length - 1, Math.floor(lemmas.length * Math.pow(rnd(1e6) / 1e6, 3)))] + ENDINGS[rnd(ENDINGS.length)]);
const text = (n) => Array.from({ length: n }, word).join(' ');

// rare words, planted once each; the long ones also searched with a typo
const PLANTED = ['solrosfältet', 'kvarnstensgatan', 'fyrskeppsbryggan', 'lingonriset', 'hjortronmyren', 'tranbärsmossen',
  'vindskyddsplatsen', 'strandängarna', 'ekbacken', 'mossgrottan', 'bäverdammen', 'ljungheden'];
const WHERE = ['start', 'middle', 'end'];

function typo(w, i) {
  const a = Array.from(w);
  const at = 2 + (i * 3) % (a.length - 4);
  switch (i % 4) {
    case 0: a[at] = a[at] === 'x' ? 'z' : 'x'; break; // a letter wrong
    case 1: a.splice(at, 1); break; // a letter missing
    case 2: a.splice(at, 0, a[at]); break; // a letter extra
    default: [a[at], a[at + 1]] = [a[at + 1], a[at]]; // two letters swapped
  }
  return a.join('');
}

function generate(dir, pages, words) {
  const place = path.join(dir, 'storby');
  fs.mkdirSync(path.join(place, 'actions'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'site.yaml'), 'title: Storby kommun\nlanguage: sv\nbase_url: https://example.org/\n');
  fs.writeFileSync(path.join(place, 'programme.md'), '---\ntitle: Utvecklingsprogram för Storby\nplace: Storby\nplace_kind: town\n---\n\n' + text(200) + '\n');
  for (const d of ['areas', 'ambitions']) fs.mkdirSync(path.join(place, d), { recursive: true });
  fs.writeFileSync(path.join(place, 'areas', 'omrade-0.md'), '---\ntitle: Område 0\norder: 1\n---\n\n' + text(100) + '\n');
  fs.writeFileSync(path.join(place, 'ambitions', 'ambition-0.md'), '---\ntitle: Ambition 0\narea: omrade-0\norder: "1.0"\n---\n\n' + text(100) + '\n');
  const planted = [];
  for (let n = 0; n < pages; n++) {
    const body = text(words - 50 + rnd(100)).split(' ');
    if (n % Math.floor(pages / PLANTED.length) === 7 && planted.length < PLANTED.length) {
      const i = planted.length;
      const where = WHERE[i % 3];
      const at = where === 'start' ? 0 : where === 'middle' ? Math.floor(body.length / 2) : body.length;
      body.splice(at, 0, PLANTED[i]);
      planted.push({ word: PLANTED[i], id: `atgard-${n}`, where });
    }
    const title = text(3 + rnd(4)).replace(/^./, (c) => c.toUpperCase());
    fs.writeFileSync(path.join(place, 'actions', `atgard-${n}.md`),
      `---\ntitle: "Åtgärd ${n}: ${title}"\nambition: ambition-0\nstatus: planned\nresponsible: [Tekniska nämnden]\n---\n\n${body.join(' ')}.\n`);
  }
  return planted;
}

async function runQuery(context, server, output, q, want) {
  const page = await context.newPage();
  const fetched = new Map();
  page.on('response', (r) => {
    const u = new URL(r.url());
    if (u.origin === server.origin && /\.(js|json)$/.test(u.pathname)) fetched.set(u.pathname, r);
  });
  try {
    await page.addInitScript(() => {
      window.__cls = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const watch = watchPage(page, server.origin);
    await page.goto(`${server.baseUrl}storby/search/?q=${encodeURIComponent(q)}`, { waitUntil: 'domcontentloaded' });
    const t0 = Date.now();
    let hrefs = [];
    while (Date.now() - t0 < WAIT_MS) {
      hrefs = await page.evaluate(() => [...document.querySelectorAll('#search-results a[href]')].map((a) => a.getAttribute('href')));
      if (hrefs.some((h) => h.endsWith(`/${want}/`))) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await page.waitForLoadState('networkidle');
    await new Promise((r) => setTimeout(r, 200));
    const cls = await page.evaluate(() => window.__cls);
    let bytes = 0;
    for (const [, r] of fetched) bytes += zlib.gzipSync(await r.body(), { level: 6 }).length;
    const problems = [];
    if (!hrefs.some((h) => h.endsWith(`/${want}/`))) problems.push(`no link to ${want}; got ${hrefs.length}: ${hrefs.slice(0, 5).join(' ')}`);
    if (bytes > BUDGET) problems.push(`fetched ${bytes} bytes gzipped, over ${BUDGET}: ${[...fetched.keys()].join(' ')}`);
    if (cls >= 0.1) problems.push(`layout shift ${cls.toFixed(3)}`);
    for (const e of watch.pageErrors) problems.push(`uncaught JS error: ${e}`);
    return { problems, bytes, results: hrefs.length, cls, files: fetched.size };
  } finally {
    await page.close();
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2), { pages: 'value', words: 'value' });
  watchdog(Number(process.env.SEARCH_TIMEOUT_S || 900), 'search-scale');
  const tmp = makeTempDir('ambit-scale');
  const content = path.join(tmp, 'content');
  const planted = generate(content, Number(args.pages || 500), Number(args.words || 650));
  const site = await buildAndServe({ content });
  console.log(`built ${planted.length} planted words into ${Number(args.pages || 500) + 1} pages in ${site.buildMs} ms`);
  const sizes = [];
  let browser;
  try {
    browser = await launchBrowser();
    const context = await browser.newContext();
    const queries = [];
    planted.forEach((p, i) => {
      queries.push({ q: p.word, want: p.id, note: `${p.where} of the body` });
      if (Array.from(p.word).length >= 8) queries.push({ q: typo(p.word, i), want: p.id, note: `typo of ${p.word}` });
    });
    queries.push({ q: 'tekniska nämnden', want: 'atgard-0', note: 'a fact (responsible body), all pages' });
    for (const { q, want, note } of queries) {
      const r = await runQuery(context, site.server, site.output, q, want);
      sizes.push(r.bytes);
      rep.check(`"${q}" -> ${want}  (${note})`, r.problems, `${r.results} results, ${r.files} files, ${(r.bytes / 1024).toFixed(1)} KB gzipped, CLS ${r.cls.toFixed(3)}`);
    }
  } finally {
    if (browser) await browser.close();
    await site.cleanup();
    removeDir(tmp);
  }
  sizes.sort((a, b) => a - b);
  console.log(`\nfetched per query, gzipped: median ${(sizes[sizes.length >> 1] / 1024).toFixed(1)} KB, max ${(sizes[sizes.length - 1] / 1024).toFixed(1)} KB (budget ${BUDGET / 1024} KB)`);
  console.log(`${rep.passed} passed, ${rep.failed} failed`);
  process.exitCode = rep.failed > 0 || rep.passed === 0 ? 1 : 0;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
