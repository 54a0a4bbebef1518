# Die Seiten von authgate auf Deutsch. Dieselben IDs und { $variablen } wie Englisch (locales/en/main.ftl).

## Every page (templates/base.html)

page-default-title = Anmelden
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
msg-unusable-redirect = Die Adresse, die Sie zurück zur App bringen soll, ist ungültig, daher kann die Anmeldung nicht fortgesetzt werden. Wenden Sie sich an den Support der App.
msg-role-not-allowed = Diese Rolle darf Ihr Konto nicht verwenden. Gehen Sie zurück und wählen Sie eine Rolle aus der Liste.
msg-federation-pool-unreachable = Sie konnten nicht bei { $app } angemeldet werden, weil der Identitätspool { $pool } nicht geantwortet hat. Versuchen Sie es in einigen Minuten erneut.
msg-federation-pool-throttled = Sie konnten nicht bei { $app } angemeldet werden, weil der Identitätspool { $pool } derzeit keine Anfragen annimmt. Versuchen Sie es in einigen Minuten erneut.
msg-federation-pool-refused = Sie konnten nicht bei { $app } angemeldet werden, weil der Identitätspool { $pool } diese Anmeldung abgelehnt hat. Wenn das Problem weiterhin auftritt, wenden Sie sich an den Support der App.
msg-federation-pool-not-found = Sie konnten nicht bei { $app } angemeldet werden, weil der Identitätspool { $pool } diese Identität nicht kennt. Wenn das Problem weiterhin auftritt, wenden Sie sich an den Support der App.
msg-federation-pool-bad-answer = Sie konnten nicht bei { $app } angemeldet werden, weil der Identitätspool { $pool } eine Antwort gegeben hat, die nicht verwendet werden kann. Wenn das Problem weiterhin auftritt, wenden Sie sich an den Support der App.
msg-federation-pool-failed = Sie konnten nicht bei { $app } angemeldet werden, weil der Identitätspool { $pool } mit einem Fehler geantwortet hat. Wenn das Problem weiterhin auftritt, wenden Sie sich an den Support der App.
msg-federation-sign-in-expired = Sie konnten nicht bei { $app } angemeldet werden, weil die Anmeldung bei { $provider } abgelaufen ist. Kehren Sie zur App zurück und melden Sie sich erneut an.
msg-federation-provider-unreachable = Sie konnten nicht bei { $app } angemeldet werden, weil { $provider } nicht geantwortet hat und die Anmeldung daher nicht erneuert werden konnte. Versuchen Sie es in einigen Minuten erneut.
msg-federation-internal = Sie konnten nicht bei { $app } angemeldet werden, weil die Anmeldung nicht abgeschlossen werden konnte. Versuchen Sie es in einigen Minuten erneut.
msg-upstream-unreachable = Die Anmeldung ist fehlgeschlagen, weil { $provider } nicht geantwortet hat. Versuchen Sie es in einigen Minuten erneut.
msg-upstream-bad-answer = Die Anmeldung ist fehlgeschlagen, weil { $provider } eine Antwort gegeben hat, die nicht verwendet werden kann. Versuchen Sie es in einigen Minuten erneut.
msg-upstream-rejected = Die Anmeldung ist fehlgeschlagen: Die Anmeldeantwort von { $provider } hat die Prüfung nicht bestanden. Kehren Sie zur App zurück und beginnen Sie neu.
msg-upstream-denied = Die Anmeldung ist fehlgeschlagen: Sie haben die Anmeldung nicht erlaubt. Kehren Sie zur App zurück und beginnen Sie neu.
msg-upstream-declined = Die Anmeldung ist fehlgeschlagen: Die Anmeldung wurde nicht abgeschlossen. Kehren Sie zur App zurück und beginnen Sie neu.
msg-saml-logout-refused = Die Abmeldenachricht von { $provider } hat die Prüfung nicht bestanden, daher wurden Sie nirgends abgemeldet. Kehren Sie zur App zurück.
msg-upstream-repeats = Die Anmeldeantwort enthält einen Parameter mehrfach.
msg-upstream-no-state = Die Anmeldeantwort enthielt keinen state-Parameter.
msg-upstream-not-this-flow = Diese Anmeldeantwort gehört nicht zu der begonnenen Anmeldung.
upstream-incomplete-no-code = Die Anmeldeantwort enthielt keinen Code.
msg-pool-unreachable = { $pool } hat nicht geantwortet. Bitte versuchen Sie es gleich noch einmal.
msg-pool-bad-answer = { $pool } hat eine Antwort gegeben, die nicht verwendet werden kann. Versuchen Sie es später erneut.
msg-mfa-setup-unsupported = Ihr Konto benötigt für den zweiten Anmeldeschritt eine Telefonnummer oder E-Mail-Adresse, hat aber noch keine. Wenden Sie sich an den Support der App.
msg-challenge-unsupported = Dieses Konto benötigt einen Anmeldeschritt, der hier nicht angeboten wird. Wenden Sie sich an den Support der App.
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
authorize-repeats-client = Die Anmeldeanfrage der App nennt die App oder den Rückweg zu ihr doppelt. Wenden Sie sich an den Support der App.
authorize-no-client-id = Die Anmeldeanfrage sagt nicht, von welcher App sie kommt. Wenden Sie sich an den Support der App.
authorize-unknown-client = Die App, die Sie hierher geschickt hat, ist nicht registriert.
authorize-no-redirect-uri = Die Anmeldeanfrage sagt nicht, wohin Sie danach geleitet werden sollen. Wenden Sie sich an den Support der App.
authorize-unknown-redirect-uri = Die App möchte Sie an eine Adresse zurückleiten, die sie nicht registriert hat, daher kann die Anmeldung nicht fortgesetzt werden. Wenden Sie sich an den Support der App.

## Sign-in forms' own errors

signin-bad-credentials = Benutzername oder Passwort ist falsch.
signin-locked =
    { $minutes ->
        [one] Die Anmeldung ist nach zu vielen fehlgeschlagenen Versuchen gesperrt. Sie können es in { $minutes } Minute erneut versuchen.
   *[other] Die Anmeldung ist nach zu vielen fehlgeschlagenen Versuchen gesperrt. Sie können es in { $minutes } Minuten erneut versuchen.
    }

## A Cognito pool's pages, said from code (src/hosted_ui/words.rs)

cognito-try-later = Zu viele Versuche. Warten Sie einige Minuten und versuchen Sie es dann erneut.
cognito-wrong-code = Dieser Code stimmt nicht. Prüfen Sie ihn und versuchen Sie es erneut.
cognito-expired-code = Dieser Code ist abgelaufen. Fordern Sie einen neuen an.
cognito-wrong-answer = Diese Antwort wurde nicht akzeptiert. Versuchen Sie es erneut.
cognito-check-input = Prüfen Sie Ihre Eingabe und versuchen Sie es erneut.
cognito-choose-option = Wählen Sie eine der Möglichkeiten.
cognito-enter-username = Geben Sie Ihren Benutzernamen ein.
cognito-no-verified-contact = Für dieses Konto gibt es keine bestätigte E-Mail-Adresse oder Telefonnummer, an die wir einen Code senden könnten. Wenden Sie sich an den Support der App.
cognito-reset-code-not-sent = Der Code zum Zurücksetzen konnte nicht gesendet werden. Versuchen Sie es später erneut.
cognito-enter-code-and-password = Geben Sie den Code und ein neues Passwort ein.
cognito-reset-code-expired = Dieser Code ist abgelaufen. Beginnen Sie das Zurücksetzen erneut.
cognito-reset-failed = Mit diesem Code konnte das Passwort nicht zurückgesetzt werden. Beginnen Sie das Zurücksetzen erneut.
cognito-fill-every-field = Füllen Sie alle Felder aus.
cognito-username-exists = Es gibt bereits ein Konto mit diesem Benutzernamen. Melden Sie sich an oder setzen Sie das Passwort zurück.
cognito-signup-check-input = Prüfen Sie Ihre Eingabe (eine E-Mail-Adresse, eine Telefonnummer wie +15555550100) und versuchen Sie es erneut.
cognito-signup-failed = Das Konto konnte nicht erstellt werden. Versuchen Sie es erneut.
cognito-confirm-failed = Mit diesem Code konnte das Konto nicht bestätigt werden. Fordern Sie einen neuen an.
cognito-new-code-not-sent = Es konnte kein neuer Code gesendet werden. Versuchen Sie es später erneut.
cognito-account-ready = Ihr Konto ist bereit. Melden Sie sich an, um fortzufahren.
cognito-account-confirmed = Ihr Konto ist bestätigt. Melden Sie sich an, um fortzufahren.
cognito-not-confirmed = Ihr Konto ist noch nicht bestätigt. Geben Sie den Code ein, den wir Ihnen bei der Registrierung gesendet haben, oder fordern Sie einen neuen an.
cognito-reset-code-sent-to = Falls das Konto existiert, haben wir einen Code an { $destination } gesendet.
cognito-reset-code-sent = Falls das Konto existiert, haben wir ihm einen Code gesendet.
cognito-reset-required-code-sent-to = Sie müssen Ihr Passwort zurücksetzen, bevor Sie sich anmelden können. Falls das Konto existiert, haben wir einen Code an { $destination } gesendet.
cognito-reset-required-code-sent = Sie müssen Ihr Passwort zurücksetzen, bevor Sie sich anmelden können. Falls das Konto existiert, haben wir ihm einen Code gesendet.
cognito-new-code-sent-to = Wir haben einen neuen Code an { $destination } gesendet.
cognito-new-code-sent = Wir haben einen neuen Code gesendet.
cognito-code-heading-sms = Code aus der SMS eingeben
cognito-code-heading-email = Code aus der E-Mail eingeben
cognito-code-heading-app = Code aus Ihrer Authenticator-App eingeben
cognito-code-intro-app = Öffnen Sie Ihre Authenticator-App und geben Sie den 6-stelligen Code ein, den sie für dieses Konto anzeigt.
cognito-custom-heading = Noch ein Schritt
cognito-custom-intro = Beantworten Sie die Frage unten, um die Anmeldung abzuschließen.
cognito-custom-answer = Ihre Antwort
cognito-mfa-sms = Eine SMS an Ihr Telefon
cognito-mfa-app = Eine Authenticator-App
cognito-mfa-email = Eine E-Mail
cognito-temporary-password = Ihr Konto hat ein vorläufiges Passwort. Wählen Sie ein eigenes, um fortzufahren.
cognito-set-password-submit = Passwort festlegen und anmelden
cognito-reset-intro-to = Geben Sie den Code ein, den wir an { $destination } gesendet haben, und wählen Sie ein neues Passwort.
cognito-reset-intro = Geben Sie den Code ein, den wir Ihnen gesendet haben, und wählen Sie ein neues Passwort.
cognito-reset-submit = Passwort zurücksetzen

## The pool's password rules, and why it refused a password

password-rule-length = { $count ->
    [one] Mindestens { $count } Zeichen
   *[other] Mindestens { $count } Zeichen
}
password-rule-uppercase = Einen Großbuchstaben
password-rule-lowercase = Einen Kleinbuchstaben
password-rule-number = Eine Ziffer
password-rule-symbol = Ein Sonderzeichen wie ! oder %
password-too-short = Dieses Passwort ist zu kurz.
password-needs-uppercase = Dieses Passwort braucht einen Großbuchstaben.
password-needs-lowercase = Dieses Passwort braucht einen Kleinbuchstaben.
password-needs-number = Dieses Passwort braucht eine Ziffer.
password-needs-symbol = Dieses Passwort braucht ein Sonderzeichen.
password-used-before = Sie haben dieses Passwort vor Kurzem schon verwendet. Wählen Sie ein anderes.
password-not-accepted = Dieses Passwort erfüllt die Anforderungen nicht.

## Labels of a pool's standard attributes (sign-up, new password)

attribute-email = E-Mail
attribute-phone-number = Telefonnummer (+15555550100)
attribute-name = Name
attribute-given-name = Vorname
attribute-family-name = Nachname
attribute-preferred-username = Bevorzugter Benutzername
attribute-birthdate = Geburtsdatum (JJJJ-MM-TT)

## The demo's result page

demo-signed-in = Angemeldet
demo-nonce-mismatch = Angemeldet, aber die Nonce des ID-Tokens stimmte nicht überein
demo-failed = Anmeldung fehlgeschlagen
demo-not-started = In diesem Browser wurde keine Anmeldung begonnen. Beginnen Sie erneut unter /demo.
demo-state-mismatch = Der state-Parameter stimmte nicht überein: Diese Antwort war nicht für diesen Browser bestimmt.
demo-server-error = Der Autorisierungsserver antwortete { $error }: { $description }
demo-no-code = Die Antwort enthielt keinen Code.
demo-token-failed = Die Token-Anfrage ist fehlgeschlagen: { $error } ({ $description })
demo-token-response = Token-Antwort
demo-id-token-header = ID-Token: Header
demo-id-token-claims = ID-Token: Claims
demo-access-token-header = Access-Token: Header
demo-access-token-claims = Access-Token: Claims
demo-not-json = (kein JSON)
demo-opaque = { $count } Zeichen, undurchsichtig

## The account pages (templates/account.html, account_everywhere.html) and their errors

account-title = Ihr Konto
account-back-to-app = Zurück zu { $app }
account-profile-heading = Profil
account-signed-in-with = Angemeldet mit
account-managed-at = Diese Angaben stammen von { $provider }. Ändern Sie sie dort.
account-managed-in-config = Diese Angaben werden vom Dienst für Sie verwaltet und können hier nicht geändert werden.
account-email-verified = E-Mail bestätigt
account-phone-verified = Telefonnummer bestätigt
account-yes = Ja
account-no = Nein
account-sessions-heading = Wo Sie angemeldet sind
account-session-browser-sign-in = Anmeldung im Browser
account-session-current = Dieser Browser
account-session-details = Mit { $provider }, angemeldet am { $when }
account-browser-on = { $browser } unter { $system }
account-browser-unknown = Unbekannter Browser
account-session-end = Diese Sitzung beenden
account-everywhere-heading = Überall abmelden
account-everywhere-lead = Beendet jede Sitzung Ihres Kontos, in jeder App und jedem Browser, auch diese.
account-notice-ended = Die Sitzung wurde beendet.
msg-account-back-not-registered = Diese App kann Sie nicht zu dieser Adresse zurückschicken: Sie gehört nicht zu den registrierten Adressen der App.
msg-account-no-such-session = Diese Sitzung gehört nicht Ihnen oder ist bereits beendet.
msg-account-sign-in-failed = Die Anmeldung bei Ihrem Konto wurde nicht abgeschlossen. Öffnen Sie Ihre Kontoseite erneut.

## An app's own links in the footer (its branding)

branding-legal-label = Rechtliches
branding-terms = Nutzungsbedingungen
branding-privacy = Datenschutzerklärung

## After sign-in, the way back to an app whose browser may swallow the redirect

return-title = Angemeldet
return-heading = Sie sind angemeldet
return-lead = Kehren Sie zu { $app } zurück, um fortzufahren.
return-button = Zurück zur App
return-not-opening = Wenn nichts passiert, ist { $app } auf diesem Gerät vielleicht nicht installiert, oder dieser Browser kann die App nicht öffnen. Öffnen Sie { $app } selbst und melden Sie sich dort an, oder versuchen Sie es noch einmal.
return-try-again = Noch einmal versuchen

# Account pages: multi-factor, remembered devices (issue 13).
account-mfa-title = Mehrstufige Authentifizierung
account-mfa-lead = Ein zweiter Schritt bei der Anmeldung: ein Code aus einer Authenticator-App oder einer, der an Ihr Telefon oder Ihre E-Mail-Adresse gesendet wird.
account-mfa-on = An
account-mfa-off = Aus
account-mfa-preferred = Wird zuerst abgefragt
account-mfa-setup-app = Authenticator-App einrichten
account-mfa-make-preferred = Zuerst abfragen
account-mfa-use = Einschalten und zuerst abfragen
account-mfa-turn-off = Mehrstufige Authentifizierung ausschalten
account-mfa-turn-off-lead = Bei der Anmeldung wird dann nur Ihr Passwort abgefragt. Verlangen die Einstellungen Ihres Kontos einen zweiten Schritt, wird dies abgelehnt.
account-mfa-setup-lead = Scannen Sie diesen Code mit Ihrer Authenticator-App (oder geben Sie den Schlüssel dort ein) und geben Sie dann den 6-stelligen Code ein, den sie anzeigt.
account-mfa-verify = Prüfen und einschalten
account-mfa-wrong-code = Dieser Code stimmt nicht. Geben Sie den 6-stelligen Code ein, den Ihre App jetzt anzeigt.
account-mfa-throttled = Zu viele falsche Codes. Warten Sie einige Minuten und versuchen Sie es dann erneut.
account-mfa-refused = Die Anmeldeeinstellungen Ihres Kontos lassen diese Änderung nicht zu.
account-mfa-notice-on = Ihre Authenticator-App ist eingerichtet und wird bei der Anmeldung zuerst abgefragt.
account-mfa-notice-preferred = Ihre Auswahl ist gespeichert.
account-mfa-notice-off = Die mehrstufige Authentifizierung ist ausgeschaltet.
account-devices-title = Gespeicherte Geräte
account-devices-lead = Diese Geräte überspringen bei der Anmeldung den zweiten Schritt. Entfernen Sie eines, wird es bei seiner nächsten Anmeldung wieder danach gefragt.
account-devices-none = Es ist kein Gerät gespeichert.
account-device-unnamed = Unbenanntes Gerät
account-device-last-used = Zuletzt verwendet { $when }
account-device-address = Letzte Adresse: { $address }
account-device-forget = Dieses Gerät entfernen
account-devices-notice-forgotten = Das Gerät ist entfernt. Bei seiner nächsten Anmeldung wird wieder nach dem zweiten Schritt gefragt.
account-device-not-found = Dieses Gerät gehört nicht zu Ihren Geräten.

# Account pages: a pool user's profile, password and deletion.
account-edit-profile = Profil bearbeiten
account-profile-save = Speichern
account-profile-saved = Ihre Angaben sind gespeichert.
account-profile-unchanged = Es wurde nichts geändert.
account-attribute-taken = Diese Adresse oder Nummer wird bereits von einem anderen Konto verwendet.
account-status-verified = bestätigt
account-status-unverified = nicht bestätigt
account-verify-now = Jetzt bestätigen
account-verify-heading = Bestätigungscode eingeben
account-verify-lead-email = Wir haben einen Code an Ihre neue E-Mail-Adresse gesendet. Sie gilt, sobald Sie den Code hier eingeben.
account-verify-lead-phone = Wir haben einen Code an Ihre neue Telefonnummer gesendet. Sie gilt, sobald Sie den Code hier eingeben.
account-verify-submit = Bestätigen
account-verify-resend = Neuen Code senden
account-code-resent = Ein neuer Code ist unterwegs.
account-verified = Bestätigt. Vielen Dank.
account-change-password = Passwort ändern
account-password-current = Aktuelles Passwort
account-password-confirm = Neues Passwort wiederholen
account-password-mismatch = Die beiden neuen Passwörter stimmen nicht überein.
account-password-wrong-current = Ihr aktuelles Passwort ist nicht richtig.
account-password-changed = Ihr Passwort ist geändert.
account-delete-heading = Konto löschen
account-delete-lead = Damit wird das Konto { $username } endgültig gelöscht und Sie werden überall abgemeldet. Das lässt sich nicht rückgängig machen.
account-delete-submit = Mein Konto löschen
msg-account-delete-not-allowed = Das Löschen des Kontos wird hier nicht angeboten. Wenden Sie sich an die Betreiber dieses Dienstes.
msg-account-managed-elsewhere = Dieses Konto kann hier nicht geändert werden: Es wird dort verwaltet, wo Sie sich anmelden.
