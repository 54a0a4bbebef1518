// The peer of scripts/bench-peers.sh: panva's oidc-provider (pinned in package.json) with its
// in-memory adapter, set up like authgate's bench app: public clients, PKCE S256 required,
// authorization_code + refresh_token with rotation on every use, ID tokens in RS256 or ES256.
// Not a test peer (tests/peers/op.mjs is); nothing here is persisted.
//
// Environment:
//   PORT   required; the 127.0.0.1 port to listen on (the issuer is http://127.0.0.1:PORT)
//
// Clients (redirect_uri http://127.0.0.1/callback, token_endpoint_auth_method none):
//   bench-rs256   ID tokens signed RS256 (RSA-2048, as authgate's bench keys)
//   bench-es256   ID tokens signed ES256 (P-256)
// Login (devInteractions): any login id, any password; the first sign-in of a browser also
// answers the consent page, after which the grant is remembered and authorize returns a code.
// Prints `OP_READY <issuer>` on stdout once listening.

import http from 'node:http';
import Provider from 'oidc-provider';
import { exportJWK, generateKeyPair } from 'jose';

console.log = (...args) => console.error(...args);
console.info = console.log;
console.warn = console.log;

const port = Number.parseInt(process.env.PORT || '', 10);
if (!Number.isInteger(port) || port <= 0) {
  process.stderr.write('op-bench.mjs: PORT is required\n');
  process.exit(2);
}
const issuer = `http://127.0.0.1:${port}`;

const rsa = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
const ec = await generateKeyPair('ES256', { extractable: true });
const keys = [
  { ...(await exportJWK(rsa.privateKey)), kid: 'bench-rs256', alg: 'RS256', use: 'sig' },
  { ...(await exportJWK(ec.privateKey)), kid: 'bench-es256', alg: 'ES256', use: 'sig' },
];

const client = (id, alg) => ({
  client_id: id,
  application_type: 'web', // native clients are asked for consent on every authorize
  token_endpoint_auth_method: 'none',
  redirect_uris: ['http://127.0.0.1/callback'],
  grant_types: ['authorization_code', 'refresh_token'],
  response_types: ['code'],
  id_token_signed_response_alg: alg,
});

const provider = new Provider(issuer, {
  clients: [client('bench-rs256', 'RS256'), client('bench-es256', 'ES256')],
  jwks: { keys },
  cookies: { keys: ['authgate-bench-op-cookie-key'] },
  pkce: { required: () => true },
  features: { devInteractions: { enabled: true } },
  scopes: ['openid', 'email', 'profile', 'offline_access'],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  findAccount: async (_ctx, sub) => ({
    accountId: sub,
    claims: async () => ({ sub, email: `${sub}@example.com`, email_verified: true, name: sub }),
  }),
  // As authgate: every code exchange of a client allowed the grant gets a refresh token, and
  // every refresh grant rotates it (a replayed one revokes the grant).
  issueRefreshToken: async (_ctx, c) => c.grantTypeAllowed('refresh_token'),
  rotateRefreshToken: () => true,
  ttl: {
    AccessToken: 3600,
    AuthorizationCode: 60,
    Grant: 30 * 24 * 3600,
    IdToken: 3600,
    Interaction: 600,
    RefreshToken: 30 * 24 * 3600,
    Session: 8 * 3600,
  },
});

const server = http.createServer(provider.callback());
server.listen(port, '127.0.0.1', () => {
  process.stdout.write(`OP_READY ${issuer}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
