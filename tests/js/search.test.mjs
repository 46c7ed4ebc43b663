// Queries against small indexes built by the Rust side (tests/js/fixtures/index-*.json, written
// and checked by src/search/fixtures.rs): inflections, plurals, partial words, compound parts,
// accents, punctuation, several words, several places, and no result.
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

const load = (name, place) =>
  new search.PlaceIndex(JSON.parse(fs.readFileSync(path.join(here, 'fixtures', `index-${name}.json`), 'utf8')), { place });
const sv = load('sv', 'Getinge');
const nl = load('nl', 'Schilderswijk');
const en = load('en', 'Millbrook');

const urls = (indexes, q) => search.searchAll(indexes, q).results.map((r) => r.doc.url);

function finds(index, q, id, { first = false } = {}) {
  const got = urls([index], q);
  const hit = got.findIndex((u) => u.endsWith(`/${id}/`));
  assert.ok(hit >= 0, `"${q}" should find ${id}; got ${got.join(' ') || 'nothing'}`);
  if (first) assert.equal(hit, 0, `"${q}" should list ${id} first; got ${got.join(' ')}`);
}

test('the index carries the result list data', () => {
  assert.equal(sv.code, 'sv');
  assert.equal(nl.code, 'du');
  const doc = sv.docs[0];
  assert.equal(doc.url, '/sub/place-sv/actions/ny-lekplats/');
  assert.equal(doc.title, 'Ny lekplats i Getinge centrum');
  assert.equal(doc.statusLabel, 'ongoing');
});

test('Swedish: inflections and plurals', () => {
  for (const q of ['lekplats', 'lekplatser', 'lekplatsen', 'lekplatserna', 'Lekplats']) finds(sv, q, 'ny-lekplats', { first: true });
  for (const q of ['cykelväg', 'cykelvägar', 'cykelvägen', 'cykelvägarna']) finds(sv, q, 'belysning-ravinge');
  finds(sv, 'bredbandet', 'bredband', { first: true });
  finds(sv, 'idé', 'medborgardialog');
  finds(sv, 'mötesplats', 'motesplatser', { first: true });
});

test('Swedish: partial words and parts of compounds', () => {
  finds(sv, 'lek', 'ny-lekplats', { first: true });
  finds(sv, 'lekpl', 'ny-lekplats', { first: true });
  finds(sv, 'belys', 'belysning-ravinge');
  for (const q of ['plats', 'platser', 'platsen']) {
    finds(sv, q, 'ny-lekplats');
    finds(sv, q, 'badplats');
  }
  finds(sv, 'väg', 'trygga-vagar');
  finds(sv, 'dialog', 'medborgardialog', { first: true });
  finds(sv, 'brygga', 'badplats', { first: true });
});

test('Swedish: accents and case ignored as a fallback', () => {
  finds(sv, 'oster', 'oster', { first: true });
  finds(sv, 'ÖSTER', 'oster', { first: true });
  finds(sv, 'motesplatser', 'motesplatser', { first: true });
  finds(sv, 'ravinge', 'belysning-ravinge', { first: true });
  finds(sv, 'nojda invanare', 'nojda-invanare', { first: true });
  finds(sv, 'femsjon', 'badplats', { first: true });
});

test('Swedish: several words, all-words matches first', () => {
  finds(sv, 'lekplats skolan', 'ny-lekplats', { first: true });
  finds(sv, 'belysning cykelväg', 'belysning-ravinge', { first: true });
  finds(sv, 'trygga vägar', 'trygga-vagar', { first: true });
  const r = search.searchAll([sv], 'belysning rävinge').results;
  assert.equal(r[0].missing, 0);
  assert.ok(r.some((x) => x.missing === 1), 'pages with one of the words are listed after');
});

test('Dutch: inflections, compounds and punctuation', () => {
  for (const q of ['speeltuin', 'speeltuinen', 'tuin', 'speel']) finds(nl, q, 'speeltuin', { first: true });
  for (const q of ['begroting', 'wijkbegroting', '(wijk)begroting', 'begrotingen', 'wijk']) finds(nl, q, 'speeltuin', { first: true });
  for (const q of ['fietspad', 'fietspaden', 'fiets', 'pad']) finds(nl, q, 'fietspaden', { first: true });
  finds(nl, 'bushalte', 'bushaltes', { first: true });
  finds(nl, 'halte', 'bushaltes', { first: true });
  finds(nl, 'veilig fietsen', 'fietspaden', { first: true });
});

test('Dutch: accents', () => {
  finds(nl, 'coordinatie', 'vrijwilligers', { first: true });
  finds(nl, 'coördinatie', 'vrijwilligers', { first: true });
  finds(nl, 'cafe', 'cafe', { first: true });
  finds(nl, 'café', 'cafe', { first: true });
  finds(nl, 'een loket', 'vrijwilligers', { first: true });
});

test('English: inflections and plurals', () => {
  finds(en, 'playgrounds', 'playground', { first: true });
  finds(en, 'play', 'playground', { first: true });
  finds(en, 'cycling', 'cycle-paths', { first: true });
  finds(en, 'cycle path', 'cycle-paths', { first: true });
  finds(en, 'libraries', 'library', { first: true });
  finds(en, "municipality's library", 'library', { first: true });
  finds(en, 'lighting street', 'street-lighting', { first: true });
  finds(en, 'lights', 'street-lighting', { first: true });
});

test('no result for unknown words and stop words', () => {
  assert.deepEqual(urls([sv], 'xyzzy'), []);
  assert.deepEqual(urls([sv], 'och'), []);
  assert.deepEqual(urls([nl], 'qwerty'), []);
  assert.deepEqual(urls([en], 'the'), []);
  assert.deepEqual(urls([sv], '   '), []);
});

test('all places at once', () => {
  const all = [sv, nl, en];
  finds(sv, 'lekplats', 'ny-lekplats');
  assert.ok(urls(all, 'speeltuinen')[0].endsWith('/speeltuin/'));
  assert.ok(urls(all, 'lekplatser')[0].endsWith('/ny-lekplats/'));
  assert.ok(urls(all, 'playgrounds')[0].endsWith('/playground/'));
});

test('relation weights order exact, partial, compound matches', () => {
  const r = search.relation;
  assert.equal(r('lekplat', 'lekplat'), 1);
  assert.ok(r('lekplats', 'lekplat') > r('badplat', 'plat'));
  assert.ok(r('lekplat', 'lek') > 0);
  assert.ok(r('lekplat', 'plats') > 0, 'compound ending in another inflection');
  assert.equal(r('kollektiv', 'lek'), 0, 'no three-letter match inside a word');
  assert.equal(r('park', 'sparka'), 0);
});

test('query units: a joined word is an alternative for its parts', () => {
  assert.deepEqual(search.queryUnits('(wijk)begroting 2025'), [['wijk', 'wijkbegroting'], ['begroting', 'wijkbegroting'], ['2025']]);
  assert.deepEqual(search.queryUnits('lekplats lekplats'), [['lekplats']]);
});

test('a typo is forgiven when nothing else matches', () => {
  finds(sv, 'lekplatts', 'ny-lekplats', { first: true });
  finds(sv, 'bredbnad', 'bredband', { first: true });
  finds(nl, 'speeltiun', 'speeltuin', { first: true });
  finds(en, 'libary', 'library', { first: true });
  assert.equal(search.editDistance('abcdef', 'abdcef', 2), 1);
  assert.equal(search.editDistance('abcdef', 'xyzdef', 1), 2);
  assert.deepEqual(urls([sv], 'qwertyuiop'), []);
});

test('a compound the pages write apart is split', () => {
  finds(sv, 'lekplatsskolan', 'ny-lekplats', { first: true });
  finds(nl, 'speeltuinkinderen', 'speeltuin', { first: true });
  finds(en, 'parkplayground', 'playground', { first: true });
  const r = search.searchAll([sv], 'cykelvägsbelysning').results;
  assert.ok(r.length && r[0].doc.url.endsWith('/belysning-ravinge/'), r.map((x) => x.doc.url).join(' '));
  assert.equal(r[0].missing, 0);
});

test('Dutch: doubled vowels that the stemmer undoubles in some forms only', () => {
  const idx = new search.PlaceIndex(
    {
      fields: ['title'], ref: 'id', version: '0.9.5', pipeline: [],
      documentStore: { save: false, docs: { 0: {} }, docInfo: { 0: { title: 1 } }, length: 1 },
      index: { title: { root: { o: { v: { e: { r: { s: { t: { e: { e: { k: { p: { l: { a: { t: { docs: { 0: { tf: 1 } }, df: 1 } } } } } } } } } } } } } } } },
      ambit: { lang: 'du', kinds: [['action', 'Inspanning']], base: '/', docs: [['Oversteekplaats', 0, 'oversteekplaats/', '']] },
    },
    {},
  );
  assert.equal(search.stemDutch('oversteekplaats'), 'oversteekplat');
  assert.equal(search.stemDutch('oversteekplaatsen'), 'oversteekplaats');
  for (const q of ['oversteekplaats', 'oversteekplaatsen', 'plaatsen', 'plaats']) {
    assert.equal(search.searchAll([idx], q).results.length, 1, q);
  }
});
