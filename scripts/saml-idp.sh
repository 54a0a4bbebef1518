#!/usr/bin/env bash
# A real SAML 2.0 IdP for the SAML tests: Debian's simpleSAMLphp served by `php -S` on
# loopback, with its whole configuration in a private directory (nothing under the package's
# /etc/simplesamlphp is touched).
#
#   scripts/saml-idp.sh install            apt packages, idempotent (install-peers.sh calls it)
#   scripts/saml-idp.sh serve DIR PORT ACS  write DIR (keys, config, metadata), exec php -S
#
# `serve` generates the IdP's signing key and the SP's key (DIR/cert/idp.{pem,crt},
# DIR/cert/sp.{pem,crt}; the SP key decrypts encrypted assertions and signs AuthnRequests),
# and registers one SP entity per response shape, all posting to ACS (the AuthnRequest's
# <saml:Issuer> picks the shape):
#   urn:test:sp                     Response and Assertion signed (simpleSAMLphp's default)
#   urn:test:sp-assertion-only      only the Assertion signed
#   urn:test:sp-response-only       only the Response signed
#   urn:test:sp-enc                 EncryptedAssertion (RSA-OAEP + AES-128-CBC), both signed
#   urn:test:sp-enc-inner-only      EncryptedAssertion, only the inner Assertion signed
#   urn:test:sp-sha1                Response and Assertion signed with RSA-SHA1 (a downgrade)
#   urn:test:sp-signed-requests     as urn:test:sp, but the IdP requires signed AuthnRequests
#   urn:test:other-sp               another SP of the same IdP with the same ACS (its audience)
#   urn:test:other-sp-acs           another SP with its own ACS (ACS + "/other")
#   urn:test:sp-slo-post            as urn:test:sp, but its SingleLogoutService is HTTP-POST only
# Every SP entity has a SingleLogoutService at the ACS's sibling /saml2/logout/… (Redirect
# first, then POST), and the IdP signs its logout messages and requires ours signed.
# The one user is alice / alicepass (uid, email, displayName, two groups, two AWS roles). php prints
# "Development Server (http://127.0.0.1:PORT) started" on stderr when it listens.
set -euo pipefail

packages=(simplesamlphp php-cli php-xml php-mbstring xmlsec1 openssl)

install() {
  local missing=() p
  for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$p")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "saml-idp: installing ${missing[*]}" >&2
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq >/dev/null
  # simpleSAMLphp depends on apache2 | httpd; apache2 gets installed but is not started here
  # (we serve with php -S only).
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

serve() {
  local D=$1 port=$2 acs=$3
  [ -f /usr/share/simplesamlphp/www/index.php ] || { echo "saml-idp: simplesamlphp missing: run $0 install" >&2; exit 1; }
  mkdir -p "$D"/{config,metadata,cert,log,data,tmp,sessions}
  for who in idp sp; do
    [ -f "$D/cert/$who.pem" ] || openssl req -x509 -newkey rsa:2048 -nodes -days 30 \
      -subj "/CN=$who.saml.test" -keyout "$D/cert/$who.pem" -out "$D/cert/$who.crt" 2>/dev/null
  done
  local spcert
  spcert=$(grep -v -- '-----' "$D/cert/sp.crt" | tr -d '\n')
  local base="http://127.0.0.1:$port"
  local slo=${acs/\/saml2\/idpresponse/\/saml2\/logout}

  cp /etc/simplesamlphp/config.php "$D/config/config.php"
  cp -r /etc/simplesamlphp/attributemap "$D/config/" 2>/dev/null || true
  # Debian's config.php ends by loading its secrets file; these assignments come after it.
  cat >>"$D/config/config.php" <<PHP

\$config['baseurlpath'] = '$base/';
\$config['certdir'] = '$D/cert/';
\$config['metadatadir'] = '$D/metadata/';
\$config['loggingdir'] = '$D/log/';
\$config['datadir'] = '$D/data/';
\$config['tempdir'] = '$D/tmp/';
\$config['logging.handler'] = 'file';
\$config['enable.saml20-idp'] = true;
\$config['session.cookie.secure'] = false;
\$config['session.phpsession.savepath'] = '$D/sessions';
\$config['module.enable'] = ['exampleauth' => true, 'core' => true, 'saml' => true];
\$config['secretsalt'] = 'authgate-test-salt';
\$config['auth.adminpassword'] = 'authgate-test-admin';
// Logout started at the IdP (SingleLogoutService.php?ReturnTo=) returns only to trusted URLs:
// any loopback port (authgate's and the IdP's).
\$config['trusted.url.domains'] = ['127\\.0\\.0\\.1:[0-9]+'];
\$config['trusted.url.regex'] = true;
PHP

  cat >"$D/config/authsources.php" <<'PHP'
<?php
$config = [
  'admin' => ['core:AdminPassword'],
  'example-userpass' => ['exampleauth:UserPass',
    'alice:alicepass' => ['uid' => ['alice'], 'email' => ['alice@example.com'],
                          'displayName' => ['Alice Example'], 'groups' => ['staff', 'admins'],
                          'https://aws.amazon.com/SAML/Attributes/Role' => [
                            'arn:aws:iam::123456789012:role/admins,arn:aws:iam::123456789012:saml-provider/corp',
                            'arn:aws:iam::123456789012:saml-provider/corp,arn:aws:iam::123456789012:role/readers']],
  ],
];
PHP

  cat >"$D/metadata/saml20-idp-hosted.php" <<PHP
<?php
\$metadata['$base/saml2/idp/metadata.php'] = [
  'host' => '__DEFAULT__', 'privatekey' => 'idp.pem', 'certificate' => 'idp.crt',
  'auth' => 'example-userpass',
  'NameIDFormat' => 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
  'attributes.NameFormat' => 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic',
];
PHP

  cat >"$D/metadata/saml20-sp-remote.php" <<PHP
<?php
\$base = [
  'AssertionConsumerService' => '$acs',
  'SingleLogoutService' => [
    ['Binding' => 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect', 'Location' => '$slo'],
    ['Binding' => 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST', 'Location' => '$slo'],
  ],
  'sign.logout' => true,
  'validate.logout' => true,
  'NameIDFormat' => 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
  'simplesaml.nameidattribute' => 'uid',
  'certData' => '$spcert',
];
\$metadata['urn:test:sp'] = \$base;
\$metadata['urn:test:sp-assertion-only'] = \$base + ['saml20.sign.response' => false];
\$metadata['urn:test:sp-response-only'] = \$base + ['saml20.sign.assertion' => false];
\$metadata['urn:test:sp-enc'] = \$base + ['assertion.encryption' => true];
\$metadata['urn:test:sp-enc-inner-only'] = \$base + ['assertion.encryption' => true, 'saml20.sign.response' => false];
\$metadata['urn:test:sp-sha1'] = \$base + ['signature.algorithm' => 'http://www.w3.org/2000/09/xmldsig#rsa-sha1'];
\$metadata['urn:test:sp-signed-requests'] = \$base + ['validate.authnrequest' => true];
\$metadata['urn:test:other-sp'] = \$base;
\$metadata['urn:test:other-sp-acs'] = ['AssertionConsumerService' => '$acs/other'] + \$base;
\$metadata['urn:test:sp-slo-post'] = ['SingleLogoutService' => [
  ['Binding' => 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST', 'Location' => '$slo'],
]] + \$base;
PHP

  SIMPLESAMLPHP_CONFIG_DIR="$D/config" exec php -S "127.0.0.1:$port" -t /usr/share/simplesamlphp/www
}

case "${1:-}" in
  install) install ;;
  serve) shift; [ $# -eq 3 ] || { echo "usage: $0 serve DIR PORT ACS" >&2; exit 2; }; serve "$@" ;;
  *) echo "usage: $0 install | serve DIR PORT ACS" >&2; exit 2 ;;
esac
