// A learner's journey: from the home page's front door to a career stage, on to a career pathway
// through it, and from the pathway's stage to the portal where they apply.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { launchBrowser, openPage, visit, siteUrl, urlOf, assertPageIdentity } from './site.mjs';

const PORTAL_NAME = 'Oriel'; // the portal most career stages of the medical pathways use

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

// Portal name -> the address shown in the "Website" row of the portal's own page, read by
// opening each portal from the portals listing.
async function portalWebsites(page) {
  await visit(page, urlOf('/portals/'));
  const portals = await page.locator('main a[href*="/portals/"]').evaluateAll(links =>
    links.map(a => ({ name: a.textContent.trim(), href: a.href }))
      .filter(p => /\/portals\/[^/]+\/$/.test(new URL(p.href).pathname)));
  assert.ok(portals.length > 0, 'the portals listing links no portal');
  const websites = new Map();
  for (const portal of portals) {
    await visit(page, portal.href);
    const h1 = await assertPageIdentity(page);
    assert.equal(h1, portal.name, `${portal.href}: the <h1> differs from the name the listing shows`);
    const row = page.locator('.nhsuk-summary-list__row', { has: page.locator('dt', { hasText: /^\s*Website\s*$/ }) });
    assert.equal(await row.count(), 1, `${portal.href}: expected one "Website" row`);
    const link = row.locator('dd a');
    const href = await link.getAttribute('href');
    assert.equal((await link.textContent()).trim(), href, `${portal.href}: the Website row shows another address than it links`);
    websites.set(portal.name, href);
  }
  return websites;
}

test('home → career stage → career pathway → portal', async t => {
  const session = await openPage(browser);
  const { page } = session;
  try {
    await visit(page, siteUrl);
    await assertPageIdentity(page);
    const frontDoor = page.locator('nav.carta-front-door');
    await frontDoor.waitFor();
    const cards = frontDoor.locator('.nhsuk-card');
    assert.ok(await cards.count() > 3, 'the front door shows too few career stages');

    // The career stages whose card says they apply through the portal, in the order shown.
    const candidates = await cards.evaluateAll((nodes, portal) => nodes
      .filter(card => card.textContent.includes(`Apply through ${portal}`))
      .map(card => {
        const link = card.querySelector('a.nhsuk-card__link');
        return { name: link.textContent.trim(), href: link.href };
      }), PORTAL_NAME);
    assert.ok(candidates.length > 0, `no career stage card says "Apply through ${PORTAL_NAME}"`);

    // The first of them whose page lists career pathways (checked without the browser).
    let stage = null;
    for (const candidate of candidates) {
      const html = await (await fetch(candidate.href)).text();
      if (html.includes('Career pathways with this stage')) {
        stage = candidate;
        break;
      }
    }
    assert.ok(stage, `no career stage applying through ${PORTAL_NAME} lists career pathways`);

    await frontDoor.getByRole('link', { name: stage.name, exact: true }).click();
    await page.waitForURL(stage.href);
    assert.match(new URL(page.url()).pathname, /\/topics\/career-stages\/[^/]+\/$/);
    const stageName = await assertPageIdentity(page);
    assert.equal(stageName, stage.name, 'the career stage page has another name than its card');

    const pathwaysHeading = page.getByRole('heading', { level: 2, name: 'Career pathways with this stage' });
    await pathwaysHeading.waitFor();
    const pathwayLinks = page.locator('h2:text-is("Career pathways with this stage") + ul a');
    const pathwayCount = await pathwayLinks.count();
    assert.ok(pathwayCount > 0, 'the career stage lists no pathway');
    for (const href of await pathwayLinks.evaluateAll(links => links.map(a => a.href))) {
      assert.match(new URL(href).pathname, /\/pathways\/[^/]+\/$/, `not a pathway: ${href}`);
    }

    const pathwayLink = pathwayLinks.first();
    const pathwayTitle = (await pathwayLink.textContent()).trim();
    const pathwayHref = await pathwayLink.evaluate(a => a.href);
    await pathwayLink.click();
    await page.waitForURL(pathwayHref);
    assert.equal(await assertPageIdentity(page), pathwayTitle, 'the pathway page has another title than its link');

    // The journey: every stage named, with a duration, in the order of "Stages at a glance",
    // each "Next" pointing at the stage after it.
    const stages = await page.locator('ol.carta-journey > li.carta-journey__stage').evaluateAll(items =>
      items.map(li => {
        const rows = {};
        li.querySelectorAll('.nhsuk-summary-list__row').forEach(row => {
          rows[row.querySelector('dt').textContent.trim()] = {
            text: row.querySelector('dd').textContent.trim(),
            href: row.querySelector('dd a')?.getAttribute('href') ?? null,
          };
        });
        const action = li.querySelector('a.nhsuk-action-link');
        return {
          id: li.id,
          name: li.querySelector('h3')?.textContent.trim() ?? '',
          rows,
          action: action ? { text: action.textContent.trim(), href: action.getAttribute('href') } : null,
        };
      }));
    assert.ok(stages.length >= 2, `${pathwayHref}: the journey shows ${stages.length} stages`);
    const glance = await page.locator('h2:text-is("Stages at a glance") + ul > li').evaluateAll(items =>
      items.map(li => ({ name: li.querySelector('strong')?.textContent.trim(), text: li.textContent.trim() })));
    if (glance.length > 0) {
      assert.deepEqual(glance.map(g => g.name), stages.map(s => s.name), `${pathwayHref}: "Stages at a glance" and the journey disagree`);
    }
    stages.forEach((stageItem, i) => {
      const where = `${pathwayHref} stage ${i + 1} "${stageItem.name}"`;
      assert.ok(stageItem.name, `${where}: no name`);
      assert.ok(stageItem.rows['Career stage']?.text, `${where}: no career stage`);
      assert.match(stageItem.rows.Duration?.text ?? '', /^(\d+ years?( \d+ months?)?|\d+ months?)$/, `${where}: duration`);
      if (glance.length > 0) {
        assert.ok(glance[i].text.endsWith(stageItem.rows.Duration.text), `${where}: "Stages at a glance" gives another duration`);
      }
      const next = stageItem.rows.Next;
      if (i + 1 < stages.length) {
        assert.equal(next?.href, `#${stages[i + 1].id}`, `${where}: "Next" does not point at the following stage`);
        assert.equal(next.text, stages[i + 1].name, `${where}: "Next" names another stage`);
      } else {
        assert.equal(next, undefined, `${where}: the last stage has a "Next"`);
      }
      assert.ok(stageItem.action, `${where}: no "Apply through" action link`);
      assert.match(stageItem.action.text, /^Apply through .+$/, `${where}: action link text`);
    });

    t.diagnostic(`career stage "${stageName}" (${pathwayCount} pathways) → "${pathwayTitle}" (${stages.length} stages)`);

    // The stage of the career stage we came from applies through the portal its card named.
    const ours = stages.filter(s => s.rows['Career stage'].text === stageName);
    assert.ok(ours.length > 0, `${pathwayHref} lists no stage at "${stageName}", though that career stage lists it`);
    for (const s of ours) {
      assert.equal(s.action.text, `Apply through ${PORTAL_NAME}`, `${pathwayHref} "${s.name}": applies elsewhere than its career stage`);
    }

    // Every "Apply through <Portal>" goes to the address that portal's own page shows.
    const websites = await portalWebsites(page);
    assert.ok(websites.has(PORTAL_NAME), `the portals listing has no ${PORTAL_NAME}`);
    for (const s of stages) {
      const portal = s.action.text.replace(/^Apply through /, '');
      assert.ok(websites.has(portal), `${pathwayHref} "${s.name}": no portal page for "${portal}"`);
      assert.equal(s.action.href, websites.get(portal), `${pathwayHref} "${s.name}": action link vs ${portal}'s Website row`);
    }
    session.assertNoErrors();
  } finally {
    await session.close();
  }
});
