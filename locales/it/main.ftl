# Le pagine di authgate in italiano. Stessi ID e { $variabili } dell'inglese (locales/en/main.ftl).

## Every page (templates/base.html)

page-default-title = Accedi
page-footer = Protetto da authgate
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
msg-unusable-redirect = L'URI di reindirizzamento non può essere usato.
msg-role-not-allowed = Il tuo account non può usare questo ruolo. Torna indietro e scegline uno dall'elenco.
msg-federation-failed = Non è stato possibile farti accedere a { $app } perché { $reason }. { $advice }
msg-advice-try-later = Riprova tra qualche minuto.
msg-advice-sign-in-again = Torna all'app e accedi di nuovo.
msg-advice-tell-support = Se il problema persiste, informa l'assistenza dell'app.
msg-upstream-unreachable = L'accesso non è riuscito perché { $reason }. Riprova tra qualche minuto.
msg-upstream-rejected = L'accesso non è riuscito: { $reason }. Torna all'app e ricomincia.
msg-upstream-repeats = La risposta di accesso ripete un parametro.
msg-upstream-no-state = La risposta di accesso non conteneva state.
msg-upstream-not-this-flow = Questa risposta di accesso non appartiene all'accesso avviato.
upstream-incomplete-no-code = La risposta di accesso non conteneva alcun codice.
msg-pool-unreachable = { $pool } non ha risposto. Riprova tra qualche istante.
msg-pool-bad-answer = { $pool } ha dato una risposta che authgate non può usare. Riprova più tardi.
msg-mfa-setup-unsupported = Il tuo account richiede un numero di telefono o un indirizzo email per il secondo passaggio di accesso, ma non ne ha ancora uno. Contatta l'assistenza dell'app.
msg-challenge-unsupported = Questo account richiede un passaggio di accesso che authgate non offre. Contatta l'assistenza dell'app.
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
authorize-repeats-client = La richiesta ripete client_id o redirect_uri.
authorize-no-client-id = La richiesta non contiene client_id.
authorize-unknown-client = L'app che ti ha inviato qui non è registrata.
authorize-no-redirect-uri = La richiesta non contiene redirect_uri.
authorize-unknown-redirect-uri = L'URI di reindirizzamento della richiesta non è registrato per questa app.

## Sign-in forms' own errors

signin-bad-credentials = Nome utente o password non corretti.
signin-locked = Troppi tentativi non riusciti. Attendi qualche minuto, poi riprova.
