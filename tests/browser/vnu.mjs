// W3C's Nu Html Checker (vnu.jar from npm `vnu-jar`, run with Java) on every page of every site.
//
//   node tests/browser/vnu.mjs [--content DIR[,DIR…]] [--keep DIR]
//
// Builds each site (default: the repository's content/ and every examples/<name>/ with a
// site.yaml) for a base URL under a sub-path, then checks all their .html files in one Java
// process. Every page must have no error (warnings and info messages are shown, not counted).
// `--keep DIR` builds into DIR/<n>/ and leaves it there. Closes with `N passed, M failed`,
// counting pages. Needs `java` on PATH (Debian: default-jre-headless).

import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import {
  buildSite, defaultContent, listFiles, makeTempDir, parseArgs, removeDir, repoRoot, Reporter,
  watchdog,
} from './lib.mjs';

const require = createRequire(import.meta.url);
const rep = new Reporter('vnu');
const BASE_URL = 'http://127.0.0.1:1/sub/path/';

/** The content folders to check: the default content and each example site. */
function defaultSites() {
  const sites = [defaultContent];
  const examples = path.join(repoRoot, 'examples');
  if (fs.existsSync(examples)) {
    for (const ent of fs.readdirSync(examples, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (ent.isDirectory() && fs.existsSync(path.join(examples, ent.name, 'site.yaml'))) {
        sites.push(path.join(examples, ent.name));
      }
    }
  }
  return sites;
}

function main() {
  const args = parseArgs(process.argv.slice(2), { content: 'value', keep: 'value' });
  watchdog(Number(process.env.VNU_TIMEOUT_S || 900), 'vnu');
  const sites = args.content ? args.content.split(',').map((c) => path.resolve(c)) : defaultSites();
  const java = process.env.JAVA || 'java';
  const version = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (version.error || version.status !== 0) {
    throw new Error(`java not found (${java}): apt-get install -y default-jre-headless, or set JAVA`);
  }
  const jar = String(require('vnu-jar'));
  const tmp = args.keep ? path.resolve(args.keep) : makeTempDir('ambit-vnu');
  try {
    // Build every site; remember which site each output folder belongs to.
    const outputs = [];
    sites.forEach((content, i) => {
      const output = path.join(tmp, String(i));
      fs.rmSync(output, { recursive: true, force: true });
      const r = buildSite({ content, output, baseUrl: BASE_URL });
      const warned = (r.stderr.match(/: warning: /g) || []).length;
      outputs.push({ content, output, files: listFiles(output, '.html') });
      console.log(`built ${path.relative(repoRoot, content) || content} (${outputs.at(-1).files.length} pages, ${warned} content warnings) in ${r.ms} ms`);
    });
    const all = outputs.flatMap((o) => o.files.map((f) => path.join(o.output, f)));
    const t0 = Date.now();
    // One Java process over every file; --exit-zero-always: the JSON report decides.
    const res = spawnSync(java, ['-Xss1024k', '-jar', jar, '--format', 'json', '--exit-zero-always', ...all], {
      encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 600_000,
    });
    if (res.error) throw new Error(`vnu failed to run: ${res.error.message}`);
    let report;
    try {
      report = JSON.parse(res.stderr || res.stdout);
    } catch {
      throw new Error(`vnu gave no JSON report (exit ${res.status}):\n${(res.stderr || res.stdout).slice(0, 2000)}`);
    }
    const vnuVersion = require('vnu-jar/package.json').version;
    console.log(`Nu Html Checker ${vnuVersion}: ${all.length} pages in ${Date.now() - t0} ms\n`);
    const byFile = new Map(all.map((f) => [f, { errors: [], others: 0 }]));
    for (const m of report.messages || []) {
      const file = m.url ? decodeURIComponent(new URL(m.url).pathname) : null;
      const entry = byFile.get(file);
      const where = m.lastLine ? `line ${m.lastLine}${m.firstColumn ? ':' + m.firstColumn : ''}` : '';
      const text = `${m.type}${m.subType ? '/' + m.subType : ''} ${where}: ${m.message}${m.extract ? `\n  ${m.extract.replace(/\n/g, ' ').trim()}` : ''}`;
      if (!entry) {
        rep.fail(`vnu message outside the pages (${m.url || 'no file'})`, [text]);
      } else if (m.type === 'error' || m.type === 'non-document-error' || m.subType === 'fatal') {
        entry.errors.push(text);
      } else {
        entry.others++;
      }
    }
    for (const o of outputs) {
      const site = path.relative(repoRoot, o.content) || o.content;
      for (const f of o.files) {
        const entry = byFile.get(path.join(o.output, f));
        rep.check(`${site}: ${f}`, entry.errors, entry.others ? `(${entry.others} warnings)` : '');
      }
    }
  } finally {
    if (!args.keep) removeDir(tmp);
  }
  rep.finish();
}

try {
  main();
} catch (e) {
  rep.abort(e);
}
