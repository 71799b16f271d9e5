// axe-core (WCAG 2.0 and 2.1, levels A and AA) on one page of every kind the site publishes, at a
// desktop width and, for the home page and a pathway, at a phone's 375 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { launchBrowser, openPage, visit, urlOf, loadSearchDocs, fetchOk, axeScriptPath } from './site.mjs';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const SECTIONS = ['curricula', 'pathways', 'resources', 'news', 'funding-guides', 'policies', 'portals', 'bulletins',
  'regions', 'professions', 'pages'];
const PARALLEL_PAGES = 3;
const VOCABULARIES = ['career-stages', 'clinical-areas', 'professions', 'regions', 'specialties'];

let browser;
let docs;
before(async () => {
  [browser, docs] = await Promise.all([launchBrowser(), loadSearchDocs()]);
});
after(async () => { await browser?.close(); });

const byPath = (a, b) => (a.u < b.u ? -1 : a.u > b.u ? 1 : 0);

function firstOf(kind, filter = () => true) {
  const doc = docs.filter(d => d.k === kind && filter(d)).sort(byPath)[0];
  assert.ok(doc, `the search index has no ${kind}${filter.name ? ` (${filter.name})` : ''}`);
  return doc.u;
}

// The first item a listing page's <main> links (for what the search index leaves out), as an
// absolute address.
async function firstItemOf(listing) {
  const listingUrl = urlOf(listing);
  const prefix = new URL(listingUrl).pathname;
  const html = await (await fetchOk(listingUrl)).text();
  const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
  const hrefs = [...main.matchAll(/<a\b[^>]*\bhref="([^"#?]+)"/g)].map(m => m[1]);
  const found = hrefs.find(h => h.startsWith(prefix) && h !== prefix && !/\/page-\d+\/$/.test(h));
  assert.ok(found, `${listingUrl} links nothing under ${prefix}`);
  return new URL(found, listingUrl).href;
}

// Page name -> address, one of each kind.
async function samplePages() {
  const pages = new Map();
  pages.set('home', urlOf('/'));
  for (const section of SECTIONS) {
    pages.set(`section ${section}`, urlOf(`/${section}/`));
  }
  // A second page of a listing: the first section that has one.
  for (const section of SECTIONS) {
    const response = await fetch(urlOf(`/${section}/page-2/`), { method: 'HEAD' });
    if (response.status === 200) {
      pages.set(`section ${section} page 2`, urlOf(`/${section}/page-2/`));
      break;
    }
  }
  assert.ok([...pages.keys()].some(k => k.endsWith('page 2')), 'no section has a second page');
  pages.set('curriculum', urlOf(firstOf('curriculum')));
  pages.set('pathway', urlOf(firstOf('pathway')));
  pages.set('resource', urlOf(firstOf('resource')));
  pages.set('news', urlOf(firstOf('news')));
  pages.set('funding guide', urlOf(firstOf('funding_guide')));
  pages.set('policy', urlOf(firstOf('policy')));
  pages.set('portal', urlOf(firstOf('portal')));
  pages.set('bulletin', await firstItemOf('/bulletins/'));
  const hub = firstOf('page', function regionalHub(d) { return d.u.startsWith('/regions/'); });
  pages.set('regional hub', urlOf(hub));
  pages.set('hub news', urlOf(`${hub}news/`));
  pages.set('hub funding', urlOf(`${hub}funding/`));
  pages.set('profession landing', urlOf(firstOf('page', function professionLanding(d) { return d.u.startsWith('/professions/'); })));
  // A landing page: any other page (the home page is one when there is no other).
  const landing = docs.filter(d => d.k === 'page' && !/^\/(regions|professions)\//.test(d.u)).sort(byPath)
    .find(d => d.u !== '/') ?? docs.find(d => d.k === 'page' && d.u === '/');
  assert.ok(landing, 'the search index has no landing page');
  if (landing.u !== '/') {
    pages.set('landing page', urlOf(landing.u)); // else the home page is the only landing page
  }
  pages.set('topics', urlOf('/topics/'));
  pages.set('vocabulary', urlOf(`/topics/${VOCABULARIES[0]}/`));
  for (const vocabulary of VOCABULARIES) {
    pages.set(`term of ${vocabulary}`, await firstItemOf(`/topics/${vocabulary}/`));
  }
  pages.set('search (empty)', urlOf('/search/'));
  pages.set('search (results)', urlOf('/search/?type=curriculum&q=surgery'));
  pages.set('404', urlOf('/no-such-page/'));
  return pages;
}

function describe(violations, url) {
  return violations.map(v => `  [${v.id}] (${v.impact}) ${v.help} on ${url}\n` +
    v.nodes.map(n => `      ${n.target.join(' ')}${n.failureSummary ? `: ${n.failureSummary.replace(/\s+/g, ' ')}` : ''}`).join('\n'))
    .join('\n');
}

async function checkPage(session, name, url) {
  const { page } = session;
  const missing = name === '404';
  await visit(page, url, { status: missing ? 404 : 200 });
  if (name.startsWith('search')) {
    await page.locator('#carta-search[data-ready="true"]').waitFor({ timeout: 30000 });
    if (name === 'search (results)') {
      assert.ok(await page.locator('#carta-search-results li').count() > 0, `${url} shows no results`);
    }
  }
  await page.addScriptTag({ path: axeScriptPath });
  const result = await page.evaluate(tags => window.axe.run(document, {
    runOnly: { type: 'tag', values: tags },
    resultTypes: ['violations'],
  }), WCAG_TAGS);
  assert.ok(result.passes.length > 0, `axe checked nothing on ${url}`);
  const width = page.viewportSize().width;
  assert.deepEqual(result.violations.map(v => v.id), [],
    `axe found ${result.violations.length} violation(s) on ${url} at ${width}px:\n${describe(result.violations, url)}`);
  session.assertNoErrors(missing ? ['the server responded with a status of 404'] : []);
}

// A few pages in one browser context check the samples side by side (while one page loads,
// another runs axe); a fresh document per visit is isolation enough for reading pages.
async function checkAll(t, samples, viewport) {
  const pages = [...samples];
  const sessions = [];
  const free = [];
  try {
    for (let i = 0; i < Math.min(PARALLEL_PAGES, pages.length); i++) {
      const session = await openPage(browser, viewport ? { viewport } : {});
      sessions.push(session);
      free.push(session);
    }
    await Promise.all(pages.map(([name, url]) => {
      const u = new URL(url);
      return t.test(`${name}${viewport ? ` at ${viewport.width}px` : ''}: ${u.pathname}${u.search}`, async () => {
        const session = free.pop(); // the parent runs at most PARALLEL_PAGES subtests at once
        try {
          await checkPage(session, name, url);
        } finally {
          free.push(session);
        }
      });
    }));
  } finally {
    await Promise.all(sessions.map(s => s.close()));
  }
}

test('no WCAG 2.1 A/AA violation on any kind of page', { concurrency: PARALLEL_PAGES }, async t => {
  await checkAll(t, await samplePages());
});

test('no WCAG 2.1 A/AA violation at 375 px wide', { concurrency: PARALLEL_PAGES }, async t => {
  const pathway = urlOf('/pathways/general-practice-training-pathway/');
  const pathwayExists = (await fetch(pathway, { method: 'HEAD' })).status === 200;
  await checkAll(t, [['home', urlOf('/')], ['pathway', pathwayExists ? pathway : urlOf(firstOf('pathway'))]],
    { width: 375, height: 812 });
});
