// Accessibility and link test of a built ambit site.
//
//   node tests/browser/axe.mjs [--content DIR] [--prefix /sub/path/] [--output DIR]
//                              [--only SUBSTRING] [--concurrency N]
//
// Builds the site (default: the repository's content/) for a base URL under a sub-path, serves
// it from 127.0.0.1, opens every .html file in headless Chromium and checks, per page:
//   - axe-core finds no violation of WCAG 2.0/2.1 A and AA (tags wcag2a wcag2aa wcag21a wcag21aa)
//   - exactly one <h1>, a non-empty <html lang>
//   - every same-origin link (<a href>, <link href>, img/script src) answers 200 exactly
//     (a folder link without its trailing slash gets a 301 and counts as broken)
//   - every same-page fragment link (#id) has its target; no uncaught JS error; no same-origin
//     request of the page fails
// plus the site's 404 page as served for a missing deep URL (status 404, same checks).
// Closes with `N passed, M failed`, counting pages; exits 1 on any failure.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import {
  buildAndServe, defaultContent, defaultPrefix, launchBrowser, listFiles, parseArgs, Reporter,
  watchdog, watchPage,
} from './lib.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const MISSING_PATH = 'ambit-test-missing-page/deeper/';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const rep = new Reporter('axe');

async function main() {
  const args = parseArgs(process.argv.slice(2), {
    content: 'value', prefix: 'value', output: 'value', only: 'value', concurrency: 'value',
  });
  const content = path.resolve(args.content || defaultContent);
  const concurrency = Math.max(1, Number(args.concurrency || process.env.AXE_CONCURRENCY || 2));
  watchdog(Number(process.env.AXE_TIMEOUT_S || 1500), 'axe');

  const site = await buildAndServe({ content, prefix: args.prefix || defaultPrefix, outDir: args.output && path.resolve(args.output) });
  const { server } = site;
  console.log(`built ${content} in ${site.buildMs} ms; serving ${site.output} at ${server.baseUrl}`);
  let browser;
  try {
    let files = listFiles(site.output, '.html');
    if (args.only) files = files.filter((f) => f.includes(args.only));
    const pages = files.map((f) => ({ label: f, url: server.urlFor(f), status: 200 }));
    if (!args.only) pages.push({ label: `404 page at ${server.prefix}${MISSING_PATH}`, url: server.baseUrl + MISSING_PATH, status: 404 });
    if (files.length === 0) throw new Error(`no .html files in ${site.output}`);
    console.log(`${files.length} html files; checking with axe-core ${require('axe-core/package.json').version}, ${concurrency} at a time`);

    browser = await launchBrowser();
    const context = await browser.newContext({ bypassCSP: true });
    context.setDefaultTimeout(30_000);

    // Check pages, `concurrency` at a time.
    const linkRefs = new Map(); // url -> [page labels]
    let next = 0;
    async function worker() {
      while (next < pages.length) {
        const p = pages[next++];
        try {
          p.problems = await checkPage(context, server, p, linkRefs);
        } catch (e) {
          p.problems = [`error while checking: ${e.message.split('\n')[0]}`];
        }
      }
    }
    const t0 = Date.now();
    await Promise.all(Array.from({ length: concurrency }, worker));

    // Check each unique same-origin link once, from node.
    const broken = new Map(); // url -> status text
    const urls = [...linkRefs.keys()];
    let li = 0;
    await Promise.all(Array.from({ length: 8 }, async () => {
      while (li < urls.length) {
        const u = urls[li++];
        try {
          const r = await fetch(u, { redirect: 'manual' });
          await r.arrayBuffer();
          if (r.status !== 200) {
            const loc = r.headers.get('location');
            broken.set(u, `${r.status}${loc ? ' -> ' + loc : ''}${r.status === 301 ? ' (link to the folder with its trailing slash)' : ''}`);
          }
        } catch (e) {
          broken.set(u, `fetch failed: ${e.message}`);
        }
      }
    }));
    for (const [u, why] of broken) {
      for (const label of linkRefs.get(u)) {
        pages.find((p) => p.label === label).problems.push(`broken link ${decodeURI(u.slice(server.origin.length))}: ${why}`);
      }
    }
    console.log(`checked ${pages.length} pages and ${urls.length} unique same-origin links in ${Date.now() - t0} ms; ${broken.size} broken\n`);

    for (const p of pages) rep.check(p.label, p.problems);
  } finally {
    if (browser) await browser.close();
    await site.cleanup();
  }
  rep.finish();
}

async function checkPage(context, server, p, linkRefs) {
  const problems = [];
  const page = await context.newPage();
  try {
    const watch = watchPage(page, server.origin);
    const resp = await page.goto(p.url, { waitUntil: 'load' });
    if (!resp) problems.push('no response');
    else if (resp.status() !== p.status) problems.push(`status ${resp.status()}, expected ${p.status}`);

    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async (tags) => {
      const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return r.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')),
      }));
    }, TAGS);
    for (const v of violations) {
      const shown = v.targets.slice(0, 6).join(' | ') + (v.targets.length > 6 ? ` | … ${v.targets.length - 6} more` : '');
      problems.push(`axe ${v.id} (${v.impact}): ${v.help}\n  at ${shown}`);
    }

    const info = await page.evaluate(() => {
      const abs = (els, attr) => [...els].map((e) => e[attr]).filter(Boolean);
      const missingFragments = [...document.querySelectorAll('a[href^="#"]')]
        .map((a) => a.getAttribute('href').slice(1))
        .filter((id) => id && id !== 'top' && !document.getElementById(decodeURIComponent(id)));
      return {
        self: location.href.split('#')[0],
        lang: document.documentElement.getAttribute('lang'),
        h1: document.querySelectorAll('h1').length,
        links: [
          ...abs(document.querySelectorAll('a[href]'), 'href'),
          ...abs([...document.querySelectorAll('link[href]')].filter((l) => !/preconnect|dns-prefetch/i.test(l.rel)), 'href'),
          ...abs(document.querySelectorAll('img[src], script[src], source[src], iframe[src]'), 'src'),
        ],
        missingFragments,
      };
    });
    if (!info.lang || !info.lang.trim()) problems.push('<html lang> missing or empty');
    if (info.h1 !== 1) problems.push(`${info.h1} <h1> elements, expected exactly 1`);
    for (const id of new Set(info.missingFragments)) problems.push(`fragment link #${id} has no target on the page`);
    for (const href of info.links) {
      let u;
      try {
        u = new URL(href);
      } catch {
        problems.push(`unparseable link ${href}`);
        continue;
      }
      if (u.origin !== server.origin) continue; // external links, mailto:, tel:, data:
      u.hash = '';
      const key = u.href;
      if (key === info.self) continue; // same-page fragment links: checked above
      if (!linkRefs.has(key)) linkRefs.set(key, []);
      const refs = linkRefs.get(key);
      if (!refs.includes(p.label)) refs.push(p.label);
    }
    for (const e of watch.pageErrors) problems.push(`uncaught JS error: ${e}`);
    for (const r of new Set(watch.badResponses)) problems.push(`request of the page failed: ${r}`);
  } finally {
    await page.close();
  }
  return problems;
}

main().catch((e) => rep.abort(e));
