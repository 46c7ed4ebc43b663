// The browser editor end to end: Decap CMS (the copy `ambit build` writes to admin/) runs in
// Chromium against decap-server's git backend on loopback, over a temporary git repository holding
// a copy of the default content with `cms` in site.yaml. Through the forms it creates a new action
// (an ambition of another place, Halmstad's, chosen from the ambition select: the contract's
// `place/id`; status from the select) and changes an existing
// action's status; each is saved (the editorial workflow puts it on a `cms/…` branch, as a pull
// request would be) and published from the UI, which merges that branch into `main`. Then the test
// reads what decap-server wrote on `main`: `ambit check` passes on it, and `ambit build` publishes
// the new action, linked from its ambition's page, and the new status.
//
//   AMBIT_BIN=target/release/ambit node tests/browser/cms.mjs

import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import {
  ambitBin, defaultContent, here, launchBrowser, makeTempDir, removeDir, Reporter,
  startStaticServer, buildSite, watchdog, fmScalar, listEntities,
} from './lib.mjs';

const report = new Reporter('cms');
watchdog(900, 'cms');

const DECAP_PORT = 8081;
let pageRef = null; // where Decap CMS looks for its local backend

function git(cwd, ...args) {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

function ambit(args, cwd) {
  return spawnSync(ambitBin(), args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

function copyDir(src, dst) {
  fs.cpSync(src, dst, { recursive: true });
}

async function waitFor(fn, ms, what) {
  const end = Date.now() + ms;
  let last;
  while (Date.now() < end) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ''}`);
}

async function startDecapServer(repo) {
  const main = path.join(here, 'node_modules', 'decap-server', 'dist', 'index.js');
  const child = spawn(process.execPath, [main], {
    env: { ...process.env, GIT_REPO_DIRECTORY: repo, PORT: String(DECAP_PORT), BIND_HOST: '127.0.0.1', MODE: 'git', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (d) => { log += d; });
  child.stderr.on('data', (d) => { log += d; });
  await waitFor(async () => {
    const r = await fetch(`http://127.0.0.1:${DECAP_PORT}/api/v1`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ action: 'info' }),
    });
    return r.ok;
  }, 30_000, `decap-server (log: ${log})`);
  return { child, log: () => log };
}

/** The input of the form field for front-matter key `key`. */
function input(page, key) {
  return page.locator(`[id^="${key}-field-"]`).first();
}

/** Choose the option labelled `text` in the select or relation widget of `key`. */
async function choose(page, key, text) {
  const box = input(page, key);
  await box.click();
  await box.fill(text);
  const option = page.getByRole('option', { name: text }).first();
  await option.waitFor({ timeout: 30_000 });
  await option.click();
}

/** Save the open entry, set it ready and publish it now (merging its branch into main). */
async function saveAndPublish(page) {
  if (process.env.CMS_DEBUG) {
    await page.screenshot({ path: '/tmp/cms-before-save.png' });
    fs.writeFileSync('/tmp/cms-before-save.html', await page.content());
  }
  await page.getByRole('button', { name: /^(Spara|Save)$/ }).first().click();
  await page.getByText(/OSPARADE ÄNDRINGAR|UNSAVED CHANGES/i).first().waitFor({ state: 'detached', timeout: 60_000 });
  if (process.env.CMS_DEBUG) {
    await page.waitForTimeout(3000);
    await page.screenshot({ path: '/tmp/cms-after-save.png' });
    fs.writeFileSync('/tmp/cms-after-save.html', await page.content());
  }
  await page.getByRole('button', { name: /Status|Ställ in status|Set status/i }).first().click();
  if (process.env.CMS_DEBUG) {
    await page.waitForTimeout(1000);
    fs.writeFileSync('/tmp/cms-status.html', await page.content());
  }
  await page.getByRole('menuitem', { name: /^(Redo|Ready)$/ }).first().click();
  await page.waitForTimeout(1500);
  await page.getByRole('button', { name: /^(Publicera|Publish)$/ }).first().click();
  if (process.env.CMS_DEBUG) {
    await page.waitForTimeout(1000);
    fs.writeFileSync('/tmp/cms-publish.html', await page.content());
  }
  await page.getByRole('menuitem', { name: /Publicera nu|Publish now/ }).first().click();
  await page.waitForTimeout(3000);
}

async function main() {
  const tmp = makeTempDir('ambit-cms');
  const repo = path.join(tmp, 'repo');
  const content = path.join(repo, 'content');
  copyDir(defaultContent, content);
  const siteYaml = path.join(content, 'site.yaml');
  fs.appendFileSync(siteYaml, 'cms:\n  backend: github\n  local_backend: true\n');
  git(tmp, 'init', '-q', '-b', 'main', repo);
  git(repo, 'add', '-A');
  git(repo, '-c', 'user.name=Test', '-c', 'user.email=test@example.org', 'commit', '-qm', 'content');
  git(repo, 'config', 'user.name', 'Redaktör');
  git(repo, 'config', 'user.email', 'redaktor@example.org');

  const server = await startStaticServer({ prefix: '/program/' });
  const output = path.join(tmp, 'out');
  buildSite({ content, output, baseUrl: server.baseUrl });
  server.setRoot(output);
  const decap = await startDecapServer(repo);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    pageRef = page;
    page.on('dialog', (d) => d.accept()); // "publish now?" asks for confirmation
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${server.baseUrl}admin/`);
    await page.getByRole('button', { name: /Logga in|Login/ }).first().click({ timeout: 60_000 });
    report.pass('the admin page loads Decap CMS and logs in to the local backend');

    // 1. A new action in Getinge through the form, serving one of the municipality's ambitions.
    const ambitionPlace = 'halmstad';
    const ambitions = listEntities(content, ambitionPlace, 'ambitions').filter((a) => !a.draft);
    const ambition = ambitions[0];
    const placeName = fmScalar(fs.readFileSync(path.join(content, ambitionPlace, 'programme.md'), 'utf8'), 'place');
    const title = 'Ny bänk vid torget';
    await page.goto(`${server.baseUrl}admin/#/collections/getinge-actions/new`);
    const titleInput = input(page, 'title');
    await titleInput.waitFor({ timeout: 60_000 });
    await titleInput.fill(title);
    await choose(page, 'ambition', `${ambition.title} (${placeName})`);
    await choose(page, 'status', 'Planerad (planned)');
    await saveAndPublish(page);
    const branchFiles = () => git(repo, 'ls-tree', '-r', '--name-only', 'main');
    const newFile = await waitFor(
      () => branchFiles().split('\n').find((f) => f.startsWith('content/getinge/actions/ny-bank')),
      60_000, 'the new action on main',
    );
    const text = git(repo, 'show', `main:${newFile}`);
    const problems = [];
    const wanted = `${ambitionPlace}/${ambition.id}`;
    if (fmScalar(text, 'ambition') !== wanted) problems.push(`ambition is ${fmScalar(text, 'ambition')}, not ${wanted}\n${text}`);
    if (fmScalar(text, 'status') !== 'planned') problems.push(`status is ${fmScalar(text, 'status')}\n${text}`);
    report.check('a new action saved through the form has the chosen ambition (of another place) and status', problems, newFile);

    // 2. The status of an existing action.
    const existing = listEntities(content, 'getinge', 'actions').find((a) => fmScalar(fs.readFileSync(a.file, 'utf8'), 'status') !== 'done' && fmScalar(fs.readFileSync(a.file, 'utf8'), 'status') !== 'ongoing');
    await page.goto('about:blank'); // a fresh load: the app ignores a change of the hash alone
    await page.goto(`${server.baseUrl}admin/#/collections/getinge-actions/entries/${existing.id}`);
    await waitFor(async () => (await input(page, 'title').inputValue()) === existing.title, 60_000, 'the entry to load');
    await page.waitForTimeout(1000);
    await choose(page, 'status', 'Pågår (ongoing)');
    await saveAndPublish(page);
    const rel = `content/getinge/actions/${existing.id}.md`;
    const edited = await waitFor(() => {
      const t = git(repo, 'show', `main:${rel}`);
      return fmScalar(t, 'status') === 'ongoing' ? t : null;
    }, 60_000, `status ongoing in ${rel} on main`);
    report.check('an existing action\'s status changed through the form', fmScalar(edited, 'title') === existing.title ? [] : ['title changed'], existing.id);

    const local = [server.origin, `http://localhost:${DECAP_PORT}`, `http://127.0.0.1:${DECAP_PORT}`, 'data:', 'blob:'];
    const cdn = requests.filter((u) => !local.some((l) => u.startsWith(l)));
    report.check('the editor asks no other host', cdn.slice(0, 5));

    // 3. What decap-server wrote checks and builds: the action is linked from its ambition.
    const work = path.join(tmp, 'main');
    git(repo, 'worktree', 'add', '-q', '--detach', work, 'main');
    const check = ambit(['check', '--content', path.join(work, 'content')]);
    const errors = (check.stdout + check.stderr).split('\n').filter((l) => l.includes(': error:'));
    report.check('ambit check passes on what the editor wrote', check.status === 0 ? [] : [check.stdout + check.stderr, ...errors]);
    const out2 = path.join(tmp, 'out2');
    buildSite({ content: path.join(work, 'content'), output: out2, baseUrl: server.baseUrl });
    const id = path.basename(newFile, '.md');
    const ambitionPage = fs.readFileSync(path.join(out2, ambitionPlace, 'ambitions', ambition.id, 'index.html'), 'utf8');
    const linked = ambitionPage.includes(`/getinge/actions/${id}/`) && fs.existsSync(path.join(out2, 'getinge', 'actions', id, 'index.html'));
    report.check('ambit build publishes the new action, linked from its ambition', linked ? [] : [`no link to ${id} on ${ambition.id}`]);
    const pageOf = (dir) => fs.readFileSync(path.join(dir, 'getinge', 'actions', existing.id, 'index.html'), 'utf8');
    const count = (text, word) => text.split(word).length - 1;
    const ongoing = /^status_ongoing:\s*(.+)$/m.exec(fs.readFileSync(path.join(here, '..', '..', 'themes', 'default', 'i18n', 'sv.yaml'), 'utf8'))[1].trim();
    const more = count(pageOf(out2), ongoing) > count(pageOf(output), ongoing);
    report.check('the changed status is published', more ? [] : [`"${ongoing}" is not on ${existing.id}'s page more often than before`]);
  } catch (e) {
    if (process.env.CMS_DEBUG) await pageRef?.screenshot({ path: '/tmp/cms-fail.png' });
    throw e;
  } finally {
    await browser.close();
    decap.child.kill();
    await server.close();
    removeDir(tmp);
  }
}

main().then(() => report.finish(), (e) => report.abort(e));
