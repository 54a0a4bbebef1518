// The Amplify end-to-end journey against authgate, in headless Debian Chromium (playwright-core,
// no downloaded browser). Run by tests/api/amplify.rs; install with scripts/install-peers.sh.
//
// 1. Bundles app.js (the real, unmodified aws-amplify) with esbuild, in memory.
// 2. Serves it over https on 127.0.0.1 (a port chosen by the OS) with the test certificate, and
//    prints exactly one line:   APP_ORIGIN https://127.0.0.1:PORT
// 3. Reads one JSON line on stdin, once authgate runs with an app for that origin:
//    { "authgate": "https://127.0.0.1:PORT", "clientId": "...", "userPoolId": "...",
//      "scopes": [...], "user": {"username","password"},
//      "custom": {"provider","username","password"} }
// 4. Walks the journey; every step prints `STEP n name: ok` or `STEP n name: FAIL reason`, the
//    first failure ends the run (the steps after it are listed as not run) with what authgate
//    was asked and answered. Last line: `DONE ok` or `DONE fail`; exit status 0 or 1.
//
// Environment: APP_CERT, APP_KEY (PEM, the app's https server), NODE_EXTRA_CA_CERTS (the test
// CA, so this script's own calls to authgate trust it), CHROMIUM (default /usr/bin/chromium),
// AMPLIFY_E2E_VERBOSE=1 (print the exchanges with authgate on success too), AMPLIFY_E2E_STEPS
// (see below).
// The driver exits when stdin reaches EOF (the test process died).
//
// No sleeps: every wait is on an event (a navigation, a request, a response, a Hub event) and
// every wait has a timeout.

import { createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import https from 'node:https';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';

const STEP_TIMEOUT = 30_000; // generous: the suite runs in parallel on two cores
const here = fileURLToPath(new URL('.', import.meta.url));
const out = (line) => process.stdout.write(`${line}\n`);
const fatal = (message) => {
  out(`DONE fail ${message}`);
  process.exit(2);
};

// ---------------------------------------------------------------- the app, bundled and served

const bundle = await esbuild.build({
  entryPoints: [`${here}app.js`],
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'chrome120',
  write: false,
  logLevel: 'silent',
});
const appJs = bundle.outputFiles[0].text;
const indexHtml = `<!doctype html>
<html><head><meta charset="utf-8"><title>Amplify on authgate</title></head>
<body><p id="status">loading</p><script src="/config.js"></script><script src="/app.js"></script></body></html>`;
let configJs = 'window.AMPLIFY_CONFIG = undefined;';

const server = https.createServer(
  { cert: readFileSync(process.env.APP_CERT), key: readFileSync(process.env.APP_KEY) },
  (req, res) => {
    const path = new URL(req.url, 'https://x').pathname;
    const send = (type, body) => {
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (path === '/') send('text/html; charset=utf-8', indexHtml);
    else if (path === '/app.js') send('text/javascript', appJs);
    else if (path === '/config.js') send('text/javascript', configJs);
    else if (path === '/favicon.ico') {
      res.writeHead(204);
      res.end();
    } else {
      res.writeHead(404);
      res.end();
    }
  },
);
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const appOrigin = `https://127.0.0.1:${server.address().port}`;
out(`APP_ORIGIN ${appOrigin}`);

// ---------------------------------------------------------------- the test's parameters

const input = createInterface({ input: process.stdin });
const params = await new Promise((resolve) => {
  input.once('line', (line) => resolve(JSON.parse(line)));
  input.once('close', () => fatal('stdin closed before the parameters came'));
});
input.on('close', () => process.exit(3)); // the test process is gone
const authgate = params.authgate;
const authgateHost = new URL(authgate).host; // 127.0.0.1:PORT, what oauth.domain takes

// What an app passes to Amplify.configure(): authgate is both the hosted-UI domain and the
// user-pool endpoint.
const amplifyConfig = {
  Auth: {
    Cognito: {
      userPoolId: params.userPoolId,
      userPoolClientId: params.clientId,
      userPoolEndpoint: authgate,
      loginWith: {
        oauth: {
          domain: authgateHost,
          scopes: params.scopes,
          redirectSignIn: [`${appOrigin}/`],
          redirectSignOut: [`${appOrigin}/`],
          responseType: 'code',
        },
      },
    },
  },
};
// The same app as an Amplify Gen 2 project describes it in amplify_outputs.json (schema 1.x),
// with authgate's host as oauth.domain; app.js adds userPoolEndpoint in code.
const amplifyOutputs = {
  version: '1.4',
  auth: {
    aws_region: params.userPoolId.split('_')[0],
    user_pool_id: params.userPoolId,
    user_pool_client_id: params.clientId,
    oauth: {
      identity_providers: [],
      domain: authgateHost,
      scopes: params.scopes,
      redirect_sign_in_uri: [`${appOrigin}/`],
      redirect_sign_out_uri: [`${appOrigin}/`],
      response_type: 'code',
    },
  },
};
const configureByHand = `window.AMPLIFY_CONFIG = ${JSON.stringify(amplifyConfig)};`;
const configureFromOutputs =
  `window.AMPLIFY_OUTPUTS = ${JSON.stringify(amplifyOutputs)};\n` +
  `window.AMPLIFY_USER_POOL_ENDPOINT = ${JSON.stringify(authgate)};`;
// The same by hand, asking for the implicit flow (tokens in the URL fragment), which authgate
// refuses.
const implicitConfig = structuredClone(amplifyConfig);
implicitConfig.Auth.Cognito.loginWith.oauth.responseType = 'token';
const configureImplicit = `window.AMPLIFY_CONFIG = ${JSON.stringify(implicitConfig)};`;
configJs = configureByHand;

// ---------------------------------------------------------------- the browser, and what it saw

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  timeout: 60_000,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    // Never resolve a name outside loopback.
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
  ],
});
const context = await browser.newContext({ ignoreHTTPSErrors: true });
const page = await context.newPage();
page.setDefaultTimeout(STEP_TIMEOUT);

// Every exchange with authgate (method, path, Cognito API operation, status, bodies), and what
// the page complained about: the evidence a failed step prints.
const exchanges = [];
const complaints = [];
const clip = (text, n = 400) => (text && text.length > n ? `${text.slice(0, n)}…` : text);
page.on('requestfinished', async (request) => {
  if (!request.url().startsWith(authgate)) return;
  const url = new URL(request.url());
  const entry = {
    method: request.method(),
    path: url.pathname + clip(url.search, 160),
    target: request.headers()['x-amz-target'],
    request: clip(request.postData() ?? undefined, 300),
  };
  exchanges.push(entry);
  const response = await request.response().catch(() => null);
  entry.status = response?.status();
  if (response && request.method() === 'POST') {
    entry.response = clip(await response.text().catch(() => undefined));
  }
  if (response?.status() >= 300 && response?.status() < 400) {
    entry.location = clip(response.headers().location, 200);
  }
});
page.on('requestfailed', (request) => {
  if (request.url().startsWith(authgate)) {
    exchanges.push({
      method: request.method(),
      path: new URL(request.url()).pathname,
      target: request.headers()['x-amz-target'],
      failed: request.failure()?.errorText,
    });
  }
});
page.on('console', (message) => {
  if (message.type() === 'error' || message.type() === 'warning') {
    complaints.push(`console.${message.type()}: ${clip(message.text(), 300)}`);
  }
});
page.on('pageerror', (error) => complaints.push(`page error: ${clip(String(error), 300)}`));

// ---------------------------------------------------------------- helpers (events, not sleeps)

function withTimeout(promise, what, ms = STEP_TIMEOUT) {
  let timer;
  const expired = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

/** The next committed navigation of the page to a URL `accept` likes. Register before acting. */
function nextNavigation(accept, what) {
  return withTimeout(
    new Promise((resolve) => {
      const listener = (frame) => {
        if (frame === page.mainFrame() && accept(new URL(frame.url()))) {
          page.off('framenavigated', listener);
          resolve(new URL(frame.url()));
        }
      };
      page.on('framenavigated', listener);
    }),
    what,
  );
}

/** The next response from authgate's Cognito API (`POST /`) for `operation`. Register first. */
function nextApiCall(operation) {
  return page.waitForResponse(
    (r) =>
      r.url() === `${authgate}/` &&
      r.request().method() === 'POST' &&
      r.request().headers()['x-amz-target'] ===
        `AWSCognitoIdentityProviderService.${operation}`,
    { timeout: STEP_TIMEOUT },
  );
}

const atApp = (u) => u.origin === appOrigin;
const atAuthgate = (u) => u.origin === authgate;

async function appReady() {
  await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
}

/** Calls window.amplifyTest[name](arg) in the page; `{ ok, value | error }`. */
async function amplify(name, arg) {
  return withTimeout(
    page.evaluate(([n, a]) => window.amplifyTest[n](a), [name, arg]),
    `Amplify's ${name}()`,
  );
}

async function mustAmplify(name, arg) {
  const result = await amplify(name, arg);
  if (!result.ok) throw new Error(`${name}() failed: ${result.error}`);
  return result.value;
}

/**
 * Calls an Amplify function that leaves the page (signInWithRedirect, signOut) and waits for the
 * navigation `expect` describes. If Amplify refuses instead, its error is the failure.
 */
async function leaveWith(name, arg, accept, what) {
  const navigation = nextNavigation(accept, what);
  const call = page
    .evaluate(([n, a]) => window.amplifyTest[n](a), [name, arg])
    .catch(() => ({ ok: true, navigated: true })); // the page went away mid-call
  const refused = call.then((r) => (r.ok ? new Promise(() => {}) : r));
  const first = await Promise.race([navigation.then((u) => ({ url: u })), refused]);
  if (!first.url) throw new Error(`${name}() refused: ${first.error}`);
  throwIfErrorForApp(first.url);
  return first.url;
}

/** authgate answered the app with an OAuth error (`?error=...`): that is the failure. */
function throwIfErrorForApp(url) {
  if (atApp(url) && url.searchParams.get('error')) {
    throw new Error(
      `authgate sent the app an error: ${url.searchParams.get('error')}: ` +
        `${url.searchParams.get('error_description')}`,
    );
  }
}

/** Where a sign-in lands: authgate's pages, or back at the app with an error. */
const signInLanding = (u) => atAuthgate(u) || (atApp(u) && u.searchParams.has('error'));

/** On a password page of authgate: sign in, and wait until the app has Amplify's result. */
async function typePassword(username, password) {
  await page.locator('#password').waitFor();
  await page.fill('#username', username);
  await page.fill('#password', password);
  const back = nextNavigation(atApp, 'the redirect back to the app');
  await page.click('button[type=submit]');
  const url = await back;
  throwIfErrorForApp(url);
  if (!url.searchParams.get('code')) throw new Error(`back at the app without a code: ${url}`);
  await appReady();
  const outcome = await withTimeout(
    page.evaluate(() => window.amplifyTest.redirectOutcome()),
    "Amplify's signInWithRedirect Hub event",
  );
  if (!outcome.ok) throw new Error(`Amplify could not finish the sign-in: ${outcome.error}`);
}

const b64json = (part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
const claimsOf = (jwt) => b64json(jwt.split('.')[1]);

/** Verifies a JWT's signature against authgate's JWKS; returns its claims. */
async function verifiedClaims(jwt) {
  const [h, p, s] = jwt.split('.');
  const header = b64json(h);
  const jwks = await (await nodeFetch(`${authgate}/.well-known/jwks.json`)).json();
  const jwk = jwks.keys.find((k) => k.kid === header.kid);
  if (!jwk) throw new Error(`no key ${header.kid} in authgate's JWKS`);
  const key = createPublicKey({ key: jwk, format: 'jwk' });
  const algorithms = { RS256: 'RSA-SHA256', ES256: 'SHA256' };
  if (!algorithms[header.alg]) throw new Error(`unexpected alg ${header.alg}`);
  const ok = verify(
    algorithms[header.alg],
    Buffer.from(`${h}.${p}`),
    header.alg === 'ES256' ? { key, dsaEncoding: 'ieee-p1363' } : key,
    Buffer.from(s, 'base64url'),
  );
  if (!ok) throw new Error('the signature does not verify against the JWKS');
  return claimsOf(jwt);
}

/** authgate's token endpoint, called directly: what does it say about this refresh token? */
async function refreshAtTokenEndpoint(refreshToken) {
  const response = await nodeFetch(`${authgate}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      client_id: params.clientId,
      refresh_token: refreshToken,
    }),
  });
  return { status: response.status, body: await response.json().catch(() => ({})) };
}

/** fetch from this script (not the page), with the reason when the connection fails. */
async function nodeFetch(url, options) {
  try {
    return await fetch(url, options);
  } catch (error) {
    throw new Error(`${options?.method ?? 'GET'} ${url}: ${error.cause?.message ?? error.message}`);
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

async function storedRefreshToken() {
  const stored = await page.evaluate(() => window.amplifyTest.storedTokens());
  const key = Object.keys(stored).find((k) => k.endsWith('.refreshToken'));
  return key ? stored[key] : undefined;
}

// ---------------------------------------------------------------- the journey

const seen = {}; // what earlier steps learnt, for later ones
const steps = [
  [
    'signInWithRedirect() goes through the picker and the password page back to the app',
    async () => {
      await page.goto(`${appOrigin}/`);
      await appReady();
      const authorize = page.waitForRequest((r) => r.url().startsWith(`${authgate}/oauth2/authorize`));
      const landed = await leaveWith(
        'signInWithRedirect',
        undefined,
        signInLanding,
        "authgate's sign-in page",
      );
      const sent = new URL((await authorize).url()).searchParams;
      assert(sent.get('identity_provider') === 'COGNITO', `identity_provider=${sent.get('identity_provider')}`);
      assert(sent.get('code_challenge_method') === 'S256', 'Amplify sends PKCE S256');
      assert(sent.get('redirect_uri') === `${appOrigin}/`, `redirect_uri=${sent.get('redirect_uri')}`);
      if (/\/signin\/[^/]+$/.test(landed.pathname)) {
        const buttons = await page.locator('a.provider').count();
        assert(buttons === 2, `the picker shows ${buttons} providers, expected 2`);
        const next = nextNavigation((u) => atAuthgate(u) && u.pathname.endsWith('/local'), 'the password page');
        await page.click('a.provider[href$="/local"]');
        await next;
      } else {
        throw new Error(`expected the provider picker for an app with two providers, landed on ${landed}`);
      }
      await typePassword(params.user.username, params.user.password);
    },
  ],
  [
    'fetchAuthSession() has tokens; the ID token verifies against JWKS',
    async () => {
      const { idToken, accessToken } = await mustAmplify('fetchAuthSession');
      assert(idToken && accessToken, 'fetchAuthSession() returned no tokens');
      const id = await verifiedClaims(idToken);
      assert(id.iss === authgate, `iss ${id.iss}`);
      assert(id.aud === params.clientId, `aud ${id.aud}`);
      assert(id.token_use === 'id', `token_use ${id.token_use}`);
      const access = await verifiedClaims(accessToken);
      assert(access.client_id === params.clientId, `access client_id ${access.client_id}`);
      seen.sub = id.sub;
      seen.accessToken = accessToken;
      seen.refreshToken = await storedRefreshToken();
      assert(seen.refreshToken, 'Amplify keeps no refresh token');
    },
  ],
  [
    'getCurrentUser() names the user',
    async () => {
      const user = await mustAmplify('getCurrentUser');
      assert(user.username === params.user.username, `username ${user.username}`);
      assert(user.userId === seen.sub, `userId ${user.userId}, sub ${seen.sub}`);
    },
  ],
  [
    'fetchAuthSession({ forceRefresh: true }) refreshes through userPoolEndpoint',
    async () => {
      const call = nextApiCall('GetTokensFromRefreshToken');
      const result = await amplify('fetchAuthSession', { forceRefresh: true });
      const response = await call.catch(() => undefined);
      assert(response, 'Amplify made no GetTokensFromRefreshToken call to authgate');
      assert(
        response.status() === 200,
        `GetTokensFromRefreshToken: ${response.status()} ${clip(await response.text().catch(() => ''))}`,
      );
      assert(result.ok, `fetchAuthSession({ forceRefresh: true }) failed: ${result.error}`);
      const { accessToken, idToken } = result.value;
      assert(accessToken && idToken, 'no tokens after the refresh');
      assert(accessToken !== seen.accessToken, 'the access token did not change');
      const access = await verifiedClaims(accessToken);
      assert(access.sub === seen.sub, 'the refreshed token is for someone else');
      seen.accessToken = accessToken;
      seen.refreshToken = await storedRefreshToken();
    },
  ],
  [
    'fetchUserAttributes() reads the user through userPoolEndpoint (GetUser)',
    async () => {
      const call = nextApiCall('GetUser');
      const result = await amplify('fetchUserAttributes');
      const response = await call.catch(() => undefined);
      assert(response, 'Amplify made no GetUser call to authgate');
      assert(result.ok, `fetchUserAttributes() failed: ${result.error}`);
      const attributes = result.value;
      assert(attributes.sub === seen.sub, `sub ${attributes.sub}`);
      assert(attributes.email === params.user.email, `email ${attributes.email}`);
    },
  ],
  [
    'signOut() revokes the refresh token and ends the hosted-UI session',
    async () => {
      const revoke = nextApiCall('RevokeToken');
      const logout = page.waitForRequest((r) => r.url().startsWith(`${authgate}/logout`));
      await leaveWith('signOut', undefined, atApp, 'the return to the app after /logout');
      const revoked = await revoke.catch(() => undefined);
      assert(revoked, 'Amplify made no RevokeToken call to authgate');
      assert(revoked.status() === 200, `RevokeToken: ${revoked.status()} ${clip(await revoked.text().catch(() => ''))}`);
      const sent = new URL((await logout).url()).searchParams;
      assert(sent.get('client_id') === params.clientId, `/logout client_id=${sent.get('client_id')}`);
      assert(sent.get('logout_uri') === `${appOrigin}/`, `/logout logout_uri=${sent.get('logout_uri')}`);
      await appReady();
      assert(!(await storedRefreshToken()), 'Amplify still keeps a refresh token');
      const { status, body } = await refreshAtTokenEndpoint(seen.refreshToken);
      assert(
        status === 400 && body.error === 'invalid_grant',
        `the refresh token Amplify held still answers ${status} ${JSON.stringify(body)}`,
      );
    },
  ],
  [
    'after signOut() the next signInWithRedirect() asks for the password again',
    async () => {
      const landed = await leaveWith('signInWithRedirect', undefined, (u) => atAuthgate(u) || atApp(u), 'authgate or the app');
      assert(atAuthgate(landed), `went straight back to the app (${landed}): the sign-in was remembered`);
      const next = nextNavigation((u) => atAuthgate(u) && u.pathname.endsWith('/local'), 'the password page');
      await page.click('a.provider[href$="/local"]');
      await next;
      await page.locator('#password').waitFor();
      // Leave without signing in; Amplify drops the flow it started.
      await page.goto(`${appOrigin}/`);
      await appReady();
      const outcome = await withTimeout(
        page.evaluate(() => window.amplifyTest.redirectOutcome()),
        'Amplify to drop the abandoned sign-in',
      );
      assert(!outcome.ok, 'an abandoned sign-in signed in');
    },
  ],
  [
    `signInWithRedirect({ provider: { custom } }) skips the picker`,
    async () => {
      const { provider, username, password } = params.custom;
      const authorize = page.waitForRequest((r) => r.url().startsWith(`${authgate}/oauth2/authorize`));
      const pickerVisits = [];
      const onRequest = (r) => {
        const u = new URL(r.url());
        if (atAuthgate(u) && /^\/signin\/[^/]+$/.test(u.pathname)) pickerVisits.push(u.pathname);
      };
      page.on('request', onRequest);
      try {
        const landed = await leaveWith(
          'signInWithRedirect',
          { provider: { custom: provider } },
          signInLanding,
          "authgate's sign-in page",
        );
        const sent = new URL((await authorize).url()).searchParams;
        assert(sent.get('identity_provider') === provider, `identity_provider=${sent.get('identity_provider')}`);
        assert(landed.pathname.endsWith(`/${provider}`), `landed on ${landed.pathname}, not ${provider}'s page`);
        await typePassword(username, password);
      } finally {
        page.off('request', onRequest);
      }
      assert(pickerVisits.length === 0, `the picker was shown: ${pickerVisits.join(', ')}`);
      const user = await mustAmplify('getCurrentUser');
      assert(user.username === username, `signed in as ${user.username}, not ${username}`);
      const { accessToken } = await mustAmplify('fetchAuthSession');
      seen.accessToken = accessToken;
      seen.refreshToken = await storedRefreshToken();
    },
  ],
  [
    'signOut({ global: true }) ends every session of the user',
    async () => {
      const globalSignOut = nextApiCall('GlobalSignOut');
      await leaveWith('signOut', { global: true }, atApp, 'the return to the app after /logout');
      const answered = await globalSignOut.catch(() => undefined);
      assert(answered, 'Amplify made no GlobalSignOut call to authgate');
      assert(
        answered.status() === 200,
        `GlobalSignOut: ${answered.status()} ${clip(await answered.text().catch(() => ''))}`,
      );
      await appReady();
      assert(!(await storedRefreshToken()), 'Amplify still keeps a refresh token');
      const { status, body } = await refreshAtTokenEndpoint(seen.refreshToken);
      assert(
        status === 400 && body.error === 'invalid_grant',
        `the refresh token still answers ${status} ${JSON.stringify(body)}`,
      );
      const userinfo = await nodeFetch(`${authgate}/oauth2/userInfo`, {
        headers: { authorization: `Bearer ${seen.accessToken}` },
      });
      assert(userinfo.status === 401, `the access token still reads userInfo (${userinfo.status})`);
    },
  ],
  [
    'a Gen 2 app (amplify_outputs.json, userPoolEndpoint set in code) signs in and refreshes',
    async () => {
      configJs = configureFromOutputs;
      await page.goto(`${appOrigin}/`);
      await appReady();
      const landed = await leaveWith(
        'signInWithRedirect',
        undefined,
        signInLanding,
        "authgate's sign-in page",
      );
      assert(/\/signin\/[^/]+$/.test(landed.pathname), `expected the picker, landed on ${landed}`);
      const next = nextNavigation((u) => atAuthgate(u) && u.pathname.endsWith('/local'), 'the password page');
      await page.click('a.provider[href$="/local"]');
      await next;
      await typePassword(params.user.username, params.user.password);
      const before = await mustAmplify('fetchAuthSession');
      const call = nextApiCall('GetTokensFromRefreshToken');
      const result = await amplify('fetchAuthSession', { forceRefresh: true });
      const response = await call.catch(() => undefined);
      assert(response?.status() === 200, `GetTokensFromRefreshToken: ${response?.status() ?? 'not called'}`);
      assert(result.ok, `fetchAuthSession({ forceRefresh: true }) failed: ${result.error}`);
      assert(result.value.accessToken !== before.accessToken, 'the access token did not change');
      await leaveWith('signOut', undefined, atApp, 'the return to the app after /logout');
      await appReady();
    },
  ],
  [
    "responseType: 'token' (implicit flow) is refused, and Amplify says so",
    async () => {
      configJs = configureImplicit;
      await page.goto(`${appOrigin}/`);
      await appReady();
      const back = await leaveWith(
        'signInWithRedirect',
        undefined,
        (u) => atAuthgate(u) || atApp(u),
        'the answer to the implicit request',
      ).catch((error) => error);
      assert(back instanceof Error, `no error: landed on ${back}`);
      assert(
        /unsupported_response_type: only response_type=code/.test(back.message),
        `unexpected answer: ${back.message}`,
      );
      await appReady();
      const outcome = await withTimeout(
        page.evaluate(() => window.amplifyTest.redirectOutcome()),
        "Amplify's signInWithRedirect_failure Hub event",
      );
      assert(!outcome.ok && /only response_type=code/.test(outcome.error), `Amplify: ${JSON.stringify(outcome)}`);
      assert(!(await storedRefreshToken()), 'tokens were stored');
      configJs = configureByHand;
    },
  ],
  [
    'signIn() and signUp() (Cognito calls for a user) are refused, naming what is not supported',
    async () => {
      const initiate = nextApiCall('InitiateAuth');
      const signIn = await amplify('signIn', {
        username: params.user.username,
        password: params.user.password,
      });
      const answer = await initiate.catch(() => undefined);
      assert(answer, 'Amplify made no InitiateAuth call to authgate');
      assert(
        answer.status() === 400 && answer.headers()['x-amzn-errortype']?.startsWith('InvalidParameterException'),
        `InitiateAuth: ${answer.status()} ${answer.headers()['x-amzn-errortype']}`,
      );
      assert(
        !signIn.ok && /^InvalidParameterException: AuthFlow USER_SRP_AUTH is not supported/.test(signIn.error),
        `signIn(): ${JSON.stringify(signIn)}`,
      );
      const signUp = await amplify('signUp', {
        username: 'newcomer',
        password: 'Newcomer-password-1',
        options: { userAttributes: { email: 'newcomer@example.com' } },
      });
      assert(
        !signUp.ok && /^InvalidParameterException: SignUp is not supported/.test(signUp.error),
        `signUp(): ${JSON.stringify(signUp)}`,
      );
      assert(!(await storedRefreshToken()), 'tokens were stored');
    },
  ],
];

// The journey of a Cognito pool's user (params.journey === 'account'): the app's only provider
// is the pool, whose sign-in page authgate shows; then the user's own account, forwarded by
// authgate to the pool.
const accountSteps = [
  [
    "signInWithRedirect() goes to the pool's sign-in page and back to the app",
    async () => {
      await page.goto(`${appOrigin}/`);
      await appReady();
      const landed = await leaveWith('signInWithRedirect', undefined, signInLanding, "the pool's sign-in page");
      assert(landed.pathname.endsWith(`/${params.pool.provider}`), `landed on ${landed}`);
      await typePassword(params.pool.username, params.pool.password);
    },
  ],
  [
    'fetchUserAttributes() is the pool user',
    async () => {
      const attributes = await mustAmplify('fetchUserAttributes');
      assert(attributes.email === params.pool.email, `email ${attributes.email}`);
    },
  ],
  [
    'updateUserAttributes() changes the name at the pool; fetchUserAttributes() reads it back',
    async () => {
      const result = await mustAmplify('updateUserAttributes', { userAttributes: { name: 'Amplify User' } });
      assert(result.name?.isUpdated === true, `result ${JSON.stringify(result)}`);
      const attributes = await mustAmplify('fetchUserAttributes');
      assert(attributes.name === 'Amplify User', `name ${attributes.name}`);
    },
  ],
  [
    'updatePassword() refuses a wrong current password, then changes it',
    async () => {
      const wrong = await amplify('updatePassword', { oldPassword: 'Wrong-horse-1', newPassword: params.pool.newPassword });
      assert(!wrong.ok && /NotAuthorizedException/.test(wrong.error), `wrong old password: ${JSON.stringify(wrong)}`);
      await mustAmplify('updatePassword', { oldPassword: params.pool.password, newPassword: params.pool.newPassword });
    },
  ],
  [
    'fetchDevices() lists the devices the pool remembers',
    async () => {
      const devices = await mustAmplify('fetchDevices');
      assert(Array.isArray(devices), `devices ${JSON.stringify(devices)}`);
    },
  ],
];

function evidence() {
  out('  exchanges with authgate (oldest first):');
  for (const e of exchanges) {
    const op = e.target ? ` [${e.target.replace('AWSCognitoIdentityProviderService.', '')}]` : '';
    const result = e.failed ? `FAILED ${e.failed}` : e.status;
    out(`    ${e.method} ${e.path}${op} -> ${result}${e.location ? ` Location: ${e.location}` : ''}`);
    if (e.request && e.method === 'POST') out(`      request:  ${e.request}`);
    if (e.response) out(`      response: ${e.response}`);
  }
  if (complaints.length) {
    out('  the page said:');
    for (const c of complaints) out(`    ${c}`);
  }
  out(`  Amplify Hub events: ${JSON.stringify(globalThis.lastHubEvents ?? [])}`);
}

// AMPLIFY_E2E_STEPS=1,11 runs only those steps (when debugging one; the Rust test counts
// every step as ok, so a partial run fails it).
const only = process.env.AMPLIFY_E2E_STEPS?.split(',').map(Number);
let failed = false;
const journey = params.journey === 'account' ? accountSteps : steps;
for (const [index, [name, run]] of journey.entries()) {
  const n = index + 1;
  if (failed || (only && !only.includes(n))) {
    out(`STEP ${n} ${name}: not run`);
    continue;
  }
  const started = Date.now();
  try {
    await run();
    out(`STEP ${n} ${name}: ok (${Date.now() - started} ms)`);
  } catch (error) {
    failed = true;
    out(`STEP ${n} ${name}: FAIL ${error.message}`);
    out(`  page: ${page.url()}`);
    globalThis.lastHubEvents = await page
      .evaluate(() => window.amplifyTest?.hubEvents)
      .catch(() => undefined);
    evidence();
  }
}
if (!failed && process.env.AMPLIFY_E2E_VERBOSE === '1') evidence();

await browser.close();
server.close();
out(failed ? 'DONE fail' : 'DONE ok');
process.exit(failed ? 1 : 0);
