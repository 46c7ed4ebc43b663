// A second accessibility engine beside axe-core: HTML_CodeSniffer (WCAG 2 AA) on every page.
//
//   node tests/browser/htmlcs.mjs [--content DIR] [--prefix /sub/path/] [--only SUBSTRING]
//                                 [--concurrency N]
//
// Builds the site for a base URL under a sub-path, serves it from 127.0.0.1, opens every .html
// file in headless Chromium, injects the html_codesniffer build (as pa11y's htmlcs runner does)
// and runs its WCAG2AA standard. Every page must have no message of type error; warnings and
// notices are things for a person to review and are not counted. Closes with
// `N passed, M failed`, counting pages.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import {
  buildAndServe, defaultContent, defaultPrefix, launchBrowser, listFiles, parseArgs, Reporter,
  watchdog,
} from './lib.mjs';

const require = createRequire(import.meta.url);
const htmlcsSource = fs.readFileSync(require.resolve('html_codesniffer/build/HTMLCS.js'), 'utf8');
const ERROR = 1; // HTMLCS.ERROR
const rep = new Reporter('htmlcs');

async function main() {
  const args = parseArgs(process.argv.slice(2), {
    content: 'value', prefix: 'value', only: 'value', concurrency: 'value',
  });
  const content = path.resolve(args.content || defaultContent);
  const concurrency = Math.max(1, Number(args.concurrency || 2));
  watchdog(Number(process.env.HTMLCS_TIMEOUT_S || 1200), 'htmlcs');

  const site = await buildAndServe({ content, prefix: args.prefix || defaultPrefix });
  const { server } = site;
  let browser;
  try {
    let files = listFiles(site.output, '.html');
    if (args.only) files = files.filter((f) => f.includes(args.only));
    if (files.length === 0) throw new Error(`no .html files in ${site.output}`);
    const version = require('html_codesniffer/package.json').version;
    console.log(`built ${content}; HTML_CodeSniffer ${version} (WCAG2AA) on ${files.length} pages`);
    browser = await launchBrowser();
    const context = await browser.newContext({ bypassCSP: true });
    context.setDefaultTimeout(30_000);
    const results = new Map();
    let next = 0;
    async function worker() {
      while (next < files.length) {
        const f = files[next++];
        try {
          results.set(f, await checkPage(context, server.urlFor(f)));
        } catch (e) {
          results.set(f, [`error while checking: ${e.message.split('\n')[0]}`]);
        }
      }
    }
    await Promise.all(Array.from({ length: concurrency }, worker));
    for (const f of files) rep.check(f, results.get(f));
  } finally {
    if (browser) await browser.close();
    await site.cleanup();
  }
  rep.finish();
}

async function checkPage(context, url) {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.addScriptTag({ content: htmlcsSource });
    const messages = await page.evaluate(() => new Promise((resolve, reject) => {
      window.HTMLCS.process('WCAG2AA', document, () => {
        resolve(window.HTMLCS.getMessages().map((m) => {
          const el = m.element;
          let where = '';
          if (el && el.nodeType === 1) {
            where = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
              + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '');
            const html = el.outerHTML.replace(/\s+/g, ' ');
            where += `  ${html.length > 160 ? html.slice(0, 160) + '…' : html}`;
          }
          return { type: m.type, code: m.code, msg: m.msg, where };
        }));
      }, reject, 'en');
    }));
    return messages
      .filter((m) => m.type === ERROR)
      .map((m) => `${m.code}: ${m.msg}${m.where ? `\n  at ${m.where}` : ''}`);
  } finally {
    await page.close();
  }
}

main().catch((e) => rep.abort(e));
