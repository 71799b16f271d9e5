// What the browser tests share: where the site is, Chromium started through playwright-core with
// every request off this machine blocked, pages that record console and page errors, and the
// search index as the site publishes it.
import { createRequire } from 'node:module';
import path from 'node:path';
import assert from 'node:assert/strict';

function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run the tests through tests/browser/run.sh`);
  }
  return value;
}

// "http://127.0.0.1:<port>/site/", always with the trailing slash.
export const siteUrl = required('CARTA_SITE_URL').replace(/\/?$/, '/');
export const siteOrigin = new URL(siteUrl).origin;
export const sitePath = new URL(siteUrl).pathname; // "/site/"
export const siteDir = process.env.CARTA_SITE_DIR || '';
export const nodeModules = process.env.CARTA_NODE_MODULES || (process.env.NODE_PATH || '').split(path.delimiter)[0];
if (!nodeModules) {
  throw new Error('CARTA_NODE_MODULES (or NODE_PATH) must name the node_modules folder holding playwright-core');
}
const requireFromModules = createRequire(path.join(nodeModules, 'noop.js'));
export const { chromium } = requireFromModules('playwright-core');
export const axeScriptPath = path.join(nodeModules, 'axe-core', 'axe.min.js');
export const chromiumPath = process.env.CARTA_CHROMIUM || '/usr/bin/chromium';

// A site path ("/regions/london/", as in the search index) or a path under the site as an
// absolute URL.
export function urlOf(sitePathOrRelative) {
  return new URL(sitePathOrRelative.replace(/^\//, ''), siteUrl).href;
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

function isLocal(url) {
  try {
    const u = new URL(url);
    return u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'about:' || u.hostname === '127.0.0.1';
  } catch {
    return false;
  }
}

// A browser context that only reaches 127.0.0.1 (nhsuk-frontend's CSS asks for its web font from
// an outside host: the request is aborted at once and the text falls back to Arial), and a page in
// it that records every console error and uncaught exception.
export async function openPage(browser, { viewport = { width: 1280, height: 900 } } = {}) {
  const context = await browser.newContext({ viewport, serviceWorkers: 'block' });
  await context.route(url => !isLocal(url.href), route => route.abort('blockedbyclient'));
  const page = await context.newPage();
  const problems = [];
  page.on('console', message => {
    if (message.type() !== 'error') {
      return;
    }
    const where = message.location()?.url || '';
    // A blocked outside request shows as a failed load: not a fault of the page.
    if (where && !isLocal(where)) {
      return;
    }
    problems.push({ kind: 'console error', text: message.text(), where, page: page.url() });
  });
  page.on('pageerror', error => {
    problems.push({ kind: 'page error', text: String(error?.stack || error), where: '', page: page.url() });
  });
  return {
    page,
    context,
    // Fails with every console error and page error seen since the last call, but those whose
    // text contains one of `expected` (such as the 404 of a page meant to be missing).
    assertNoErrors(expected = []) {
      const left = problems.splice(0).filter(p => !expected.some(text => p.text.includes(text)));
      assert.deepEqual(left, [], 'console or page errors:\n' +
        left.map(p => `  ${p.kind} on ${p.page}: ${p.text}${p.where ? ` (at ${p.where})` : ''}`).join('\n'));
    },
    async close() { await context.close(); },
  };
}

// Navigates and checks the answer's status (200 unless told otherwise).
export async function visit(page, url, { status = 200 } = {}) {
  const response = await page.goto(url, { waitUntil: 'load' });
  assert.ok(response, `no response for ${url}`);
  assert.equal(response.status(), status, `${url} answered ${response.status()}, expected ${status}`);
  return response;
}

// The <title>, <h1>, canonical link and og:url of the current page agree with each other and
// with the address it was loaded from.
export async function assertPageIdentity(page) {
  const url = page.url().split('#')[0].split('?')[0];
  const facts = await page.evaluate(() => ({
    title: document.title,
    h1: Array.from(document.querySelectorAll('h1')).map(h => h.textContent.trim()),
    canonical: Array.from(document.querySelectorAll('link[rel="canonical"]')).map(l => l.getAttribute('href')),
    ogUrl: Array.from(document.querySelectorAll('meta[property="og:url"]')).map(m => m.getAttribute('content')),
    ogTitle: document.querySelector('meta[property="og:title"]')?.getAttribute('content') ?? null,
  }));
  assert.equal(facts.h1.length, 1, `${url}: expected one <h1>, found ${facts.h1.length}`);
  const h1 = facts.h1[0];
  assert.ok(h1.length > 0, `${url}: empty <h1>`);
  assert.equal(facts.title, `${h1} - Health Education England`, `${url}: <title> does not match the <h1>`);
  assert.deepEqual(facts.canonical, [url], `${url}: canonical link`);
  assert.deepEqual(facts.ogUrl, [url], `${url}: og:url`);
  assert.equal(facts.ogTitle, h1, `${url}: og:title`);
  return h1;
}

export async function fetchOk(url, init) {
  const response = await fetch(url, init);
  assert.equal(response.status, 200, `${url} answered ${response.status}`);
  return response;
}

// Every document of the search index, fetched over HTTP as the search page loads it.
export async function loadSearchDocs() {
  const indexUrl = urlOf('/search/index.json');
  const index = await (await fetchOk(indexUrl)).json();
  assert.ok(Array.isArray(index.shards) && index.shards.length > 0, 'search index lists no shards');
  const shards = await Promise.all(index.shards.map(async shard =>
    (await fetchOk(new URL(shard, indexUrl).href)).json()));
  const docs = shards.flatMap(shard => shard.docs);
  assert.ok(docs.length > 0, 'search index has no documents');
  return docs;
}

// A document's values for a facet as the search page sees them (no region: "national").
export function facetValues(doc, facet) {
  switch (facet) {
  case 'type': return [doc.k];
  case 'profession': return doc.p || [];
  case 'specialty': return doc.sp || [];
  case 'career_stage': return doc.c || [];
  case 'region': return doc.r && doc.r.length ? doc.r : ['national'];
  default: throw new Error(`unknown facet ${facet}`);
  }
}
