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
// LANGS (default "en ja ar"), BRANDED (JSON: the branded app's `client_id`, `redirect_uri`,
// and its `primary` colour as the browser computes it, `{ light, dark }`).
//
// Output: one line per page, `PAGE lang WxH name: ok (url)` or `... FAIL reason`; the axe
// violations of impact serious or critical fail the page and are listed by rule id with the
// elements they hit. Last line `DONE ok` / `DONE fail`; exit status 0 / 1.
//
// With JOURNEY=account, instead: a Cognito pool user's account pages (tests/api/browser.rs
// starts authgate in front of the Cognito stand-in) — /account → the provider picker → the pool's sign-in page
// → back on /account (profile, sessions) → the multi-factor page → the authenticator-app setup
// (QR code and key) → the remembered devices page → "Sign out everywhere" → signed out. In
// every language of LANGS at every viewport, axe on every page; screenshots `account-…`.
//
// No sleeps: every wait is on a navigation or a selector, each with a timeout.

import { createHash, randomBytes } from 'node:crypto';
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
const branded = process.env.BRANDED ? JSON.parse(process.env.BRANDED) : null;
/** The default dark theme's page background (--ag-background in static/authgate.css). */
const DARK_BACKGROUND = 'rgb(17, 19, 24)';
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

/** The page is in the default dark theme (so axe judged the dark colours). */
async function darkTheme(page) {
  const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  return background === DARK_BACKGROUND ? [] : [`not in the dark theme: the page is ${background}`];
}

/** Both checks' problems. */
const both = (a, b) => async (page) => [...(a ? await a(page) : []), ...(b ? await b(page) : [])];

async function journey(label, contextOptions, js, dark = false) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  if (dark) await page.emulateMedia({ colorScheme: 'dark' });
  page.setDefaultTimeout(STEP_TIMEOUT);
  // Without JavaScript only the journey itself is checked (axe and the DOM checks need it).
  const opts = (check, withoutJs = false) => ({
    js,
    check: js || withoutJs ? both(check, dark && js ? darkTheme : undefined) : undefined,
  });
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

/** The branded app's look: its logo loaded (so the CSP let it through) with its name as `alt`,
 * its primary colour on the button, its terms and privacy links. */
async function brandedLook(page, scheme) {
  const look = await page.evaluate(() => {
    const logo = document.querySelector('img.logo');
    const button = document.querySelector('button, a.button');
    return {
      logo: logo ? { loaded: logo.complete && logo.naturalWidth > 0, alt: logo.alt } : null,
      button: button ? getComputedStyle(button).backgroundColor : null,
      links: document.querySelectorAll('footer .legal a[href^="https://"]').length,
    };
  });
  const problems = [];
  if (!look.logo) problems.push('no logo');
  else if (!look.logo.loaded) problems.push('the logo did not load');
  else if (!look.logo.alt) problems.push('the logo has no alt text');
  if (look.button !== branded.primary[scheme])
    problems.push(`the button is ${look.button}, not the app's ${scheme} primary ${branded.primary[scheme]}`);
  if (look.links !== 2) problems.push(`${look.links} terms/privacy links in the footer, not 2`);
  return problems;
}

/** The branded app: its sign-in page, then (after signing in) its "Return to the app" page. */
async function brandedJourney(scheme) {
  const label = `branded 390x844 ${scheme}`;
  const context = await browser.newContext({ locale: 'en', viewport: VIEWPORTS[0] });
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  page.setDefaultTimeout(STEP_TIMEOUT);
  try {
    const verifier = randomBytes(32).toString('base64url');
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: branded.client_id,
      redirect_uri: branded.redirect_uri,
      scope: 'openid',
      state: 'browser-suite',
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
    });
    await page.goto(`${base}/oauth2/authorize?${query}`, { timeout: STEP_TIMEOUT });
    await page.waitForSelector('h1', { timeout: STEP_TIMEOUT });
    await reached(page, label, '1-sign-in', { js: true, check: (p) => brandedLook(p, scheme) });
    await page.fill('#username', username);
    await page.fill('#password', password);
    await navigate(page, () => page.click('form button[type=submit]'));
    await reached(page, label, '2-return-to-app', {
      js: true,
      check: async (p) => {
        const href = await p.getAttribute('a.button', 'href');
        const problems = href?.startsWith(`${branded.redirect_uri}?code=`)
          ? []
          : [`the button goes to ${href}, not the app's redirect URI with a code`];
        return [...problems, ...(await brandedLook(p, scheme))];
      },
    });
  } catch (e) {
    failed = true;
    out(`PAGE ${label} stopped: FAIL ${e.message.split('\n')[0]} (${page.url()})`);
  } finally {
    await context.close();
  }
}

/** The account pages of a pool user, signed in through the picker and the pool's own page. */
async function accountJourney(label, contextOptions) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  const at = (path) => async (p) =>
    new URL(p.url()).pathname === path ? [] : [`not on ${path}`];
  try {
    await page.goto(`${base}/account`, { timeout: STEP_TIMEOUT });
    await page.waitForSelector('h1', { timeout: STEP_TIMEOUT });
    await reached(page, label, '1-picker', { js: true });
    await navigate(page, () => page.click(`a.provider[href$="/${provider}"]`));
    await reached(page, label, '2-sign-in', { js: true });
    await page.fill('#username', username);
    await page.fill('#password', password);
    await navigate(page, () => page.press('#password', 'Enter'));
    await reached(page, label, '3-account', {
      js: true,
      check: async (p) => [
        ...(await at('/account')(p)),
        ...((await p.locator('li.session').count()) > 0 ? [] : ['no session listed']),
      ],
    });
    await navigate(page, () => page.click('a[href="/account/mfa"]'));
    await reached(page, label, '4-mfa', {
      js: true,
      check: async (p) => ((await p.locator('li.factor').count()) > 0 ? [] : ['no factor listed']),
    });
    await navigate(page, () => page.click('form[action="/account/mfa/setup"] button'));
    await reached(page, label, '5-mfa-setup', {
      js: true,
      check: async (p) => ((await p.locator('.qr img').count()) === 1 && (await p.locator('dd.secret').count()) === 1
        ? []
        : ['no QR code or key']),
    });
    await navigate(page, () => page.click('a[href="/account/mfa"]'));
    await navigate(page, () => page.click('a[href="/account/devices"]'));
    await reached(page, label, '6-devices', { js: true, check: at('/account/devices') });
    await navigate(page, () => page.click('a[href="/account"]'));
    await navigate(page, () => page.click('form[action="/account/sign-out-everywhere"] button'));
    await reached(page, label, '7-signed-out', {
      js: true,
      check: async (p) => {
        const back = await p.request.get(`${base}/account/mfa`, { maxRedirects: 0 });
        return back.status() === 303 ? [] : [`still signed in after signing out everywhere: ${back.status()}`];
      },
    });
  } catch (e) {
    failed = true;
    await page.screenshot({ path: join(shots, `${label.replace(/\s+/g, '-')}-failed.png`) }).catch(() => {});
    out(`PAGE ${label} stopped: FAIL ${e.message.split('\n')[0]} (${page.url()})`);
  } finally {
    await context.close();
  }
}

try {
  if (process.env.JOURNEY === 'account') {
    for (const lang of langs) {
      for (const viewport of VIEWPORTS) {
        await accountJourney(`account ${lang} ${viewport.width}x${viewport.height}`, { locale: lang, viewport });
      }
    }
  } else {
  for (const lang of langs) {
    for (const viewport of VIEWPORTS) {
      await journey(`${lang} ${viewport.width}x${viewport.height}`, { locale: lang, viewport }, true);
    }
  }
  for (const lang of langs) {
    const viewport = VIEWPORTS[0];
    await journey(`${lang} ${viewport.width}x${viewport.height} dark`, { locale: lang, viewport }, true, true);
  }
  await journey('en 360x740 nojs', { locale: 'en', viewport: { width: 360, height: 740 }, javaScriptEnabled: false }, false);
  if (branded) {
    await brandedJourney('light');
    await brandedJourney('dark');
  }
  }
} finally {
  await browser.close();
}
out(failed ? 'DONE fail' : 'DONE ok');
process.exit(failed ? 1 : 0);
