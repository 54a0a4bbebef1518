// The demo sign-in as a person walks it, in headless Debian Chromium (playwright-core, no
// downloaded browser), with axe-core run on every page reached. Run by tests/api/browser.rs;
// install with scripts/install-peers.sh.
//
// Journey: an error page (an unknown client_id) then /demo → "Sign in" → the provider picker → the local account's password page →
// a wrong password (the page again, with the error) → the right password → the demo's result
// page → "Sign out" → the signed-out page. In every language of LANGS (through the browser's
// own Accept-Language, as a person's phone sends it) at every viewport of VIEWPORTS; then once
// more with JavaScript off at 360 px, without axe (it needs JavaScript), to show that the pages
// need none.
//
// Environment: AUTHGATE (base URL), USERNAME, PASSWORD, PROVIDER (the picker entry to choose),
// SCREENSHOTS (a directory: one PNG per page reached), CHROMIUM (default /usr/bin/chromium),
// LANGS (default "en ja ar").
//
// Output: one line per page, `PAGE lang WxH name: ok (url)` or `... FAIL reason`; the axe
// violations of impact serious or critical fail the page and are listed by rule id with the
// elements they hit. Last line `DONE ok` / `DONE fail`; exit status 0 / 1.
//
// No sleeps: every wait is on a navigation or a selector, each with a timeout.

import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const STEP_TIMEOUT = 20_000; // generous: the suite runs in parallel on two cores
const base = process.env.AUTHGATE;
const username = process.env.USERNAME;
const password = process.env.PASSWORD;
const provider = process.env.PROVIDER ?? 'local';
const shots = process.env.SCREENSHOTS;
const langs = (process.env.LANGS ?? 'en ja ar').split(/\s+/).filter(Boolean);
const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
];
const out = (line) => process.stdout.write(`${line}\n`);
let failed = false;

if (!base || !username || !password || !shots) {
  out('DONE fail AUTHGATE, USERNAME, PASSWORD and SCREENSHOTS must be set');
  process.exit(2);
}
mkdirSync(shots, { recursive: true });
// The test process closing our stdin means it is gone: do not outlive it.
process.stdin.on('end', () => process.exit(3));
process.stdin.resume();

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});

/** axe-core on the page as it stands: the serious and critical violations, as text lines. */
async function axe(page) {
  // Through the DevTools protocol, so the page's CSP (no inline script) does not apply.
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    // eslint-disable-next-line no-undef
    axe.run(document, { resultTypes: ['violations'] }),
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}; on ${v.nodes
          .slice(0, 3)
          .map((n) => `${n.target.join(' ')} [${n.failureSummary?.replace(/\s+/g, ' ')}]`)
          .join(', ')}`,
    );
}

/** Does `act` (a click), waits for the navigation it starts and the page's heading. */
async function navigate(page, act) {
  await Promise.all([page.waitForNavigation({ timeout: STEP_TIMEOUT }), act()]);
  await page.waitForSelector('h1', { timeout: STEP_TIMEOUT });
}

/** Checks the page reached: axe (when JavaScript runs), `check`, a screenshot. */
async function reached(page, label, name, { js, check }) {
  try {
    const problems = [];
    if (js) problems.push(...(await axe(page)), ...(await noSidewaysScroll(page)));
    if (check) problems.push(...(await check(page)));
    await page.screenshot({ path: join(shots, `${label.replace(/\s+/g, '-')}-${name}.png`), fullPage: true });
    if (problems.length > 0) {
      failed = true;
      out(`PAGE ${label} ${name}: FAIL (${page.url()})`);
      for (const p of problems) out(`  ${p}`);
    } else {
      out(`PAGE ${label} ${name}: ok (${page.url()})`);
    }
  } catch (e) {
    failed = true;
    out(`PAGE ${label} ${name}: FAIL ${e.message.split('\n')[0]} (${page.url()})`);
  }
}

/** The page fits the viewport's width: nothing to scroll sideways on a phone. */
async function noSidewaysScroll(page) {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  return scroll > width ? [`the page scrolls sideways: ${scroll}px wide in a ${width}px viewport`] : [];
}

/** After a wrong password: the fields say so, and the message is tied to them and announced. */
async function wrongPasswordMarked(page) {
  return page.evaluate(() => {
    const problems = [];
    const message = document.querySelector('.error');
    if (!message) return ['no error message after a wrong password'];
    if (!message.id) problems.push('the error message has no id to be described by');
    if (!(message.getAttribute('role') === 'alert' || message.getAttribute('aria-live')))
      problems.push('the error message is not announced (role=alert / aria-live)');
    for (const id of ['username', 'password']) {
      const field = document.getElementById(id);
      if (field?.getAttribute('aria-invalid') !== 'true') problems.push(`#${id} is not aria-invalid`);
      const described = (field?.getAttribute('aria-describedby') ?? '').split(/\s+/);
      if (!message.id || !described.includes(message.id))
        problems.push(`#${id} is not described by the error message`);
    }
    if (document.activeElement?.id !== 'password')
      problems.push(`focus is on ${document.activeElement?.tagName}#${document.activeElement?.id}, not #password`);
    return problems;
  });
}

async function journey(label, contextOptions, js) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  // Without JavaScript only the journey itself is checked (axe and the DOM checks need it).
  const opts = (check, withoutJs = false) => ({ js, check: js || withoutJs ? check : undefined });
  try {
    // An app that is not configured: the error page a person meets when an app is set up wrong.
    await page.goto(`${base}/oauth2/authorize?client_id=no-such-app&response_type=code`, { timeout: STEP_TIMEOUT });
    await page.waitForSelector('h1', { timeout: STEP_TIMEOUT });
    await reached(page, label, '0-error', opts(async (p) =>
      (await p.locator('.error').count()) > 0 ? [] : ['no error message on the error page']));
    await page.goto(`${base}/demo`, { timeout: STEP_TIMEOUT });
    await reached(page, label, '1-demo', opts());
    await navigate(page, () => page.click('form[action="/demo/start"] button[type=submit]'));
    await reached(page, label, '2-picker', opts());
    await navigate(page, () => page.click(`a.provider[href$="/${provider}"]`));
    await reached(page, label, '3-password', opts());
    await page.fill('#username', username);
    await page.fill('#password', `${password}-wrong`);
    await navigate(page, () => page.click('form button[type=submit]'));
    await reached(page, label, '4-wrong-password', opts(wrongPasswordMarked));
    if (!js) {
      // Without JavaScript, the markup alone: the error is there and the password field autofocused.
      const marked = (await page.locator('.error[role=alert]').count()) === 1
        && (await page.locator('#password[autofocus][aria-invalid=true]').count()) === 1;
      if (!marked) {
        failed = true;
        out(`  ${label}: after a wrong password, no alert or no autofocused, invalid #password`);
      }
    }
    await page.fill('#password', password);
    await navigate(page, () => page.click('form button[type=submit]'));
    await reached(page, label, '5-signed-in', opts(async (p) =>
      new URL(p.url()).pathname === '/callback' && (await p.locator('pre').count()) > 0
        ? []
        : ['not on the demo result page with its tokens'], true));
    await navigate(page, () => page.click('a[href^="/logout"]'));
    await reached(page, label, '6-signed-out', opts());
  } catch (e) {
    failed = true;
    await page.screenshot({ path: join(shots, `${label.replace(/\s+/g, '-')}-failed.png`) }).catch(() => {});
    out(`PAGE ${label} stopped: FAIL ${e.message.split('\n')[0]} (${page.url()})`);
  } finally {
    await context.close();
  }
}

try {
  for (const lang of langs) {
    for (const viewport of VIEWPORTS) {
      await journey(`${lang} ${viewport.width}x${viewport.height}`, { locale: lang, viewport }, true);
    }
  }
  await journey('en 360x740 nojs', { locale: 'en', viewport: { width: 360, height: 740 }, javaScriptEnabled: false }, false);
} finally {
  await browser.close();
}
out(failed ? 'DONE fail' : 'DONE ok');
process.exit(failed ? 1 : 0);
