# Strony authgate po polsku. Te same identyfikatory i { $zmienne } co w wersji angielskiej (locales/en/main.ftl).

## Every page (templates/base.html)

page-default-title = Zaloguj się
language-picker-label = Język

## Words several pages share

field-username = Nazwa użytkownika
field-password = Hasło
field-new-password = Nowe hasło
field-code = Kod
button-sign-in = Zaloguj się
button-continue = Dalej
link-start-again = Zacznij od nowa
link-back-to-sign-in = Wróć do logowania
link-other-ways = Inne sposoby logowania
sign-in-to-app = Zaloguj się do { $app }

## The provider picker and the password page

picker-lead = Wybierz sposób logowania.
picker-continue-with = Kontynuuj z { $provider }
password-lead = Kontynuuj z kontem { $provider }.

## The AWS role page

role-title = Wybierz rolę dla { $app }
role-heading = Wybierz rolę
role-lead = Twoje konto może działać w { $app } w kilku rolach AWS. Wybierz rolę, której chcesz używać do wylogowania.
role-legend = Rola

## A Cognito pool's pages

cognito-signin-lead = Za pomocą konta { $provider }.
cognito-remember-device = Zapamiętaj to urządzenie
cognito-forgot-password = Nie pamiętasz hasła?
cognito-no-account = Nie masz konta?
cognito-create-one = Utwórz je
cognito-signup-title = Utwórz konto
cognito-signup-lead = Dla { $app }, w { $provider }.
cognito-create-account = Utwórz konto
cognito-have-account = Masz już konto?
cognito-confirm-title = Potwierdź konto
cognito-code-sent-to = Wysłaliśmy kod na { $destination }.
cognito-enter-code-sent = Wpisz kod, który Ci wysłaliśmy.
cognito-confirmation-code = Kod potwierdzający
cognito-confirm = Potwierdź
cognito-send-new-code = Wyślij nowy kod
cognito-forgot-title = Zresetuj hasło
cognito-forgot-lead = Wpisz nazwę użytkownika, a wyślemy Ci kod do zresetowania hasła.
cognito-send-code = Wyślij kod
cognito-mfa-setup-title = Skonfiguruj aplikację uwierzytelniającą
cognito-mfa-setup-lead = Twoje konto wymaga drugiego kroku. Zeskanuj ten kod aplikacją uwierzytelniającą (lub wpisz klucz), a następnie wpisz 6-cyfrowy kod, który wyświetli.
cognito-mfa-setup-qr-alt = Kod QR dla aplikacji uwierzytelniającej
cognito-mfa-setup-key = Klucz
cognito-mfa-setup-code = Kod z aplikacji
cognito-verify-and-continue = Zweryfikuj i kontynuuj
cognito-new-password-title = Ustaw nowe hasło
cognito-select-mfa-title = Wybierz sposób weryfikacji
cognito-select-mfa-lead = Twoje konto ma więcej niż jeden sposób potwierdzenia tożsamości.
cognito-select-mfa-always = Zawsze używaj tej metody
password-rules-intro = Hasło musi zawierać:

## The signed-out page

signed-out-title = Wylogowano
signed-out-heading = Wylogowano Cię
signed-out-back-to-app = Możesz teraz wrócić do { $app }.
signed-out-close = Możesz zamknąć tę stronę.

## The demo app

demo-title = Demo authgate
demo-lead-before = Ta strona to aplikacja zarejestrowana jako
demo-lead-after = . Logowanie przechodzi cały przepływ kodu autoryzacji z PKCE przez hostowany interfejs, a potem pokazuje tokeny otrzymane przez aplikację.
demo-sign-out-of-authgate = Wyloguj się z authgate
demo-result-title = Zalogowano · Demo authgate
demo-back = Wróć do demo
demo-sign-out = Wyloguj się

## Error pages (templates/error.html)

error-title-unavailable = Chwilowo niedostępne
error-title-problem = Problem z logowaniem
error-lead = Wróć do aplikacji i spróbuj ponownie. Jeśli problem się powtarza, skontaktuj się z pomocą techniczną aplikacji.
error-request-id = Identyfikator żądania:
error-render-failed = Wystąpił błąd po naszej stronie. Spróbuj ponownie.

## What an error page says (src/web/messages.rs, one id per Msg)

msg-sign-in-expired = Ta strona logowania wygasła. Wróć do aplikacji i zacznij logowanie od nowa.
msg-other-browser = To logowanie rozpoczęto w innej przeglądarce lub karcie, która została już zamknięta. Wróć do aplikacji i zacznij logowanie od nowa.
msg-method-not-available = Ten sposób logowania nie jest dostępny w tej aplikacji.
msg-form-expired = Ten formularz wygasł. Wróć do aplikacji i zacznij od nowa.
msg-form-incomplete = Formularz był niekompletny. Wróć i spróbuj ponownie.
msg-unavailable = Logowanie jest chwilowo niedostępne. Spróbuj ponownie za chwilę.
msg-no-such-page = Pod tym adresem nie ma strony.
msg-unusable-redirect = Adres, który ma Cię przenieść z powrotem do aplikacji, jest nieprawidłowy, więc logowanie nie może być kontynuowane. Zgłoś to pomocy technicznej aplikacji.
msg-role-not-allowed = Twoje konto nie może używać tej roli. Wróć i wybierz rolę z listy.
msg-federation-pool-unreachable = Nie udało się zalogować Cię do { $app }, ponieważ pula tożsamości { $pool } nie odpowiedziała. Spróbuj ponownie za kilka minut.
msg-federation-pool-throttled = Nie udało się zalogować Cię do { $app }, ponieważ pula tożsamości { $pool } chwilowo odrzuca żądania. Spróbuj ponownie za kilka minut.
msg-federation-pool-refused = Nie udało się zalogować Cię do { $app }, ponieważ pula tożsamości { $pool } odrzuciła to logowanie. Jeśli problem się powtarza, zgłoś go pomocy technicznej aplikacji.
msg-federation-pool-not-found = Nie udało się zalogować Cię do { $app }, ponieważ pula tożsamości { $pool } nie zna tej tożsamości. Jeśli problem się powtarza, zgłoś go pomocy technicznej aplikacji.
msg-federation-pool-bad-answer = Nie udało się zalogować Cię do { $app }, ponieważ pula tożsamości { $pool } zwróciła odpowiedź, której nie można użyć. Jeśli problem się powtarza, zgłoś go pomocy technicznej aplikacji.
msg-federation-pool-failed = Nie udało się zalogować Cię do { $app }, ponieważ pula tożsamości { $pool } odpowiedziała błędem. Jeśli problem się powtarza, zgłoś go pomocy technicznej aplikacji.
msg-federation-sign-in-expired = Nie udało się zalogować Cię do { $app }, ponieważ logowanie przez dostawcę { $provider } wygasło. Wróć do aplikacji i zaloguj się ponownie.
msg-federation-provider-unreachable = Nie udało się zalogować Cię do { $app }, ponieważ dostawca { $provider } nie odpowiada, więc nie udało się odnowić logowania. Spróbuj ponownie za kilka minut.
msg-federation-internal = Nie udało się zalogować Cię do { $app }, ponieważ nie udało się dokończyć logowania. Spróbuj ponownie za kilka minut.
msg-upstream-unreachable = Logowanie nie powiodło się, ponieważ dostawca { $provider } nie odpowiada. Spróbuj ponownie za kilka minut.
msg-upstream-bad-answer = Logowanie nie powiodło się, ponieważ odpowiedzi dostawcy { $provider } nie można użyć. Spróbuj ponownie za kilka minut.
msg-upstream-rejected = Logowanie nie powiodło się: odpowiedź logowania od dostawcy { $provider } nie przeszła weryfikacji. Wróć do aplikacji i zacznij od nowa.
msg-upstream-denied = Logowanie nie powiodło się: nie zezwolono na logowanie. Wróć do aplikacji i zacznij od nowa.
msg-upstream-declined = Logowanie nie powiodło się: logowanie nie zostało dokończone. Wróć do aplikacji i zacznij od nowa.
msg-saml-logout-refused = Wiadomość o wylogowaniu od dostawcy { $provider } nie przeszła weryfikacji, więc nic nie zostało wylogowane. Wróć do aplikacji.
msg-upstream-repeats = Odpowiedź logowania powtarza parametr.
msg-upstream-no-state = Odpowiedź logowania nie zawierała parametru state.
msg-upstream-not-this-flow = Ta odpowiedź logowania nie należy do rozpoczętego logowania.
upstream-incomplete-no-code = Odpowiedź logowania nie zawierała kodu.
msg-pool-unreachable = { $pool } nie odpowiada. Spróbuj ponownie za chwilę.
msg-pool-bad-answer = { $pool } zwrócił odpowiedź, której nie można użyć. Spróbuj ponownie później.
msg-mfa-setup-unsupported = Twoje konto potrzebuje numeru telefonu lub adresu e-mail do drugiego kroku logowania, a nie ma jeszcze żadnego z nich. Skontaktuj się z pomocą techniczną aplikacji.
msg-challenge-unsupported = To konto wymaga kroku logowania, który nie jest tu dostępny. Skontaktuj się z pomocą techniczną aplikacji.
msg-sign-in-again = Trwało to zbyt długo albo odpowiedź nie została zaakceptowana. Zaloguj się ponownie.
msg-demo-form-expired = Ten formularz wygasł. Odśwież stronę demo.
msg-too-many-requests = Z Twojej sieci przyszło właśnie zbyt wiele żądań. Poczekaj { $wait } i spróbuj ponownie.
wait-a-second = sekundę
wait-seconds = { $count ->
    [one] { $count } sekundę
    [few] { $count } sekundy
   *[other] { $count } sekund
}
wait-minutes = { $count ->
    [one] { $count } minutę
    [few] { $count } minuty
   *[other] { $count } minut
}
authorize-repeats-client = Żądanie logowania aplikacji dwukrotnie podaje aplikację lub drogę powrotu do niej. Zgłoś to pomocy technicznej aplikacji.
authorize-no-client-id = Żądanie logowania nie podaje, z której aplikacji pochodzi. Zgłoś to pomocy technicznej aplikacji.
authorize-unknown-client = Aplikacja, która Cię tu skierowała, nie jest zarejestrowana.
authorize-no-redirect-uri = Żądanie logowania nie podaje, dokąd Cię potem przekierować. Zgłoś to pomocy technicznej aplikacji.
authorize-unknown-redirect-uri = Aplikacja poprosiła o odesłanie Cię pod adres, którego nie zarejestrowała, więc logowanie nie może być kontynuowane. Zgłoś to pomocy technicznej aplikacji.

## Sign-in forms' own errors

signin-bad-credentials = Nieprawidłowa nazwa użytkownika lub hasło.
signin-locked =
    { $minutes ->
        [one] Logowanie zostało zablokowane po zbyt wielu nieudanych próbach. Możesz spróbować ponownie za { $minutes } minutę.
        [few] Logowanie zostało zablokowane po zbyt wielu nieudanych próbach. Możesz spróbować ponownie za { $minutes } minuty.
        [many] Logowanie zostało zablokowane po zbyt wielu nieudanych próbach. Możesz spróbować ponownie za { $minutes } minut.
   *[other] Logowanie zostało zablokowane po zbyt wielu nieudanych próbach. Możesz spróbować ponownie za { $minutes } minuty.
    }

## A Cognito pool's pages, said from code (src/hosted_ui/words.rs)

cognito-try-later = Na razie zbyt wiele prób. Poczekaj kilka minut i spróbuj ponownie.
cognito-wrong-code = Ten kod jest nieprawidłowy. Sprawdź go i spróbuj ponownie.
cognito-expired-code = Ten kod wygasł. Poproś o nowy.
cognito-wrong-answer = Ta odpowiedź nie została zaakceptowana. Spróbuj ponownie.
cognito-check-input = Sprawdź wpisane dane i spróbuj ponownie.
cognito-choose-option = Wybierz jedną z opcji.
cognito-enter-username = Wpisz nazwę użytkownika.
cognito-no-verified-contact = To konto nie ma zweryfikowanego adresu e-mail ani numeru telefonu, na który można wysłać kod. Skontaktuj się z pomocą techniczną aplikacji.
cognito-reset-code-not-sent = Nie udało się wysłać kodu resetowania. Spróbuj ponownie później.
cognito-enter-code-and-password = Wpisz kod i nowe hasło.
cognito-reset-code-expired = Ten kod wygasł. Zacznij resetowanie od nowa.
cognito-reset-failed = Nie udało się zresetować hasła tym kodem. Zacznij resetowanie od nowa.
cognito-fill-every-field = Wypełnij wszystkie pola.
cognito-username-exists = Konto o tej nazwie użytkownika już istnieje. Zaloguj się lub zresetuj hasło.
cognito-signup-check-input = Sprawdź wpisane dane (adres e-mail, numer telefonu, np. +15555550100) i spróbuj ponownie.
cognito-signup-failed = Nie udało się utworzyć konta. Spróbuj ponownie.
cognito-confirm-failed = Nie udało się potwierdzić konta tym kodem. Poproś o nowy.
cognito-new-code-not-sent = Nie udało się wysłać nowego kodu. Spróbuj ponownie później.
cognito-account-ready = Twoje konto jest gotowe. Zaloguj się, aby kontynuować.
cognito-account-confirmed = Twoje konto zostało potwierdzone. Zaloguj się, aby kontynuować.
cognito-not-confirmed = Twoje konto nie jest jeszcze potwierdzone. Wpisz kod wysłany przy rejestracji albo poproś o nowy.
cognito-reset-code-sent-to = Jeśli konto istnieje, wysłaliśmy kod na { $destination }.
cognito-reset-code-sent = Jeśli konto istnieje, wysłaliśmy do niego kod.
cognito-reset-required-code-sent-to = Przed zalogowaniem musisz zresetować hasło. Jeśli konto istnieje, wysłaliśmy kod na { $destination }.
cognito-reset-required-code-sent = Przed zalogowaniem musisz zresetować hasło. Jeśli konto istnieje, wysłaliśmy do niego kod.
cognito-new-code-sent-to = Wysłaliśmy nowy kod na { $destination }.
cognito-new-code-sent = Wysłaliśmy nowy kod.
cognito-code-heading-sms = Wpisz kod z SMS-a
cognito-code-heading-email = Wpisz kod z e-maila
cognito-code-heading-app = Wpisz kod z aplikacji uwierzytelniającej
cognito-code-intro-app = Otwórz aplikację uwierzytelniającą i wpisz 6-cyfrowy kod, który pokazuje dla tego konta.
cognito-custom-heading = Jeszcze jeden krok
cognito-custom-intro = Odpowiedz na pytanie poniżej, aby dokończyć logowanie.
cognito-custom-answer = Twoja odpowiedź
cognito-mfa-sms = SMS na Twój telefon
cognito-mfa-app = Aplikacja uwierzytelniająca
cognito-mfa-email = E-mail
cognito-temporary-password = Twoje konto ma hasło tymczasowe. Aby kontynuować, wybierz własne.
cognito-set-password-submit = Ustaw hasło i zaloguj się
cognito-reset-intro-to = Wpisz kod wysłany na { $destination } i wybierz nowe hasło.
cognito-reset-intro = Wpisz kod, który Ci wysłaliśmy, i wybierz nowe hasło.
cognito-reset-submit = Zresetuj hasło

## The pool's password rules, and why it refused a password

password-rule-length = { $count ->
    [one] Co najmniej { $count } znak
    [few] Co najmniej { $count } znaki
   *[many] Co najmniej { $count } znaków
}
password-rule-uppercase = Wielka litera
password-rule-lowercase = Mała litera
password-rule-number = Cyfra
password-rule-symbol = Symbol, np. ! lub %
password-too-short = To hasło jest za krótkie.
password-needs-uppercase = To hasło musi zawierać wielką literę.
password-needs-lowercase = To hasło musi zawierać małą literę.
password-needs-number = To hasło musi zawierać cyfrę.
password-needs-symbol = To hasło musi zawierać symbol.
password-used-before = To hasło było niedawno używane. Wybierz inne.
password-not-accepted = To hasło nie spełnia wymagań.

## Labels of a pool's standard attributes (sign-up, new password)

attribute-email = E-mail
attribute-phone-number = Numer telefonu (+15555550100)
attribute-name = Imię i nazwisko
attribute-given-name = Imię
attribute-family-name = Nazwisko
attribute-preferred-username = Preferowana nazwa użytkownika
attribute-birthdate = Data urodzenia (RRRR-MM-DD)

## The demo's result page

demo-signed-in = Zalogowano
demo-nonce-mismatch = Zalogowano, ale nonce tokenu ID się nie zgadzał
demo-failed = Logowanie nie powiodło się
demo-not-started = W tej przeglądarce nie rozpoczęto logowania. Zacznij od nowa na /demo.
demo-state-mismatch = Parametr state się nie zgadzał: ta odpowiedź nie była dla tej przeglądarki.
demo-server-error = Serwer autoryzacji odpowiedział { $error }: { $description }
demo-no-code = Odpowiedź nie zawierała kodu.
demo-token-failed = Żądanie tokenów nie powiodło się: { $error } ({ $description })
demo-token-response = Odpowiedź z tokenami
demo-id-token-header = Token ID: nagłówek
demo-id-token-claims = Token ID: oświadczenia
demo-access-token-header = Token dostępu: nagłówek
demo-access-token-claims = Token dostępu: oświadczenia
demo-not-json = (to nie JSON)
demo-opaque = Znaki: { $count }, nieprzejrzysty

## The account pages (templates/account.html, account_everywhere.html) and their errors

account-title = Twoje konto
account-back-to-app = Wróć do { $app }
account-profile-heading = Profil
account-signed-in-with = Zalogowano przez
account-managed-at = Te dane pochodzą z { $provider }. Aby je zmienić, zmień je tam.
account-managed-in-config = Tymi danymi zarządza za Ciebie usługa; nie można ich tu zmienić.
account-email-verified = E-mail zweryfikowany
account-phone-verified = Numer telefonu zweryfikowany
account-yes = Tak
account-no = Nie
account-sessions-heading = Gdzie jesteś zalogowany
account-session-browser-sign-in = Logowanie w przeglądarce
account-session-current = Ta przeglądarka
account-session-details = Przez { $provider }, zalogowano { $when }
account-browser-on = { $browser } w systemie { $system }
account-browser-unknown = Nieznana przeglądarka
account-session-end = Zakończ tę sesję
account-everywhere-heading = Wyloguj wszędzie
account-everywhere-lead = Kończy każdą sesję Twojego konta, w każdej aplikacji i przeglądarce, łącznie z tą.
account-notice-ended = Sesja została zakończona.
msg-account-back-not-registered = Ta aplikacja nie może odesłać Cię pod ten adres: nie jest on jednym z jej zarejestrowanych adresów.
msg-account-no-such-session = Ta sesja nie należy do Ciebie albo już się zakończyła.
msg-account-sign-in-failed = Logowanie do konta nie zostało ukończone. Otwórz ponownie stronę swojego konta.

## An app's own links in the footer (its branding)

branding-legal-label = Informacje prawne
branding-terms = Warunki korzystania
branding-privacy = Polityka prywatności

## After sign-in, the way back to an app whose browser may swallow the redirect

return-title = Zalogowano
return-heading = Zalogowano Cię
return-lead = Wróć do { $app }, aby kontynuować.
return-button = Wróć do aplikacji
return-not-opening = Jeśli nic się nie dzieje, { $app } może nie być zainstalowana na tym urządzeniu albo ta przeglądarka nie może jej otworzyć. Otwórz { $app } samodzielnie i zaloguj się w niej albo spróbuj jeszcze raz.
return-try-again = Spróbuj jeszcze raz

# Account pages: multi-factor, remembered devices (issue 13).
account-mfa-title = Uwierzytelnianie wieloskładnikowe
account-mfa-lead = Drugi krok przy logowaniu: kod z aplikacji uwierzytelniającej albo kod wysłany na Twój telefon lub adres e-mail.
account-mfa-on = Włączone
account-mfa-off = Wyłączone
account-mfa-preferred = Pytane jako pierwsze
account-mfa-setup-app = Skonfiguruj aplikację uwierzytelniającą
account-mfa-make-preferred = Pytaj o to jako pierwsze
account-mfa-use = Włącz i pytaj jako pierwsze
account-mfa-turn-off = Wyłącz uwierzytelnianie wieloskładnikowe
account-mfa-turn-off-lead = Przy logowaniu będzie wymagane tylko hasło. Jeśli ustawienia Twojego konta wymagają drugiego kroku, zostanie to odrzucone.
account-mfa-setup-lead = Zeskanuj ten kod aplikacją uwierzytelniającą (lub wpisz w niej klucz), a następnie wpisz 6-cyfrowy kod, który pokazuje.
account-mfa-verify = Sprawdź i włącz
account-mfa-wrong-code = Ten kod jest nieprawidłowy. Wpisz 6-cyfrowy kod, który aplikacja pokazuje teraz.
account-mfa-throttled = Zbyt wiele błędnych kodów. Odczekaj kilka minut i spróbuj ponownie.
account-mfa-refused = Ustawienia logowania Twojego konta nie pozwalają na tę zmianę.
account-mfa-notice-on = Aplikacja uwierzytelniająca jest skonfigurowana i przy logowaniu będzie pytana jako pierwsza.
account-mfa-notice-preferred = Twój wybór został zapisany.
account-mfa-notice-off = Uwierzytelnianie wieloskładnikowe jest wyłączone.
account-devices-title = Zapamiętane urządzenia
account-devices-lead = Te urządzenia pomijają drugi krok przy logowaniu. Jeśli zapomnisz jedno z nich, przy następnym logowaniu znów zostanie poproszone o drugi krok.
account-devices-none = Żadne urządzenie nie jest zapamiętane.
account-device-unnamed = Urządzenie bez nazwy
account-device-last-used = Ostatnio użyte { $when }
account-device-address = Ostatni adres: { $address }
account-device-forget = Zapomnij to urządzenie
account-devices-notice-forgotten = Urządzenie zostało zapomniane. Przy następnym logowaniu znów zostanie poproszone o drugi krok.
account-device-not-found = To urządzenie nie należy do Ciebie.

# Account pages: a pool user's profile, password and deletion.
account-edit-profile = Edytuj profil
account-profile-save = Zapisz
account-profile-saved = Twoje dane zostały zapisane.
account-profile-unchanged = Nic nie zostało zmienione.
account-attribute-taken = Ten adres lub numer jest już używany przez inne konto.
account-status-verified = zweryfikowano
account-status-unverified = niezweryfikowano
account-verify-now = Zweryfikuj teraz
account-verify-heading = Wpisz kod weryfikacyjny
account-verify-lead-email = Wysłaliśmy kod na Twój nowy adres e-mail. Zacznie obowiązywać, gdy wpiszesz tutaj kod.
account-verify-lead-phone = Wysłaliśmy kod na Twój nowy numer telefonu. Zacznie obowiązywać, gdy wpiszesz tutaj kod.
account-verify-submit = Zweryfikuj
account-verify-resend = Wyślij nowy kod
account-code-resent = Nowy kod jest w drodze.
account-verified = Zweryfikowano. Dziękujemy.
account-change-password = Zmień hasło
account-password-current = Obecne hasło
account-password-confirm = Powtórz nowe hasło
account-password-mismatch = Oba nowe hasła nie są takie same.
account-password-wrong-current = Obecne hasło jest nieprawidłowe.
account-password-changed = Hasło zostało zmienione.
account-delete-heading = Usuń konto
account-delete-lead = Konto { $username } zostanie trwale usunięte, a Ty zostaniesz wylogowany wszędzie. Tego nie można cofnąć.
account-delete-submit = Usuń moje konto
msg-account-delete-not-allowed = Usuwanie konta nie jest tutaj dostępne. Zapytaj osoby prowadzące tę usługę.
msg-account-managed-elsewhere = Tego konta nie można tu zmienić: jest zarządzane tam, gdzie się logujesz.
