# De pagina's van authgate in het Nederlands. Dezelfde id's en { $variabelen } als het Engels (locales/en/main.ftl).

## Every page (templates/base.html)

page-default-title = Inloggen
language-picker-label = Taal

## Words several pages share

field-username = Gebruikersnaam
field-password = Wachtwoord
field-new-password = Nieuw wachtwoord
field-code = Code
button-sign-in = Inloggen
button-continue = Doorgaan
link-start-again = Opnieuw beginnen
link-back-to-sign-in = Terug naar inloggen
link-other-ways = Andere manieren om in te loggen
sign-in-to-app = Inloggen bij { $app }

## The provider picker and the password page

picker-lead = Kies hoe u wilt inloggen.
picker-continue-with = Doorgaan met { $provider }
password-lead = Ga verder met uw { $provider }-account.

## The AWS role page

role-title = Kies een rol voor { $app }
role-heading = Kies een rol
role-lead = Uw account kan in { $app } met meerdere AWS-rollen werken. Kies de rol die u wilt gebruiken tot u uitlogt.
role-legend = Rol

## A Cognito pool's pages

cognito-signin-lead = Met uw { $provider }-account.
cognito-remember-device = Dit apparaat onthouden
cognito-forgot-password = Wachtwoord vergeten?
cognito-no-account = Nog geen account?
cognito-create-one = Maak er een aan
cognito-signup-title = Account aanmaken
cognito-signup-lead = Voor { $app }, met { $provider }.
cognito-create-account = Account aanmaken
cognito-have-account = Heeft u al een account?
cognito-confirm-title = Bevestig uw account
cognito-code-sent-to = We hebben een code gestuurd naar { $destination }.
cognito-enter-code-sent = Voer de code in die we u hebben gestuurd.
cognito-confirmation-code = Bevestigingscode
cognito-confirm = Bevestigen
cognito-send-new-code = Nieuwe code sturen
cognito-forgot-title = Wachtwoord opnieuw instellen
cognito-forgot-lead = Voer uw gebruikersnaam in. We sturen u dan een code om uw wachtwoord opnieuw in te stellen.
cognito-send-code = Code sturen
cognito-mfa-setup-title = Een authenticator-app instellen
cognito-mfa-setup-lead = Uw account heeft een tweede stap nodig. Scan deze code met een authenticator-app (of typ de sleutel) en voer daarna de 6-cijferige code in die de app toont.
cognito-mfa-setup-qr-alt = QR-code voor uw authenticator-app
cognito-mfa-setup-key = Sleutel
cognito-mfa-setup-code = Code uit de app
cognito-verify-and-continue = Verifiëren en doorgaan
cognito-new-password-title = Kies een nieuw wachtwoord
cognito-select-mfa-title = Kies hoe u wilt verifiëren
cognito-select-mfa-lead = Uw account heeft meer dan één manier om te bevestigen dat u het bent.
cognito-select-mfa-always = Altijd deze methode gebruiken
password-rules-intro = Uw wachtwoord moet bevatten:

## The signed-out page

signed-out-title = Uitgelogd
signed-out-heading = U bent uitgelogd
signed-out-back-to-app = U kunt nu teruggaan naar { $app }.
signed-out-close = U kunt deze pagina sluiten.

## The demo app

demo-title = authgate-demo
demo-lead-before = Deze pagina is een app die is geregistreerd als
demo-lead-after = . Inloggen doorloopt de volledige authorization-code-flow met PKCE via de gehoste pagina's en toont daarna de tokens die de app heeft ontvangen.
demo-sign-out-of-authgate = Uitloggen bij authgate
demo-result-title = Ingelogd · authgate-demo
demo-back = Terug naar de demo
demo-sign-out = Uitloggen

## Error pages (templates/error.html)

error-title-unavailable = Tijdelijk niet beschikbaar
error-title-problem = Probleem bij inloggen
error-lead = Ga terug naar de app en probeer het opnieuw. Blijft het probleem zich voordoen, neem dan contact op met de support van de app.
error-request-id = Verzoek-ID:
error-render-failed = Er is aan onze kant iets misgegaan. Probeer het opnieuw.

## What an error page says (src/web/messages.rs, one id per Msg)

msg-sign-in-expired = Deze inlogpagina is verlopen. Ga terug naar de app en begin opnieuw met inloggen.
msg-other-browser = Deze inlogpoging is gestart in een andere browser of ander tabblad dat inmiddels is gesloten. Ga terug naar de app en begin opnieuw met inloggen.
msg-method-not-available = Die inlogmethode is niet beschikbaar voor deze app.
msg-form-expired = Dit formulier is verlopen. Ga terug naar de app en begin opnieuw.
msg-form-incomplete = Het formulier was niet volledig. Ga terug en probeer het opnieuw.
msg-unavailable = Inloggen is tijdelijk niet mogelijk. Probeer het zo meteen opnieuw.
msg-no-such-page = Op dit adres is geen pagina.
msg-unusable-redirect = Het adres dat u terug naar de app moet brengen is ongeldig, dus aanmelden kan niet verder. Meld dit bij de support van de app.
msg-role-not-allowed = Uw account mag die rol niet gebruiken. Ga terug en kies er een uit de lijst.
msg-federation-pool-unreachable = U kon niet worden ingelogd bij { $app }, omdat de identiteitspool { $pool } niet antwoordde. Probeer het over een paar minuten opnieuw.
msg-federation-pool-throttled = U kon niet worden ingelogd bij { $app }, omdat de identiteitspool { $pool } op dit moment verzoeken weigert. Probeer het over een paar minuten opnieuw.
msg-federation-pool-refused = U kon niet worden ingelogd bij { $app }, omdat de identiteitspool { $pool } deze inlogpoging weigerde. Blijft het gebeuren, laat het dan de support van de app weten.
msg-federation-pool-not-found = U kon niet worden ingelogd bij { $app }, omdat de identiteitspool { $pool } deze identiteit niet kent. Blijft het gebeuren, laat het dan de support van de app weten.
msg-federation-pool-bad-answer = U kon niet worden ingelogd bij { $app }, omdat de identiteitspool { $pool } een antwoord gaf dat niet bruikbaar is. Blijft het gebeuren, laat het dan de support van de app weten.
msg-federation-pool-failed = U kon niet worden ingelogd bij { $app }, omdat de identiteitspool { $pool } met een fout antwoordde. Blijft het gebeuren, laat het dan de support van de app weten.
msg-federation-sign-in-expired = U kon niet worden ingelogd bij { $app }, omdat het inloggen bij { $provider } is verlopen. Ga terug naar de app en log opnieuw in.
msg-federation-provider-unreachable = U kon niet worden ingelogd bij { $app }, omdat { $provider } niet antwoordde, waardoor het inloggen niet kon worden verlengd. Probeer het over een paar minuten opnieuw.
msg-federation-internal = U kon niet worden ingelogd bij { $app }, omdat het inloggen niet kon worden afgerond. Probeer het over een paar minuten opnieuw.
msg-upstream-unreachable = Inloggen is mislukt, omdat { $provider } niet antwoordde. Probeer het over een paar minuten opnieuw.
msg-upstream-bad-answer = Inloggen is mislukt, omdat { $provider } een antwoord gaf dat niet bruikbaar is. Probeer het over een paar minuten opnieuw.
msg-upstream-rejected = Inloggen is mislukt: het inlogantwoord van { $provider } kwam niet door de controle. Ga terug naar de app en begin opnieuw.
msg-upstream-denied = Inloggen is mislukt: u hebt het inloggen niet toegestaan. Ga terug naar de app en begin opnieuw.
msg-upstream-declined = Inloggen is mislukt: het inloggen is niet voltooid. Ga terug naar de app en begin opnieuw.
msg-saml-logout-refused = Het uitlogbericht van { $provider } kwam niet door de controle, dus er is niets uitgelogd. Ga terug naar de app.
msg-upstream-repeats = Het inlogantwoord herhaalt een parameter.
msg-upstream-no-state = Het inlogantwoord bevatte geen state.
msg-upstream-not-this-flow = Dit inlogantwoord hoort niet bij de inlogpoging die is gestart.
upstream-incomplete-no-code = Het inlogantwoord bevatte geen code.
msg-pool-unreachable = { $pool } heeft niet geantwoord. Probeer het zo meteen opnieuw.
msg-pool-bad-answer = { $pool } gaf een antwoord dat niet bruikbaar is. Probeer het later opnieuw.
msg-mfa-setup-unsupported = Uw account heeft voor de tweede inlogstap een telefoonnummer of e-mailadres nodig, maar heeft er nog geen. Neem contact op met de support van de app.
msg-challenge-unsupported = Dit account vraagt om een aanmeldstap die hier niet wordt aangeboden. Neem contact op met de support van de app.
msg-sign-in-again = Dat duurde te lang, of het antwoord werd niet geaccepteerd. Log opnieuw in.
msg-demo-form-expired = Dit formulier is verlopen. Laad de demopagina opnieuw.
msg-too-many-requests = Er kwamen zojuist te veel verzoeken van uw netwerk. Wacht { $wait } en probeer het dan opnieuw.
wait-a-second = een seconde
wait-seconds = { $count ->
    [one] { $count } seconde
   *[other] { $count } seconden
}
wait-minutes = { $count ->
    [one] { $count } minuut
   *[other] { $count } minuten
}
authorize-repeats-client = Het aanmeldverzoek van de app noemt de app of de weg terug ernaartoe twee keer. Meld dit bij de support van de app.
authorize-no-client-id = Het aanmeldverzoek vermeldt niet van welke app het komt. Meld dit bij de support van de app.
authorize-unknown-client = De app die u hierheen heeft gestuurd, is niet geregistreerd.
authorize-no-redirect-uri = Het aanmeldverzoek vermeldt niet waar u daarna naartoe moet. Meld dit bij de support van de app.
authorize-unknown-redirect-uri = De app vroeg om u terug te sturen naar een adres dat hij niet heeft geregistreerd, dus aanmelden kan niet verder. Meld dit bij de support van de app.

## Sign-in forms' own errors

signin-bad-credentials = Onjuiste gebruikersnaam of onjuist wachtwoord.
signin-locked =
    { $minutes ->
        [one] Aanmelden is geblokkeerd na te veel mislukte pogingen. U kunt het over { $minutes } minuut opnieuw proberen.
   *[other] Aanmelden is geblokkeerd na te veel mislukte pogingen. U kunt het over { $minutes } minuten opnieuw proberen.
    }

## A Cognito pool's pages, said from code (src/hosted_ui/words.rs)

cognito-try-later = Te veel pogingen. Wacht een paar minuten en probeer het dan opnieuw.
cognito-wrong-code = Die code klopt niet. Controleer hem en probeer het opnieuw.
cognito-expired-code = Die code is verlopen. Vraag een nieuwe aan.
cognito-wrong-answer = Dat antwoord werd niet geaccepteerd. Probeer het opnieuw.
cognito-check-input = Controleer wat u hebt ingevuld en probeer het opnieuw.
cognito-choose-option = Kies een van de mogelijkheden.
cognito-enter-username = Voer uw gebruikersnaam in.
cognito-no-verified-contact = Dit account heeft geen geverifieerd e-mailadres of telefoonnummer om een code naartoe te sturen. Neem contact op met de support van de app.
cognito-reset-code-not-sent = De herstelcode kon niet worden verstuurd. Probeer het later opnieuw.
cognito-enter-code-and-password = Voer de code en een nieuw wachtwoord in.
cognito-reset-code-expired = Die code is verlopen. Begin opnieuw met herstellen.
cognito-reset-failed = Met die code kon het wachtwoord niet worden hersteld. Begin opnieuw met herstellen.
cognito-fill-every-field = Vul alle velden in.
cognito-username-exists = Er bestaat al een account met die gebruikersnaam. Log in, of stel het wachtwoord opnieuw in.
cognito-signup-check-input = Controleer wat u hebt ingevuld (een e-mailadres, een telefoonnummer zoals +15555550100) en probeer het opnieuw.
cognito-signup-failed = Het account kon niet worden aangemaakt. Probeer het opnieuw.
cognito-confirm-failed = Met die code kon het account niet worden bevestigd. Vraag een nieuwe aan.
cognito-new-code-not-sent = Er kon geen nieuwe code worden verstuurd. Probeer het later opnieuw.
cognito-account-ready = Uw account is klaar. Log in om verder te gaan.
cognito-account-confirmed = Uw account is bevestigd. Log in om verder te gaan.
cognito-not-confirmed = Uw account is nog niet bevestigd. Voer de code in die we bij het registreren stuurden, of vraag een nieuwe aan.
cognito-reset-code-sent-to = Als het account bestaat, hebben we een code gestuurd naar { $destination }.
cognito-reset-code-sent = Als het account bestaat, hebben we er een code naartoe gestuurd.
cognito-reset-required-code-sent-to = U moet uw wachtwoord opnieuw instellen voordat u kunt inloggen. Als het account bestaat, hebben we een code gestuurd naar { $destination }.
cognito-reset-required-code-sent = U moet uw wachtwoord opnieuw instellen voordat u kunt inloggen. Als het account bestaat, hebben we er een code naartoe gestuurd.
cognito-new-code-sent-to = We hebben een nieuwe code gestuurd naar { $destination }.
cognito-new-code-sent = We hebben een nieuwe code gestuurd.
cognito-code-heading-sms = Voer de code uit de sms in
cognito-code-heading-email = Voer de code uit de e-mail in
cognito-code-heading-app = Voer de code uit uw authenticator-app in
cognito-code-intro-app = Open uw authenticator-app en voer de 6-cijferige code in die deze voor dit account toont.
cognito-custom-heading = Nog één stap
cognito-custom-intro = Beantwoord de vraag hieronder om het inloggen af te ronden.
cognito-custom-answer = Uw antwoord
cognito-mfa-sms = Een sms naar uw telefoon
cognito-mfa-app = Een authenticator-app
cognito-mfa-email = Een e-mail
cognito-temporary-password = Uw account heeft een tijdelijk wachtwoord. Kies uw eigen wachtwoord om verder te gaan.
cognito-set-password-submit = Wachtwoord instellen en inloggen
cognito-reset-intro-to = Voer de code in die we naar { $destination } stuurden en kies een nieuw wachtwoord.
cognito-reset-intro = Voer de code in die we u stuurden en kies een nieuw wachtwoord.
cognito-reset-submit = Wachtwoord herstellen

## The pool's password rules, and why it refused a password

password-rule-length = { $count ->
    [one] Minstens { $count } teken
   *[other] Minstens { $count } tekens
}
password-rule-uppercase = Een hoofdletter
password-rule-lowercase = Een kleine letter
password-rule-number = Een cijfer
password-rule-symbol = Een symbool zoals ! of %
password-too-short = Dat wachtwoord is te kort.
password-needs-uppercase = Dat wachtwoord moet een hoofdletter bevatten.
password-needs-lowercase = Dat wachtwoord moet een kleine letter bevatten.
password-needs-number = Dat wachtwoord moet een cijfer bevatten.
password-needs-symbol = Dat wachtwoord moet een symbool bevatten.
password-used-before = U hebt dat wachtwoord onlangs al gebruikt. Kies een ander.
password-not-accepted = Dat wachtwoord voldoet niet aan de eisen.

## Labels of a pool's standard attributes (sign-up, new password)

attribute-email = E-mail
attribute-phone-number = Telefoonnummer (+15555550100)
attribute-name = Naam
attribute-given-name = Voornaam
attribute-family-name = Achternaam
attribute-preferred-username = Voorkeursgebruikersnaam
attribute-birthdate = Geboortedatum (JJJJ-MM-DD)

## The demo's result page

demo-signed-in = Ingelogd
demo-nonce-mismatch = Ingelogd, maar de nonce van het ID-token kwam niet overeen
demo-failed = Inloggen mislukt
demo-not-started = In deze browser is geen inlog gestart. Begin opnieuw bij /demo.
demo-state-mismatch = De state-parameter kwam niet overeen: dit antwoord was niet voor deze browser.
demo-server-error = De autorisatieserver antwoordde { $error }: { $description }
demo-no-code = Het antwoord bevatte geen code.
demo-token-failed = Het tokenverzoek is mislukt: { $error } ({ $description })
demo-token-response = Tokenantwoord
demo-id-token-header = ID-token: header
demo-id-token-claims = ID-token: claims
demo-access-token-header = Toegangstoken: header
demo-access-token-claims = Toegangstoken: claims
demo-not-json = (geen JSON)
demo-opaque = { $count } tekens, ondoorzichtig

## The account pages (templates/account.html, account_everywhere.html) and their errors

account-title = Uw account
account-back-to-app = Terug naar { $app }
account-profile-heading = Profiel
account-signed-in-with = Aangemeld met
account-managed-at = Deze gegevens komen van { $provider }. Wijzig ze daar.
account-managed-in-config = Deze gegevens worden door de dienst voor u beheerd; ze kunnen hier niet worden gewijzigd.
account-email-verified = E-mail geverifieerd
account-phone-verified = Telefoonnummer geverifieerd
account-yes = Ja
account-no = Nee
account-sessions-heading = Waar u bent aangemeld
account-session-browser-sign-in = Aanmelding in de browser
account-session-current = Deze browser
account-session-details = Met { $provider }, aangemeld op { $when }
account-browser-on = { $browser } op { $system }
account-browser-unknown = Onbekende browser
account-session-end = Deze sessie beëindigen
account-everywhere-heading = Overal afmelden
account-everywhere-lead = Beëindigt elke sessie van uw account, in elke app en elke browser, ook deze.
account-notice-ended = De sessie is beëindigd.
msg-account-back-not-registered = Deze app kan u niet naar dat adres terugsturen: het is geen van de geregistreerde adressen van de app.
msg-account-no-such-session = Die sessie is niet van u, of is al beëindigd.
msg-account-sign-in-failed = Het aanmelden bij uw account is niet afgerond. Open uw accountpagina opnieuw.

## An app's own links in the footer (its branding)

branding-legal-label = Juridisch
branding-terms = Gebruiksvoorwaarden
branding-privacy = Privacybeleid

## After sign-in, the way back to an app whose browser may swallow the redirect

return-title = Aangemeld
return-heading = U bent aangemeld
return-lead = Ga terug naar { $app } om verder te gaan.
return-button = Terug naar de app
return-not-opening = Gebeurt er niets, dan is { $app } misschien niet op dit apparaat geïnstalleerd, of kan deze browser de app niet openen. Open { $app } zelf en meld u daar aan, of probeer het nog eens.
return-try-again = Nog eens proberen

# Account pages: multi-factor, remembered devices (issue 13).
account-mfa-title = Meervoudige verificatie
account-mfa-lead = Een tweede stap bij het inloggen: een code uit een authenticator-app, of een code die naar je telefoon of e-mail wordt gestuurd.
account-mfa-on = Aan
account-mfa-off = Uit
account-mfa-preferred = Wordt eerst gevraagd
account-mfa-setup-app = Een authenticator-app instellen
account-mfa-make-preferred = Dit eerst vragen
account-mfa-use = Aanzetten en eerst vragen
account-mfa-turn-off = Meervoudige verificatie uitzetten
account-mfa-turn-off-lead = Bij het inloggen wordt dan alleen je wachtwoord gevraagd. Als de instellingen van je account een tweede stap vereisen, wordt dit geweigerd.
account-mfa-setup-lead = Scan deze code met je authenticator-app (of typ de sleutel erin) en voer daarna de 6-cijferige code in die de app toont.
account-mfa-verify = Controleren en aanzetten
account-mfa-wrong-code = Die code klopt niet. Voer de 6-cijferige code in die je app nu toont.
account-mfa-throttled = Te veel verkeerde codes. Wacht een paar minuten en probeer het dan opnieuw.
account-mfa-refused = De inloginstellingen van je account staan deze wijziging niet toe.
account-mfa-notice-on = Je authenticator-app is ingesteld en wordt bij het inloggen als eerste gevraagd.
account-mfa-notice-preferred = Je keuze is opgeslagen.
account-mfa-notice-off = Meervoudige verificatie staat uit.
account-devices-title = Onthouden apparaten
account-devices-lead = Deze apparaten slaan de tweede stap bij het inloggen over. Vergeet je er een, dan wordt bij de volgende keer inloggen weer om de tweede stap gevraagd.
account-devices-none = Er wordt geen apparaat onthouden.
account-device-unnamed = Naamloos apparaat
account-device-last-used = Laatst gebruikt { $when }
account-device-address = Laatste adres: { $address }
account-device-forget = Dit apparaat vergeten
account-devices-notice-forgotten = Het apparaat is vergeten. Bij de volgende keer inloggen wordt weer om de tweede stap gevraagd.
account-device-not-found = Dat apparaat is niet een van de jouwe.

# Account pages: a pool user's profile, password and deletion.
account-edit-profile = Je profiel bewerken
account-profile-save = Opslaan
account-profile-saved = Je gegevens zijn opgeslagen.
account-profile-unchanged = Er is niets gewijzigd.
account-attribute-taken = Een ander account gebruikt dat adres of nummer al.
account-status-verified = geverifieerd
account-status-unverified = niet geverifieerd
account-verify-now = Nu verifiëren
account-verify-heading = Voer de verificatiecode in
account-verify-lead-email = We hebben een code naar je nieuwe e-mailadres gestuurd. Het telt zodra je de code hier invoert.
account-verify-lead-phone = We hebben een code naar je nieuwe telefoonnummer gestuurd. Het telt zodra je de code hier invoert.
account-verify-submit = Verifiëren
account-verify-resend = Nieuwe code sturen
account-code-resent = Er is een nieuwe code onderweg.
account-verified = Geverifieerd. Bedankt.
account-change-password = Je wachtwoord wijzigen
account-password-current = Huidig wachtwoord
account-password-confirm = Nieuw wachtwoord nogmaals
account-password-mismatch = De twee nieuwe wachtwoorden zijn niet gelijk.
account-password-wrong-current = Je huidige wachtwoord klopt niet.
account-password-changed = Je wachtwoord is gewijzigd.
account-delete-heading = Je account verwijderen
account-delete-lead = Hiermee wordt het account { $username } definitief verwijderd en word je overal afgemeld. Dit kan niet ongedaan worden gemaakt.
account-delete-submit = Mijn account verwijderen
msg-account-delete-not-allowed = Je account verwijderen kan hier niet. Vraag het aan de beheerders van deze dienst.
msg-account-managed-elsewhere = Dit account kan hier niet worden gewijzigd: het wordt beheerd waar je inlogt.
