#!/usr/bin/env bash
# Regenerates docs/screenshots/: every page of the demo sign-in (picker, password page, wrong
# password, result, signed out) in English, Japanese and Arabic at 390x844 and 1280x800, in
# dark mode (English at 390x844 kept; the suite checks every language dark), without JavaScript
# at 360 px, and a branded app (config/examples/branded.toml: its sign-in and "Return to the
# app" pages, light and dark), and the other journeys (an OpenID provider, a pool's MFA, forgot
# password, sign-up, the AWS role page, sign-out) in English and Arabic at 390x844, a Cognito
# pool user's account pages (/account, multi-factor, authenticator-app setup, devices, signed
# out everywhere; English and Arabic, phone and desktop), by running
# the browser suite (tests/api/browser.rs and browser_journeys.rs, which also check each page
# with axe-core) with its screenshots kept there. Old screenshots are removed first, so the
# directory holds exactly one run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-peers.sh
out="$PWD/docs/screenshots"
mkdir -p "$out"
rm -f "$out"/*.png
AUTHGATE_SCREENSHOTS="$out" cargo test --features saml --test api -- --exact \
  browser::the_demo_sign_in_passes_axe_in_three_languages_at_two_sizes_and_works_without_javascript \
  browser_journeys::the_upstream_mfa_sign_up_forgot_role_and_logout_journeys_pass_axe_in_three_languages \
  browser::the_account_pages_of_a_pool_user_pass_axe_in_english_and_arabic
# Dark mode in one language is enough to show it.
find "$out" -name '*-dark-*.png' ! -name 'en-390x844-dark-*' ! -name 'branded-*' -delete
# The other journeys: English and Arabic on a phone; the provider's own pages are not ours.
find "$out" -regextype egrep -regex '.*-(upstream|mfa|forgot|signup|roles|lockout)-.*\.png' \
  \( -name 'ja-*' -o -name '*-1280x800-*' -o -name '*-provider-*' \) -delete
ls "$out"
