# De pagina's van authgate in het Nederlands. Dezelfde id's en { $variabelen } als het Engels (locales/en/main.ftl).

## Every page (templates/base.html)

page-default-title = Inloggen
page-footer = Beveiligd door authgate
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
msg-unusable-redirect = De redirect-URI kan niet worden gebruikt.
msg-role-not-allowed = Uw account mag die rol niet gebruiken. Ga terug en kies er een uit de lijst.
msg-federation-failed = U kon niet worden ingelogd bij { $app }, omdat { $reason }. { $advice }
msg-advice-try-later = Probeer het over een paar minuten opnieuw.
msg-advice-sign-in-again = Ga terug naar de app en log opnieuw in.
msg-advice-tell-support = Blijft het gebeuren, laat het dan de support van de app weten.
msg-upstream-unreachable = Inloggen is mislukt, omdat { $reason }. Probeer het over een paar minuten opnieuw.
msg-upstream-rejected = Inloggen is mislukt: { $reason }. Ga terug naar de app en begin opnieuw.
msg-upstream-repeats = Het inlogantwoord herhaalt een parameter.
msg-upstream-no-state = Het inlogantwoord bevatte geen state.
msg-upstream-not-this-flow = Dit inlogantwoord hoort niet bij de inlogpoging die is gestart.
upstream-incomplete-no-code = Het inlogantwoord bevatte geen code.
msg-pool-unreachable = { $pool } heeft niet geantwoord. Probeer het zo meteen opnieuw.
msg-pool-bad-answer = { $pool } gaf een antwoord dat authgate niet kan gebruiken. Probeer het later opnieuw.
msg-mfa-setup-unsupported = Uw account heeft voor de tweede inlogstap een telefoonnummer of e-mailadres nodig, maar heeft er nog geen. Neem contact op met de support van de app.
msg-challenge-unsupported = Dit account heeft een inlogstap nodig die authgate niet aanbiedt. Neem contact op met de support van de app.
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
authorize-repeats-client = Het verzoek herhaalt client_id of redirect_uri.
authorize-no-client-id = Het verzoek bevat geen client_id.
authorize-unknown-client = De app die u hierheen heeft gestuurd, is niet geregistreerd.
authorize-no-redirect-uri = Het verzoek bevat geen redirect_uri.
authorize-unknown-redirect-uri = De redirect-URI in het verzoek is niet geregistreerd voor deze app.

## Sign-in forms' own errors

signin-bad-credentials = Onjuiste gebruikersnaam of onjuist wachtwoord.
signin-locked = Te veel mislukte pogingen. Wacht een paar minuten en probeer het dan opnieuw.
