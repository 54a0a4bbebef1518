#!/usr/bin/env bash
# A complete login with curl against a running authgate on its embedded defaults, as a native
# app would do it: PKCE S256, the hosted password page, the code, the token request.
# Usage: scripts/curl-login.sh [base-url]   (default http://127.0.0.1:8080)
set -euo pipefail
AG=${1:-http://127.0.0.1:8080}
JAR=$(mktemp); trap 'rm -f "$JAR"' EXIT

# 1. PKCE: a random verifier and its S256 challenge.
VERIFIER=$(openssl rand -base64 48 | tr '+/' '-_' | tr -d '=\n')
CHALLENGE=$(printf %s "$VERIFIER" | openssl dgst -sha256 -binary | basenc --base64url | tr -d '=')

# 2. The app opens the authorize URL; authgate answers with its sign-in page.
PAGE=$(curl -s -c "$JAR" -b "$JAR" -o /dev/null -w '%{redirect_url}' \
  "$AG/oauth2/authorize?response_type=code&client_id=demo&redirect_uri=myapp%3A%2F%2Fcallback&scope=openid%20email%20profile&state=xyz&nonce=n-123&code_challenge=$CHALLENGE&code_challenge_method=S256")
CSRF=$(curl -s -c "$JAR" -b "$JAR" "$PAGE" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p')

# 3. The user signs in; authgate redirects to the app's custom scheme with the code.
BACK=$(curl -s -c "$JAR" -b "$JAR" -o /dev/null -w '%{redirect_url}' "$PAGE" \
  --data-urlencode username=demo --data-urlencode password=demo-password --data-urlencode "csrf=$CSRF")
echo "redirect back to the app: ${BACK%%code=*}code=…"
CODE=$(sed -n 's/.*[?&]code=\([^&]*\).*/\1/p' <<<"$BACK")

# 4. The app redeems the code with its verifier.
curl -s "$AG/oauth2/token" -d grant_type=authorization_code -d client_id=demo \
  --data-urlencode redirect_uri=myapp://callback --data-urlencode "code=$CODE" \
  --data-urlencode "code_verifier=$VERIFIER"
echo
