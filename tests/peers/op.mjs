// A real OpenID Provider (panva's oidc-provider, certified OP) for authgate's integration tests:
// the stand-in for Google / Auth0 / any upstream OIDC IdP. Started by tests/api/peers.rs as
// `node tests/peers/op.mjs`; install its packages first with scripts/install-peers.sh.
//
// Environment:
//   OP_REDIRECT_URI  required; the callback URL(s) registered for both clients, comma separated
//                    (e.g. http://127.0.0.1:43210/oauth2/idpresponse/op).
//   OP_WATCH_STDIN   optional; when "1", exit as soon as stdin reaches EOF (the test process
//                    keeps a pipe open, so the OP dies with it even if it is killed outright).
//
// Listens on 127.0.0.1 on a port chosen by the OS, then prints exactly one line on stdout:
//   OP_READY http://127.0.0.1:PORT
// (the issuer). Nothing else is written to stdout; oidc-provider's notices go to stderr.
//
// Clients (both: code flow, PKCE S256 required, grants authorization_code + refresh_token):
//   authgate         confidential, secret "authgate-upstream-secret", client_secret_basic
//   authgate-public  public, token_endpoint_auth_method "none"
// Login (devInteractions): any login id, any password. Accounts:
//   alice -> alice@example.com, email_verified true, name "Alice Example"
//   bob   -> bob@example.com, email_verified false
//   carol -> carol@example.com, two `cognito:roles` (profile scope): the role page
//   <id>  -> <id>@example.com, email_verified false

import http from 'node:http';
import Provider from 'oidc-provider';
import { exportJWK, generateKeyPair } from 'jose';

// Keep stdout for the readiness line only: oidc-provider prints NOTICEs with console.info.
const toStderr = (...args) => console.error(...args);
console.log = toStderr;
console.info = toStderr;
console.debug = toStderr;

const fail = (message) => {
  process.stderr.write(`op.mjs: ${message}\n`);
  process.exit(2);
};

const redirectUris = (process.env.OP_REDIRECT_URI || '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
if (redirectUris.length === 0) fail('OP_REDIRECT_URI is required');
for (const uri of redirectUris) {
  try {
    new URL(uri); // eslint-disable-line no-new
  } catch {
    fail(`OP_REDIRECT_URI is not a URL: ${uri}`);
  }
}

if (process.env.OP_WATCH_STDIN === '1') {
  process.stdin.on('end', () => process.exit(0));
  process.stdin.on('error', () => process.exit(0));
  process.stdin.resume();
}

const accounts = {
  alice: { email: 'alice@example.com', email_verified: true, name: 'Alice Example' },
  bob: { email: 'bob@example.com', email_verified: false },
  // Two AWS roles and no preferred one: authgate asks which (its role page).
  carol: {
    email: 'carol@example.com',
    email_verified: true,
    'cognito:roles': ['arn:aws:iam::123456789012:role/admins', 'arn:aws:iam::123456789012:role/readers'],
  },
};

const { privateKey } = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
const signingKey = { ...(await exportJWK(privateKey)), kid: 'test-rs256', alg: 'RS256', use: 'sig' };

// Bind first (port 0: the OS picks a free port), so the issuer carries the real port.
const server = http.createServer();
await new Promise((resolve, reject) => {
  server.once('error', reject);
  server.listen(0, '127.0.0.1', resolve);
});
const { port } = server.address();
const issuer = `http://127.0.0.1:${port}`;

const common = {
  redirect_uris: redirectUris,
  grant_types: ['authorization_code', 'refresh_token'],
  response_types: ['code'],
};

const provider = new Provider(issuer, {
  clients: [
    {
      ...common,
      client_id: 'authgate',
      client_secret: 'authgate-upstream-secret',
      token_endpoint_auth_method: 'client_secret_basic',
    },
    {
      ...common,
      client_id: 'authgate-public',
      token_endpoint_auth_method: 'none',
    },
  ],
  jwks: { keys: [signingKey] },
  cookies: { keys: ['authgate-test-op-cookie-key'] },
  pkce: { methods: ['S256'], required: () => true },
  features: {
    devInteractions: { enabled: true }, // built-in login (any id, any password) + consent pages
    revocation: { enabled: true },
  },
  scopes: ['openid', 'email', 'profile', 'offline_access'],
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'cognito:roles'],
  },
  // Fixed lifetimes (seconds); also keeps oidc-provider's "default ttl" notices out of the logs.
  ttl: {
    AccessToken: 3600,
    AuthorizationCode: 60,
    Grant: 3600,
    IdToken: 3600,
    Interaction: 600,
    RefreshToken: 86400,
    Session: 3600,
  },
  conformIdTokenClaims: false, // email/name go into the ID token too (Google-like)
  // A refresh token for every code exchange of a client allowed the grant (not only with
  // offline_access, which oidc-provider drops unless prompt=consent is requested).
  issueRefreshToken: async (ctx, client) => client.grantTypeAllowed('refresh_token'),
  async findAccount(ctx, id) {
    const profile = accounts[id] || { email: `${id}@example.com`, email_verified: false };
    return {
      accountId: id,
      async claims() {
        return { sub: id, ...profile };
      },
    };
  },
});
provider.proxy = false;

provider.on('server_error', (ctx, err) => {
  process.stderr.write(`op.mjs: server_error: ${err?.stack || err}\n`);
});

server.removeAllListeners('error');
server.on('error', (err) => process.stderr.write(`op.mjs: http server error: ${err}\n`));
server.on('request', provider.callback());

process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => process.exit(0));

process.stdout.write(`OP_READY ${issuer}\n`);
