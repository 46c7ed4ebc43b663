// Search test: runs queries on a place's search page in headless Chromium.
//
//   node tests/browser/search.mjs [--content DIR] [--cases FILE] [--prefix /sub/path/]
//
// Builds the site (default: the repository's content/) under a sub-path, then for each case
// opens `<prefix><place>/search/?q=<query>`, waits up to 5 s for links inside #search-results
// and asserts that one of them has an href whose path ends with the expected suffix.
//
// Cases file (default tests/browser/search-cases.json): a JSON array of
//   { "place": "getinge", "query": "lekplats", "expect": "getinge/actions/ny-lekplats/" }
// - "place": a place id; "" for the site-wide search page (`<prefix>search/`); "*" for every
//   place of the content (the case is expanded once per place).
// - "expect": suffix of the result link's path. Trailing slash and a final index.html are
//   ignored when comparing. Give an empty "expect" and "none": true to assert no result.
// - "query" and "expect" may use placeholders, filled from the content's front matter:
//   {place} the place id, {place_name} programme.md's `place:`, {programme_title};
//   {KIND[N].id} and {KIND[N].title} for the N-th published entity of that kind, by file name
//   (KIND: areas, ambitions, strategies, indicators, actions). A case whose placeholder has no
//   value in a place (say, a place with no actions) is skipped and counted as skipped.
// - "note": free text, printed with the case.
// Closes with `N passed, M failed, K skipped`, counting cases; exits 1 on any failure.

import fs from 'node:fs';
import path from 'node:path';
import {
  buildAndServe, defaultContent, defaultPrefix, fmScalar, here, launchBrowser, listEntities,
  listPlaces, parseArgs, Reporter, watchdog, watchPage,
} from './lib.mjs';

const WAIT_MS = 5000;
const rep = new Reporter('search');
let skipped = 0;

function placeValues(content, place) {
  const vals = { place };
  if (!place) return vals;
  const prog = path.join(content, place, 'programme.md');
  if (fs.existsSync(prog)) {
    const text = fs.readFileSync(prog, 'utf8');
    vals.place_name = fmScalar(text, 'place');
    vals.programme_title = fmScalar(text, 'title');
  }
  return vals;
}

function fill(template, content, place, vals) {
  let missing = null;
  const out = String(template ?? '').replace(/\{([a-z_]+)(?:\[(\d+)\]\.(id|title))?\}/g, (m, name, idx, field) => {
    let v;
    if (idx !== undefined) {
      const ent = place ? listEntities(content, place, name)[Number(idx)] : undefined;
      v = ent && ent[field];
    } else {
      v = vals[name];
    }
    if (v === undefined || v === null || v === '') missing = missing || m;
    return v ?? '';
  });
  return { text: out, missing };
}

function expandCases(cases, content) {
  const places = listPlaces(content);
  const out = [];
  for (const c of cases) {
    if (typeof c !== 'object' || c === null || typeof c.query !== 'string' || (typeof c.expect !== 'string')) {
      throw new Error(`bad case ${JSON.stringify(c)}: needs "place", "query" and "expect" strings`);
    }
    const targets = c.place === '*' ? places : [c.place ?? ''];
    for (const place of targets) {
      const vals = placeValues(content, place);
      const q = fill(c.query, content, place, vals);
      const e = fill(c.expect, content, place, vals);
      out.push({ ...c, place, query: q.text, expect: e.text, missing: q.missing || e.missing, template: c });
    }
  }
  return out;
}

function normPath(p) {
  let s = p.replace(/index\.html$/, '');
  if (!s.endsWith('/')) s += '/';
  return s;
}

async function main() {
  const args = parseArgs(process.argv.slice(2), { content: 'value', cases: 'value', prefix: 'value' });
  const content = path.resolve(args.content || defaultContent);
  const casesFile = path.resolve(args.cases || path.join(here, 'search-cases.json'));
  watchdog(Number(process.env.SEARCH_TIMEOUT_S || 600), 'search');

  const cases = expandCases(JSON.parse(fs.readFileSync(casesFile, 'utf8')), content);
  console.log(`${cases.length} cases from ${casesFile}`);
  const site = await buildAndServe({ content, prefix: args.prefix || defaultPrefix });
  const { server } = site;
  console.log(`built ${content} in ${site.buildMs} ms; serving at ${server.baseUrl}\n`);
  let browser;
  try {
    browser = await launchBrowser();
    const context = await browser.newContext();
    for (const c of cases) {
      const name = `${c.place || '(site)'}: "${c.query}" -> ${c.none ? 'no result' : c.expect}${c.note ? '  (' + c.note + ')' : ''}`;
      if (c.missing) {
        skipped++;
        console.log(`skip  ${c.place}: ${JSON.stringify(c.template.query)} (no value for ${c.missing} in this place)`);
        continue;
      }
      await runCase(context, server, c, name);
    }
  } finally {
    if (browser) await browser.close();
    await site.cleanup();
  }
  if (rep.failures.length) {
    console.log(`\nsearch: ${rep.failures.length} failing:`);
    for (const f of rep.failures) console.log(`  - ${f.name}`);
  }
  console.log(`\n${rep.passed} passed, ${rep.failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  process.exitCode = rep.failed > 0 || rep.passed === 0 ? 1 : 0;
}

async function runCase(context, server, c, name) {
  const page = await context.newPage();
  const problems = [];
  try {
    const watch = watchPage(page, server.origin);
    const url = `${server.baseUrl}${c.place ? c.place + '/' : ''}search/?q=${encodeURIComponent(c.query)}`;
    const resp = await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 30_000 });
    if (!resp || resp.status() !== 200) problems.push(`search page ${url} answered ${resp ? resp.status() : 'nothing'}`);
    const want = normPath(c.expect);
    const t0 = Date.now();
    let hrefs = [];
    let found = false;
    let hasResults = false;
    // Poll: results may arrive in steps; stop as soon as the expected link is there.
    while (Date.now() - t0 < WAIT_MS) {
      const state = await page.evaluate(() => {
        const box = document.getElementById('search-results');
        if (!box) return null;
        return { links: [...box.querySelectorAll('a[href]')].map((a) => a.href), text: box.textContent.trim() };
      }).catch(() => undefined);
      if (state === null) {
        problems.push('no element with id="search-results" on the page');
        break;
      }
      if (state) {
        hrefs = state.links;
        hasResults = hrefs.length > 0;
        found = hrefs.some((h) => {
          try {
            return normPath(decodeURI(new URL(h).pathname)).endsWith(want);
          } catch {
            return false;
          }
        });
        // For "none": stop once the page says something (a "no results" text) or shows links.
        if (c.none ? hasResults || (state.text && Date.now() - t0 > 300) : found) break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    const ms = Date.now() - t0;
    const shown = hrefs.slice(0, 10).map((h) => h.startsWith(server.origin) ? decodeURI(h.slice(server.origin.length)) : h);
    if (c.none) {
      if (hasResults) problems.push(`expected no result, got ${hrefs.length}: ${shown.join(' ')}`);
    } else if (!found && problems.length === 0) {
      problems.push(hasResults
        ? `no result link ending in ${want} within ${WAIT_MS} ms; got ${hrefs.length}: ${shown.join(' ')}${hrefs.length > 10 ? ' …' : ''}`
        : `no links inside #search-results within ${WAIT_MS} ms`);
    }
    for (const e of watch.pageErrors) problems.push(`uncaught JS error: ${e}`);
    for (const r of new Set(watch.badResponses)) problems.push(`request failed: ${r}`);
    rep.check(name, problems, c.none ? '' : `${ms} ms, ${hrefs.length} results`);
  } finally {
    await page.close();
  }
}

main().catch((e) => {
  console.error(`search: ${e && e.stack || e}`);
  console.log(`\n${rep.passed} passed, ${rep.failed + 1} failed${skipped ? `, ${skipped} skipped` : ''}`);
  process.exitCode = 1;
});
