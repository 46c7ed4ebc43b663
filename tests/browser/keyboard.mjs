// Keyboard-only use and 320 px reflow (WCAG 2.1.1, 2.4.1, 2.4.3, 2.4.7, 1.4.10) on one page of
// each kind.
//
//   node tests/browser/keyboard.mjs [--content DIR] [--prefix /sub/path/]
//
// Builds the site, serves it from 127.0.0.1 and picks one page of each kind from the build
// (the home page, a place's programme page, each list page and the first page of each kind of
// entity, the site-wide pages, and the 404 page as served for a missing URL). On each page,
// with the keyboard only:
//   - the first Tab lands on the skip link, which is then on screen;
//   - Enter on it moves focus to <main> (the URL ends in its #id), and the next Tab goes to
//     something after the page header;
//   - from the skip link, Tab visits every link and control of the page header, in document
//     order, and each one shows a visible focus indicator (outline or box shadow);
// and in a 320 CSS px wide window the page does not scroll sideways (content wider than the
// window is allowed only inside its own scrolling box, such as a wide table).
// Closes with `N passed, M failed`, counting pages (each page's two checks count separately).

import path from 'node:path';
import {
  buildAndServe, defaultContent, defaultPrefix, launchBrowser, listFiles, parseArgs, Reporter,
  watchdog,
} from './lib.mjs';

const MISSING_PATH = 'ambit-test-missing-page/deeper/';
const rep = new Reporter('keyboard');

/**
 * One file per kind of page. A page's kind is its path with the place and the entity ids left
 * out: `getinge/actions/x/index.html` is `<place>/actions/<id>`.
 */
function pagesByKind(files) {
  const places = new Set(files.filter((f) => /^[^/]+\/search\/index\.html$/.test(f)).map((f) => f.split('/')[0]));
  const seen = new Map();
  for (const f of files) {
    const parts = f.split('/').slice(0, -1);
    let kind;
    if (parts.length && places.has(parts[0])) {
      kind = ['<place>', ...parts.slice(1, 2), ...(parts.length > 2 ? ['<id>'] : [])].join('/');
    } else {
      kind = parts.length ? parts.slice(0, 1).concat(parts.length > 1 ? ['<id>'] : []).join('/')
        : f === 'index.html' ? '<home>' : f;
    }
    if (!seen.has(kind)) seen.set(kind, f);
  }
  return [...seen].map(([kind, file]) => ({ kind, file }));
}

async function main() {
  const args = parseArgs(process.argv.slice(2), { content: 'value', prefix: 'value' });
  const content = path.resolve(args.content || defaultContent);
  watchdog(Number(process.env.KEYBOARD_TIMEOUT_S || 900), 'keyboard');
  const site = await buildAndServe({ content, prefix: args.prefix || defaultPrefix });
  const { server } = site;
  let browser;
  try {
    const pages = pagesByKind(listFiles(site.output, '.html')).map((p) => ({ ...p, url: server.urlFor(p.file) }));
    pages.push({ kind: '404 (served)', file: MISSING_PATH, url: server.baseUrl + MISSING_PATH });
    console.log(`built ${content}; ${pages.length} kinds of page`);
    browser = await launchBrowser();
    const desktop = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const narrow = await browser.newContext({ viewport: { width: 320, height: 640 } });
    for (const p of pages) {
      rep.check(`keyboard ${p.kind} (${p.file})`, await keyboardWalk(desktop, p.url));
      rep.check(`reflow 320px ${p.kind} (${p.file})`, await reflow(narrow, p.url));
    }
  } finally {
    if (browser) await browser.close();
    await site.cleanup();
  }
  rep.finish();
}

/** What the focused element is, and whether its focus can be seen. */
function focusInfo() {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const cs = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
  const shadow = cs.boxShadow && cs.boxShadow !== 'none';
  const label = el.tagName.toLowerCase()
    + (el.id ? '#' + el.id : '')
    + (el.getAttribute('href') ? `[href="${el.getAttribute('href')}"]` : '')
    + (el.textContent.trim() ? ` "${el.textContent.trim().slice(0, 40)}"` : '');
  return {
    label,
    key: el.dataset.kbdIndex ?? null,
    inHeader: !!el.closest('header'),
    inMain: !!el.closest('main'),
    isMain: el.tagName === 'MAIN',
    visible: outline || shadow,
    onScreen: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0
      && r.top < innerHeight && r.left < innerWidth,
    isSkip: el.tagName === 'A' && /^#./.test(el.getAttribute('href') || '')
      && !!document.getElementById(decodeURIComponent(el.getAttribute('href').slice(1)))?.matches('main'),
  };
}

async function keyboardWalk(context, url) {
  const problems = [];
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    // Number the header's links and controls in document order: what Tab must visit.
    const expected = await page.evaluate(() => {
      const els = [...document.querySelectorAll('header a[href], header input, header button, header select, header textarea')]
        .filter((e) => !e.disabled && e.type !== 'hidden' && e.tabIndex >= 0 && e.getClientRects().length > 0);
      els.forEach((e, i) => { e.dataset.kbdIndex = String(i); });
      return els.map((e) => e.tagName.toLowerCase() + (e.getAttribute('href') ? `[href="${e.getAttribute('href')}"]` : ''));
    });
    if (!expected.length) problems.push('the page header has no link to reach');
    await page.keyboard.press('Tab');
    const first = await page.evaluate(focusInfo);
    if (!first || !first.isSkip) {
      problems.push(`the first Tab lands on ${first ? first.label : 'nothing'}, not on a skip link to <main>`);
      return problems;
    }
    if (!first.onScreen) problems.push('the focused skip link is not on screen');
    if (!first.visible) problems.push('the focused skip link shows no focus indicator');

    // Tab through the header.
    const reached = [];
    for (let i = 0; i < expected.length + 5; i++) {
      await page.keyboard.press('Tab');
      const f = await page.evaluate(focusInfo);
      if (!f || !f.inHeader) break;
      reached.push(f.key);
      if (!f.visible) problems.push(`no visible focus indicator on ${f.label}`);
    }
    const want = expected.map((_, i) => String(i));
    if (reached.join(',') !== want.join(',')) {
      const missed = expected.filter((_, i) => !reached.includes(String(i)));
      problems.push(`Tab through the header visits [${reached.map((k) => expected[k] ?? '?').join(', ')}]`
        + `, expected [${expected.join(', ')}]${missed.length ? `; never reached: ${missed.join(', ')}` : ''}`);
    }

    // The skip link: Enter moves focus to <main>, the next Tab past the header.
    await page.goto(url, { waitUntil: 'load' });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const after = await page.evaluate(() => ({ hash: location.hash, main: document.querySelector('main')?.id }));
    if (!after.main || after.hash !== '#' + after.main) problems.push(`Enter on the skip link leads to "${after.hash}", not #${after.main}`);
    const target = await page.evaluate(focusInfo);
    if (!target || !(target.isMain || target.inMain)) problems.push(`after the skip link, focus is on ${target ? target.label : 'nothing'}, not in <main>`);
    await page.keyboard.press('Tab');
    const next = await page.evaluate(focusInfo);
    if (next && next.inHeader) problems.push(`Tab after the skip link goes back to the header (${next.label})`);
    if (next && !next.visible) problems.push(`no visible focus indicator on ${next.label}`);
  } finally {
    await page.close();
  }
  return problems;
}

async function reflow(context, url) {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    return await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const scroll = document.documentElement.scrollWidth;
      if (scroll <= width + 1) return [];
      // Name the elements that stick out and are not inside a scrolling box of their own.
      const scrolls = (e) => {
        for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
          if (/(auto|scroll|hidden|clip)/.test(getComputedStyle(a).overflowX)) return true;
        }
        return false;
      };
      const wide = [...document.body.querySelectorAll('*')]
        .filter((e) => e.getBoundingClientRect().right > width + 1 && !scrolls(e))
        .slice(0, 5)
        .map((e) => `${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : ''} (right edge ${Math.round(e.getBoundingClientRect().right)} px)`);
      return [`the page is ${scroll} px wide in a ${width} px window (scrolls sideways)${wide.length ? ': ' + wide.join(', ') : ''}`];
    });
  } finally {
    await page.close();
  }
}

main().catch((e) => rep.abort(e));
