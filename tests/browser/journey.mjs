// The sign-in journeys as a person walks them, in headless Debian Chromium (playwright-core, no
// downloaded browser), with axe-core run on every authgate page reached. Run by
// tests/api/browser.rs and tests/api/browser_journeys.rs; install with scripts/install-peers.sh.
// JOURNEYS (default "demo") names which of the journeys below run, one function each.
//
// demo: an error page (an unknown client_id) then /demo → "Sign in" → the provider picker → the local account's password page →
// a wrong password (the page again, with the error) → the right password → the demo's result
// page → "Sign out" → the signed-out page. In every language of LANGS (through the browser's
// own Accept-Language, as a person's phone sends it) at every viewport of VIEWPORTS; then once
// more with JavaScript off at 360 px, without axe (it needs JavaScript), to show that the pages
// need none.
//
// The others, each in every language of LANGS at every viewport of VIEWPORTS (and on a phone in
// dark mode), from /demo (or,
// for roles, the app's own authorize request) in a fresh browser context:
//   upstream: the picker → an OpenID provider's login and consent pages → the demo's result;
//   mfa:      a Cognito pool's sign-in page → its TOTP code page → the result → sign out;
//   forgot:   the pool's sign-in → "Forgot password" → the reset page (code, new password) →
//             the result;
//   signup:   another pool's sign-in → "Create one" → the confirmation code page → the result;
//   roles:    an app with AWS credentials → the provider (whose token lists two roles) → the
//             role page → the "Return to the app" page;
//   lockout:  wrong passwords until the throttle locks the username → the locked page;
//   account:  a Cognito pool user's account pages (tests/api/browser.rs starts authgate in front
//             of the Cognito stand-in; USERNAME, PASSWORD, PROVIDER name the user): /account →
//             the picker → the pool's sign-in page → /account (profile, sessions) → the
//             multi-factor page → the authenticator-app setup (QR code and key) → the devices
//             page → "Sign out everywhere" → signed out.
// The provider's own pages are screenshotted (`SHOT` lines) but not judged: they are not ours.
// What they need comes in PEOPLE (JSON; see tests/api/browser_journeys.rs).
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
const people = process.env.PEOPLE ? JSON.parse(process.env.PEOPLE) : {};
const journeys = (process.env.JOURNEYS ?? 'demo').split(/\s+/).filter(Boolean);
/** The default dark theme's page background (--ag-background in static/authgate.css). */
const DARK_BACKGROUND = 'rgb(17, 19, 24)';
const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
];
const out = (line) => process.stdout.write(`${line}\n`);
let failed = false;

const needsUser = journeys.includes('demo') || journeys.includes('account');
if (!base || !shots || (needsUser && (!username || !password))) {
  out('DONE fail AUTHGATE and SCREENSHOTS (and for the demo and account journeys USERNAME, PASSWORD) must be set');
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

async function demoJourney(label, contextOptions, js, dark = false) {
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
    await page.goto(authorizeUrl(branded.client_id, branded.redirect_uri), { timeout: STEP_TIMEOUT });
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

/** An app's authorize request, as the app would send it (PKCE S256). */
function authorizeUrl(clientId, redirectUri) {
  const verifier = randomBytes(32).toString('base64url');
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: redirectUri,
    scope: 'openid email profile',
    state: 'browser-suite',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  });
  return `${base}/oauth2/authorize?${query}`;
}

/** Runs `walk(page, label)` in a fresh browser context; a step that fails fails the run. */
async function inContext(label, contextOptions, walk) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  try {
    await walk(page, label);
  } catch (e) {
    failed = true;
    await page.screenshot({ path: join(shots, `${label.replace(/\s+/g, '-')}-failed.png`) }).catch(() => {});
    out(`PAGE ${label} stopped: FAIL ${e.message.split('\n')[0]} (${page.url()})`);
  } finally {
    await context.close();
  }
}

/** Checks an authgate page reached with JavaScript on: axe, no sideways scroll, `check`. */
const judged = (page, label, name, check) => reached(page, label, name, { js: true, check });

/** /demo → "Sign in" → the provider picker. */
async function toPicker(page) {
  await page.goto(`${base}/demo`, { timeout: STEP_TIMEOUT });
  await navigate(page, () => page.click('form[action="/demo/start"] button[type=submit]'));
}

/** Clicks the submit button of `form` (a selector) and waits for the next page. */
const submit = (page, form = 'form') => navigate(page, () => page.click(`${form} button[type=submit]`));

/** The demo's result page, with the tokens it got. */
async function onDemoResult(page) {
  return new URL(page.url()).pathname === '/callback' && (await page.locator('pre').count()) > 0
    ? []
    : ['not on the demo result page with its tokens'];
}

/** Through the OpenID provider's own pages (login, then consent) back to authgate; each is
 * screenshotted, not judged (they are oidc-provider's development pages, not ours). */
async function throughProvider(page, label, name, login) {
  const origin = new URL(base).origin;
  for (let step = 1; new URL(page.url()).origin !== origin; step += 1) {
    if (step > 4) throw new Error(`still at the provider after ${step - 1} pages`);
    await page.screenshot({ path: join(shots, `${label.replace(/\s+/g, '-')}-${name}-provider-${step}.png`), fullPage: true });
    out(`SHOT ${label} ${name}-provider-${step} (${page.url()})`);
    if ((await page.locator('input[name=login]').count()) > 0) {
      await page.fill('input[name=login]', login);
      await page.fill('input[name=password]', 'any-password');
    }
    await Promise.all([page.waitForNavigation({ timeout: STEP_TIMEOUT }), page.click('button[type=submit]')]);
  }
  await page.waitForSelector('h1', { timeout: STEP_TIMEOUT });
}

/** Every provider button on the page shows its icon: a `::before` with a size and an image that
 * authgate serves (axe does not see a CSS icon; the dark screenshots show that none vanishes). */
async function providerIcons(page) {
  const icons = await page.$$eval('a.provider', (links) => links.map((a) => {
    const before = getComputedStyle(a, '::before');
    return { kind: a.className, image: before.backgroundImage, width: parseFloat(before.width) };
  }));
  const problems = icons.length ? [] : ['no provider buttons'];
  for (const { kind, image, width } of icons) {
    const url = /^url\("?(.*?)"?\)$/.exec(image)?.[1];
    if (!url || !(width > 0)) {
      problems.push(`${kind}: no icon (${image}, ${width}px)`);
      continue;
    }
    const served = await page.request.get(url);
    if (!served.ok() || !(served.headers()['content-type'] ?? '').startsWith('image/svg+xml')) {
      problems.push(`${kind}: ${url} answers ${served.status()}`);
    }
  }
  return problems;
}

/** The picker → an OpenID provider → back at the demo, signed in. */
async function upstreamJourney(page, label) {
  const { provider, login } = people.upstream;
  await toPicker(page);
  await judged(page, label, 'upstream-1-picker', providerIcons);
  await Promise.all([page.waitForNavigation({ timeout: STEP_TIMEOUT }), page.click(`a.provider[href$="/${provider}"]`)]);
  await throughProvider(page, label, 'upstream', login);
  await judged(page, label, 'upstream-2-signed-in', onDemoResult);
}

/** A Cognito pool's sign-in with a TOTP code, then sign out. */
async function mfaJourney(page, label) {
  const { provider, username: user, password: secret, totp } = people.mfa;
  await toPicker(page);
  await navigate(page, () => page.click(`a.provider[href$="/${provider}"]`));
  await judged(page, label, 'mfa-1-sign-in');
  await page.fill('#username', user);
  await page.fill('#password', secret);
  await submit(page);
  await judged(page, label, 'mfa-2-code', async (p) => {
    const code = p.locator('#answer[inputmode=numeric][autocomplete=one-time-code]');
    return (await code.count()) === 1 ? [] : ['no numeric one-time-code field on the code page'];
  });
  await page.fill('#answer', totp);
  await submit(page);
  await judged(page, label, 'mfa-3-signed-in', onDemoResult);
  await navigate(page, () => page.click('a[href^="/logout"]'));
  await judged(page, label, 'mfa-4-signed-out');
}

/** "Forgot password" on a pool's sign-in page: the code, a new password, signed in. */
async function forgotJourney(page, label) {
  const { provider, username: user, code, new_password: secret } = people.forgot;
  await toPicker(page);
  await navigate(page, () => page.click(`a.provider[href$="/${provider}"]`));
  await navigate(page, () => page.click('a[href$="/forgot"]'));
  await judged(page, label, 'forgot-1-username');
  await page.fill('#username', user);
  await submit(page);
  await judged(page, label, 'forgot-2-code-and-password', async (p) =>
    new URL(p.url()).pathname.endsWith('/reset') ? [] : ['not on the reset page']);
  await page.fill('#code', code);
  await page.fill('#new_password', secret);
  await submit(page);
  await judged(page, label, 'forgot-3-signed-in', onDemoResult);
}

/** Sign-up on a pool's sign-in page, the confirmation code, signed in. */
async function signUpJourney(page, label) {
  const { provider, password: secret, code } = people.signup;
  const user = `new-${randomBytes(5).toString('hex')}`;
  await toPicker(page);
  await navigate(page, () => page.click(`a.provider[href$="/${provider}"]`));
  await navigate(page, () => page.click('a[href$="/signup"]'));
  await judged(page, label, 'signup-1-form');
  await page.fill('#username', user);
  await page.fill('#new_password', secret);
  for (const field of await page.locator('input[name^="attr:"]').all()) {
    await field.fill(`${user}@example.com`);
  }
  await submit(page);
  await judged(page, label, 'signup-2-confirm');
  await page.fill('#code', code);
  await submit(page, 'form[action$="/confirm"]');
  await judged(page, label, 'signup-3-signed-in', onDemoResult);
}

/** An app with AWS credentials, a provider token listing two roles: the role page, then the
 * way back to the app. */
async function rolesJourney(page, label) {
  const { client_id: clientId, redirect_uri: redirectUri, login } = people.roles;
  await page.goto(authorizeUrl(clientId, redirectUri), { timeout: STEP_TIMEOUT });
  await throughProvider(page, label, 'roles', login);
  await judged(page, label, 'roles-1-choose', async (p) => {
    const roles = await p.locator('input[type=radio][name=role]').count();
    return roles === 2 ? [] : [`${roles} roles offered, not 2`];
  });
  await page.locator('input[type=radio][name=role]').nth(1).check();
  await submit(page);
  await judged(page, label, 'roles-2-return-to-app', async (p) => {
    const href = await p.getAttribute('a.button', 'href');
    return href?.startsWith(`${redirectUri}?code=`) ? [] : [`the button goes to ${href}, not the app with a code`];
  });
}

/** Wrong passwords until the throttle locks the username: the lock must not read like a wrong
 * password, must say for how long, and must disable the form. */
async function lockoutJourney(page, label) {
  const { provider, attempts } = people.lockout;
  const user = `locked-${randomBytes(4).toString('hex')}`;
  await toPicker(page);
  await navigate(page, () => page.click(`a.provider[href$="/${provider}"]`));
  let wrong = '';
  for (let i = 0; i < attempts; i += 1) {
    await page.fill('#username', user);
    await page.fill('#password', `wrong-${i}`);
    await submit(page);
    if (i === 0) wrong = await page.locator('#form-error').innerText();
  }
  await judged(page, label, 'lockout-1-locked', async (p) => {
    const problems = [];
    const text = await p.locator('#form-error').innerText();
    if (text === wrong) problems.push(`the lock reads like a wrong password: ${text}`);
    if (!/[0-9]/.test(text)) problems.push(`the lock does not say for how long: ${text}`);
    if ((await p.locator('fieldset.fields[disabled]').count()) !== 1) problems.push('the form is not disabled');
    return problems;
  });
}

/** The account pages of a pool user, signed in through the picker and the pool's own page. */
async function accountJourney(page, label) {
  const at = (path) => async (p) =>
    new URL(p.url()).pathname === path ? [] : [`not on ${path}`];
  await page.goto(`${base}/account`, { timeout: STEP_TIMEOUT });
  await page.waitForSelector('h1', { timeout: STEP_TIMEOUT });
  await judged(page, label, 'account-1-picker');
  await navigate(page, () => page.click(`a.provider[href$="/${provider}"]`));
  await judged(page, label, 'account-2-sign-in');
  await page.fill('#username', username);
  await page.fill('#password', password);
  await navigate(page, () => page.press('#password', 'Enter'));
  await judged(page, label, 'account-3-account', async (p) => [
    ...(await at('/account')(p)),
    ...((await p.locator('li.session').count()) > 0 ? [] : ['no session listed']),
  ]);
  await navigate(page, () => page.click('a[href="/account/mfa"]'));
  await judged(page, label, 'account-4-mfa', async (p) =>
    ((await p.locator('li.factor').count()) > 0 ? [] : ['no factor listed']));
  await navigate(page, () => page.click('form[action="/account/mfa/setup"] button'));
  await judged(page, label, 'account-5-mfa-setup', async (p) =>
    ((await p.locator('.qr img').count()) === 1 && (await p.locator('dd.secret').count()) === 1
      ? []
      : ['no QR code or key']));
  await navigate(page, () => page.click('a[href="/account/mfa"]'));
  await navigate(page, () => page.click('a[href="/account/devices"]'));
  await judged(page, label, 'account-6-devices', at('/account/devices'));
  await navigate(page, () => page.click('a[href="/account"]'));
  await navigate(page, () => page.click('form[action="/account/sign-out-everywhere"] button'));
  await judged(page, label, 'account-7-signed-out', async (p) => {
    const back = await p.request.get(`${base}/account/mfa`, { maxRedirects: 0 });
    return back.status() === 303 ? [] : [`still signed in after signing out everywhere: ${back.status()}`];
  });
}

const PEOPLE_JOURNEYS = {
  upstream: upstreamJourney,
  mfa: mfaJourney,
  forgot: forgotJourney,
  signup: signUpJourney,
  roles: rolesJourney,
  lockout: lockoutJourney,
  account: accountJourney,
};

try {
  if (journeys.includes('demo')) {
    for (const lang of langs) {
      for (const viewport of VIEWPORTS) {
        await demoJourney(`${lang} ${viewport.width}x${viewport.height}`, { locale: lang, viewport }, true);
      }
    }
    for (const lang of langs) {
      const viewport = VIEWPORTS[0];
      await demoJourney(`${lang} ${viewport.width}x${viewport.height} dark`, { locale: lang, viewport }, true, true);
    }
    await demoJourney('en 360x740 nojs', { locale: 'en', viewport: { width: 360, height: 740 }, javaScriptEnabled: false }, false);
    if (branded) {
      await brandedJourney('light');
      await brandedJourney('dark');
    }
  }
  for (const name of journeys.filter((j) => j !== 'demo')) {
    const walk = PEOPLE_JOURNEYS[name];
    if (!walk) throw new Error(`no journey ${name}`);
    for (const lang of langs) {
      for (const viewport of VIEWPORTS) {
        await inContext(`${lang} ${viewport.width}x${viewport.height}`, { locale: lang, viewport }, walk);
      }
    }
    // Dark (the phone's setting, `prefers-color-scheme`), on a phone, in every language.
    for (const lang of langs) {
      const viewport = VIEWPORTS[0];
      await inContext(`${lang} ${viewport.width}x${viewport.height} dark`, { locale: lang, viewport, colorScheme: 'dark' }, walk);
    }
  }
} finally {
  await browser.close();
}
out(failed ? 'DONE fail' : 'DONE ok');
process.exit(failed ? 1 : 0);
