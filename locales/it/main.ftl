# Le pagine di authgate in italiano. Stessi ID e { $variabili } dell'inglese (locales/en/main.ftl).

## Every page (templates/base.html)

page-default-title = Accedi
language-picker-label = Lingua

## Words several pages share

field-username = Nome utente
field-password = Password
field-new-password = Nuova password
field-code = Codice
button-sign-in = Accedi
button-continue = Continua
link-start-again = Ricomincia
link-back-to-sign-in = Torna all'accesso
link-other-ways = Altri modi per accedere
sign-in-to-app = Accedi a { $app }

## The provider picker and the password page

picker-lead = Scegli come accedere.
picker-continue-with = Continua con { $provider }
password-lead = Continua con il tuo account { $provider }.

## The AWS role page

role-title = Scegli un ruolo per { $app }
role-heading = Scegli un ruolo
role-lead = Il tuo account può lavorare in { $app } con diversi ruoli AWS. Scegli quello da usare fino alla disconnessione.
role-legend = Ruolo

## A Cognito pool's pages

cognito-signin-lead = Con il tuo account { $provider }.
cognito-remember-device = Ricorda questo dispositivo
cognito-forgot-password = Password dimenticata?
cognito-no-account = Non hai un account?
cognito-create-one = Creane uno
cognito-signup-title = Crea un account
cognito-signup-lead = Per { $app }, con { $provider }.
cognito-create-account = Crea account
cognito-have-account = Hai già un account?
cognito-confirm-title = Conferma il tuo account
cognito-code-sent-to = Abbiamo inviato un codice a { $destination }.
cognito-enter-code-sent = Inserisci il codice che ti abbiamo inviato.
cognito-confirmation-code = Codice di conferma
cognito-confirm = Conferma
cognito-send-new-code = Invia un nuovo codice
cognito-forgot-title = Reimposta la password
cognito-forgot-lead = Inserisci il tuo nome utente e ti invieremo un codice per reimpostare la password.
cognito-send-code = Invia codice
cognito-mfa-setup-title = Configura un'app di autenticazione
cognito-mfa-setup-lead = Il tuo account richiede un secondo passaggio. Scansiona questo codice con un'app di autenticazione (o digita la chiave), quindi inserisci il codice a 6 cifre che mostra.
cognito-mfa-setup-qr-alt = Codice QR per la tua app di autenticazione
cognito-mfa-setup-key = Chiave
cognito-mfa-setup-code = Codice dell'app
cognito-verify-and-continue = Verifica e continua
cognito-new-password-title = Scegli una nuova password
cognito-select-mfa-title = Scegli come effettuare la verifica
cognito-select-mfa-lead = Il tuo account ha più di un modo per confermare la tua identità.
cognito-select-mfa-always = Usa sempre questo metodo
password-rules-intro = La password deve contenere:

## The signed-out page

signed-out-title = Disconnesso
signed-out-heading = Ti sei disconnesso
signed-out-back-to-app = Ora puoi tornare a { $app }.
signed-out-close = Puoi chiudere questa pagina.

## The demo app

demo-title = Demo di authgate
demo-lead-before = Questa pagina è un'app registrata come
demo-lead-after = . L'accesso esegue l'intero flusso con codice di autorizzazione e PKCE tramite l'interfaccia ospitata, poi mostra i token ricevuti dall'app.
demo-sign-out-of-authgate = Esci da authgate
demo-result-title = Accesso eseguito · Demo di authgate
demo-back = Torna alla demo
demo-sign-out = Esci

## Error pages (templates/error.html)

error-title-unavailable = Temporaneamente non disponibile
error-title-problem = Problema di accesso
error-lead = Torna all'app e riprova. Se il problema persiste, contatta l'assistenza dell'app.
error-request-id = ID richiesta:
error-render-failed = Si è verificato un errore da parte nostra. Riprova.

## What an error page says (src/web/messages.rs, one id per Msg)

msg-sign-in-expired = Questa pagina di accesso è scaduta. Torna all'app e ricomincia l'accesso.
msg-other-browser = Questo accesso è stato avviato in un altro browser o scheda, che nel frattempo è stato chiuso. Torna all'app e ricomincia l'accesso.
msg-method-not-available = Questo metodo di accesso non è disponibile per questa app.
msg-form-expired = Questo modulo è scaduto. Torna all'app e ricomincia.
msg-form-incomplete = Il modulo era incompleto. Torna indietro e riprova.
msg-unavailable = L'accesso è temporaneamente non disponibile. Riprova tra qualche istante.
msg-no-such-page = Non c'è nessuna pagina a questo indirizzo.
msg-unusable-redirect = L’indirizzo che dovrebbe riportarti all’app non è valido, quindi l’accesso non può proseguire. Avvisa l’assistenza dell’app.
msg-role-not-allowed = Il tuo account non può usare questo ruolo. Torna indietro e scegline uno dall'elenco.
msg-federation-pool-unreachable = Non è stato possibile farti accedere a { $app } perché il pool di identità { $pool } non ha risposto. Riprova tra qualche minuto.
msg-federation-pool-throttled = Non è stato possibile farti accedere a { $app } perché il pool di identità { $pool } al momento rifiuta le richieste. Riprova tra qualche minuto.
msg-federation-pool-refused = Non è stato possibile farti accedere a { $app } perché il pool di identità { $pool } ha rifiutato questo accesso. Se il problema persiste, informa l'assistenza dell'app.
msg-federation-pool-not-found = Non è stato possibile farti accedere a { $app } perché il pool di identità { $pool } non conosce questa identità. Se il problema persiste, informa l'assistenza dell'app.
msg-federation-pool-bad-answer = Non è stato possibile farti accedere a { $app } perché il pool di identità { $pool } ha dato una risposta che non si può usare. Se il problema persiste, informa l'assistenza dell'app.
msg-federation-pool-failed = Non è stato possibile farti accedere a { $app } perché il pool di identità { $pool } ha risposto con un errore. Se il problema persiste, informa l'assistenza dell'app.
msg-federation-sign-in-expired = Non è stato possibile farti accedere a { $app } perché l'accesso con { $provider } è scaduto. Torna all'app e accedi di nuovo.
msg-federation-provider-unreachable = Non è stato possibile farti accedere a { $app } perché { $provider } non ha risposto, quindi non è stato possibile rinnovare l'accesso. Riprova tra qualche minuto.
msg-federation-internal = Non è stato possibile farti accedere a { $app } perché non è stato possibile completare l'accesso. Riprova tra qualche minuto.
msg-upstream-unreachable = L'accesso non è riuscito perché { $provider } non ha risposto. Riprova tra qualche minuto.
msg-upstream-bad-answer = L'accesso non è riuscito perché { $provider } ha dato una risposta che non si può usare. Riprova tra qualche minuto.
msg-upstream-rejected = L'accesso non è riuscito: la risposta di accesso di { $provider } non ha superato la verifica. Torna all'app e ricomincia.
msg-upstream-denied = L'accesso non è riuscito: non hai autorizzato l'accesso. Torna all'app e ricomincia.
msg-upstream-declined = L'accesso non è riuscito: l'accesso non è stato completato. Torna all'app e ricomincia.
msg-saml-logout-refused = Il messaggio di disconnessione di { $provider } non ha superato la verifica, quindi non è stata chiusa nessuna sessione. Torna all'app.
msg-upstream-repeats = La risposta di accesso ripete un parametro.
msg-upstream-no-state = La risposta di accesso non conteneva state.
msg-upstream-not-this-flow = Questa risposta di accesso non appartiene all'accesso avviato.
upstream-incomplete-no-code = La risposta di accesso non conteneva alcun codice.
msg-pool-unreachable = { $pool } non ha risposto. Riprova tra qualche istante.
msg-pool-bad-answer = { $pool } ha dato una risposta che non si può usare. Riprova più tardi.
msg-mfa-setup-unsupported = Il tuo account richiede un numero di telefono o un indirizzo email per il secondo passaggio di accesso, ma non ne ha ancora uno. Contatta l'assistenza dell'app.
msg-challenge-unsupported = Questo account richiede un passaggio di accesso che qui non è disponibile. Contatta l’assistenza dell’app.
msg-sign-in-again = L'operazione ha richiesto troppo tempo oppure la risposta non è stata accettata. Accedi di nuovo.
msg-demo-form-expired = Questo modulo è scaduto. Ricarica la pagina della demo.
msg-too-many-requests = Dalla tua rete sono arrivate troppe richieste in questo momento. Attendi { $wait } e riprova.
wait-a-second = un secondo
wait-seconds = { $count ->
    [one] { $count } secondo
   *[other] { $count } secondi
}
wait-minutes = { $count ->
    [one] { $count } minuto
   *[other] { $count } minuti
}
authorize-repeats-client = La richiesta di accesso dell’app indica due volte l’app o la strada per tornarci. Avvisa l’assistenza dell’app.
authorize-no-client-id = La richiesta di accesso non indica da quale app proviene. Avvisa l’assistenza dell’app.
authorize-unknown-client = L'app che ti ha inviato qui non è registrata.
authorize-no-redirect-uri = La richiesta di accesso non indica dove mandarti dopo. Avvisa l’assistenza dell’app.
authorize-unknown-redirect-uri = L’app ha chiesto di riportarti a un indirizzo che non ha registrato, quindi l’accesso non può proseguire. Avvisa l’assistenza dell’app.

## Sign-in forms' own errors

signin-bad-credentials = Nome utente o password non corretti.
signin-locked =
    { $minutes ->
        [one] L’accesso è bloccato dopo troppi tentativi non riusciti. Potrai riprovare tra { $minutes } minuto.
   *[other] L’accesso è bloccato dopo troppi tentativi non riusciti. Potrai riprovare tra { $minutes } minuti.
    }

## A Cognito pool's pages, said from code (src/hosted_ui/words.rs)

cognito-try-later = Troppi tentativi per ora. Attendi qualche minuto, poi riprova.
cognito-wrong-code = Il codice non è corretto. Controllalo e riprova.
cognito-expired-code = Il codice è scaduto. Richiedine uno nuovo.
cognito-wrong-answer = La risposta non è stata accettata. Riprova.
cognito-check-input = Controlla i dati inseriti e riprova.
cognito-choose-option = Scegli una delle opzioni.
cognito-enter-username = Inserisci il tuo nome utente.
cognito-no-verified-contact = Questo account non ha un indirizzo email o un numero di telefono verificato a cui inviare un codice. Contatta l'assistenza dell'app.
cognito-reset-code-not-sent = Non è stato possibile inviare il codice di reimpostazione. Riprova più tardi.
cognito-enter-code-and-password = Inserisci il codice e una nuova password.
cognito-reset-code-expired = Il codice è scaduto. Ricomincia la reimpostazione.
cognito-reset-failed = Non è stato possibile reimpostare la password con questo codice. Ricomincia la reimpostazione.
cognito-fill-every-field = Compila tutti i campi.
cognito-username-exists = Esiste già un account con questo nome utente. Accedi, oppure reimposta la sua password.
cognito-signup-check-input = Controlla i dati inseriti (un indirizzo email, un numero di telefono come +15555550100) e riprova.
cognito-signup-failed = Non è stato possibile creare l'account. Riprova.
cognito-confirm-failed = Non è stato possibile confermare l'account con questo codice. Richiedine uno nuovo.
cognito-new-code-not-sent = Non è stato possibile inviare un nuovo codice. Riprova più tardi.
cognito-account-ready = Il tuo account è pronto. Accedi per continuare.
cognito-account-confirmed = Il tuo account è confermato. Accedi per continuare.
cognito-not-confirmed = Il tuo account non è ancora confermato. Inserisci il codice che ti abbiamo inviato alla registrazione, oppure richiedine uno nuovo.
cognito-reset-code-sent-to = Se l'account esiste, abbiamo inviato un codice a { $destination }.
cognito-reset-code-sent = Se l'account esiste, gli abbiamo inviato un codice.
cognito-reset-required-code-sent-to = Devi reimpostare la password prima di accedere. Se l'account esiste, abbiamo inviato un codice a { $destination }.
cognito-reset-required-code-sent = Devi reimpostare la password prima di accedere. Se l'account esiste, gli abbiamo inviato un codice.
cognito-new-code-sent-to = Abbiamo inviato un nuovo codice a { $destination }.
cognito-new-code-sent = Abbiamo inviato un nuovo codice.
cognito-code-heading-sms = Inserisci il codice ricevuto via SMS
cognito-code-heading-email = Inserisci il codice ricevuto via email
cognito-code-heading-app = Inserisci il codice della tua app di autenticazione
cognito-code-intro-app = Apri la tua app di autenticazione e inserisci il codice a 6 cifre che mostra per questo account.
cognito-custom-heading = Ancora un passaggio
cognito-custom-intro = Rispondi alla domanda qui sotto per completare l'accesso.
cognito-custom-answer = La tua risposta
cognito-mfa-sms = Un SMS sul tuo telefono
cognito-mfa-app = Un'app di autenticazione
cognito-mfa-email = Un'email
cognito-temporary-password = Il tuo account ha una password temporanea. Scegline una tua per continuare.
cognito-set-password-submit = Imposta la password e accedi
cognito-reset-intro-to = Inserisci il codice inviato a { $destination } e scegli una nuova password.
cognito-reset-intro = Inserisci il codice che ti abbiamo inviato e scegli una nuova password.
cognito-reset-submit = Reimposta la password

## The pool's password rules, and why it refused a password

password-rule-length = { $count ->
    [one] Almeno { $count } carattere
   *[other] Almeno { $count } caratteri
}
password-rule-uppercase = Una lettera maiuscola
password-rule-lowercase = Una lettera minuscola
password-rule-number = Un numero
password-rule-symbol = Un simbolo come ! o %
password-too-short = La password è troppo corta.
password-needs-uppercase = La password deve contenere una lettera maiuscola.
password-needs-lowercase = La password deve contenere una lettera minuscola.
password-needs-number = La password deve contenere un numero.
password-needs-symbol = La password deve contenere un simbolo.
password-used-before = Hai usato questa password di recente. Scegline un'altra.
password-not-accepted = La password non soddisfa i requisiti.

## Labels of a pool's standard attributes (sign-up, new password)

attribute-email = Email
attribute-phone-number = Numero di telefono (+15555550100)
attribute-name = Nome completo
attribute-given-name = Nome
attribute-family-name = Cognome
attribute-preferred-username = Nome utente preferito
attribute-birthdate = Data di nascita (AAAA-MM-GG)

## The demo's result page

demo-signed-in = Accesso effettuato
demo-nonce-mismatch = Accesso effettuato, ma il nonce del token ID non corrispondeva
demo-failed = Accesso non riuscito
demo-not-started = Nessun accesso è stato avviato da questo browser. Ricomincia da /demo.
demo-state-mismatch = Il parametro state non corrispondeva: questa risposta non era per questo browser.
demo-server-error = Il server di autorizzazione ha risposto { $error }: { $description }
demo-no-code = La risposta non conteneva alcun codice.
demo-token-failed = La richiesta dei token non è riuscita: { $error } ({ $description })
demo-token-response = Risposta dei token
demo-id-token-header = Token ID: intestazione
demo-id-token-claims = Token ID: claim
demo-access-token-header = Token di accesso: intestazione
demo-access-token-claims = Token di accesso: claim
demo-not-json = (non è JSON)
demo-opaque = { $count } caratteri, opaco

## The account pages (templates/account.html, account_everywhere.html) and their errors

account-title = Il tuo account
account-back-to-app = Torna a { $app }
account-profile-heading = Profilo
account-signed-in-with = Accesso effettuato con
account-managed-at = Questi dati provengono da { $provider }. Per cambiarli, cambiali lì.
account-managed-in-config = Questi dati sono gestiti per te dal servizio; non si possono modificare qui.
account-email-verified = Email verificata
account-phone-verified = Numero di telefono verificato
account-yes = Sì
account-no = No
account-sessions-heading = Dove hai effettuato l'accesso
account-session-browser-sign-in = Accesso nel browser
account-session-current = Questo browser
account-session-details = Con { $provider }, accesso il { $when }
account-browser-on = { $browser } su { $system }
account-browser-unknown = Browser sconosciuto
account-session-end = Termina questa sessione
account-everywhere-heading = Esci ovunque
account-everywhere-lead = Termina ogni sessione del tuo account, in ogni app e in ogni browser, compreso questo.
account-notice-ended = La sessione è terminata.
msg-account-back-not-registered = Questa app non può riportarti a quell'indirizzo: non è tra gli indirizzi registrati dell'app.
msg-account-no-such-session = Quella sessione non è tua, oppure è già terminata.
msg-account-sign-in-failed = L'accesso al tuo account non è stato completato. Apri di nuovo la pagina del tuo account.

## An app's own links in the footer (its branding)

branding-legal-label = Note legali
branding-terms = Condizioni d’uso
branding-privacy = Informativa sulla privacy

## After sign-in, the way back to an app whose browser may swallow the redirect

return-title = Accesso eseguito
return-heading = Hai eseguito l’accesso
return-lead = Torna a { $app } per continuare.
return-button = Torna all’app
return-not-opening = Se non succede nulla, { $app } potrebbe non essere installata su questo dispositivo, oppure questo browser non riesce ad aprirla. Apri { $app } tu stesso e accedi da lì, oppure riprova.
return-try-again = Riprova

# Account pages: multi-factor, remembered devices (issue 13).
account-mfa-title = Autenticazione a più fattori
account-mfa-lead = Un secondo passaggio all'accesso: un codice da un'app di autenticazione, oppure uno inviato al tuo telefono o alla tua email.
account-mfa-on = Attiva
account-mfa-off = Disattivata
account-mfa-preferred = Richiesto per primo
account-mfa-setup-app = Configura un'app di autenticazione
account-mfa-make-preferred = Richiedi questo per primo
account-mfa-use = Attiva e richiedi per primo
account-mfa-turn-off = Disattiva l'autenticazione a più fattori
account-mfa-turn-off-lead = All'accesso verrà chiesta solo la password. Se le impostazioni del tuo account richiedono un secondo passaggio, la richiesta verrà rifiutata.
account-mfa-setup-lead = Scansiona questo codice con la tua app di autenticazione (o inserisci la chiave), poi inserisci il codice di 6 cifre che mostra.
account-mfa-verify = Verifica e attiva
account-mfa-wrong-code = Il codice non è corretto. Inserisci il codice di 6 cifre che la tua app mostra ora.
account-mfa-throttled = Troppi codici errati. Attendi qualche minuto e riprova.
account-mfa-refused = Le impostazioni di accesso del tuo account non consentono questa modifica.
account-mfa-notice-on = La tua app di autenticazione è configurata e verrà richiesta per prima all'accesso.
account-mfa-notice-preferred = La tua scelta è stata salvata.
account-mfa-notice-off = L'autenticazione a più fattori è disattivata.
account-devices-title = Dispositivi memorizzati
account-devices-lead = Questi dispositivi saltano il secondo passaggio all'accesso. Se ne dimentichi uno, al prossimo accesso gli verrà richiesto di nuovo il secondo passaggio.
account-devices-none = Nessun dispositivo memorizzato.
account-device-unnamed = Dispositivo senza nome
account-device-last-used = Ultimo utilizzo: { $when }
account-device-address = Ultimo indirizzo: { $address }
account-device-forget = Dimentica questo dispositivo
account-devices-notice-forgotten = Il dispositivo è stato dimenticato. Al prossimo accesso gli verrà richiesto di nuovo il secondo passaggio.
account-device-not-found = Quel dispositivo non è tra i tuoi.

# Account pages: a pool user's profile, password and deletion.
account-edit-profile = Modifica il tuo profilo
account-profile-save = Salva
account-profile-saved = I tuoi dati sono stati salvati.
account-profile-unchanged = Non è stato modificato nulla.
account-attribute-taken = Un altro account usa già questo indirizzo o numero.
account-status-verified = verificato
account-status-unverified = non verificato
account-verify-now = Verifica ora
account-verify-heading = Inserisci il codice di verifica
account-verify-lead-email = Abbiamo inviato un codice al tuo nuovo indirizzo email. Varrà quando inserirai qui il codice.
account-verify-lead-phone = Abbiamo inviato un codice al tuo nuovo numero di telefono. Varrà quando inserirai qui il codice.
account-verify-submit = Verifica
account-verify-resend = Invia un nuovo codice
account-code-resent = Un nuovo codice è in arrivo.
account-verified = Verificato. Grazie.
account-change-password = Cambia la password
account-password-current = Password attuale
account-password-confirm = Ripeti la nuova password
account-password-mismatch = Le due nuove password non coincidono.
account-password-wrong-current = La password attuale non è corretta.
account-password-changed = La password è stata cambiata.
account-delete-heading = Elimina il tuo account
account-delete-lead = L’account { $username } verrà eliminato per sempre e verrai disconnesso ovunque. Non si può annullare.
account-delete-submit = Elimina il mio account
msg-account-delete-not-allowed = L’eliminazione dell’account non è disponibile qui. Chiedi a chi gestisce questo servizio.
msg-account-managed-elsewhere = Questo account non si può modificare qui: è gestito dove accedi.
