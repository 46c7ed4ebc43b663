// Cross-check of the search client against the Rust side: word splitting, and the whole
// index pipeline (trimmer, stop words, stemmer) of Swedish, Dutch and English, on the
// fixtures that src/search/fixtures.rs writes and checks with elasticlunr-rs / rust-stemmers.
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

const fixture = (name) => path.join(here, 'fixtures', name);

for (const code of ['sv', 'du', 'en']) {
  test(`pipeline ${code} gives the terms of elasticlunr-rs`, () => {
    const lines = fs.readFileSync(fixture(`pipeline-${code}.tsv`), 'utf8').split('\n').filter(Boolean);
    assert.ok(lines.length > 2000, `${lines.length} words`);
    const term = search.makePipeline(code);
    const wrong = [];
    for (const line of lines) {
      const [word, want] = line.split('\t');
      const got = term(word) ?? '';
      if (got !== want) wrong.push(`${word}: rust ${JSON.stringify(want)}, js ${JSON.stringify(got)}`);
    }
    assert.deepEqual(wrong, [], `${wrong.length} of ${lines.length} differ`);
  });
}

test('word splitting matches src/search/text.rs', () => {
  const cases = JSON.parse(fs.readFileSync(fixture('words.json'), 'utf8'));
  for (const [text, want] of cases) assert.deepEqual(search.words(text), want, JSON.stringify(text));
});
