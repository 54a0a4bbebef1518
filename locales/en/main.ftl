# authgate's pages in English: the reference catalogue. Every other language has exactly these
# ids (tests/i18n checks), with the same { $variables }. Ids name where the words appear.

## Every page (templates/base.html)

page-default-title = Sign in
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
msg-unusable-redirect = The address that should take you back to the app is not valid, so signing in cannot go on. Tell the app's support.
msg-role-not-allowed = That role is not one your account may use. Go back and choose one from the list.
msg-federation-pool-unreachable = You could not be signed in to { $app } because the identity pool { $pool } did not answer. Try again in a few minutes.
msg-federation-pool-throttled = You could not be signed in to { $app } because the identity pool { $pool } is refusing calls for now. Try again in a few minutes.
msg-federation-pool-refused = You could not be signed in to { $app } because the identity pool { $pool } refused this sign-in. If it keeps happening, tell the app's support.
msg-federation-pool-not-found = You could not be signed in to { $app } because the identity pool { $pool } does not know this identity. If it keeps happening, tell the app's support.
msg-federation-pool-bad-answer = You could not be signed in to { $app } because the identity pool { $pool } gave an answer that cannot be used. If it keeps happening, tell the app's support.
msg-federation-pool-failed = You could not be signed in to { $app } because the identity pool { $pool } answered with an error. If it keeps happening, tell the app's support.
msg-federation-sign-in-expired = You could not be signed in to { $app } because the sign-in with { $provider } has expired. Go back to the app and sign in again.
msg-federation-provider-unreachable = You could not be signed in to { $app } because { $provider } did not answer, so the sign-in could not be renewed. Try again in a few minutes.
msg-federation-internal = You could not be signed in to { $app } because the sign-in could not be completed. Try again in a few minutes.
msg-upstream-unreachable = Signing in failed because { $provider } did not answer. Try again in a few minutes.
msg-upstream-bad-answer = Signing in failed because { $provider } gave an answer that cannot be used. Try again in a few minutes.
msg-upstream-rejected = Signing in failed: the sign-in response from { $provider } did not pass verification. Go back to the app and start again.
msg-upstream-denied = Signing in failed: you did not allow the sign-in. Go back to the app and start again.
msg-upstream-declined = Signing in failed: the sign-in was not completed. Go back to the app and start again.
msg-saml-logout-refused = The sign-out message from { $provider } did not pass verification, so nothing was signed out. Go back to the app.
msg-upstream-repeats = The sign-in response repeats a parameter.
msg-upstream-no-state = The sign-in response carried no state.
msg-upstream-not-this-flow = This sign-in response does not belong to the sign-in that was started.
upstream-incomplete-no-code = The sign-in response carried no code.
msg-pool-unreachable = { $pool } did not answer. Try again in a moment.
msg-pool-bad-answer = { $pool } gave an answer that cannot be used. Try again later.
msg-mfa-setup-unsupported = Your account needs a phone number or email address for its second sign-in step, and has none yet. Contact the app's support.
msg-challenge-unsupported = This account needs a sign-in step that is not offered here. Contact the app's support.
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
authorize-repeats-client = The app's sign-in request names the app or the way back to it twice. Tell the app's support.
authorize-no-client-id = The sign-in request does not say which app it comes from. Tell the app's support.
authorize-unknown-client = The app that sent you here is not registered.
authorize-no-redirect-uri = The sign-in request does not say where to send you afterwards. Tell the app's support.
authorize-unknown-redirect-uri = The app asked to send you back to an address it has not registered, so signing in cannot go on. Tell the app's support.

## Sign-in forms' own errors

signin-bad-credentials = Incorrect username or password.
signin-locked =
    { $minutes ->
        [one] Signing in is locked after too many failed attempts. You can try again in { $minutes } minute.
   *[other] Signing in is locked after too many failed attempts. You can try again in { $minutes } minutes.
    }

## A Cognito pool's pages, said from code (src/hosted_ui/words.rs)

cognito-try-later = Too many attempts for now. Wait a few minutes, then try again.
cognito-wrong-code = That code is not right. Check it and try again.
cognito-expired-code = That code has expired. Ask for a new one.
cognito-wrong-answer = That answer was not accepted. Try again.
cognito-check-input = Check what you entered and try again.
cognito-choose-option = Choose one of the options.
cognito-enter-username = Enter your username.
cognito-no-verified-contact = This account has no verified email address or phone number to send a code to. Contact the app's support.
cognito-reset-code-not-sent = A reset code could not be sent. Try again later.
cognito-enter-code-and-password = Enter the code and a new password.
cognito-reset-code-expired = That code has expired. Start the reset again.
cognito-reset-failed = The password could not be reset with that code. Start the reset again.
cognito-fill-every-field = Fill in every field.
cognito-username-exists = An account with that username already exists. Sign in instead, or reset its password.
cognito-signup-check-input = Check what you entered (an email address, a phone number such as +15555550100) and try again.
cognito-signup-failed = The account could not be created. Try again.
cognito-confirm-failed = The account could not be confirmed with that code. Ask for a new one.
cognito-new-code-not-sent = A new code could not be sent. Try again later.
cognito-account-ready = Your account is ready. Sign in to continue.
cognito-account-confirmed = Your account is confirmed. Sign in to continue.
cognito-not-confirmed = Your account is not confirmed yet. Enter the code we sent when you signed up, or ask for a new one.
cognito-reset-code-sent-to = If the account exists, we sent a code to { $destination }.
cognito-reset-code-sent = If the account exists, we sent it a code.
cognito-reset-required-code-sent-to = Your password has to be reset before you can sign in. If the account exists, we sent a code to { $destination }.
cognito-reset-required-code-sent = Your password has to be reset before you can sign in. If the account exists, we sent it a code.
cognito-new-code-sent-to = We sent a new code to { $destination }.
cognito-new-code-sent = We sent a new code.
cognito-code-heading-sms = Enter the code we texted you
cognito-code-heading-email = Enter the code we emailed you
cognito-code-heading-app = Enter the code from your authenticator app
cognito-code-intro-app = Open your authenticator app and enter the 6-digit code it shows for this account.
cognito-custom-heading = One more step
cognito-custom-intro = Answer the question below to finish signing in.
cognito-custom-answer = Your answer
cognito-mfa-sms = A text message to your phone
cognito-mfa-app = An authenticator app
cognito-mfa-email = An email
cognito-temporary-password = Your account has a temporary password. Choose your own to continue.
cognito-set-password-submit = Set password and sign in
cognito-reset-intro-to = Enter the code we sent to { $destination } and choose a new password.
cognito-reset-intro = Enter the code we sent you and choose a new password.
cognito-reset-submit = Reset password

## The pool's password rules, and why it refused a password

password-rule-length = { $count ->
    [one] At least { $count } character
   *[other] At least { $count } characters
}
password-rule-uppercase = An uppercase letter
password-rule-lowercase = A lowercase letter
password-rule-number = A number
password-rule-symbol = A symbol such as ! or %
password-too-short = That password is too short.
password-needs-uppercase = That password needs an uppercase letter.
password-needs-lowercase = That password needs a lowercase letter.
password-needs-number = That password needs a number.
password-needs-symbol = That password needs a symbol.
password-used-before = You have used that password recently. Choose another one.
password-not-accepted = That password does not meet the requirements.

## Labels of a pool's standard attributes (sign-up, new password)

attribute-email = Email
attribute-phone-number = Phone number (+15555550100)
attribute-name = Name
attribute-given-name = First name
attribute-family-name = Last name
attribute-preferred-username = Preferred username
attribute-birthdate = Date of birth (YYYY-MM-DD)

## The demo's result page

demo-signed-in = Signed in
demo-nonce-mismatch = Signed in, but the ID token nonce did not match
demo-failed = Sign-in failed
demo-not-started = No sign-in was started from this browser. Start again from /demo.
demo-state-mismatch = The state parameter did not match: this response was not for this browser.
demo-server-error = The authorization server answered { $error }: { $description }
demo-no-code = The response carried no code.
demo-token-failed = The token request failed: { $error } ({ $description })
demo-token-response = Token response
demo-id-token-header = ID token header
demo-id-token-claims = ID token claims
demo-access-token-header = Access token header
demo-access-token-claims = Access token claims
demo-not-json = (not JSON)
demo-opaque = { $count } characters, opaque

## The account pages (templates/account.html, account_everywhere.html) and their errors

account-title = Your account
account-back-to-app = Back to { $app }
account-profile-heading = Profile
account-signed-in-with = Signed in with
account-managed-at = These details come from { $provider }. To change them, change them there.
account-managed-in-config = These details are managed for you by the service; they cannot be changed here.
account-email-verified = Email verified
account-phone-verified = Phone number verified
account-yes = Yes
account-no = No
account-sessions-heading = Where you are signed in
account-session-browser-sign-in = Browser sign-in
account-session-current = This browser
account-session-details = With { $provider }, signed in { $when }
account-browser-on = { $browser } on { $system }
account-browser-unknown = Unknown browser
account-session-end = End this session
account-everywhere-heading = Sign out everywhere
account-everywhere-lead = End every session of your account, in every app and every browser, this one included.
account-notice-ended = The session has ended.
msg-account-back-not-registered = This app cannot send you back to that address: it is not one of the app's registered addresses.
msg-account-no-such-session = That session is not one of yours, or it has already ended.
msg-account-sign-in-failed = Signing in to your account did not finish. Open your account page again.

## An app's own links in the footer (its branding)

branding-legal-label = Legal
branding-terms = Terms of use
branding-privacy = Privacy policy

## After sign-in, the way back to an app whose browser may swallow the redirect

return-title = Signed in
return-heading = You are signed in
return-lead = Go back to { $app } to continue.
return-button = Return to the app
return-not-opening = If nothing happens, { $app } may not be installed on this device, or this browser cannot open it. Open { $app } yourself and sign in from there, or try once more.
return-try-again = Try once more

# Account pages: multi-factor, remembered devices (issue 13).
account-mfa-title = Multi-factor authentication
account-mfa-lead = A second step when you sign in: a code from an authenticator app, or one sent to your phone or email.
account-mfa-on = On
account-mfa-off = Off
account-mfa-preferred = Asked first
account-mfa-setup-app = Set up an authenticator app
account-mfa-make-preferred = Ask for this first
account-mfa-use = Turn on and ask for this first
account-mfa-turn-off = Turn off multi-factor authentication
account-mfa-turn-off-lead = Sign-in will ask for your password only. Your account's settings may require a second step; then this is refused.
account-mfa-setup-lead = Scan this code with your authenticator app (or type the key into it), then enter the 6-digit code it shows.
account-mfa-verify = Verify and turn on
account-mfa-wrong-code = That code is not right. Enter the 6-digit code your app shows now.
account-mfa-throttled = Too many wrong codes. Wait a few minutes, then try again.
account-mfa-refused = Your account's sign-in settings do not allow this change.
account-mfa-notice-on = Your authenticator app is set up and is asked for first at sign-in.
account-mfa-notice-preferred = Your choice is saved.
account-mfa-notice-off = Multi-factor authentication is off.
account-devices-title = Remembered devices
account-devices-lead = These devices skip the second step when you sign in. Forget one and it is asked for the second step again at its next sign-in.
account-devices-none = No device is remembered.
account-device-unnamed = Unnamed device
account-device-last-used = Last used { $when }
account-device-address = Last address: { $address }
account-device-forget = Forget this device
account-devices-notice-forgotten = The device is forgotten. Its next sign-in asks for the second step again.
account-device-not-found = That device is not one of yours.

# Account pages: a pool user's profile, password and deletion.
account-edit-profile = Edit your profile
account-profile-save = Save
account-profile-saved = Your details are saved.
account-profile-unchanged = Nothing was changed.
account-attribute-taken = Another account already uses that address or number.
account-status-verified = verified
account-status-unverified = not verified
account-verify-now = Verify now
account-verify-heading = Enter the verification code
account-verify-lead-email = We sent a code to your new email address. It counts once you enter the code here.
account-verify-lead-phone = We sent a code to your new phone number. It counts once you enter the code here.
account-verify-submit = Verify
account-verify-resend = Send a new code
account-code-resent = A new code is on its way.
account-verified = Verified. Thank you.
account-change-password = Change your password
account-password-current = Current password
account-password-confirm = New password again
account-password-mismatch = The two new passwords are not the same.
account-password-wrong-current = Your current password is not right.
account-password-changed = Your password is changed.
account-delete-heading = Delete your account
account-delete-lead = This deletes the account { $username } for good and signs you out everywhere. It cannot be undone.
account-delete-submit = Delete my account
msg-account-delete-not-allowed = Deleting your account is not offered here. Ask the people who run this service.
msg-account-managed-elsewhere = This account cannot be changed here: it is managed where you sign in.
