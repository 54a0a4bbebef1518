// A web app on the real, unmodified Amplify JS v6 library, as a user would write it: Amplify is
// configured once at page load with authgate as its hosted-UI domain and its user-pool endpoint.
// driver.mjs serves this (bundled by esbuild) and calls the functions below from the page.
//
// The configuration comes from /config.js (written by the driver, which knows the ports), in one
// of the two ways apps configure Amplify:
// - window.AMPLIFY_CONFIG: what a JS v6 app passes to Amplify.configure() by hand;
// - window.AMPLIFY_OUTPUTS: a Gen 2 amplify_outputs.json. Its schema has no key for the user-pool
//   endpoint (and Amplify ignores one added to it), so the app adds userPoolEndpoint in code.

import { Amplify } from 'aws-amplify';
import {
  fetchAuthSession,
  fetchDevices,
  fetchUserAttributes,
  getCurrentUser,
  signIn,
  signInWithRedirect,
  signOut,
  signUp,
  updatePassword,
  updateUserAttributes,
} from 'aws-amplify/auth';
import { Hub, parseAmplifyConfig } from 'aws-amplify/utils';

const hubEvents = [];
let settle;
// Resolves when Amplify finishes (or fails) the redirect sign-in this page load completes.
const redirectOutcome = new Promise((resolve) => {
  settle = resolve;
});

// Listen before configure(): configure() is what completes a sign-in in flight.
Hub.listen('auth', ({ payload }) => {
  const { event, data } = payload;
  hubEvents.push({ event, error: data?.error ? describe(data.error) : undefined });
  if (event === 'signInWithRedirect') settle({ ok: true });
  if (event === 'signInWithRedirect_failure') settle({ ok: false, error: describe(data?.error) });
});

if (window.AMPLIFY_OUTPUTS) {
  const config = parseAmplifyConfig(window.AMPLIFY_OUTPUTS);
  config.Auth.Cognito.userPoolEndpoint = window.AMPLIFY_USER_POOL_ENDPOINT;
  Amplify.configure(config);
} else {
  Amplify.configure(window.AMPLIFY_CONFIG);
}

function describe(error) {
  if (!error) return 'unknown error';
  const name = error.name ?? 'Error';
  const cause = error.underlyingError ? ` (${describe(error.underlyingError)})` : '';
  return `${name}: ${error.message ?? String(error)}${cause}`;
}

// Every call answers { ok, value } or { ok: false, error }, so the driver can report it as data.
async function run(fn) {
  try {
    return { ok: true, value: await fn() };
  } catch (error) {
    return { ok: false, error: describe(error) };
  }
}

const tokens = (session) => ({
  accessToken: session.tokens?.accessToken?.toString(),
  idToken: session.tokens?.idToken?.toString(),
});

window.amplifyTest = {
  hubEvents,
  redirectOutcome: () => redirectOutcome,
  // Navigates away; the promise only settles when Amplify refuses to start.
  signInWithRedirect: (input) => run(() => signInWithRedirect(input)),
  fetchAuthSession: (options) => run(async () => tokens(await fetchAuthSession(options))),
  getCurrentUser: () => run(() => getCurrentUser()),
  fetchUserAttributes: () => run(() => fetchUserAttributes()),
  signOut: (input) => run(() => signOut(input)),
  // A pool user's own account, which authgate forwards to the pool.
  updatePassword: (input) => run(() => updatePassword(input)),
  updateUserAttributes: (input) => run(() => updateUserAttributes(input)),
  fetchDevices: () => run(() => fetchDevices()),
  // Amplify's own password sign-in and sign-up call Cognito for a user authgate keeps behind
  // its pages: refused.
  signIn: (input) => run(() => signIn(input)),
  signUp: (input) => run(() => signUp(input)),
  // What Amplify keeps between page loads (localStorage, keyed by the app client id).
  storedTokens: () => {
    const out = {};
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i);
      if (key.startsWith('CognitoIdentityServiceProvider.')) {
        out[key.split('.').slice(2).join('.')] = localStorage.getItem(key);
      }
    }
    return out;
  },
};
document.getElementById('status').textContent = 'ready';
