# Las páginas de authgate en español. Los mismos ID y { $variables } que en inglés (locales/en/main.ftl).

## Every page (templates/base.html)

page-default-title = Iniciar sesión
language-picker-label = Idioma

## Words several pages share

field-username = Nombre de usuario
field-password = Contraseña
field-new-password = Nueva contraseña
field-code = Código
button-sign-in = Iniciar sesión
button-continue = Continuar
link-start-again = Volver a empezar
link-back-to-sign-in = Volver al inicio de sesión
link-other-ways = Otras formas de iniciar sesión
sign-in-to-app = Iniciar sesión en { $app }

## The provider picker and the password page

picker-lead = Elija cómo desea iniciar sesión.
picker-continue-with = Continuar con { $provider }
password-lead = Continúe con su cuenta de { $provider }.

## The AWS role page

role-title = Elegir un rol para { $app }
role-heading = Elegir un rol
role-lead = Su cuenta puede trabajar en { $app } con varios roles de AWS. Elija el que desea usar hasta que cierre la sesión.
role-legend = Rol

## A Cognito pool's pages

cognito-signin-lead = Con su cuenta de { $provider }.
cognito-remember-device = Recordar este dispositivo
cognito-forgot-password = ¿Olvidó su contraseña?
cognito-no-account = ¿No tiene una cuenta?
cognito-create-one = Cree una
cognito-signup-title = Crear una cuenta
cognito-signup-lead = Para { $app }, con { $provider }.
cognito-create-account = Crear cuenta
cognito-have-account = ¿Ya tiene una cuenta?
cognito-confirm-title = Confirmar su cuenta
cognito-code-sent-to = Hemos enviado un código a { $destination }.
cognito-enter-code-sent = Introduzca el código que le hemos enviado.
cognito-confirmation-code = Código de confirmación
cognito-confirm = Confirmar
cognito-send-new-code = Enviar un código nuevo
cognito-forgot-title = Restablecer su contraseña
cognito-forgot-lead = Introduzca su nombre de usuario y le enviaremos un código para restablecer su contraseña.
cognito-send-code = Enviar código
cognito-mfa-setup-title = Configurar una aplicación de autenticación
cognito-mfa-setup-lead = Su cuenta necesita un segundo paso. Escanee este código con una aplicación de autenticación (o escriba la clave) e introduzca el código de 6 dígitos que muestre.
cognito-mfa-setup-qr-alt = Código QR para su aplicación de autenticación
cognito-mfa-setup-key = Clave
cognito-mfa-setup-code = Código de la aplicación
cognito-verify-and-continue = Verificar y continuar
cognito-new-password-title = Elegir una contraseña nueva
cognito-select-mfa-title = Elegir cómo verificar
cognito-select-mfa-lead = Su cuenta tiene más de una forma de confirmar su identidad.
cognito-select-mfa-always = Usar siempre este método
password-rules-intro = Su contraseña necesita:

## The signed-out page

signed-out-title = Sesión cerrada
signed-out-heading = Ha cerrado la sesión
signed-out-back-to-app = Ya puede volver a { $app }.
signed-out-close = Puede cerrar esta página.

## The demo app

demo-title = Demostración de authgate
demo-lead-before = Esta página es una aplicación registrada como
demo-lead-after = . Al iniciar sesión se ejecuta todo el flujo de código de autorización con PKCE a través de la interfaz alojada y, después, se muestran los tokens que recibió la aplicación.
demo-sign-out-of-authgate = Cerrar sesión en authgate
demo-result-title = Sesión iniciada · Demostración de authgate
demo-back = Volver a la demostración
demo-sign-out = Cerrar sesión

## Error pages (templates/error.html)

error-title-unavailable = No disponible temporalmente
error-title-problem = Problema al iniciar sesión
error-lead = Vuelva a la aplicación e inténtelo de nuevo. Si el problema continúa, póngase en contacto con el soporte de la aplicación.
error-request-id = ID de la solicitud:
error-render-failed = Algo ha fallado por nuestra parte. Inténtelo de nuevo.

## What an error page says (src/web/messages.rs, one id per Msg)

msg-sign-in-expired = Esta página de inicio de sesión ha caducado. Vuelva a la aplicación e inicie sesión de nuevo.
msg-other-browser = Este inicio de sesión se comenzó en otro navegador o pestaña que ya se ha cerrado. Vuelva a la aplicación e inicie sesión de nuevo.
msg-method-not-available = Ese método de inicio de sesión no está disponible para esta aplicación.
msg-form-expired = Este formulario ha caducado. Vuelva a la aplicación y empiece de nuevo.
msg-form-incomplete = El formulario estaba incompleto. Vuelva atrás e inténtelo de nuevo.
msg-unavailable = El inicio de sesión no está disponible temporalmente. Inténtelo de nuevo en un momento.
msg-no-such-page = No hay ninguna página en esta dirección.
msg-unusable-redirect = La dirección que debería llevarle de vuelta a la aplicación no es válida, así que el inicio de sesión no puede continuar. Avise al soporte de la aplicación.
msg-role-not-allowed = Su cuenta no puede usar ese rol. Vuelva atrás y elija uno de la lista.
msg-federation-pool-unreachable = No se pudo iniciar su sesión en { $app } porque el grupo de identidades { $pool } no respondió. Inténtelo de nuevo en unos minutos.
msg-federation-pool-throttled = No se pudo iniciar su sesión en { $app } porque el grupo de identidades { $pool } está rechazando solicitudes por ahora. Inténtelo de nuevo en unos minutos.
msg-federation-pool-refused = No se pudo iniciar su sesión en { $app } porque el grupo de identidades { $pool } rechazó este inicio de sesión. Si sigue ocurriendo, informe al soporte de la aplicación.
msg-federation-pool-not-found = No se pudo iniciar su sesión en { $app } porque el grupo de identidades { $pool } no conoce esta identidad. Si sigue ocurriendo, informe al soporte de la aplicación.
msg-federation-pool-bad-answer = No se pudo iniciar su sesión en { $app } porque el grupo de identidades { $pool } dio una respuesta que no se puede usar. Si sigue ocurriendo, informe al soporte de la aplicación.
msg-federation-pool-failed = No se pudo iniciar su sesión en { $app } porque el grupo de identidades { $pool } respondió con un error. Si sigue ocurriendo, informe al soporte de la aplicación.
msg-federation-sign-in-expired = No se pudo iniciar su sesión en { $app } porque el inicio de sesión con { $provider } ha caducado. Vuelva a la aplicación e inicie sesión de nuevo.
msg-federation-provider-unreachable = No se pudo iniciar su sesión en { $app } porque { $provider } no respondió, así que no se pudo renovar el inicio de sesión. Inténtelo de nuevo en unos minutos.
msg-federation-internal = No se pudo iniciar su sesión en { $app } porque no se pudo completar el inicio de sesión. Inténtelo de nuevo en unos minutos.
msg-upstream-unreachable = No se pudo iniciar sesión porque { $provider } no respondió. Inténtelo de nuevo en unos minutos.
msg-upstream-bad-answer = No se pudo iniciar sesión porque { $provider } dio una respuesta que no se puede usar. Inténtelo de nuevo en unos minutos.
msg-upstream-rejected = No se pudo iniciar sesión: la respuesta de inicio de sesión de { $provider } no superó la verificación. Vuelva a la aplicación y empiece de nuevo.
msg-upstream-denied = No se pudo iniciar sesión: usted no autorizó el inicio de sesión. Vuelva a la aplicación y empiece de nuevo.
msg-upstream-declined = No se pudo iniciar sesión: el inicio de sesión no se completó. Vuelva a la aplicación y empiece de nuevo.
msg-saml-logout-refused = El mensaje de cierre de sesión de { $provider } no superó la verificación, así que no se cerró ninguna sesión. Vuelva a la aplicación.
msg-upstream-repeats = La respuesta de inicio de sesión repite un parámetro.
msg-upstream-no-state = La respuesta de inicio de sesión no incluía state.
msg-upstream-not-this-flow = Esta respuesta de inicio de sesión no corresponde al inicio de sesión que se comenzó.
upstream-incomplete-no-code = La respuesta de inicio de sesión no incluía ningún código.
msg-pool-unreachable = { $pool } no respondió. Inténtelo de nuevo en un momento.
msg-pool-bad-answer = { $pool } dio una respuesta que no se puede usar. Inténtelo de nuevo más tarde.
msg-mfa-setup-unsupported = Su cuenta necesita un número de teléfono o una dirección de correo electrónico para el segundo paso de inicio de sesión y todavía no tiene ninguno. Póngase en contacto con el soporte de la aplicación.
msg-challenge-unsupported = Esta cuenta necesita un paso de inicio de sesión que aquí no se ofrece. Contacte con el soporte de la aplicación.
msg-sign-in-again = Se tardó demasiado o no se aceptó la respuesta. Inicie sesión de nuevo.
msg-demo-form-expired = Este formulario ha caducado. Vuelva a cargar la página de demostración.
msg-too-many-requests = Se han recibido demasiadas solicitudes desde su red. Espere { $wait } e inténtelo de nuevo.
wait-a-second = un segundo
wait-seconds = { $count ->
    [one] { $count } segundo
   *[other] { $count } segundos
}
wait-minutes = { $count ->
    [one] { $count } minuto
   *[other] { $count } minutos
}
authorize-repeats-client = La solicitud de inicio de sesión de la aplicación indica dos veces la aplicación o el camino de vuelta a ella. Avise al soporte de la aplicación.
authorize-no-client-id = La solicitud de inicio de sesión no indica de qué aplicación procede. Avise al soporte de la aplicación.
authorize-unknown-client = La aplicación que le ha enviado aquí no está registrada.
authorize-no-redirect-uri = La solicitud de inicio de sesión no indica adónde enviarle después. Avise al soporte de la aplicación.
authorize-unknown-redirect-uri = La aplicación pidió enviarle de vuelta a una dirección que no tiene registrada, así que el inicio de sesión no puede continuar. Avise al soporte de la aplicación.

## Sign-in forms' own errors

signin-bad-credentials = Nombre de usuario o contraseña incorrectos.
signin-locked =
    { $minutes ->
        [one] El inicio de sesión está bloqueado tras demasiados intentos fallidos. Podrá volver a intentarlo dentro de { $minutes } minuto.
   *[other] El inicio de sesión está bloqueado tras demasiados intentos fallidos. Podrá volver a intentarlo dentro de { $minutes } minutos.
    }

## A Cognito pool's pages, said from code (src/hosted_ui/words.rs)

cognito-try-later = Demasiados intentos por ahora. Espere unos minutos e inténtelo de nuevo.
cognito-wrong-code = Ese código no es correcto. Compruébelo e inténtelo de nuevo.
cognito-expired-code = Ese código ha caducado. Pida uno nuevo.
cognito-wrong-answer = No se aceptó esa respuesta. Inténtelo de nuevo.
cognito-check-input = Compruebe lo que ha introducido e inténtelo de nuevo.
cognito-choose-option = Elija una de las opciones.
cognito-enter-username = Introduzca su nombre de usuario.
cognito-no-verified-contact = Esta cuenta no tiene un correo electrónico ni un teléfono verificados a los que enviar un código. Póngase en contacto con el soporte de la aplicación.
cognito-reset-code-not-sent = No se pudo enviar el código de restablecimiento. Inténtelo más tarde.
cognito-enter-code-and-password = Introduzca el código y una contraseña nueva.
cognito-reset-code-expired = Ese código ha caducado. Vuelva a empezar el restablecimiento.
cognito-reset-failed = No se pudo restablecer la contraseña con ese código. Vuelva a empezar el restablecimiento.
cognito-fill-every-field = Rellene todos los campos.
cognito-username-exists = Ya existe una cuenta con ese nombre de usuario. Inicie sesión o restablezca su contraseña.
cognito-signup-check-input = Compruebe lo que ha introducido (un correo electrónico, un teléfono como +15555550100) e inténtelo de nuevo.
cognito-signup-failed = No se pudo crear la cuenta. Inténtelo de nuevo.
cognito-confirm-failed = No se pudo confirmar la cuenta con ese código. Pida uno nuevo.
cognito-new-code-not-sent = No se pudo enviar un código nuevo. Inténtelo más tarde.
cognito-account-ready = Su cuenta está lista. Inicie sesión para continuar.
cognito-account-confirmed = Su cuenta está confirmada. Inicie sesión para continuar.
cognito-not-confirmed = Su cuenta aún no está confirmada. Introduzca el código que le enviamos al registrarse o pida uno nuevo.
cognito-reset-code-sent-to = Si la cuenta existe, hemos enviado un código a { $destination }.
cognito-reset-code-sent = Si la cuenta existe, le hemos enviado un código.
cognito-reset-required-code-sent-to = Tiene que restablecer su contraseña antes de iniciar sesión. Si la cuenta existe, hemos enviado un código a { $destination }.
cognito-reset-required-code-sent = Tiene que restablecer su contraseña antes de iniciar sesión. Si la cuenta existe, le hemos enviado un código.
cognito-new-code-sent-to = Hemos enviado un código nuevo a { $destination }.
cognito-new-code-sent = Hemos enviado un código nuevo.
cognito-code-heading-sms = Introduzca el código que le enviamos por SMS
cognito-code-heading-email = Introduzca el código que le enviamos por correo
cognito-code-heading-app = Introduzca el código de su aplicación de autenticación
cognito-code-intro-app = Abra su aplicación de autenticación e introduzca el código de 6 dígitos que muestra para esta cuenta.
cognito-custom-heading = Un paso más
cognito-custom-intro = Responda a la pregunta para terminar de iniciar sesión.
cognito-custom-answer = Su respuesta
cognito-mfa-sms = Un SMS a su teléfono
cognito-mfa-app = Una aplicación de autenticación
cognito-mfa-email = Un correo electrónico
cognito-temporary-password = Su cuenta tiene una contraseña temporal. Elija la suya para continuar.
cognito-set-password-submit = Guardar contraseña e iniciar sesión
cognito-reset-intro-to = Introduzca el código que enviamos a { $destination } y elija una contraseña nueva.
cognito-reset-intro = Introduzca el código que le enviamos y elija una contraseña nueva.
cognito-reset-submit = Restablecer contraseña

## The pool's password rules, and why it refused a password

password-rule-length = { $count ->
    [one] Al menos { $count } carácter
   *[other] Al menos { $count } caracteres
}
password-rule-uppercase = Una letra mayúscula
password-rule-lowercase = Una letra minúscula
password-rule-number = Un número
password-rule-symbol = Un símbolo, como ! o %
password-too-short = Esa contraseña es demasiado corta.
password-needs-uppercase = Esa contraseña necesita una letra mayúscula.
password-needs-lowercase = Esa contraseña necesita una letra minúscula.
password-needs-number = Esa contraseña necesita un número.
password-needs-symbol = Esa contraseña necesita un símbolo.
password-used-before = Ha usado esa contraseña hace poco. Elija otra.
password-not-accepted = Esa contraseña no cumple los requisitos.

## Labels of a pool's standard attributes (sign-up, new password)

attribute-email = Correo electrónico
attribute-phone-number = Teléfono (+15555550100)
attribute-name = Nombre completo
attribute-given-name = Nombre
attribute-family-name = Apellidos
attribute-preferred-username = Nombre de usuario preferido
attribute-birthdate = Fecha de nacimiento (AAAA-MM-DD)

## The demo's result page

demo-signed-in = Sesión iniciada
demo-nonce-mismatch = Sesión iniciada, pero el nonce del token de ID no coincidía
demo-failed = No se pudo iniciar sesión
demo-not-started = No se inició ninguna sesión desde este navegador. Vuelva a empezar en /demo.
demo-state-mismatch = El parámetro state no coincidía: esta respuesta no era para este navegador.
demo-server-error = El servidor de autorización respondió { $error }: { $description }
demo-no-code = La respuesta no traía ningún código.
demo-token-failed = Falló la solicitud de tokens: { $error } ({ $description })
demo-token-response = Respuesta de tokens
demo-id-token-header = Token de ID: encabezado
demo-id-token-claims = Token de ID: claims
demo-access-token-header = Token de acceso: encabezado
demo-access-token-claims = Token de acceso: claims
demo-not-json = (no es JSON)
demo-opaque = { $count } caracteres, opaco

## The account pages (templates/account.html, account_everywhere.html) and their errors

account-title = Tu cuenta
account-back-to-app = Volver a { $app }
account-profile-heading = Perfil
account-signed-in-with = Sesión iniciada con
account-managed-at = Estos datos vienen de { $provider }. Para cambiarlos, cámbialos allí.
account-managed-in-config = El servicio gestiona estos datos por usted; no se pueden cambiar aquí.
account-email-verified = Correo verificado
account-phone-verified = Teléfono verificado
account-yes = Sí
account-no = No
account-sessions-heading = Dónde has iniciado sesión
account-session-browser-sign-in = Inicio de sesión en el navegador
account-session-current = Este navegador
account-session-details = Con { $provider }, sesión iniciada el { $when }
account-browser-on = { $browser } en { $system }
account-browser-unknown = Navegador desconocido
account-session-end = Cerrar esta sesión
account-everywhere-heading = Cerrar sesión en todas partes
account-everywhere-lead = Cierra todas las sesiones de tu cuenta, en todas las aplicaciones y navegadores, también esta.
account-notice-ended = La sesión se ha cerrado.
msg-account-back-not-registered = Esta aplicación no puede devolverte a esa dirección: no es una de sus direcciones registradas.
msg-account-no-such-session = Esa sesión no es tuya o ya ha terminado.
msg-account-sign-in-failed = El inicio de sesión en tu cuenta no terminó. Vuelve a abrir la página de tu cuenta.

## An app's own links in the footer (its branding)

branding-legal-label = Información legal
branding-terms = Condiciones de uso
branding-privacy = Política de privacidad

## After sign-in, the way back to an app whose browser may swallow the redirect

return-title = Sesión iniciada
return-heading = Has iniciado sesión
return-lead = Vuelve a { $app } para continuar.
return-button = Volver a la app
return-not-opening = Si no ocurre nada, puede que { $app } no esté instalada en este dispositivo o que este navegador no pueda abrirla. Abra { $app } usted mismo e inicie sesión desde allí, o inténtelo otra vez.
return-try-again = Intentarlo otra vez

# Account pages: multi-factor, remembered devices (issue 13).
account-mfa-title = Autenticación multifactor
account-mfa-lead = Un segundo paso al iniciar sesión: un código de una aplicación de autenticación, o uno enviado a tu teléfono o correo electrónico.
account-mfa-on = Activado
account-mfa-off = Desactivado
account-mfa-preferred = Se pide primero
account-mfa-setup-app = Configurar una aplicación de autenticación
account-mfa-make-preferred = Pedir esto primero
account-mfa-use = Activar y pedir esto primero
account-mfa-turn-off = Desactivar la autenticación multifactor
account-mfa-turn-off-lead = Al iniciar sesión solo se pedirá tu contraseña. Si la configuración de tu cuenta exige un segundo paso, se rechazará.
account-mfa-setup-lead = Escanea este código con tu aplicación de autenticación (o escribe la clave en ella) y luego introduce el código de 6 dígitos que muestra.
account-mfa-verify = Verificar y activar
account-mfa-wrong-code = Ese código no es correcto. Introduce el código de 6 dígitos que muestra ahora tu aplicación.
account-mfa-throttled = Demasiados códigos incorrectos. Espera unos minutos y vuelve a intentarlo.
account-mfa-refused = La configuración de inicio de sesión de tu cuenta no permite este cambio.
account-mfa-notice-on = Tu aplicación de autenticación está configurada y se pide primero al iniciar sesión.
account-mfa-notice-preferred = Tu elección se ha guardado.
account-mfa-notice-off = La autenticación multifactor está desactivada.
account-devices-title = Dispositivos recordados
account-devices-lead = Estos dispositivos omiten el segundo paso al iniciar sesión. Si olvidas uno, se le volverá a pedir el segundo paso la próxima vez que inicie sesión.
account-devices-none = No hay ningún dispositivo recordado.
account-device-unnamed = Dispositivo sin nombre
account-device-last-used = Último uso: { $when }
account-device-address = Última dirección: { $address }
account-device-forget = Olvidar este dispositivo
account-devices-notice-forgotten = El dispositivo se ha olvidado. La próxima vez que inicie sesión se le pedirá de nuevo el segundo paso.
account-device-not-found = Ese dispositivo no es uno de los tuyos.

# Account pages: a pool user's profile, password and deletion.
account-edit-profile = Editar tu perfil
account-profile-save = Guardar
account-profile-saved = Tus datos se han guardado.
account-profile-unchanged = No se ha cambiado nada.
account-attribute-taken = Otra cuenta ya usa esa dirección o ese número.
account-status-verified = verificado
account-status-unverified = sin verificar
account-verify-now = Verificar ahora
account-verify-heading = Introduce el código de verificación
account-verify-lead-email = Hemos enviado un código a tu nueva dirección de correo. Contará cuando introduzcas el código aquí.
account-verify-lead-phone = Hemos enviado un código a tu nuevo número de teléfono. Contará cuando introduzcas el código aquí.
account-verify-submit = Verificar
account-verify-resend = Enviar un código nuevo
account-code-resent = Te estamos enviando un código nuevo.
account-verified = Verificado. Gracias.
account-change-password = Cambiar tu contraseña
account-password-current = Contraseña actual
account-password-confirm = Repite la nueva contraseña
account-password-mismatch = Las dos contraseñas nuevas no coinciden.
account-password-wrong-current = Tu contraseña actual no es correcta.
account-password-changed = Tu contraseña se ha cambiado.
account-delete-heading = Eliminar tu cuenta
account-delete-lead = Esto elimina la cuenta { $username } para siempre y cierra tu sesión en todas partes. No se puede deshacer.
account-delete-submit = Eliminar mi cuenta
msg-account-delete-not-allowed = Aquí no se ofrece eliminar la cuenta. Pregunta a quienes gestionan este servicio.
msg-account-managed-elsewhere = Esta cuenta no se puede cambiar aquí: se gestiona donde inicias sesión.
