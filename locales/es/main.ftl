# Las páginas de authgate en español. Los mismos ID y { $variables } que en inglés (locales/en/main.ftl).

## Every page (templates/base.html)

page-default-title = Iniciar sesión
page-footer = Protegido por authgate
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
msg-unusable-redirect = No se puede usar el URI de redirección.
msg-role-not-allowed = Su cuenta no puede usar ese rol. Vuelva atrás y elija uno de la lista.
msg-federation-failed = No se pudo iniciar su sesión en { $app } porque { $reason }. { $advice }
msg-advice-try-later = Inténtelo de nuevo en unos minutos.
msg-advice-sign-in-again = Vuelva a la aplicación e inicie sesión de nuevo.
msg-advice-tell-support = Si sigue ocurriendo, informe al soporte de la aplicación.
msg-upstream-unreachable = No se pudo iniciar sesión porque { $reason }. Inténtelo de nuevo en unos minutos.
msg-upstream-rejected = No se pudo iniciar sesión: { $reason }. Vuelva a la aplicación y empiece de nuevo.
msg-upstream-repeats = La respuesta de inicio de sesión repite un parámetro.
msg-upstream-no-state = La respuesta de inicio de sesión no incluía state.
msg-upstream-not-this-flow = Esta respuesta de inicio de sesión no corresponde al inicio de sesión que se comenzó.
upstream-incomplete-no-code = La respuesta de inicio de sesión no incluía ningún código.
msg-pool-unreachable = { $pool } no respondió. Inténtelo de nuevo en un momento.
msg-pool-bad-answer = { $pool } dio una respuesta que authgate no puede usar. Inténtelo de nuevo más tarde.
msg-mfa-setup-unsupported = Su cuenta necesita un número de teléfono o una dirección de correo electrónico para el segundo paso de inicio de sesión y todavía no tiene ninguno. Póngase en contacto con el soporte de la aplicación.
msg-challenge-unsupported = Esta cuenta necesita un paso de inicio de sesión que authgate no ofrece. Póngase en contacto con el soporte de la aplicación.
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
authorize-repeats-client = La solicitud repite client_id o redirect_uri.
authorize-no-client-id = La solicitud no incluye client_id.
authorize-unknown-client = La aplicación que le ha enviado aquí no está registrada.
authorize-no-redirect-uri = La solicitud no incluye redirect_uri.
authorize-unknown-redirect-uri = El URI de redirección de la solicitud no está registrado para esta aplicación.

## Sign-in forms' own errors

signin-bad-credentials = Nombre de usuario o contraseña incorrectos.
signin-locked = Demasiados intentos fallidos. Espere unos minutos e inténtelo de nuevo.
