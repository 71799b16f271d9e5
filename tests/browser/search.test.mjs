// The faceted search page against its own index: ticking two facets lists exactly the documents
// the shards say match (OR within a facet, AND across facets), the URL keeps the state, and a
// text query narrows with a facet.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { launchBrowser, openPage, visit, urlOf, loadSearchDocs, facetValues } from './site.mjs';

const MAX_SHOWN = 50;

let browser;
let docs;
before(async () => {
  [browser, docs] = await Promise.all([launchBrowser(), loadSearchDocs()]);
});
after(async () => { await browser?.close(); });

function statusFor(count) {
  if (count === 0) return 'No results';
  if (count === 1) return '1 result';
  if (count > MAX_SHOWN) return `Showing the first ${MAX_SHOWN} of ${count.toLocaleString('en-GB')} results`;
  return `${count.toLocaleString('en-GB')} results`;
}

function countFromStatus(text) {
  if (text === 'No results') return 0;
  const m = /^(?:Showing the first \d+ of )?([\d,]+) results?$/.exec(text);
  assert.ok(m, `unexpected search status "${text}"`);
  return Number(m[1].replace(/,/g, ''));
}

async function openSearch(page, query = '') {
  await visit(page, urlOf('/search/') + query);
  await page.locator('#carta-search[data-ready="true"]').waitFor({ timeout: 30000 });
}

async function resultLinks(page) {
  return page.locator('#carta-search-results li a').evaluateAll(links => links.map(a => a.href));
}

async function statusText(page) {
  return (await page.locator('#carta-search-status').textContent()).trim();
}

// The checkbox of a facet value; check() ticks it with a click, as a person would.
function facetBox(page, facet, value) {
  return page.locator(`input[type="checkbox"][name="${facet}"][value="${value}"]`);
}

// Two facets (from different groups) and a value of each whose combination matches between 2 and
// 50 documents, trying type × region first; only values the form offers.
function pickCombination(offered) {
  const pairs = [['type', 'region'], ['profession', 'career_stage'], ['type', 'profession'], ['type', 'career_stage'],
    ['specialty', 'region'], ['profession', 'region']];
  // Real regions first: "national" (the documents without a region) is the weaker test.
  for (const withNational of [false, true]) {
    for (const [a, b] of pairs) {
      for (const va of offered[a] ?? []) {
        for (const vb of offered[b] ?? []) {
          if (!withNational && (va === 'national' || vb === 'national')) continue;
          const matches = docs.filter(d => facetValues(d, a).includes(va) && facetValues(d, b).includes(vb));
          // Some documents must carry only one of the two, so that the AND is really tested.
          const onlyA = docs.some(d => facetValues(d, a).includes(va) && !facetValues(d, b).includes(vb));
          const onlyB = docs.some(d => facetValues(d, b).includes(vb) && !facetValues(d, a).includes(va));
          if (matches.length >= 2 && matches.length <= MAX_SHOWN && onlyA && onlyB) {
            return { facets: [[a, va], [b, vb]], matches };
          }
        }
      }
    }
  }
  return null;
}

test('two facets ticked in the form list exactly the matching documents', async t => {
  const session = await openPage(browser);
  const { page } = session;
  try {
    await openSearch(page);
    assert.equal(await statusText(page), 'Enter a search term or choose a filter.');
    assert.deepEqual(await resultLinks(page), []);

    const offered = await page.locator('#carta-search [data-facet] input[type="checkbox"]').evaluateAll(boxes => {
      const byFacet = {};
      boxes.forEach(b => { (byFacet[b.name] ??= []).push(b.value); });
      return byFacet;
    });
    for (const facet of ['type', 'profession', 'specialty', 'career_stage', 'region']) {
      assert.ok(offered[facet]?.length > 0, `the search form offers no ${facet} facet`);
    }
    const combination = pickCombination(offered);
    assert.ok(combination, 'no pair of facet values matches between 2 and 50 documents');
    const [[facetA, valueA], [facetB, valueB]] = combination.facets;
    const expected = combination.matches.map(d => urlOf(d.u)).sort();
    const onlyA = docs.filter(d => facetValues(d, facetA).includes(valueA));
    t.diagnostic(`${facetA}=${valueA} (${onlyA.length} documents) and ${facetB}=${valueB}: ${expected.length} documents`);

    await facetBox(page, facetA, valueA).check();
    await page.waitForFunction(text => document.getElementById('carta-search-status').textContent.trim() === text,
      statusFor(onlyA.length));
    await facetBox(page, facetB, valueB).check();
    await page.waitForFunction(text => document.getElementById('carta-search-status').textContent.trim() === text,
      statusFor(expected.length));

    const shown = (await resultLinks(page)).sort();
    assert.deepEqual(shown, expected, `results for ${facetA}=${valueA} and ${facetB}=${valueB}`);
    assert.equal(await statusText(page), `${expected.length} results`);

    const params = new URL(page.url()).searchParams;
    assert.deepEqual(params.getAll(facetA), [valueA], `the URL carries ${facetA}`);
    assert.deepEqual(params.getAll(facetB), [valueB], `the URL carries ${facetB}`);

    // The same address, loaded afresh, shows the same search.
    await page.reload({ waitUntil: 'load' });
    await page.locator('#carta-search[data-ready="true"]').waitFor({ timeout: 30000 });
    assert.ok(await facetBox(page, facetA, valueA).isChecked(), `${facetA}=${valueA} unticked after reload`);
    assert.ok(await facetBox(page, facetB, valueB).isChecked(), `${facetB}=${valueB} unticked after reload`);
    assert.deepEqual((await resultLinks(page)).sort(), expected, 'results after reloading the URL');
    assert.equal(await statusText(page), `${expected.length} results`);

    // Every result opens its page.
    for (const href of shown.slice(0, 3)) {
      const response = await fetch(href, { method: 'HEAD' });
      assert.equal(response.status, 200, `search result ${href} answered ${response.status}`);
    }
    session.assertNoErrors();
  } finally {
    await session.close();
  }
});

test('a facet narrows a text query', async t => {
  const session = await openPage(browser);
  const { page } = session;
  try {
    await openSearch(page);
    // A word that names curricula and other kinds of document alike.
    const word = 'Cardiology';
    const curriculaWithWord = docs.filter(d => d.k === 'curriculum' && d.t.includes(word));
    assert.ok(curriculaWithWord.length > 0, `no curriculum mentions ${word} in its title`);

    await page.locator('#search-q').fill(word);
    await page.locator('#search-q').press('Enter');
    await page.waitForFunction(() => /results?$/.test(document.getElementById('carta-search-status').textContent.trim()));
    const broad = countFromStatus(await statusText(page));
    const broadLinks = await resultLinks(page);
    assert.ok(broad > 1, `"${word}" finds ${broad} documents`);
    assert.equal(broadLinks.length, Math.min(broad, MAX_SHOWN));

    const before = await statusText(page);
    await facetBox(page, 'type', 'curriculum').check();
    await page.waitForFunction(previous => {
      const text = document.getElementById('carta-search-status').textContent.trim();
      return /results?$/.test(text) && text !== previous;
    }, before);
    const narrow = countFromStatus(await statusText(page));
    t.diagnostic(`"${word}": ${broad} results, with type=curriculum ${narrow}`);
    const narrowLinks = await resultLinks(page);
    assert.ok(narrow >= curriculaWithWord.length, `${word} + curricula finds ${narrow}, fewer than the ${curriculaWithWord.length} curricula titled with it`);
    assert.ok(narrow < broad, `the facet did not narrow "${word}" (${broad} → ${narrow})`);
    assert.equal(narrowLinks.length, Math.min(narrow, MAX_SHOWN));

    const curriculumUrls = new Set(docs.filter(d => d.k === 'curriculum').map(d => urlOf(d.u)));
    for (const href of narrowLinks) {
      assert.ok(curriculumUrls.has(href), `${href} is listed under type=curriculum but is not a curriculum`);
    }
    for (const d of curriculaWithWord) {
      assert.ok(narrowLinks.includes(urlOf(d.u)), `"${d.t}" is missing from "${word}" + curricula`);
    }
    if (broad <= MAX_SHOWN) {
      // Everything the facet keeps was among the unfiltered results.
      assert.deepEqual(narrowLinks.filter(h => !broadLinks.includes(h)), []);
    }
    const params = new URL(page.url()).searchParams;
    assert.equal(params.get('q'), word);
    assert.deepEqual(params.getAll('type'), ['curriculum']);
    session.assertNoErrors();
  } finally {
    await session.close();
  }
});
