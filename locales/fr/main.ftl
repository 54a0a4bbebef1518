# Les pages d’authgate en français. Mêmes identifiants et { $variables } que l’anglais (locales/en/main.ftl).

## Every page (templates/base.html)

page-default-title = Connexion
page-footer = Sécurisé par authgate
language-picker-label = Langue

## Words several pages share

field-username = Nom d’utilisateur
field-password = Mot de passe
field-new-password = Nouveau mot de passe
field-code = Code
button-sign-in = Se connecter
button-continue = Continuer
link-start-again = Recommencer
link-back-to-sign-in = Retour à la connexion
link-other-ways = Autres moyens de connexion
sign-in-to-app = Connexion à { $app }

## The provider picker and the password page

picker-lead = Choisissez comment vous connecter.
picker-continue-with = Continuer avec { $provider }
password-lead = Continuez avec votre compte { $provider }.

## The AWS role page

role-title = Choisir un rôle pour { $app }
role-heading = Choisir un rôle
role-lead = Votre compte peut utiliser { $app } avec plusieurs rôles AWS. Choisissez celui à utiliser jusqu’à votre déconnexion.
role-legend = Rôle

## A Cognito pool's pages

cognito-signin-lead = Avec votre compte { $provider }.
cognito-remember-device = Mémoriser cet appareil
cognito-forgot-password = Mot de passe oublié ?
cognito-no-account = Pas de compte ?
cognito-create-one = Créez-en un
cognito-signup-title = Créer un compte
cognito-signup-lead = Pour { $app }, avec { $provider }.
cognito-create-account = Créer le compte
cognito-have-account = Vous avez déjà un compte ?
cognito-confirm-title = Confirmer votre compte
cognito-code-sent-to = Nous avons envoyé un code à { $destination }.
cognito-enter-code-sent = Saisissez le code que nous vous avons envoyé.
cognito-confirmation-code = Code de confirmation
cognito-confirm = Confirmer
cognito-send-new-code = Envoyer un nouveau code
cognito-forgot-title = Réinitialiser votre mot de passe
cognito-forgot-lead = Saisissez votre nom d’utilisateur : nous vous enverrons un code pour réinitialiser votre mot de passe.
cognito-send-code = Envoyer le code
cognito-mfa-setup-title = Configurer une application d’authentification
cognito-mfa-setup-lead = Votre compte nécessite une deuxième étape. Scannez ce code avec une application d’authentification (ou saisissez la clé), puis saisissez le code à 6 chiffres qu’elle affiche.
cognito-mfa-setup-qr-alt = Code QR pour votre application d’authentification
cognito-mfa-setup-key = Clé
cognito-mfa-setup-code = Code affiché par l’application
cognito-verify-and-continue = Vérifier et continuer
cognito-new-password-title = Choisir un nouveau mot de passe
cognito-select-mfa-title = Choisir le mode de vérification
cognito-select-mfa-lead = Votre compte dispose de plusieurs moyens de confirmer votre identité.
cognito-select-mfa-always = Toujours utiliser ce moyen
password-rules-intro = Votre mot de passe doit contenir :

## The signed-out page

signed-out-title = Déconnecté
signed-out-heading = Vous êtes déconnecté
signed-out-back-to-app = Vous pouvez maintenant revenir à { $app }.
signed-out-close = Vous pouvez fermer cette page.

## The demo app

demo-title = Démo authgate
demo-lead-before = Cette page est une application enregistrée sous l’identifiant
demo-lead-after = . La connexion exécute l’intégralité du flux « authorization code » avec PKCE via l’interface hébergée, puis affiche les jetons reçus par l’application.
demo-sign-out-of-authgate = Se déconnecter d’authgate
demo-result-title = Connecté · Démo authgate
demo-back = Retour à la démo
demo-sign-out = Se déconnecter

## Error pages (templates/error.html)

error-title-unavailable = Temporairement indisponible
error-title-problem = Problème de connexion
error-lead = Revenez à l’application et réessayez. Si le problème persiste, contactez l’assistance de l’application.
error-request-id = ID de la requête :
error-render-failed = Une erreur s’est produite de notre côté. Veuillez réessayer.

## What an error page says (src/web/messages.rs, one id per Msg)

msg-sign-in-expired = Cette page de connexion a expiré. Revenez à l’application et recommencez la connexion.
msg-other-browser = Cette connexion a été commencée dans un autre navigateur ou onglet, fermé depuis. Revenez à l’application et recommencez la connexion.
msg-method-not-available = Ce moyen de connexion n’est pas disponible pour cette application.
msg-form-expired = Ce formulaire a expiré. Revenez à l’application et recommencez.
msg-form-incomplete = Le formulaire était incomplet. Revenez en arrière et réessayez.
msg-unavailable = La connexion est temporairement indisponible. Veuillez réessayer dans un instant.
msg-no-such-page = Il n’y a aucune page à cette adresse.
msg-unusable-redirect = L’URI de redirection ne peut pas être utilisée.
msg-role-not-allowed = Votre compte ne peut pas utiliser ce rôle. Revenez en arrière et choisissez-en un dans la liste.
msg-federation-failed = Vous n’avez pas pu être connecté à { $app }, car { $reason }. { $advice }
msg-advice-try-later = Réessayez dans quelques minutes.
msg-advice-sign-in-again = Revenez à l’application et reconnectez-vous.
msg-advice-tell-support = Si le problème persiste, prévenez l’assistance de l’application.
msg-upstream-unreachable = La connexion a échoué, car { $reason }. Réessayez dans quelques minutes.
msg-upstream-rejected = La connexion a échoué : { $reason }. Revenez à l’application et recommencez.
msg-upstream-repeats = La réponse de connexion répète un paramètre.
msg-upstream-no-state = La réponse de connexion ne contenait pas de paramètre state.
msg-upstream-not-this-flow = Cette réponse de connexion ne correspond pas à la connexion commencée.
upstream-incomplete-no-code = La réponse de connexion ne contenait pas de code.
msg-pool-unreachable = { $pool } n’a pas répondu. Réessayez dans un instant.
msg-pool-bad-answer = { $pool } a donné une réponse qu’authgate ne peut pas utiliser. Réessayez plus tard.
msg-mfa-setup-unsupported = Votre compte a besoin d’un numéro de téléphone ou d’une adresse e-mail pour sa deuxième étape de connexion, et n’en a pas encore. Contactez l’assistance de l’application.
msg-challenge-unsupported = Ce compte nécessite une étape de connexion qu’authgate ne propose pas. Contactez l’assistance de l’application.
msg-sign-in-again = L’opération a pris trop de temps, ou la réponse n’a pas été acceptée. Reconnectez-vous.
msg-demo-form-expired = Ce formulaire a expiré. Rechargez la page de démo.
msg-too-many-requests = Votre réseau a envoyé trop de requêtes à l’instant. Veuillez patienter { $wait } puis réessayer.
wait-a-second = une seconde
wait-seconds = { $count ->
    [one] { $count } seconde
   *[other] { $count } secondes
}
wait-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
authorize-repeats-client = La requête répète client_id ou redirect_uri.
authorize-no-client-id = La requête ne contient pas de client_id.
authorize-unknown-client = L’application qui vous a envoyé ici n’est pas enregistrée.
authorize-no-redirect-uri = La requête ne contient pas de redirect_uri.
authorize-unknown-redirect-uri = L’URI de redirection de la requête n’est pas enregistrée pour cette application.

## Sign-in forms' own errors

signin-bad-credentials = Nom d’utilisateur ou mot de passe incorrect.
signin-locked = Trop de tentatives infructueuses. Patientez quelques minutes, puis réessayez.
