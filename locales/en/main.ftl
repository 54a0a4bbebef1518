# authgate's pages in English: the reference catalogue. Every other language has exactly these
# ids (tests/i18n checks), with the same { $variables }. Ids name where the words appear.

## Every page (templates/base.html)

page-default-title = Sign in
page-footer = Secured by authgate
language-picker-label = Language

## Words several pages share

field-username = Username
field-password = Password
field-new-password = New password
field-code = Code
button-sign-in = Sign in
button-continue = Continue
link-start-again = Start again
link-back-to-sign-in = Back to sign-in
link-other-ways = Other ways to sign in
sign-in-to-app = Sign in to { $app }

## The provider picker and the password page

picker-lead = Choose how you want to sign in.
picker-continue-with = Continue with { $provider }
password-lead = Continue with your { $provider }.

## The AWS role page

role-title = Choose a role for { $app }
role-heading = Choose a role
role-lead = Your account may work in { $app } under several AWS roles. Choose the one to use until you sign out.
role-legend = Role

## A Cognito pool's pages

cognito-signin-lead = With your { $provider } account.
cognito-remember-device = Remember this device
cognito-forgot-password = Forgot your password?
cognito-no-account = No account?
cognito-create-one = Create one
cognito-signup-title = Create an account
cognito-signup-lead = For { $app }, with { $provider }.
cognito-create-account = Create account
cognito-have-account = Have an account?
cognito-confirm-title = Confirm your account
cognito-code-sent-to = We sent a code to { $destination }.
cognito-enter-code-sent = Enter the code we sent you.
cognito-confirmation-code = Confirmation code
cognito-confirm = Confirm
cognito-send-new-code = Send a new code
cognito-forgot-title = Reset your password
cognito-forgot-lead = Enter your username and we will send you a code to reset your password.
cognito-send-code = Send code
cognito-mfa-setup-title = Set up an authenticator app
cognito-mfa-setup-lead = Your account needs a second step. Scan this code with an authenticator app (or type the key), then enter the 6-digit code it shows.
cognito-mfa-setup-qr-alt = QR code for your authenticator app
cognito-mfa-setup-key = Key
cognito-mfa-setup-code = Code from the app
cognito-verify-and-continue = Verify and continue
cognito-new-password-title = Choose a new password
cognito-select-mfa-title = Choose how to verify
cognito-select-mfa-lead = Your account has more than one way to confirm it is you.
cognito-select-mfa-always = Always use this method
password-rules-intro = Your password needs:

## The signed-out page

signed-out-title = Signed out
signed-out-heading = You are signed out
signed-out-back-to-app = You can go back to { $app } now.
signed-out-close = You can close this page.

## The demo app

demo-title = authgate demo
demo-lead-before = This page is an app registered as
demo-lead-after = . Signing in runs the whole authorization-code flow with PKCE through the hosted UI, then shows the tokens the app received.
demo-sign-out-of-authgate = Sign out of authgate
demo-result-title = Signed in · authgate demo
demo-back = Back to the demo
demo-sign-out = Sign out

## Error pages (templates/error.html)

error-title-unavailable = Temporarily unavailable
error-title-problem = Sign-in problem
error-lead = Go back to the app and try again. If it keeps happening, contact the app's support.
error-request-id = Request ID:
error-render-failed = Something went wrong on our side. Please try again.

## What an error page says (src/web/messages.rs, one id per Msg)

msg-sign-in-expired = This sign-in page has expired. Go back to the app and start signing in again.
msg-other-browser = This sign-in was started in another browser or tab that has since been closed. Go back to the app and start signing in again.
msg-method-not-available = That sign-in method is not available for this app.
msg-form-expired = This form has expired. Go back to the app and start again.
msg-form-incomplete = The form was incomplete. Go back and try again.
msg-unavailable = Sign-in is temporarily unavailable. Please try again in a moment.
msg-no-such-page = There is no page at this address.
msg-unusable-redirect = The redirect URI cannot be used.
msg-role-not-allowed = That role is not one your account may use. Go back and choose one from the list.
msg-federation-failed = You could not be signed in to { $app } because { $reason }. { $advice }
msg-advice-try-later = Try again in a few minutes.
msg-advice-sign-in-again = Go back to the app and sign in again.
msg-advice-tell-support = If it keeps happening, tell the app's support.
msg-upstream-unreachable = Signing in failed because { $reason }. Try again in a few minutes.
msg-upstream-rejected = Signing in failed: { $reason }. Go back to the app and start again.
msg-upstream-repeats = The sign-in response repeats a parameter.
msg-upstream-no-state = The sign-in response carried no state.
msg-upstream-not-this-flow = This sign-in response does not belong to the sign-in that was started.
upstream-incomplete-no-code = The sign-in response carried no code.
msg-pool-unreachable = { $pool } did not answer. Try again in a moment.
msg-pool-bad-answer = { $pool } gave an answer authgate cannot use. Try again later.
msg-mfa-setup-unsupported = Your account needs a phone number or email address for its second sign-in step, and has none yet. Contact the app's support.
msg-challenge-unsupported = This account needs a sign-in step authgate does not offer. Contact the app's support.
msg-sign-in-again = That took too long, or the answer was not accepted. Sign in again.
msg-demo-form-expired = This form has expired. Reload the demo page.
msg-too-many-requests = There have been too many requests from your network just now. Please wait { $wait } and try again.
# A wait, as a person reads it: 1 second or less, up to 90 seconds, else whole minutes.
wait-a-second = a second
wait-seconds = { $count ->
    [one] { $count } second
   *[other] { $count } seconds
}
wait-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
# The authorize request refused with a page (src/oauth/authorize.rs says these in English).
authorize-repeats-client = The request repeats client_id or redirect_uri.
authorize-no-client-id = The request has no client_id.
authorize-unknown-client = The app that sent you here is not registered.
authorize-no-redirect-uri = The request has no redirect_uri.
authorize-unknown-redirect-uri = The redirect URI in the request is not registered for this app.

## Sign-in forms' own errors

signin-bad-credentials = Incorrect username or password.
signin-locked = Too many failed attempts. Wait a few minutes, then try again.
