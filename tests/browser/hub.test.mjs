// Regional hubs list their news newest first, and a hub's news page lists every news item tagged
// with its region (according to the search index), nothing else.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { launchBrowser, openPage, visit, urlOf, loadSearchDocs, assertPageIdentity } from './site.mjs';

let browser;
let docs;
before(async () => {
  [browser, docs] = await Promise.all([launchBrowser(), loadSearchDocs()]);
});
after(async () => { await browser?.close(); });

// The items of the listing that follows a heading ("" for the first listing in <main>): each
// link's address and the datetime of its <time>.
async function listingAfter(page, heading) {
  return page.evaluate(headingText => {
    const main = document.querySelector('main');
    let list = null;
    if (headingText) {
      const h = Array.from(main.querySelectorAll('h2')).find(e => e.textContent.trim() === headingText);
      list = h ? h.nextElementSibling : null;
    } else {
      list = main.querySelector('ul.carta-listing');
    }
    if (!list || !list.matches('ul.carta-listing')) {
      return null;
    }
    return Array.from(list.querySelectorAll(':scope > li')).map(li => ({
      href: li.querySelector('a')?.href ?? null,
      title: li.querySelector('a')?.textContent.trim() ?? '',
      datetime: li.querySelector('time')?.getAttribute('datetime') ?? null,
    }));
  }, heading);
}

function assertNewestFirst(items, where) {
  items.forEach((item, i) => {
    assert.match(item.datetime ?? '', /^\d{4}-\d{2}-\d{2}$/, `${where}: "${item.title}" has no <time datetime="YYYY-MM-DD">`);
    if (i > 0) {
      assert.ok(items[i - 1].datetime >= item.datetime,
        `${where}: "${items[i - 1].title}" (${items[i - 1].datetime}) is listed before the newer "${item.title}" (${item.datetime})`);
    }
  });
}

test('every regional hub lists its news newest first, and all of it on its news page', async t => {
  const session = await openPage(browser);
  const { page } = session;
  try {
    await visit(page, urlOf('/regions/'));
    const hubs = await page.locator('main a').evaluateAll(links => links.map(a => a.href)
      .filter(href => /\/regions\/[^/]+\/$/.test(new URL(href).pathname)));
    assert.ok(hubs.length >= 7, `the regions listing links ${hubs.length} hubs`);

    for (const hub of [...new Set(hubs)]) {
      await t.test(new URL(hub).pathname, async () => {
        const region = new URL(hub).pathname.split('/').filter(Boolean).pop();
        const expected = docs.filter(d => d.k === 'news' && (d.r || []).includes(region)).map(d => urlOf(d.u)).sort();

        await visit(page, hub);
        await assertPageIdentity(page);
        const latest = await listingAfter(page, 'Latest news');
        const updates = await listingAfter(page, 'Training office updates');
        if (expected.length > 0) {
          assert.ok(latest || updates, `${hub}: no "Latest news" nor "Training office updates", though ${expected.length} news items are tagged ${region}`);
        }
        for (const [name, items] of [['Latest news', latest], ['Training office updates', updates]]) {
          if (!items) continue;
          assert.ok(items.length > 0, `${hub}: "${name}" is empty`);
          assertNewestFirst(items, `${hub} "${name}"`);
          for (const item of items) {
            assert.ok(expected.includes(item.href), `${hub} "${name}": ${item.href} is not news tagged ${region}`);
          }
        }

        const newsUrl = new URL('news/', hub).href;
        await visit(page, newsUrl);
        await assertPageIdentity(page);
        const all = await listingAfter(page, '');
        assert.ok(all, `${newsUrl}: no listing`);
        assertNewestFirst(all, newsUrl);
        const listed = all.map(item => item.href).sort();
        assert.equal(new Set(listed).size, listed.length, `${newsUrl}: an item is listed twice`);
        const missing = expected.filter(u => !listed.includes(u));
        const extra = listed.filter(u => !expected.includes(u));
        assert.deepEqual({ missing, extra }, { missing: [], extra: [] }, `${newsUrl} vs the news the search index tags ${region}`);
        // The hub's own lists are the newest of the news page.
        for (const items of [latest, updates].filter(Boolean)) {
          const newestOnNewsPage = all.filter(a => items.some(i => i.href === a.href));
          assert.deepEqual(newestOnNewsPage.map(i => i.href), items.map(i => i.href), `${hub}: the hub orders its news unlike ${newsUrl}`);
        }
        session.assertNoErrors();
      });
    }
  } finally {
    await session.close();
  }
});
