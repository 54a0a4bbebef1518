# Les pages d’authgate en français. Mêmes identifiants et { $variables } que l’anglais (locales/en/main.ftl).

## Every page (templates/base.html)

page-default-title = Connexion
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
msg-unusable-redirect = L’adresse qui doit vous ramener à l’application n’est pas valide : la connexion ne peut pas continuer. Prévenez le support de l’application.
msg-role-not-allowed = Votre compte ne peut pas utiliser ce rôle. Revenez en arrière et choisissez-en un dans la liste.
msg-federation-pool-unreachable = Vous n’avez pas pu être connecté à { $app }, car le groupe d’identités { $pool } n’a pas répondu. Réessayez dans quelques minutes.
msg-federation-pool-throttled = Vous n’avez pas pu être connecté à { $app }, car le groupe d’identités { $pool } refuse les appels pour le moment. Réessayez dans quelques minutes.
msg-federation-pool-refused = Vous n’avez pas pu être connecté à { $app }, car le groupe d’identités { $pool } a refusé cette connexion. Si le problème persiste, prévenez l’assistance de l’application.
msg-federation-pool-not-found = Vous n’avez pas pu être connecté à { $app }, car le groupe d’identités { $pool } ne connaît pas cette identité. Si le problème persiste, prévenez l’assistance de l’application.
msg-federation-pool-bad-answer = Vous n’avez pas pu être connecté à { $app }, car le groupe d’identités { $pool } a donné une réponse inutilisable. Si le problème persiste, prévenez l’assistance de l’application.
msg-federation-pool-failed = Vous n’avez pas pu être connecté à { $app }, car le groupe d’identités { $pool } a répondu par une erreur. Si le problème persiste, prévenez l’assistance de l’application.
msg-federation-sign-in-expired = Vous n’avez pas pu être connecté à { $app }, car la connexion avec { $provider } a expiré. Revenez à l’application et reconnectez-vous.
msg-federation-provider-unreachable = Vous n’avez pas pu être connecté à { $app }, car { $provider } n’a pas répondu, donc la connexion n’a pas pu être renouvelée. Réessayez dans quelques minutes.
msg-federation-internal = Vous n’avez pas pu être connecté à { $app }, car la connexion n’a pas pu aboutir. Réessayez dans quelques minutes.
msg-upstream-unreachable = La connexion a échoué, car { $provider } n’a pas répondu. Réessayez dans quelques minutes.
msg-upstream-bad-answer = La connexion a échoué, car { $provider } a donné une réponse inutilisable. Réessayez dans quelques minutes.
msg-upstream-rejected = La connexion a échoué : la réponse de connexion de { $provider } n’a pas passé la vérification. Revenez à l’application et recommencez.
msg-upstream-denied = La connexion a échoué : vous n’avez pas autorisé la connexion. Revenez à l’application et recommencez.
msg-upstream-declined = La connexion a échoué : la connexion n’a pas été menée à terme. Revenez à l’application et recommencez.
msg-saml-logout-refused = Le message de déconnexion de { $provider } n’a pas passé la vérification, donc aucune session n’a été fermée. Revenez à l’application.
msg-upstream-repeats = La réponse de connexion répète un paramètre.
msg-upstream-no-state = La réponse de connexion ne contenait pas de paramètre state.
msg-upstream-not-this-flow = Cette réponse de connexion ne correspond pas à la connexion commencée.
upstream-incomplete-no-code = La réponse de connexion ne contenait pas de code.
msg-pool-unreachable = { $pool } n’a pas répondu. Réessayez dans un instant.
msg-pool-bad-answer = { $pool } a donné une réponse inutilisable. Réessayez plus tard.
msg-mfa-setup-unsupported = Votre compte a besoin d’un numéro de téléphone ou d’une adresse e-mail pour sa deuxième étape de connexion, et n’en a pas encore. Contactez l’assistance de l’application.
msg-challenge-unsupported = Ce compte demande une étape de connexion qui n’est pas proposée ici. Contactez le support de l’application.
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
authorize-repeats-client = La demande de connexion de l’application indique deux fois l’application ou le chemin du retour. Prévenez le support de l’application.
authorize-no-client-id = La demande de connexion n’indique pas de quelle application elle vient. Prévenez le support de l’application.
authorize-unknown-client = L’application qui vous a envoyé ici n’est pas enregistrée.
authorize-no-redirect-uri = La demande de connexion n’indique pas où vous renvoyer ensuite. Prévenez le support de l’application.
authorize-unknown-redirect-uri = L’application demande à vous renvoyer vers une adresse qu’elle n’a pas enregistrée : la connexion ne peut pas continuer. Prévenez le support de l’application.

## Sign-in forms' own errors

signin-bad-credentials = Nom d’utilisateur ou mot de passe incorrect.
signin-locked =
    { $minutes ->
        [one] La connexion est bloquée après trop de tentatives infructueuses. Vous pourrez réessayer dans { $minutes } minute.
   *[other] La connexion est bloquée après trop de tentatives infructueuses. Vous pourrez réessayer dans { $minutes } minutes.
    }

## A Cognito pool's pages, said from code (src/hosted_ui/words.rs)

cognito-try-later = Trop de tentatives pour le moment. Patientez quelques minutes, puis réessayez.
cognito-wrong-code = Ce code n’est pas le bon. Vérifiez-le et réessayez.
cognito-expired-code = Ce code a expiré. Demandez-en un nouveau.
cognito-wrong-answer = Cette réponse n’a pas été acceptée. Réessayez.
cognito-check-input = Vérifiez ce que vous avez saisi et réessayez.
cognito-choose-option = Choisissez l’une des options.
cognito-enter-username = Saisissez votre nom d’utilisateur.
cognito-no-verified-contact = Ce compte n’a ni adresse e-mail ni numéro de téléphone vérifiés où envoyer un code. Contactez l’assistance de l’application.
cognito-reset-code-not-sent = Le code de réinitialisation n’a pas pu être envoyé. Réessayez plus tard.
cognito-enter-code-and-password = Saisissez le code et un nouveau mot de passe.
cognito-reset-code-expired = Ce code a expiré. Recommencez la réinitialisation.
cognito-reset-failed = Le mot de passe n’a pas pu être réinitialisé avec ce code. Recommencez la réinitialisation.
cognito-fill-every-field = Remplissez tous les champs.
cognito-username-exists = Un compte avec ce nom d’utilisateur existe déjà. Connectez-vous, ou réinitialisez son mot de passe.
cognito-signup-check-input = Vérifiez ce que vous avez saisi (une adresse e-mail, un numéro de téléphone comme +15555550100) et réessayez.
cognito-signup-failed = Le compte n’a pas pu être créé. Réessayez.
cognito-confirm-failed = Le compte n’a pas pu être confirmé avec ce code. Demandez-en un nouveau.
cognito-new-code-not-sent = Aucun nouveau code n’a pu être envoyé. Réessayez plus tard.
cognito-account-ready = Votre compte est prêt. Connectez-vous pour continuer.
cognito-account-confirmed = Votre compte est confirmé. Connectez-vous pour continuer.
cognito-not-confirmed = Votre compte n’est pas encore confirmé. Saisissez le code envoyé lors de votre inscription, ou demandez-en un nouveau.
cognito-reset-code-sent-to = Si le compte existe, nous avons envoyé un code à { $destination }.
cognito-reset-code-sent = Si le compte existe, nous lui avons envoyé un code.
cognito-reset-required-code-sent-to = Vous devez réinitialiser votre mot de passe avant de vous connecter. Si le compte existe, nous avons envoyé un code à { $destination }.
cognito-reset-required-code-sent = Vous devez réinitialiser votre mot de passe avant de vous connecter. Si le compte existe, nous lui avons envoyé un code.
cognito-new-code-sent-to = Nous avons envoyé un nouveau code à { $destination }.
cognito-new-code-sent = Nous avons envoyé un nouveau code.
cognito-code-heading-sms = Saisissez le code reçu par SMS
cognito-code-heading-email = Saisissez le code reçu par e-mail
cognito-code-heading-app = Saisissez le code de votre application d’authentification
cognito-code-intro-app = Ouvrez votre application d’authentification et saisissez le code à 6 chiffres affiché pour ce compte.
cognito-custom-heading = Encore une étape
cognito-custom-intro = Répondez à la question ci-dessous pour terminer la connexion.
cognito-custom-answer = Votre réponse
cognito-mfa-sms = Un SMS sur votre téléphone
cognito-mfa-app = Une application d’authentification
cognito-mfa-email = Un e-mail
cognito-temporary-password = Votre compte a un mot de passe temporaire. Choisissez le vôtre pour continuer.
cognito-set-password-submit = Définir le mot de passe et se connecter
cognito-reset-intro-to = Saisissez le code envoyé à { $destination } et choisissez un nouveau mot de passe.
cognito-reset-intro = Saisissez le code que nous vous avons envoyé et choisissez un nouveau mot de passe.
cognito-reset-submit = Réinitialiser le mot de passe

## The pool's password rules, and why it refused a password

password-rule-length = { $count ->
    [one] Au moins { $count } caractère
   *[other] Au moins { $count } caractères
}
password-rule-uppercase = Une majuscule
password-rule-lowercase = Une minuscule
password-rule-number = Un chiffre
password-rule-symbol = Un symbole comme ! ou %
password-too-short = Ce mot de passe est trop court.
password-needs-uppercase = Ce mot de passe doit contenir une majuscule.
password-needs-lowercase = Ce mot de passe doit contenir une minuscule.
password-needs-number = Ce mot de passe doit contenir un chiffre.
password-needs-symbol = Ce mot de passe doit contenir un symbole.
password-used-before = Vous avez utilisé ce mot de passe récemment. Choisissez-en un autre.
password-not-accepted = Ce mot de passe ne respecte pas les exigences.

## Labels of a pool's standard attributes (sign-up, new password)

attribute-email = E-mail
attribute-phone-number = Numéro de téléphone (+15555550100)
attribute-name = Nom complet
attribute-given-name = Prénom
attribute-family-name = Nom
attribute-preferred-username = Nom d’utilisateur préféré
attribute-birthdate = Date de naissance (AAAA-MM-JJ)

## The demo's result page

demo-signed-in = Connecté
demo-nonce-mismatch = Connecté, mais le nonce du jeton d’identité ne correspondait pas
demo-failed = Échec de la connexion
demo-not-started = Aucune connexion n’a été lancée depuis ce navigateur. Recommencez depuis /demo.
demo-state-mismatch = Le paramètre state ne correspondait pas : cette réponse n’était pas destinée à ce navigateur.
demo-server-error = Le serveur d’autorisation a répondu { $error } : { $description }
demo-no-code = La réponse ne contenait aucun code.
demo-token-failed = La demande de jeton a échoué : { $error } ({ $description })
demo-token-response = Réponse du point de terminaison de jeton
demo-id-token-header = Jeton d’identité : en-tête
demo-id-token-claims = Jeton d’identité : revendications
demo-access-token-header = Jeton d’accès : en-tête
demo-access-token-claims = Jeton d’accès : revendications
demo-not-json = (pas du JSON)
demo-opaque = { $count } caractères, opaque

## The account pages (templates/account.html, account_everywhere.html) and their errors

account-title = Votre compte
account-back-to-app = Retour à { $app }
account-profile-heading = Profil
account-signed-in-with = Connecté avec
account-managed-at = Ces informations viennent de { $provider }. Pour les modifier, faites-le là-bas.
account-managed-in-config = Ces informations sont gérées pour vous par le service ; elles ne peuvent pas être modifiées ici.
account-email-verified = E-mail vérifié
account-phone-verified = Numéro de téléphone vérifié
account-yes = Oui
account-no = Non
account-sessions-heading = Où vous êtes connecté
account-session-browser-sign-in = Connexion dans le navigateur
account-session-current = Ce navigateur
account-session-details = Avec { $provider }, connecté le { $when }
account-browser-on = { $browser } sous { $system }
account-browser-unknown = Navigateur inconnu
account-session-end = Fermer cette session
account-everywhere-heading = Se déconnecter partout
account-everywhere-lead = Ferme toutes les sessions de votre compte, dans chaque application et chaque navigateur, celle-ci comprise.
account-notice-ended = La session est fermée.
msg-account-back-not-registered = Cette application ne peut pas vous renvoyer à cette adresse : ce n'est pas l'une de ses adresses enregistrées.
msg-account-no-such-session = Cette session n'est pas la vôtre, ou elle est déjà terminée.
msg-account-sign-in-failed = La connexion à votre compte n'a pas abouti. Rouvrez la page de votre compte.

## An app's own links in the footer (its branding)

branding-legal-label = Mentions légales
branding-terms = Conditions d’utilisation
branding-privacy = Politique de confidentialité

## After sign-in, the way back to an app whose browser may swallow the redirect

return-title = Connecté
return-heading = Vous êtes connecté
return-lead = Revenez à { $app } pour continuer.
return-button = Revenir à l’application
return-not-opening = S’il ne se passe rien, { $app } n’est peut-être pas installée sur cet appareil, ou ce navigateur ne peut pas l’ouvrir. Ouvrez { $app } vous-même et connectez-vous depuis l’application, ou réessayez.
return-try-again = Réessayer

# Account pages: multi-factor, remembered devices (issue 13).
account-mfa-title = Authentification multifacteur
account-mfa-lead = Une seconde étape à la connexion : un code d'une application d'authentification, ou un code envoyé sur votre téléphone ou par e-mail.
account-mfa-on = Activée
account-mfa-off = Désactivée
account-mfa-preferred = Demandée en premier
account-mfa-setup-app = Configurer une application d'authentification
account-mfa-make-preferred = Demander en premier
account-mfa-use = Activer et demander en premier
account-mfa-turn-off = Désactiver l'authentification multifacteur
account-mfa-turn-off-lead = La connexion ne demandera plus que votre mot de passe. Si les paramètres de votre compte exigent une seconde étape, ce sera refusé.
account-mfa-setup-lead = Scannez ce code avec votre application d'authentification (ou saisissez-y la clé), puis entrez le code à 6 chiffres qu'elle affiche.
account-mfa-verify = Vérifier et activer
account-mfa-wrong-code = Ce code n'est pas le bon. Entrez le code à 6 chiffres que votre application affiche maintenant.
account-mfa-throttled = Trop de codes erronés. Patientez quelques minutes, puis réessayez.
account-mfa-refused = Les paramètres de connexion de votre compte ne permettent pas ce changement.
account-mfa-notice-on = Votre application d'authentification est configurée et sera demandée en premier à la connexion.
account-mfa-notice-preferred = Votre choix est enregistré.
account-mfa-notice-off = L'authentification multifacteur est désactivée.
account-devices-title = Appareils mémorisés
account-devices-lead = Ces appareils sautent la seconde étape à la connexion. Si vous en oubliez un, la seconde étape lui sera de nouveau demandée à sa prochaine connexion.
account-devices-none = Aucun appareil n'est mémorisé.
account-device-unnamed = Appareil sans nom
account-device-last-used = Dernière utilisation : { $when }
account-device-address = Dernière adresse : { $address }
account-device-forget = Oublier cet appareil
account-devices-notice-forgotten = L'appareil est oublié. Sa prochaine connexion demandera de nouveau la seconde étape.
account-device-not-found = Cet appareil ne fait pas partie des vôtres.

# Account pages: a pool user's profile, password and deletion.
account-edit-profile = Modifier votre profil
account-profile-save = Enregistrer
account-profile-saved = Vos informations sont enregistrées.
account-profile-unchanged = Rien n’a été modifié.
account-attribute-taken = Un autre compte utilise déjà cette adresse ou ce numéro.
account-status-verified = vérifié
account-status-unverified = non vérifié
account-verify-now = Vérifier maintenant
account-verify-heading = Saisissez le code de vérification
account-verify-lead-email = Nous avons envoyé un code à votre nouvelle adresse e-mail. Elle comptera une fois le code saisi ici.
account-verify-lead-phone = Nous avons envoyé un code à votre nouveau numéro de téléphone. Il comptera une fois le code saisi ici.
account-verify-submit = Vérifier
account-verify-resend = Envoyer un nouveau code
account-code-resent = Un nouveau code est en route.
account-verified = Vérifié. Merci.
account-change-password = Changer votre mot de passe
account-password-current = Mot de passe actuel
account-password-confirm = Nouveau mot de passe, à nouveau
account-password-mismatch = Les deux nouveaux mots de passe ne sont pas identiques.
account-password-wrong-current = Votre mot de passe actuel n’est pas le bon.
account-password-changed = Votre mot de passe est changé.
account-delete-heading = Supprimer votre compte
account-delete-lead = Le compte { $username } sera supprimé définitivement et vous serez déconnecté partout. C’est irréversible.
account-delete-submit = Supprimer mon compte
msg-account-delete-not-allowed = La suppression du compte n’est pas proposée ici. Adressez-vous aux responsables de ce service.
msg-account-managed-elsewhere = Ce compte ne peut pas être modifié ici : il est géré là où vous vous connectez.
