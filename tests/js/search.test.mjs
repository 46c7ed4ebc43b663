// Queries against small indexes built by the Rust side (tests/js/fixtures/index-*/, written and
// checked by src/search/fixtures.rs, with small shards so that queries fetch some of them):
// inflections, plurals, partial words, compound parts, accents, punctuation, several words,
// several places, and no result.
//
//   node --test tests/js/

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const search = require('../../themes/default/static/search.js');

// the files fetched, by path under tests/js/fixtures/
const fetched = [];
const getJson = async (url) => {
  fetched.push(url);
  return JSON.parse(fs.readFileSync(path.join(here, 'fixtures', url), 'utf8'));
};
const load = (name, place) => search.PlaceIndex.open(`index-${name}/search-index/manifest.json`, { place }, getJson);
const sv = await load('sv', 'Getinge');
const nl = await load('nl', 'Schilderswijk');
const en = await load('en', 'Millbrook');

const run = (indexes, q) => search.query(indexes, q);
const urls = async (indexes, q) => (await run(indexes, q)).results.map((r) => r.doc.url);

async function finds(index, q, id, { first = false } = {}) {
  const got = await urls([index], q);
  const hit = got.findIndex((u) => u.endsWith(`/${id}/`));
  assert.ok(hit >= 0, `"${q}" should find ${id}; got ${got.join(' ') || 'nothing'}`);
  if (first) assert.equal(hit, 0, `"${q}" should list ${id} first; got ${got.join(' ')}`);
}

test('the index carries the result list data', async () => {
  assert.equal(sv.code, 'sv');
  assert.equal(nl.code, 'du');
  await sv.fetchRows([0]);
  const doc = sv.docs[0];
  assert.equal(doc.url, '/sub/place-sv/actions/ny-lekplats/');
  assert.equal(doc.title, 'Ny lekplats i Getinge centrum');
  assert.equal(doc.statusLabel, 'ongoing');
});

test('Swedish: inflections and plurals', async () => {
  for (const q of ['lekplats', 'lekplatser', 'lekplatsen', 'lekplatserna', 'Lekplats']) await finds(sv, q, 'ny-lekplats', { first: true });
  for (const q of ['cykelväg', 'cykelvägar', 'cykelvägen', 'cykelvägarna']) await finds(sv, q, 'belysning-ravinge');
  await finds(sv, 'bredbandet', 'bredband', { first: true });
  await finds(sv, 'idé', 'medborgardialog');
  await finds(sv, 'mötesplats', 'motesplatser', { first: true });
});

test('Swedish: partial words and parts of compounds', async () => {
  await finds(sv, 'lek', 'ny-lekplats', { first: true });
  await finds(sv, 'lekpl', 'ny-lekplats', { first: true });
  await finds(sv, 'belys', 'belysning-ravinge');
  for (const q of ['plats', 'platser', 'platsen']) {
    await finds(sv, q, 'ny-lekplats');
    await finds(sv, q, 'badplats');
  }
  await finds(sv, 'väg', 'trygga-vagar');
  await finds(sv, 'dialog', 'medborgardialog', { first: true });
  await finds(sv, 'brygga', 'badplats', { first: true });
});

test('Swedish: accents and case ignored as a fallback', async () => {
  await finds(sv, 'oster', 'oster', { first: true });
  await finds(sv, 'ÖSTER', 'oster', { first: true });
  await finds(sv, 'motesplatser', 'motesplatser', { first: true });
  await finds(sv, 'ravinge', 'belysning-ravinge', { first: true });
  await finds(sv, 'nojda invanare', 'nojda-invanare', { first: true });
  await finds(sv, 'femsjon', 'badplats', { first: true });
});

test('Swedish: several words, all-words matches first', async () => {
  await finds(sv, 'lekplats skolan', 'ny-lekplats', { first: true });
  await finds(sv, 'belysning cykelväg', 'belysning-ravinge', { first: true });
  await finds(sv, 'trygga vägar', 'trygga-vagar', { first: true });
  const r = (await run([sv], 'belysning rävinge')).results;
  assert.equal(r[0].missing, 0);
  assert.ok(r.some((x) => x.missing === 1), 'pages with one of the words are listed after');
});

test('Dutch: inflections, compounds and punctuation', async () => {
  for (const q of ['speeltuin', 'speeltuinen', 'tuin', 'speel']) await finds(nl, q, 'speeltuin', { first: true });
  for (const q of ['begroting', 'wijkbegroting', '(wijk)begroting', 'begrotingen', 'wijk']) await finds(nl, q, 'speeltuin', { first: true });
  for (const q of ['fietspad', 'fietspaden', 'fiets', 'pad']) await finds(nl, q, 'fietspaden', { first: true });
  await finds(nl, 'bushalte', 'bushaltes', { first: true });
  await finds(nl, 'halte', 'bushaltes', { first: true });
  await finds(nl, 'veilig fietsen', 'fietspaden', { first: true });
});

test('Dutch: accents', async () => {
  await finds(nl, 'coordinatie', 'vrijwilligers', { first: true });
  await finds(nl, 'coördinatie', 'vrijwilligers', { first: true });
  await finds(nl, 'cafe', 'cafe', { first: true });
  await finds(nl, 'café', 'cafe', { first: true });
  await finds(nl, 'een loket', 'vrijwilligers', { first: true });
});

test('English: inflections and plurals', async () => {
  await finds(en, 'playgrounds', 'playground', { first: true });
  await finds(en, 'play', 'playground', { first: true });
  await finds(en, 'cycling', 'cycle-paths', { first: true });
  await finds(en, 'cycle path', 'cycle-paths', { first: true });
  await finds(en, 'libraries', 'library', { first: true });
  await finds(en, "municipality's library", 'library', { first: true });
  await finds(en, 'lighting street', 'street-lighting', { first: true });
  await finds(en, 'lights', 'street-lighting', { first: true });
});

test('no result for unknown words and stop words', async () => {
  assert.deepEqual(await urls([sv], 'xyzzy'), []);
  assert.deepEqual(await urls([sv], 'och'), []);
  assert.deepEqual(await urls([nl], 'qwerty'), []);
  assert.deepEqual(await urls([en], 'the'), []);
  assert.deepEqual(await urls([sv], '   '), []);
});

test('all places at once', async () => {
  const all = [sv, nl, en];
  await finds(sv, 'lekplats', 'ny-lekplats');
  assert.ok((await urls(all, 'speeltuinen'))[0].endsWith('/speeltuin/'));
  assert.ok((await urls(all, 'lekplatser'))[0].endsWith('/ny-lekplats/'));
  assert.ok((await urls(all, 'playgrounds'))[0].endsWith('/playground/'));
});

test('relation weights order exact, partial, compound matches', async () => {
  const r = search.relation;
  assert.equal(r('lekplat', 'lekplat'), 1);
  assert.ok(r('lekplats', 'lekplat') > r('badplat', 'plat'));
  assert.ok(r('lekplat', 'lek') > 0);
  assert.ok(r('lekplat', 'plats') > 0, 'compound ending in another inflection');
  assert.equal(r('kollektiv', 'lek'), 0, 'no three-letter match inside a word');
  assert.equal(r('park', 'sparka'), 0);
});

test('query units: a joined word is an alternative for its parts', async () => {
  assert.deepEqual(search.queryUnits('(wijk)begroting 2025'), [['wijk', 'wijkbegroting'], ['begroting', 'wijkbegroting'], ['2025']]);
  assert.deepEqual(search.queryUnits('lekplats lekplats'), [['lekplats']]);
});

test('a typo is forgiven when nothing else matches', async () => {
  await finds(sv, 'lekplatts', 'ny-lekplats', { first: true });
  await finds(sv, 'bredbnad', 'bredband', { first: true });
  await finds(nl, 'speeltiun', 'speeltuin', { first: true });
  await finds(en, 'libary', 'library', { first: true });
  assert.equal(search.editDistance('abcdef', 'abdcef', 2), 1);
  assert.equal(search.editDistance('abcdef', 'xyzdef', 1), 2);
  assert.deepEqual(await urls([sv], 'qwertyuiop'), []);
});

test('a compound the pages write apart is split', async () => {
  await finds(sv, 'lekplatsskolan', 'ny-lekplats', { first: true });
  await finds(nl, 'speeltuinkinderen', 'speeltuin', { first: true });
  await finds(en, 'parkplayground', 'playground', { first: true });
  const r = (await run([sv], 'cykelvägsbelysning')).results;
  assert.ok(r.length && r[0].doc.url.endsWith('/belysning-ravinge/'), r.map((x) => x.doc.url).join(' '));
  assert.equal(r[0].missing, 0);
});

test('Dutch: doubled vowels that the stemmer undoubles in some forms only', async () => {
  const files = {
    'x/search-index/manifest.json': { lang: 'du', n: 1, base: '/', kinds: [['action', 'Inspanning']], places: [], docs: { per: 1, files: 1 }, t: [''], s: [''] },
    'x/search-index/t/0.json': [['oversteekplat', [0, 100]]],
    'x/search-index/s/0.json': [['oversteekplat', [0, 100]]],
    'x/search-index/d/0.json': [['Oversteekplaats', 0, 'oversteekplaats/', '']],
  };
  const idx = await search.PlaceIndex.open('x/search-index/manifest.json', {}, async (u) => files[u]);
  assert.equal(search.stemDutch('oversteekplaats'), 'oversteekplat');
  assert.equal(search.stemDutch('oversteekplaatsen'), 'oversteekplaats');
  for (const q of ['oversteekplaats', 'oversteekplaatsen', 'plaatsen', 'plaats']) {
    assert.equal((await run([idx], q)).results.length, 1, q);
  }
});

test('a query fetches the shards of its words, not all of them', async () => {
  const fresh = await load('sv', 'Getinge');
  fetched.length = 0;
  await run([fresh], 'lekplats');
  const shards = fetched.filter((u) => /\/(t|s)\//.test(u));
  const all = fs.readdirSync(path.join(here, 'fixtures/index-sv/search-index/t')).length + fs.readdirSync(path.join(here, 'fixtures/index-sv/search-index/s')).length;
  assert.ok(shards.length >= 2 && shards.length < all / 2, `${shards.length} of ${all}: ${shards.join(' ')}`);
});
