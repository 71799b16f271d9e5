// A crawler over the whole published site, without the browser: from the home page and from
// every address in the sitemaps it follows every internal link, script, stylesheet, image and
// feed link, and checks that each answers 200, that fragment links point at an existing id, and
// that every page and attachment of the release is reached.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';

import { siteUrl, siteOrigin, sitePath, siteDir, fetchOk } from './site.mjs';

const CONCURRENCY = 16;
const REPORT_LIMIT = 100; // broken links printed in full; the count is always exact

function decodeFragment(fragment) {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

function decodeEntities(text) {
  return text.replace(/&(amp|lt|gt|quot|apos|#39|#x27);/g, (_, name) =>
    ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#x27': "'" })[name]);
}

// An address found on a page, resolved against it; null for another host or scheme. Root-relative
// paths outside the site's own path are kept: on this host they are broken links.
function resolve(raw, base) {
  const value = decodeEntities(raw.trim());
  if (value === '' || /^(mailto|tel|javascript|data):/i.test(value)) {
    return null;
  }
  let url;
  try {
    url = new URL(value, base);
  } catch {
    return { bad: value };
  }
  if (url.origin !== siteOrigin) {
    return null;
  }
  return { url };
}

// What a crawled address is and how to fetch it.
function kindOf(url) {
  const p = url.pathname;
  if (url.search) return 'head'; // the same document with a query (search links): only its status
  if (p.endsWith('/') || p.endsWith('.html')) return 'html';
  if (p.endsWith('.xml')) return p.includes('/sitemap') ? 'sitemap' : 'feed';
  if (p.endsWith('.css')) return 'css';
  return 'head';
}

// Every file under a folder, as paths relative to it with "/" separators.
async function filesUnder(root, relative = '', out = []) {
  const entries = await fs.readdir(path.join(root, relative), { withFileTypes: true });
  await Promise.all(entries.map(entry => {
    const name = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return filesUnder(root, name, out);
    // A release's folders are links into <site>/objects (docs/storage.md).
    if (entry.isSymbolicLink()) {
      return fs.stat(path.join(root, name)).then(st => (st.isDirectory() ? filesUnder(root, name, out) : out.push(name)));
    }
    out.push(name);
    return null;
  }));
  return out;
}

const TAG = /<(a|link|script|img|source|iframe)\b([^>]*)>/gi;
const ATTR = /(?:^|\s)(href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
const ID = /\sid\s*=\s*"([^"]*)"/gi;
const MODULE_IMPORT = /\b(?:import|from)\s*\(?\s*'([^']+)'/g;

test('every internal link of the site answers 200', async t => {
  const started = Date.now();
  const seen = new Map();      // address without fragment -> { kind, status, foundOn, references }
  const queue = [];
  const broken = [];           // { url, status, foundOn }
  const badFragments = [];     // { href, page }
  const crossFragments = [];   // { target, id, page }
  const idsOf = new Map();     // page address -> Set of ids
  let requests = 0;
  let externalLinks = 0;

  function enqueue(url, foundOn) {
    url.hash = '';
    const key = url.href;
    const entry = seen.get(key);
    if (entry) {
      if (entry.lastReferrer !== foundOn) {
        entry.references += 1;
        entry.lastReferrer = foundOn;
      }
    } else {
      seen.set(key, { kind: kindOf(url), status: 0, foundOn, references: 1, lastReferrer: foundOn });
      queue.push(key);
    }
  }

  function linksOfHtml(html, pageUrl) {
    const ids = new Set();
    for (const m of html.matchAll(ID)) ids.add(decodeEntities(m[1]));
    idsOf.set(pageUrl, ids);
    const refs = [];
    for (const tag of html.matchAll(TAG)) {
      for (const attr of tag[2].matchAll(ATTR)) refs.push(attr[2] ?? attr[3]);
    }
    // ES module imports in inline scripts (nhsuk-frontend's initAll).
    for (const script of html.matchAll(/<script\b[^>]*type="module"[^>]*>([\s\S]*?)<\/script>/gi)) {
      for (const m of script[1].matchAll(MODULE_IMPORT)) refs.push(m[1]);
    }
    for (const raw of refs) {
      const value = decodeEntities(raw.trim());
      if (value.startsWith('#')) {
        const id = decodeFragment(value.slice(1));
        if (id !== '' && !ids.has(id)) badFragments.push({ href: value, page: pageUrl });
        continue;
      }
      const found = resolve(raw, pageUrl);
      if (found === null) {
        externalLinks += 1;
        continue;
      }
      if (found.bad) {
        broken.push({ url: found.bad, status: 'unparsable', foundOn: pageUrl });
        continue;
      }
      if (found.url.hash.length > 1) {
        const target = new URL(found.url);
        target.hash = '';
        crossFragments.push({ target: target.href, id: decodeFragment(found.url.hash.slice(1)), page: pageUrl });
      }
      enqueue(found.url, pageUrl);
    }
  }

  function linksOfXml(xml, pageUrl, kind) {
    const pattern = kind === 'sitemap' ? /<loc>([^<]*)<\/loc>/g : /<link\b[^>]*\bhref="([^"]*)"/g;
    for (const m of xml.matchAll(pattern)) {
      const found = resolve(m[1], pageUrl);
      if (found === null) {
        // A sitemap or feed naming another host is itself wrong: the site's address is this one.
        broken.push({ url: decodeEntities(m[1]), status: 'other host', foundOn: pageUrl });
      } else if (found.bad) {
        broken.push({ url: found.bad, status: 'unparsable', foundOn: pageUrl });
      } else {
        enqueue(found.url, pageUrl);
      }
    }
  }

  function linksOfCss(css, pageUrl) {
    for (const m of css.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)) {
      const found = resolve(m[1], pageUrl);
      if (found && !found.bad) enqueue(found.url, pageUrl);
    }
  }

  async function visit(key) {
    const entry = seen.get(key);
    const method = entry.kind === 'head' ? 'HEAD' : 'GET';
    let response;
    try {
      requests += 1;
      response = await fetch(key, { method, redirect: 'manual' });
    } catch (error) {
      entry.status = 'error';
      broken.push({ url: key, status: `fetch failed: ${error.cause?.code ?? error.message}`, foundOn: entry.foundOn });
      return;
    }
    entry.status = response.status;
    if (response.status !== 200) {
      const location = response.headers.get('location');
      broken.push({ url: key, status: response.status + (location ? ` → ${location}` : ''), foundOn: entry.foundOn });
      await response.body?.cancel();
      return;
    }
    if (method === 'HEAD') return;
    const body = await response.text();
    const type = response.headers.get('content-type') || '';
    switch (entry.kind) {
    case 'html':
      if (!type.startsWith('text/html')) {
        broken.push({ url: key, status: `200 but ${type || 'no content type'}`, foundOn: entry.foundOn });
        return;
      }
      linksOfHtml(body, key);
      break;
    case 'sitemap':
    case 'feed':
      if (!/xml/.test(type)) broken.push({ url: key, status: `200 but ${type || 'no content type'}`, foundOn: entry.foundOn });
      linksOfXml(body, key, entry.kind);
      break;
    case 'css':
      linksOfCss(body, key);
      break;
    default:
      break;
    }
  }

  // Seeds: the home page, the sitemap index, and every address the sitemaps list.
  enqueue(new URL(siteUrl), '(start)');
  const sitemapIndex = new URL('sitemap.xml', siteUrl);
  const index = await (await fetchOk(sitemapIndex)).text();
  const sitemaps = [...index.matchAll(/<loc>([^<]*)<\/loc>/g)].map(m => decodeEntities(m[1]));
  assert.ok(sitemaps.length > 0, 'the sitemap index lists no sitemap');
  let sitemapUrls = 0;
  for (const sitemap of sitemaps) {
    assert.ok(sitemap.startsWith(siteUrl), `the sitemap index names ${sitemap}, outside ${siteUrl}`);
    const xml = await (await fetchOk(sitemap)).text();
    for (const m of xml.matchAll(/<loc>([^<]*)<\/loc>/g)) {
      const loc = decodeEntities(m[1]);
      sitemapUrls += 1;
      const found = resolve(loc, sitemap);
      if (found && !found.bad) enqueue(found.url, sitemap);
      else broken.push({ url: loc, status: 'outside the site', foundOn: sitemap });
    }
  }
  enqueue(sitemapIndex, '(start)');

  let inFlight = 0;
  let next = 0; // the queue only grows: addresses before `next` have been taken
  await new Promise((done, fail) => {
    function pump() {
      while (inFlight < CONCURRENCY && next < queue.length) {
        const key = queue[next++];
        inFlight += 1;
        visit(key).then(() => {
          inFlight -= 1;
          if (next === queue.length && inFlight === 0) done();
          else pump();
        }, fail);
      }
    }
    pump();
  });

  // Fragments on other pages, now that every page's ids are known.
  for (const { target, id, page } of crossFragments) {
    const ids = idsOf.get(target);
    if (ids && !ids.has(id)) badFragments.push({ href: `${target}#${id}`, page });
  }

  const seconds = (Date.now() - started) / 1000;
  const byKind = {};
  for (const entry of seen.values()) byKind[entry.kind] = (byKind[entry.kind] || 0) + 1;
  t.diagnostic(`crawled ${seen.size} URLs (${Object.entries(byKind).map(([k, n]) => `${n} ${k}`).join(', ')}) ` +
    `with ${requests} requests in ${seconds.toFixed(1)} s; ${sitemapUrls} sitemap entries; ${externalLinks} links to other hosts not followed`);

  // Every page and attachment of the release must have been reached.
  let unreached = [];
  if (siteDir) {
    const files = await filesUnder(siteDir);
    const expected = files.filter(f => f.endsWith('index.html') || f.startsWith('files/'));
    const reached = new Set([...seen.entries()].filter(([, e]) => e.status === 200).map(([k]) => new URL(k).pathname));
    unreached = expected.map(f => sitePath + f.replace(/index\.html$/, ''))
      .filter(p => !reached.has(p) && !reached.has(encodeURI(p)));
    t.diagnostic(`the release holds ${expected.length} pages and attachments; ${expected.length - unreached.length} reached`);
  }

  const problems = [];
  if (broken.length > 0) {
    problems.push(`${broken.length} broken internal link(s) (address: status, found on):\n` + broken.slice(0, REPORT_LIMIT)
      .map(b => `  ${b.url}: ${b.status}, found on ${b.foundOn}` +
        (seen.get(b.url)?.references > 1 ? ` and ${seen.get(b.url).references - 1} more page(s)` : '')).join('\n'));
  }
  if (badFragments.length > 0) {
    problems.push(`${badFragments.length} fragment link(s) to a missing id:\n` + badFragments.slice(0, REPORT_LIMIT)
      .map(f => `  ${f.href} on ${f.page}`).join('\n'));
  }
  if (unreached.length > 0) {
    problems.push(`${unreached.length} page(s) or attachment(s) of the release reached by no link nor sitemap:\n` +
      unreached.slice(0, REPORT_LIMIT).map(p => `  ${p}`).join('\n'));
  }
  assert.ok(seen.size > 1000, `only ${seen.size} URLs found: the crawl did not cover the site`);
  if (problems.length > 0) {
    assert.fail(problems.join('\n'));
  }
});
