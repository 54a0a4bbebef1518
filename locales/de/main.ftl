# Die Seiten von authgate auf Deutsch. Dieselben IDs und { $variablen } wie Englisch (locales/en/main.ftl).

## Every page (templates/base.html)

page-default-title = Anmelden
page-footer = Geschützt durch authgate
language-picker-label = Sprache

## Words several pages share

field-username = Benutzername
field-password = Passwort
field-new-password = Neues Passwort
field-code = Code
button-sign-in = Anmelden
button-continue = Weiter
link-start-again = Neu beginnen
link-back-to-sign-in = Zurück zur Anmeldung
link-other-ways = Andere Anmeldemöglichkeiten
sign-in-to-app = Bei { $app } anmelden

## The provider picker and the password page

picker-lead = Wählen Sie, wie Sie sich anmelden möchten.
picker-continue-with = Weiter mit { $provider }
password-lead = Weiter mit Ihrem Konto bei { $provider }.

## The AWS role page

role-title = Rolle für { $app } wählen
role-heading = Rolle wählen
role-lead = Ihr Konto kann { $app } mit mehreren AWS-Rollen nutzen. Wählen Sie die Rolle, die bis zur Abmeldung gelten soll.
role-legend = Rolle

## A Cognito pool's pages

cognito-signin-lead = Mit Ihrem Konto bei { $provider }.
cognito-remember-device = Dieses Gerät merken
cognito-forgot-password = Passwort vergessen?
cognito-no-account = Noch kein Konto?
cognito-create-one = Jetzt erstellen
cognito-signup-title = Konto erstellen
cognito-signup-lead = Für { $app }, bei { $provider }.
cognito-create-account = Konto erstellen
cognito-have-account = Sie haben bereits ein Konto?
cognito-confirm-title = Konto bestätigen
cognito-code-sent-to = Wir haben einen Code an { $destination } gesendet.
cognito-enter-code-sent = Geben Sie den Code ein, den wir Ihnen gesendet haben.
cognito-confirmation-code = Bestätigungscode
cognito-confirm = Bestätigen
cognito-send-new-code = Neuen Code senden
cognito-forgot-title = Passwort zurücksetzen
cognito-forgot-lead = Geben Sie Ihren Benutzernamen ein. Wir senden Ihnen dann einen Code zum Zurücksetzen Ihres Passworts.
cognito-send-code = Code senden
cognito-mfa-setup-title = Authentifizierungs-App einrichten
cognito-mfa-setup-lead = Ihr Konto benötigt einen zweiten Schritt. Scannen Sie diesen Code mit einer Authentifizierungs-App (oder geben Sie den Schlüssel ein) und geben Sie dann den 6-stelligen Code ein, den die App anzeigt.
cognito-mfa-setup-qr-alt = QR-Code für Ihre Authentifizierungs-App
cognito-mfa-setup-key = Schlüssel
cognito-mfa-setup-code = Code aus der App
cognito-verify-and-continue = Bestätigen und weiter
cognito-new-password-title = Neues Passwort wählen
cognito-select-mfa-title = Bestätigungsmethode wählen
cognito-select-mfa-lead = Für Ihr Konto gibt es mehrere Möglichkeiten, Ihre Identität zu bestätigen.
cognito-select-mfa-always = Diese Methode immer verwenden
password-rules-intro = Ihr Passwort benötigt:

## The signed-out page

signed-out-title = Abgemeldet
signed-out-heading = Sie sind abgemeldet
signed-out-back-to-app = Sie können jetzt zu { $app } zurückkehren.
signed-out-close = Sie können diese Seite schließen.

## The demo app

demo-title = authgate-Demo
demo-lead-before = Diese Seite ist eine App, registriert als
demo-lead-after = . Die Anmeldung durchläuft den gesamten Authorization-Code-Flow mit PKCE über die gehostete Oberfläche und zeigt dann die Tokens, die die App erhalten hat.
demo-sign-out-of-authgate = Von authgate abmelden
demo-result-title = Angemeldet · authgate-Demo
demo-back = Zurück zur Demo
demo-sign-out = Abmelden

## Error pages (templates/error.html)

error-title-unavailable = Vorübergehend nicht verfügbar
error-title-problem = Problem bei der Anmeldung
error-lead = Kehren Sie zur App zurück und versuchen Sie es erneut. Wenn das Problem weiterhin auftritt, wenden Sie sich an den Support der App.
error-request-id = Anfrage-ID:
error-render-failed = Bei uns ist ein Fehler aufgetreten. Bitte versuchen Sie es erneut.

## What an error page says (src/web/messages.rs, one id per Msg)

msg-sign-in-expired = Diese Anmeldeseite ist abgelaufen. Kehren Sie zur App zurück und beginnen Sie die Anmeldung neu.
msg-other-browser = Diese Anmeldung wurde in einem anderen Browser oder Tab begonnen, der inzwischen geschlossen ist. Kehren Sie zur App zurück und beginnen Sie die Anmeldung neu.
msg-method-not-available = Diese Anmeldemethode ist für diese App nicht verfügbar.
msg-form-expired = Dieses Formular ist abgelaufen. Kehren Sie zur App zurück und beginnen Sie neu.
msg-form-incomplete = Das Formular war unvollständig. Gehen Sie zurück und versuchen Sie es erneut.
msg-unavailable = Die Anmeldung ist vorübergehend nicht verfügbar. Bitte versuchen Sie es gleich noch einmal.
msg-no-such-page = Unter dieser Adresse gibt es keine Seite.
msg-unusable-redirect = Die Weiterleitungs-URI kann nicht verwendet werden.
msg-role-not-allowed = Diese Rolle darf Ihr Konto nicht verwenden. Gehen Sie zurück und wählen Sie eine Rolle aus der Liste.
msg-federation-failed = Sie konnten nicht bei { $app } angemeldet werden, weil { $reason }. { $advice }
msg-advice-try-later = Versuchen Sie es in einigen Minuten erneut.
msg-advice-sign-in-again = Kehren Sie zur App zurück und melden Sie sich erneut an.
msg-advice-tell-support = Wenn das Problem weiterhin auftritt, wenden Sie sich an den Support der App.
msg-upstream-unreachable = Die Anmeldung ist fehlgeschlagen, weil { $reason }. Versuchen Sie es in einigen Minuten erneut.
msg-upstream-rejected = Die Anmeldung ist fehlgeschlagen: { $reason }. Kehren Sie zur App zurück und beginnen Sie neu.
msg-upstream-repeats = Die Anmeldeantwort enthält einen Parameter mehrfach.
msg-upstream-no-state = Die Anmeldeantwort enthielt keinen state-Parameter.
msg-upstream-not-this-flow = Diese Anmeldeantwort gehört nicht zu der begonnenen Anmeldung.
upstream-incomplete-no-code = Die Anmeldeantwort enthielt keinen Code.
msg-pool-unreachable = { $pool } hat nicht geantwortet. Bitte versuchen Sie es gleich noch einmal.
msg-pool-bad-answer = { $pool } hat eine Antwort gegeben, die authgate nicht verwenden kann. Versuchen Sie es später erneut.
msg-mfa-setup-unsupported = Ihr Konto benötigt für den zweiten Anmeldeschritt eine Telefonnummer oder E-Mail-Adresse, hat aber noch keine. Wenden Sie sich an den Support der App.
msg-challenge-unsupported = Dieses Konto benötigt einen Anmeldeschritt, den authgate nicht anbietet. Wenden Sie sich an den Support der App.
msg-sign-in-again = Das hat zu lange gedauert, oder die Antwort wurde nicht akzeptiert. Melden Sie sich erneut an.
msg-demo-form-expired = Dieses Formular ist abgelaufen. Laden Sie die Demo-Seite neu.
msg-too-many-requests = Aus Ihrem Netzwerk kamen gerade zu viele Anfragen. Bitte warten Sie { $wait } und versuchen Sie es dann erneut.
wait-a-second = eine Sekunde
wait-seconds = { $count ->
    [one] { $count } Sekunde
   *[other] { $count } Sekunden
}
wait-minutes = { $count ->
    [one] { $count } Minute
   *[other] { $count } Minuten
}
authorize-repeats-client = Die Anfrage enthält client_id oder redirect_uri mehrfach.
authorize-no-client-id = Die Anfrage enthält keine client_id.
authorize-unknown-client = Die App, die Sie hierher geschickt hat, ist nicht registriert.
authorize-no-redirect-uri = Die Anfrage enthält keine redirect_uri.
authorize-unknown-redirect-uri = Die Weiterleitungs-URI der Anfrage ist für diese App nicht registriert.

## Sign-in forms' own errors

signin-bad-credentials = Benutzername oder Passwort ist falsch.
signin-locked = Zu viele fehlgeschlagene Versuche. Warten Sie einige Minuten und versuchen Sie es dann erneut.
