# authgates sidor på svenska. Samma id:n och { $variabler } som engelskan (locales/en/main.ftl).

## Every page (templates/base.html)

page-default-title = Logga in
language-picker-label = Språk

## Words several pages share

field-username = Användarnamn
field-password = Lösenord
field-new-password = Nytt lösenord
field-code = Kod
button-sign-in = Logga in
button-continue = Fortsätt
link-start-again = Börja om
link-back-to-sign-in = Tillbaka till inloggningen
link-other-ways = Andra sätt att logga in
sign-in-to-app = Logga in på { $app }

## The provider picker and the password page

picker-lead = Välj hur du vill logga in.
picker-continue-with = Fortsätt med { $provider }
password-lead = Fortsätt med ditt { $provider }-konto.

## The AWS role page

role-title = Välj en roll för { $app }
role-heading = Välj en roll
role-lead = Ditt konto kan arbeta i { $app } med flera AWS-roller. Välj den roll du vill använda tills du loggar ut.
role-legend = Roll

## A Cognito pool's pages

cognito-signin-lead = Med ditt { $provider }-konto.
cognito-remember-device = Kom ihåg den här enheten
cognito-forgot-password = Glömt lösenordet?
cognito-no-account = Inget konto?
cognito-create-one = Skapa ett
cognito-signup-title = Skapa ett konto
cognito-signup-lead = För { $app }, med { $provider }.
cognito-create-account = Skapa konto
cognito-have-account = Har du redan ett konto?
cognito-confirm-title = Bekräfta ditt konto
cognito-code-sent-to = Vi har skickat en kod till { $destination }.
cognito-enter-code-sent = Ange koden som vi skickade till dig.
cognito-confirmation-code = Bekräftelsekod
cognito-confirm = Bekräfta
cognito-send-new-code = Skicka en ny kod
cognito-forgot-title = Återställ ditt lösenord
cognito-forgot-lead = Ange ditt användarnamn så skickar vi en kod för att återställa ditt lösenord.
cognito-send-code = Skicka kod
cognito-mfa-setup-title = Konfigurera en autentiseringsapp
cognito-mfa-setup-lead = Ditt konto behöver ett andra steg. Skanna koden med en autentiseringsapp (eller skriv in nyckeln) och ange sedan den sexsiffriga kod som appen visar.
cognito-mfa-setup-qr-alt = QR-kod för din autentiseringsapp
cognito-mfa-setup-key = Nyckel
cognito-mfa-setup-code = Kod från appen
cognito-verify-and-continue = Verifiera och fortsätt
cognito-new-password-title = Välj ett nytt lösenord
cognito-select-mfa-title = Välj hur du vill verifiera
cognito-select-mfa-lead = Ditt konto har mer än ett sätt att bekräfta att det är du.
cognito-select-mfa-always = Använd alltid den här metoden
password-rules-intro = Ditt lösenord behöver:

## The signed-out page

signed-out-title = Utloggad
signed-out-heading = Du är utloggad
signed-out-back-to-app = Du kan gå tillbaka till { $app } nu.
signed-out-close = Du kan stänga den här sidan.

## The demo app

demo-title = authgate-demo
demo-lead-before = Den här sidan är en app som är registrerad som
demo-lead-after = . Inloggningen går igenom hela auktoriseringskodflödet med PKCE via det värdbaserade gränssnittet och visar sedan de token som appen fick.
demo-sign-out-of-authgate = Logga ut från authgate
demo-result-title = Inloggad · authgate-demo
demo-back = Tillbaka till demon
demo-sign-out = Logga ut

## Error pages (templates/error.html)

error-title-unavailable = Tillfälligt otillgängligt
error-title-problem = Problem med inloggningen
error-lead = Gå tillbaka till appen och försök igen. Om det fortsätter att hända kontaktar du appens support.
error-request-id = Förfrågans id:
error-render-failed = Något gick fel hos oss. Försök igen.

## What an error page says (src/web/messages.rs, one id per Msg)

msg-sign-in-expired = Den här inloggningssidan har gått ut. Gå tillbaka till appen och börja logga in igen.
msg-other-browser = Den här inloggningen påbörjades i en annan webbläsare eller flik som har stängts. Gå tillbaka till appen och börja logga in igen.
msg-method-not-available = Den inloggningsmetoden är inte tillgänglig för den här appen.
msg-form-expired = Formuläret har gått ut. Gå tillbaka till appen och börja om.
msg-form-incomplete = Formuläret var ofullständigt. Gå tillbaka och försök igen.
msg-unavailable = Inloggningen är tillfälligt otillgänglig. Försök igen om en stund.
msg-no-such-page = Det finns ingen sida på den här adressen.
msg-unusable-redirect = Adressen som ska ta dig tillbaka till appen är ogiltig, så inloggningen kan inte fortsätta. Meddela appens support.
msg-role-not-allowed = Ditt konto får inte använda den rollen. Gå tillbaka och välj en i listan.
msg-federation-pool-unreachable = Du kunde inte loggas in på { $app } eftersom identitetspoolen { $pool } inte svarade. Försök igen om några minuter.
msg-federation-pool-throttled = Du kunde inte loggas in på { $app } eftersom identitetspoolen { $pool } avvisar anrop just nu. Försök igen om några minuter.
msg-federation-pool-refused = Du kunde inte loggas in på { $app } eftersom identitetspoolen { $pool } avvisade den här inloggningen. Om det fortsätter att hända, meddela appens support.
msg-federation-pool-not-found = Du kunde inte loggas in på { $app } eftersom identitetspoolen { $pool } inte känner till den här identiteten. Om det fortsätter att hända, meddela appens support.
msg-federation-pool-bad-answer = Du kunde inte loggas in på { $app } eftersom identitetspoolen { $pool } gav ett svar som inte går att använda. Om det fortsätter att hända, meddela appens support.
msg-federation-pool-failed = Du kunde inte loggas in på { $app } eftersom identitetspoolen { $pool } svarade med ett fel. Om det fortsätter att hända, meddela appens support.
msg-federation-sign-in-expired = Du kunde inte loggas in på { $app } eftersom inloggningen med { $provider } har gått ut. Gå tillbaka till appen och logga in igen.
msg-federation-provider-unreachable = Du kunde inte loggas in på { $app } eftersom { $provider } inte svarade, så inloggningen kunde inte förnyas. Försök igen om några minuter.
msg-federation-internal = Du kunde inte loggas in på { $app } eftersom inloggningen inte kunde slutföras. Försök igen om några minuter.
msg-upstream-unreachable = Inloggningen misslyckades eftersom { $provider } inte svarade. Försök igen om några minuter.
msg-upstream-bad-answer = Inloggningen misslyckades eftersom { $provider } gav ett svar som inte går att använda. Försök igen om några minuter.
msg-upstream-rejected = Inloggningen misslyckades: inloggningssvaret från { $provider } klarade inte kontrollen. Gå tillbaka till appen och börja om.
msg-upstream-denied = Inloggningen misslyckades: du tillät inte inloggningen. Gå tillbaka till appen och börja om.
msg-upstream-declined = Inloggningen misslyckades: inloggningen slutfördes inte. Gå tillbaka till appen och börja om.
msg-saml-logout-refused = Utloggningsmeddelandet från { $provider } klarade inte kontrollen, så inget loggades ut. Gå tillbaka till appen.
msg-upstream-repeats = Inloggningssvaret upprepar en parameter.
msg-upstream-no-state = Inloggningssvaret innehöll ingen state.
msg-upstream-not-this-flow = Det här inloggningssvaret hör inte till den inloggning som påbörjades.
upstream-incomplete-no-code = Inloggningssvaret innehöll ingen kod.
msg-pool-unreachable = { $pool } svarade inte. Försök igen om en stund.
msg-pool-bad-answer = { $pool } gav ett svar som inte går att använda. Försök igen senare.
msg-mfa-setup-unsupported = Ditt konto behöver ett telefonnummer eller en e-postadress för det andra inloggningssteget och har inget ännu. Kontakta appens support.
msg-challenge-unsupported = Det här kontot kräver ett inloggningssteg som inte erbjuds här. Kontakta appens support.
msg-sign-in-again = Det tog för lång tid, eller så godtogs inte svaret. Logga in igen.
msg-demo-form-expired = Formuläret har gått ut. Ladda om demosidan.
msg-too-many-requests = Det har kommit för många förfrågningar från ditt nätverk just nu. Vänta { $wait } och försök igen.
wait-a-second = en sekund
wait-seconds = { $count ->
    [one] { $count } sekund
   *[other] { $count } sekunder
}
wait-minutes = { $count ->
    [one] { $count } minut
   *[other] { $count } minuter
}
authorize-repeats-client = Appens inloggningsbegäran anger appen eller vägen tillbaka till den två gånger. Meddela appens support.
authorize-no-client-id = Inloggningsbegäran anger inte vilken app den kommer från. Meddela appens support.
authorize-unknown-client = Appen som skickade dig hit är inte registrerad.
authorize-no-redirect-uri = Inloggningsbegäran anger inte vart du ska skickas efteråt. Meddela appens support.
authorize-unknown-redirect-uri = Appen bad om att skicka tillbaka dig till en adress som den inte har registrerat, så inloggningen kan inte fortsätta. Meddela appens support.

## Sign-in forms' own errors

signin-bad-credentials = Fel användarnamn eller lösenord.
signin-locked =
    { $minutes ->
        [one] Inloggningen är spärrad efter för många misslyckade försök. Du kan försöka igen om { $minutes } minut.
   *[other] Inloggningen är spärrad efter för många misslyckade försök. Du kan försöka igen om { $minutes } minuter.
    }

## A Cognito pool's pages, said from code (src/hosted_ui/words.rs)

cognito-try-later = För många försök just nu. Vänta några minuter och försök sedan igen.
cognito-wrong-code = Koden stämmer inte. Kontrollera den och försök igen.
cognito-expired-code = Koden har gått ut. Be om en ny.
cognito-wrong-answer = Svaret godtogs inte. Försök igen.
cognito-check-input = Kontrollera det du angav och försök igen.
cognito-choose-option = Välj ett av alternativen.
cognito-enter-username = Ange ditt användarnamn.
cognito-no-verified-contact = Kontot har ingen verifierad e-postadress eller telefonnummer att skicka en kod till. Kontakta appens support.
cognito-reset-code-not-sent = Återställningskoden kunde inte skickas. Försök igen senare.
cognito-enter-code-and-password = Ange koden och ett nytt lösenord.
cognito-reset-code-expired = Koden har gått ut. Börja om med återställningen.
cognito-reset-failed = Lösenordet kunde inte återställas med den koden. Börja om med återställningen.
cognito-fill-every-field = Fyll i alla fält.
cognito-username-exists = Det finns redan ett konto med det användarnamnet. Logga in i stället, eller återställ lösenordet.
cognito-signup-check-input = Kontrollera det du angav (en e-postadress, ett telefonnummer som +15555550100) och försök igen.
cognito-signup-failed = Kontot kunde inte skapas. Försök igen.
cognito-confirm-failed = Kontot kunde inte bekräftas med den koden. Be om en ny.
cognito-new-code-not-sent = Det gick inte att skicka en ny kod. Försök igen senare.
cognito-account-ready = Ditt konto är klart. Logga in för att fortsätta.
cognito-account-confirmed = Ditt konto är bekräftat. Logga in för att fortsätta.
cognito-not-confirmed = Ditt konto är inte bekräftat än. Ange koden vi skickade när du registrerade dig, eller be om en ny.
cognito-reset-code-sent-to = Om kontot finns har vi skickat en kod till { $destination }.
cognito-reset-code-sent = Om kontot finns har vi skickat en kod till det.
cognito-reset-required-code-sent-to = Du måste återställa ditt lösenord innan du kan logga in. Om kontot finns har vi skickat en kod till { $destination }.
cognito-reset-required-code-sent = Du måste återställa ditt lösenord innan du kan logga in. Om kontot finns har vi skickat en kod till det.
cognito-new-code-sent-to = Vi har skickat en ny kod till { $destination }.
cognito-new-code-sent = Vi har skickat en ny kod.
cognito-code-heading-sms = Ange koden vi sms:ade dig
cognito-code-heading-email = Ange koden vi mejlade dig
cognito-code-heading-app = Ange koden från din autentiseringsapp
cognito-code-intro-app = Öppna din autentiseringsapp och ange den 6-siffriga kod den visar för det här kontot.
cognito-custom-heading = Ett steg till
cognito-custom-intro = Svara på frågan nedan för att slutföra inloggningen.
cognito-custom-answer = Ditt svar
cognito-mfa-sms = Ett sms till din telefon
cognito-mfa-app = En autentiseringsapp
cognito-mfa-email = Ett mejl
cognito-temporary-password = Ditt konto har ett tillfälligt lösenord. Välj ett eget för att fortsätta.
cognito-set-password-submit = Spara lösenordet och logga in
cognito-reset-intro-to = Ange koden vi skickade till { $destination } och välj ett nytt lösenord.
cognito-reset-intro = Ange koden vi skickade till dig och välj ett nytt lösenord.
cognito-reset-submit = Återställ lösenordet

## The pool's password rules, and why it refused a password

password-rule-length = { $count ->
    [one] Minst { $count } tecken
   *[other] Minst { $count } tecken
}
password-rule-uppercase = En versal
password-rule-lowercase = En gemen
password-rule-number = En siffra
password-rule-symbol = Ett specialtecken, till exempel ! eller %
password-too-short = Lösenordet är för kort.
password-needs-uppercase = Lösenordet måste innehålla en versal.
password-needs-lowercase = Lösenordet måste innehålla en gemen.
password-needs-number = Lösenordet måste innehålla en siffra.
password-needs-symbol = Lösenordet måste innehålla ett specialtecken.
password-used-before = Du har nyligen använt det lösenordet. Välj ett annat.
password-not-accepted = Lösenordet uppfyller inte kraven.

## Labels of a pool's standard attributes (sign-up, new password)

attribute-email = E-post
attribute-phone-number = Telefonnummer (+15555550100)
attribute-name = Namn
attribute-given-name = Förnamn
attribute-family-name = Efternamn
attribute-preferred-username = Önskat användarnamn
attribute-birthdate = Födelsedatum (ÅÅÅÅ-MM-DD)

## The demo's result page

demo-signed-in = Inloggad
demo-nonce-mismatch = Inloggad, men ID-tokenets nonce stämde inte
demo-failed = Inloggningen misslyckades
demo-not-started = Ingen inloggning påbörjades i den här webbläsaren. Börja om från /demo.
demo-state-mismatch = Parametern state stämde inte: svaret var inte till den här webbläsaren.
demo-server-error = Auktoriseringsservern svarade { $error }: { $description }
demo-no-code = Svaret innehöll ingen kod.
demo-token-failed = Tokenbegäran misslyckades: { $error } ({ $description })
demo-token-response = Tokensvar
demo-id-token-header = ID-token: huvud
demo-id-token-claims = ID-token: anspråk
demo-access-token-header = Åtkomsttoken: huvud
demo-access-token-claims = Åtkomsttoken: anspråk
demo-not-json = (inte JSON)
demo-opaque = { $count } tecken, ogenomskinlig

## The account pages (templates/account.html, account_everywhere.html) and their errors

account-title = Ditt konto
account-back-to-app = Tillbaka till { $app }
account-profile-heading = Profil
account-signed-in-with = Inloggad med
account-managed-at = Uppgifterna kommer från { $provider }. Ändra dem där.
account-managed-in-config = De här uppgifterna hanteras åt dig av tjänsten; de kan inte ändras här.
account-email-verified = E-post verifierad
account-phone-verified = Telefonnummer verifierat
account-yes = Ja
account-no = Nej
account-sessions-heading = Där du är inloggad
account-session-browser-sign-in = Inloggning i webbläsaren
account-session-current = Den här webbläsaren
account-session-details = Med { $provider }, inloggad { $when }
account-browser-on = { $browser } på { $system }
account-browser-unknown = Okänd webbläsare
account-session-end = Avsluta den här sessionen
account-everywhere-heading = Logga ut överallt
account-everywhere-lead = Avslutar varje session för ditt konto, i alla appar och webbläsare, även den här.
account-notice-ended = Sessionen har avslutats.
msg-account-back-not-registered = Appen kan inte skicka dig tillbaka till den adressen: den är inte en av appens registrerade adresser.
msg-account-no-such-session = Den sessionen är inte din, eller så har den redan avslutats.
msg-account-sign-in-failed = Inloggningen på ditt konto slutfördes inte. Öppna din kontosida igen.

## An app's own links in the footer (its branding)

branding-legal-label = Juridiskt
branding-terms = Användarvillkor
branding-privacy = Integritetspolicy

## After sign-in, the way back to an app whose browser may swallow the redirect

return-title = Inloggad
return-heading = Du är inloggad
return-lead = Gå tillbaka till { $app } för att fortsätta.
return-button = Tillbaka till appen
return-not-opening = Om inget händer är { $app } kanske inte installerad på den här enheten, eller så kan den här webbläsaren inte öppna den. Öppna { $app } själv och logga in därifrån, eller försök en gång till.
return-try-again = Försök en gång till

# Account pages: multi-factor, remembered devices (issue 13).
account-mfa-title = Flerfaktorsautentisering
account-mfa-lead = Ett andra steg när du loggar in: en kod från en autentiseringsapp, eller en som skickas till din telefon eller e-post.
account-mfa-on = På
account-mfa-off = Av
account-mfa-preferred = Efterfrågas först
account-mfa-setup-app = Konfigurera en autentiseringsapp
account-mfa-make-preferred = Fråga efter detta först
account-mfa-use = Slå på och fråga efter detta först
account-mfa-turn-off = Stäng av flerfaktorsautentisering
account-mfa-turn-off-lead = Vid inloggning efterfrågas då bara ditt lösenord. Om kontots inställningar kräver ett andra steg nekas detta.
account-mfa-setup-lead = Skanna koden med din autentiseringsapp (eller skriv in nyckeln i den) och ange sedan den sexsiffriga kod som visas.
account-mfa-verify = Verifiera och slå på
account-mfa-wrong-code = Koden stämmer inte. Ange den sexsiffriga kod som appen visar nu.
account-mfa-throttled = För många felaktiga koder. Vänta några minuter och försök sedan igen.
account-mfa-refused = Kontots inloggningsinställningar tillåter inte den här ändringen.
account-mfa-notice-on = Din autentiseringsapp är konfigurerad och efterfrågas först vid inloggning.
account-mfa-notice-preferred = Ditt val är sparat.
account-mfa-notice-off = Flerfaktorsautentisering är avstängd.
account-devices-title = Kom ihåg-enheter
account-devices-lead = De här enheterna hoppar över det andra steget vid inloggning. Glömmer du en enhet efterfrågas det andra steget igen vid dess nästa inloggning.
account-devices-none = Ingen enhet är ihågkommen.
account-device-unnamed = Namnlös enhet
account-device-last-used = Senast använd { $when }
account-device-address = Senaste adress: { $address }
account-device-forget = Glöm den här enheten
account-devices-notice-forgotten = Enheten är glömd. Vid nästa inloggning efterfrågas det andra steget igen.
account-device-not-found = Den enheten är inte en av dina.

# Account pages: a pool user's profile, password and deletion.
account-edit-profile = Redigera din profil
account-profile-save = Spara
account-profile-saved = Dina uppgifter är sparade.
account-profile-unchanged = Inget ändrades.
account-attribute-taken = Ett annat konto använder redan den adressen eller det numret.
account-status-verified = verifierad
account-status-unverified = inte verifierad
account-verify-now = Verifiera nu
account-verify-heading = Ange verifieringskoden
account-verify-lead-email = Vi har skickat en kod till din nya e-postadress. Den gäller när du har angett koden här.
account-verify-lead-phone = Vi har skickat en kod till ditt nya telefonnummer. Det gäller när du har angett koden här.
account-verify-submit = Verifiera
account-verify-resend = Skicka en ny kod
account-code-resent = En ny kod är på väg.
account-verified = Verifierad. Tack.
account-change-password = Byt lösenord
account-password-current = Nuvarande lösenord
account-password-confirm = Nytt lösenord igen
account-password-mismatch = De två nya lösenorden är inte lika.
account-password-wrong-current = Ditt nuvarande lösenord stämmer inte.
account-password-changed = Ditt lösenord är bytt.
account-delete-heading = Radera ditt konto
account-delete-lead = Kontot { $username } raderas för gott och du loggas ut överallt. Det går inte att ångra.
account-delete-submit = Radera mitt konto
msg-account-delete-not-allowed = Att radera kontot erbjuds inte här. Fråga dem som driver tjänsten.
msg-account-managed-elsewhere = Kontot kan inte ändras här: det hanteras där du loggar in.
