/* ambit static search. No dependencies, no requests other than the search index(es).
 *
 * On a page with an element id="search" carrying a data-search JSON attribute (the search page
 * of a place, or the site-wide one), this script fetches the manifests of the indexes named
 * there, runs the ?q= query on load and again as the user types (fetching only the term shards
 * and result rows the query needs), and lists the results in #search-results with the count
 * announced in the polite live region #search-status. The first RESULTS_PAGE results are
 * listed, with a button for more.
 *
 * data-search (as src/render/lists.rs writes it):
 *   {"indexes": [{"url": "/sub/getinge/search-index/manifest.json", "lang": "sv", "place": "Getinge",
 *                 "actions": "/sub/getinge/actions/"}],
 *    "actions_url": "/sub/getinge/actions/", "lang": "sv",
 *    "strings": {"search_results_one": "1 träff", "search_results_many": "{n} träffar",
 *                "search_no_results": "Inga träffar för ”{q}”.", "search_try_actions": "Bläddra i
 *                åtgärdslistan", "search_loading": "Laddar sökindex …", "search_error": "…"}}
 * Everything but "indexes" is optional (Swedish, Dutch and English defaults); {n} is the number
 * of results and {q} the query. Without "actions_url" (the site-wide page) the no-results
 * message links to the action list of each place, next to its search-index/ folder.
 *
 * The index is written by src/search/ (see its module documentation). Queries go through the
 * same word splitting, trimmer, stop-word filter and stemmer as the documents: the Snowball Swedish and Dutch stemmers of
 * rust-stemmers and the Porter stemmer of elasticlunr-rs, ported below byte for byte (they work
 * on UTF-8 like the Rust code). tests/js/ checks them against fixtures written by the Rust side.
 * On top of exact terms, a query word also finds index terms that start with it (partial
 * words), that it starts with (stems of other inflections), that contain it after a head of
 * two letters or more (later parts of compounds: "plats" finds "lekplats"), and all of these
 * again with accents ignored (ö/o, é/e), each at a lower weight. A word that finds nothing at
 * all may be a compound the pages write in two words ("cykelparkering"), else have a typo (one
 * edit, two in words of 9 letters or more). Pages matching every word of the query come first.
 *
 * What a word can match is what its shards hold (search/index.js, `wordShards`): the prefix
 * shards of its loose form cover exact, partial-word and other-inflection matches, and the
 * suffix shards of its end cover compounds that end in the word and typos in its first half (a
 * typo in the second half leaves the prefix shard right). A word inside a compound but not at
 * its end ("parkering" in "cykelparkeringsplats") is found only when that term's shard was
 * fetched anyway, as in a small place whose terms all fit in one shard.
 */
(function () {
  const parts =
    typeof module === 'object' && module.exports
      ? {
          text: require('./search/text.js'),
          index: require('./search/index.js'),
          match: require('./search/match.js'),
        }
      : self.ambitSearch;
  const { splitWords, words, stemSwedish, stemDutch, stemEnglish, makePipeline, lunrCode, fold, relation, editDistance } =
    parts.text;
  const { PlaceIndex } = parts.index;
  const { queryUnits, searchAll, query, withRows } = parts.match;
  const RESULTS_PAGE = 20;

  // ------------------------------------------------------------------------------- page

  const DEFAULTS = {
    sv: {
      search_results_one: '1 träff', search_results_many: '{n} träffar', search_no_results: 'Inga träffar för ”{q}”.',
      search_try_actions: 'Bläddra i åtgärdslistan', search_loading: 'Laddar sökindex …', search_error: 'Sökindexet kunde inte laddas.', search_more: 'Visa fler träffar',
    },
    du: {
      search_results_one: '1 resultaat', search_results_many: '{n} resultaten', search_no_results: 'Geen resultaten voor ‘{q}’.',
      search_try_actions: 'Blader door de actielijst', search_loading: 'Zoekindex laden …', search_error: 'De zoekindex kon niet worden geladen.', search_more: 'Meer resultaten tonen',
    },
    en: {
      search_results_one: '1 result', search_results_many: '{n} results', search_no_results: 'No results for ‘{q}’.',
      search_try_actions: 'Browse the action list', search_loading: 'Loading search index …', search_error: 'The search index could not be loaded.', search_more: 'Show more results',
    },
  };

  const format = (s, vars) => String(s).replace(/\{(\w+)\}/g, (m, k) => (k in vars ? vars[k] : m));

  const WORD_RUN = /[\p{Alphabetic}\p{N}]+(?:['\u2019\u02BC][\p{Alphabetic}\p{N}]+)*/gu;

  /* Appends text to el with the words whose term is in terms wrapped in <mark>. */
  function appendMarked(el, text, index, terms) {
    const doc = el.ownerDocument;
    let last = 0;
    for (const m of text.matchAll(WORD_RUN)) {
      const t = index.term(m[0].normalize('NFC').toLowerCase().replace(/['\u2019\u02BC]/g, ''));
      if (!t || !terms.has(t)) continue;
      if (m.index > last) el.appendChild(doc.createTextNode(text.slice(last, m.index)));
      const mark = doc.createElement('mark');
      mark.textContent = m[0];
      el.appendChild(mark);
      last = m.index + m[0].length;
    }
    if (last < text.length) el.appendChild(doc.createTextNode(text.slice(last)));
  }

  function actionLinks(cfg, strings) {
    const text = strings.search_try_actions;
    if (cfg.actions_url) return [{ url: cfg.actions_url, text }];
    const many = cfg.indexes.length > 1;
    const out = [];
    for (const i of cfg.indexes) {
      const places = (i.index && i.index.places.length) ? i.index.places : [{ name: i.place, actions: i.actions }];
      for (const p of places) if (p.actions) out.push({ url: p.actions, text: p.name ? `${text} (${p.name})` : text });
    }
    if (!many && out.length === 1) out[0].text = text;
    return out;
  }

  function start(doc, win) {
    const root = doc.getElementById('search') || doc.querySelector('[data-search]');
    if (!root || !root.hasAttribute('data-search')) return null;
    let cfg;
    try {
      cfg = JSON.parse(root.getAttribute('data-search'));
    } catch (e) {
      return null;
    }
    cfg.indexes = Array.isArray(cfg.indexes) ? cfg.indexes : [];
    const lang = lunrCode(cfg.lang || (cfg.indexes[0] && cfg.indexes[0].lang) || doc.documentElement.lang);
    const strings = Object.assign({}, DEFAULTS[lang]);
    for (const [k, v] of Object.entries(cfg.strings || {})) if (typeof v === 'string' && v) strings[k] = v;

    const input = doc.getElementById('search-q') || root.querySelector('input[name="q"]');
    let results = doc.getElementById('search-results');
    if (!results) {
      results = doc.createElement('div');
      results.id = 'search-results';
      root.appendChild(results);
    }
    // the count is announced by the status region alone, not the whole list
    if (results.getAttribute('aria-live')) results.removeAttribute('aria-live');
    let status = doc.getElementById('search-status');
    if (!status) {
      status = doc.createElement('p');
      status.id = 'search-status';
      results.parentNode.insertBefore(status, results);
    }
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');

    let indexes = null;
    let failed = false;
    let shown = null;
    // while the user types, the count is announced once typing pauses, not at every key
    let quiet = false;
    let announceTimer = null;

    function setStatus(text, links) {
      clearTimeout(announceTimer);
      if (quiet) {
        quiet = false;
        announceTimer = setTimeout(() => setStatus(text, links), 700);
        return;
      }
      status.textContent = text;
      for (const l of links || []) {
        status.appendChild(doc.createTextNode(' '));
        const a = doc.createElement('a');
        a.href = l.url;
        a.textContent = l.text;
        status.appendChild(a);
      }
    }

    let seq = 0; // the latest query; older answers are dropped
    let current = null; // {found, shownCount, list, terms}

    function appendResults(found, from, to, terms) {
      const many = indexes.length > 1 || indexes.some((i) => i.places.length > 0);
      const ol = current.list;
      let first = null;
      for (const r of found.slice(from, to)) {
        if (!r.doc) continue;
        const li = doc.createElement('li');
        li.className = 'search-result' + (r.doc.status ? ` status-${r.doc.status}` : '');
        const a = doc.createElement('a');
        a.href = r.doc.url;
        a.className = 'search-result-title';
        appendMarked(a, r.doc.title, r.index, terms.get(r.index));
        li.appendChild(a);
        const meta = [many && r.doc.place, r.doc.kindLabel, r.doc.statusLabel].filter(Boolean);
        if (meta.length) {
          const span = doc.createElement('span');
          span.className = 'search-result-meta';
          span.textContent = meta.join(' · ');
          li.appendChild(doc.createTextNode(' '));
          li.appendChild(span);
        }
        if (r.doc.excerpt) {
          const p = doc.createElement('p');
          p.className = 'search-result-snippet';
          appendMarked(p, r.doc.excerpt, r.index, terms.get(r.index));
          li.appendChild(p);
        }
        ol.appendChild(li);
        first = first || a;
      }
      return first;
    }

    function moreButton(found) {
      const old = results.querySelector('.search-more');
      if (old) old.remove();
      if (current.shownCount >= found.length) return;
      const b = doc.createElement('button');
      b.type = 'button';
      b.className = 'search-more';
      b.textContent = strings.search_more;
      b.addEventListener('click', () => {
        const mine = seq;
        const from = current.shownCount;
        const to = from + RESULTS_PAGE;
        b.disabled = true;
        withRows(found.slice(from, to)).then(() => {
          if (mine !== seq) return;
          current.shownCount = to;
          const first = appendResults(found, from, to, current.terms);
          moreButton(found);
          if (first) first.focus();
        }, fail);
      });
      results.appendChild(b);
    }

    function fail(e) {
      if (win.console) win.console.error('search:', e);
      setStatus(strings.search_error);
    }

    function render(q) {
      q = q.trim();
      if (q === shown) return;
      if (!indexes) {
        if (!failed && q) setStatus(strings.search_loading);
        return;
      }
      shown = q;
      const mine = ++seq;
      if (!q) {
        results.textContent = '';
        setStatus('');
        return;
      }
      // every row is in one file for a small place: list all results at once
      const all = indexes.every((i) => i.length <= i.per);
      query(indexes, q, all ? Infinity : RESULTS_PAGE).then(({ results: found, terms }) => {
        if (mine !== seq) return;
        results.textContent = '';
        if (!found.length) {
          setStatus(format(strings.search_no_results, { q }), actionLinks(cfg, strings));
          return;
        }
        const ol = doc.createElement('ol');
        ol.className = 'search-results-list';
        results.appendChild(ol);
        current = { list: ol, shownCount: all ? found.length : RESULTS_PAGE, terms };
        appendResults(found, 0, current.shownCount, terms);
        moreButton(found);
        const n = found.length;
        setStatus(format(n === 1 ? strings.search_results_one : strings.search_results_many, { n, q }));
      }, (e) => {
        if (mine !== seq) return;
        shown = null;
        fail(e);
      });
    }

    function setUrl(q) {
      try {
        const url = new URL(win.location.href);
        if (q.trim()) url.searchParams.set('q', q);
        else url.searchParams.delete('q');
        win.history.replaceState(win.history.state, '', url.toString());
      } catch (e) {
        /* a file: URL or a sandbox: keep the address */
      }
    }

    const initial = new URLSearchParams(win.location.search).get('q') || '';
    if (input) {
      if (initial && !input.value) input.value = initial;
      let timer = null;
      input.addEventListener('input', () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          quiet = true;
          render(input.value);
          quiet = false;
          setUrl(input.value);
        }, 150);
      });
      if (input.form) {
        input.form.addEventListener('submit', (e) => {
          e.preventDefault();
          clearTimeout(timer);
          render(input.value);
          setUrl(input.value);
        });
      }
    }
    const typed = () => (input ? input.value : initial);

    if (typed().trim()) setStatus(strings.search_loading);
    const getJson = (url) =>
      win.fetch(url, { credentials: 'same-origin' }).then((r) => {
        if (!r.ok) throw new Error(`${url}: ${r.status}`);
        return r.json();
      });
    Promise.all(
      cfg.indexes.map((info) =>
        PlaceIndex.open(info.url, info, getJson)
          .then((idx) => (info.index = idx))
          .catch((e) => {
            if (win.console) win.console.error('search:', e);
            return null;
          }),
      ),
    ).then((loaded) => {
      indexes = loaded.filter(Boolean);
      if (!indexes.length && cfg.indexes.length) {
        failed = true;
        setStatus(strings.search_error);
        return;
      }
      render(typed());
    });
    return { render };
  }

  const api = { splitWords, words, stemSwedish, stemDutch, stemEnglish, makePipeline, lunrCode, fold, relation, editDistance, queryUnits, PlaceIndex, searchAll, query, withRows, start };
  if (typeof module === 'object' && module.exports) {
    module.exports = api;
  } else if (typeof document !== 'undefined') {
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', () => start(document, window));
    } else {
      start(document, window);
    }
  }
})();
