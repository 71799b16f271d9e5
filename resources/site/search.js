/* Faceted search of the public site: loads the sharded index published beside the search page,
   searches it with MiniSearch and keeps the form, the results and the page URL in step.
   Plain ES2017 for a classic <script>; needs the global MiniSearch loaded before it. */
(function () {
  'use strict';

  // Facet names as used in the form (fieldset data-facet, checkbox name) and the URL, each with
  // the index field that carries a document's values for it.
  const FACET_FIELDS = {
    type: 'k',
    profession: 'p',
    specialty: 'sp',
    career_stage: 'c',
    region: 'r'
  };
  const FACETS = Object.keys(FACET_FIELDS);
  // A document with no region applies everywhere; the region facet offers it as this value.
  const NATIONAL = 'national';
  const MAX_SHOWN = 50;
  const TYPING_DELAY_MS = 250;

  const TYPE_LABELS = {
    curriculum: 'Curriculum',
    pathway: 'Pathway',
    page: 'Page',
    resource: 'Resource',
    news: 'News',
    funding_guide: 'Funding guide',
    policy: 'Policy',
    portal: 'Portal',
    term: 'Glossary term'
  };

  const STATUS_PROMPT = 'Enter a search term or choose a filter.';
  const STATUS_UNAVAILABLE = 'Search is not available at the moment.';

  const form = document.getElementById('carta-search');
  const status = document.getElementById('carta-search-status');
  const resultsList = document.getElementById('carta-search-results');
  if (!form || !status || !resultsList) {
    return;
  }
  const queryInput = form.querySelector('input[name="q"]');
  const checkboxes = Array.prototype.slice.call(
    form.querySelectorAll('[data-facet] input[type="checkbox"]'));
  const countSpans = Array.prototype.slice.call(form.querySelectorAll('[data-count-for]'));

  let engine = null; // MiniSearch, once the index has loaded
  let allDocs = [];  // every document, sorted by title
  const docsById = new Map();
  let typingTimer = 0;

  function valuesOf(doc, facet) {
    const value = doc[FACET_FIELDS[facet]];
    if (facet === 'type') {
      return typeof value === 'string' ? [value] : [];
    }
    const values = Array.isArray(value) ? value : [];
    if (facet === 'region' && values.length === 0) {
      return [NATIONAL];
    }
    return values;
  }

  // The checked values of each facet, read from the form.
  function selectedFacets() {
    const selected = {};
    FACETS.forEach(function (facet) { selected[facet] = []; });
    checkboxes.forEach(function (box) {
      if (box.checked && selected[box.name]) {
        selected[box.name].push(box.value);
      }
    });
    return selected;
  }

  // Values within a facet are alternatives; every facet with a checked value must match.
  function matchesFacets(doc, selected, exceptFacet) {
    return FACETS.every(function (facet) {
      const wanted = selected[facet];
      if (facet === exceptFacet || wanted.length === 0) {
        return true;
      }
      return valuesOf(doc, facet).some(function (value) { return wanted.indexOf(value) !== -1; });
    });
  }

  // Documents matching the query, best first; all documents, by title, for an empty query.
  function queryMatches(query) {
    if (query === '') {
      return allDocs;
    }
    return engine.search(query)
      .map(function (hit) { return docsById.get(hit.id); })
      .filter(Boolean);
  }

  function siteLink(path) {
    // Site paths start at the site root, the parent of /search/, which may itself sit under a sub-path.
    if (typeof path !== 'string' || path.charAt(0) !== '/') {
      return null;
    }
    return new URL('..' + path, location.href).href;
  }

  function renderResult(doc) {
    const item = document.createElement('li');
    item.className = 'carta-results__item';
    const heading = document.createElement('h2');
    heading.className = 'nhsuk-heading-s';
    const title = typeof doc.t === 'string' && doc.t !== '' ? doc.t : 'Untitled';
    const href = siteLink(doc.u);
    if (href) {
      const link = document.createElement('a');
      link.href = href;
      link.textContent = title;
      heading.appendChild(link);
    } else {
      heading.textContent = title;
    }
    item.appendChild(heading);

    const summary = document.createElement('p');
    summary.className = 'nhsuk-body-s';
    const typeLabel = TYPE_LABELS[doc.k] || doc.k || '';
    const parts = [typeLabel, typeof doc.s === 'string' ? doc.s : ''].filter(function (part) {
      return part !== '';
    });
    summary.textContent = parts.join(' · ');
    item.appendChild(summary);
    return item;
  }

  function statusText(total) {
    if (total === 0) {
      return 'No results';
    }
    if (total === 1) {
      return '1 result';
    }
    const count = total.toLocaleString('en-GB');
    if (total > MAX_SHOWN) {
      return 'Showing the first ' + MAX_SHOWN + ' of ' + count + ' results';
    }
    return count + ' results';
  }

  function setStatus(text) {
    // Rewriting the same text would make some screen readers repeat it.
    if (status.textContent !== text) {
      status.textContent = text;
    }
  }

  // Each facet value's count: the documents matching the query and every other facet's filter
  // that carry the value.
  function updateCounts(matches, selected) {
    const counts = {};
    FACETS.forEach(function (facet) {
      const perValue = new Map();
      matches.forEach(function (doc) {
        if (!matchesFacets(doc, selected, facet)) {
          return;
        }
        valuesOf(doc, facet).forEach(function (value) {
          perValue.set(value, (perValue.get(value) || 0) + 1);
        });
      });
      counts[facet] = perValue;
    });
    countSpans.forEach(function (span) {
      const key = span.getAttribute('data-count-for');
      const colon = key.indexOf(':');
      const perValue = counts[key.slice(0, colon)];
      if (colon < 0 || !perValue) {
        return;
      }
      span.textContent = '(' + (perValue.get(key.slice(colon + 1)) || 0) + ')';
    });
  }

  // Replaces the search's own parameters in the page URL and keeps any others.
  function writeUrl(query, selected) {
    const params = new URLSearchParams(location.search);
    ['q'].concat(FACETS).forEach(function (name) { params.delete(name); });
    if (query !== '') {
      params.append('q', query);
    }
    FACETS.forEach(function (facet) {
      selected[facet].forEach(function (value) { params.append(facet, value); });
    });
    const search = params.toString();
    const url = location.pathname + (search ? '?' + search : '') + location.hash;
    if (url !== location.pathname + location.search + location.hash) {
      history.replaceState(history.state, '', url);
    }
  }

  function readUrl() {
    const params = new URLSearchParams(location.search);
    if (queryInput && params.has('q')) {
      queryInput.value = params.get('q');
    }
    checkboxes.forEach(function (box) {
      box.checked = params.getAll(box.name).indexOf(box.value) !== -1;
    });
  }

  function run() {
    clearTimeout(typingTimer);
    if (!engine) {
      return;
    }
    const query = queryInput ? queryInput.value.trim() : '';
    const selected = selectedFacets();
    const anyFacet = FACETS.some(function (facet) { return selected[facet].length > 0; });
    writeUrl(query, selected);

    const matches = queryMatches(query);
    updateCounts(matches, selected);

    const results = query === '' && !anyFacet
      ? []
      : matches.filter(function (doc) { return matchesFacets(doc, selected, null); });
    const fragment = document.createDocumentFragment();
    results.slice(0, MAX_SHOWN).forEach(function (doc) { fragment.appendChild(renderResult(doc)); });
    resultsList.textContent = '';
    resultsList.appendChild(fragment);
    setStatus(query === '' && !anyFacet ? STATUS_PROMPT : statusText(results.length));
  }

  async function fetchJson(url) {
    const response = await fetch(url, { credentials: 'same-origin' });
    if (!response.ok) {
      throw new Error('HTTP ' + response.status + ' for ' + url);
    }
    return response.json();
  }

  async function loadIndex() {
    const indexUrl = new URL('index.json', location.href);
    const index = await fetchJson(indexUrl.href);
    if (!index || index.version !== 1 || !Array.isArray(index.shards)) {
      throw new Error('Unsupported search index');
    }
    // Shard names are relative to index.json and may carry a cache-busting query.
    const shards = await Promise.all(index.shards.map(function (shard) {
      return fetchJson(new URL(String(shard), indexUrl).href);
    }));

    const docs = [];
    shards.forEach(function (shard) {
      (shard && Array.isArray(shard.docs) ? shard.docs : []).forEach(function (doc) {
        // MiniSearch rejects duplicate ids; keep the first rather than lose the whole index.
        if (doc && typeof doc.id === 'string' && !docsById.has(doc.id)) {
          docsById.set(doc.id, doc);
          docs.push(doc);
        }
      });
    });

    const miniSearch = new MiniSearch({
      idField: 'id',
      fields: ['t', 's'],
      storeFields: ['id', 't', 'u', 's', 'k', 'p', 'sp', 'c', 'r'],
      searchOptions: {
        boost: { t: 3 },
        prefix: true,
        // One typo in words of five or more letters ("cardiolgy"), but not so loose that
        // "cardiology" finds "radiology" (a number of 1 or more is an edit distance).
        fuzzy: function (term) { return term.length >= 5 ? 1 : false; },
        combineWith: 'AND'
      }
    });
    miniSearch.addAll(docs);

    allDocs = docs.slice().sort(function (a, b) {
      return String(a.t || '').localeCompare(String(b.t || ''), 'en-GB');
    });
    engine = miniSearch;
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    run();
  });
  form.addEventListener('change', function (event) {
    if (event.target && event.target.type === 'checkbox') {
      run();
    }
  });
  if (queryInput) {
    queryInput.addEventListener('input', function () {
      clearTimeout(typingTimer);
      typingTimer = setTimeout(run, TYPING_DELAY_MS);
    });
  }

  readUrl();
  loadIndex().then(function () {
    run();
    form.setAttribute('data-ready', 'true');
  }, function (error) {
    setStatus(STATUS_UNAVAILABLE);
    if (window.console) {
      console.warn('Carta search:', error);
    }
  });
}());
