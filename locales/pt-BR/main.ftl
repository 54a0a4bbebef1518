# As páginas do authgate em português do Brasil. Mesmos IDs e { $variáveis } do inglês (locales/en/main.ftl).

## Every page (templates/base.html)

page-default-title = Entrar
language-picker-label = Idioma

## Words several pages share

field-username = Nome de usuário
field-password = Senha
field-new-password = Nova senha
field-code = Código
button-sign-in = Entrar
button-continue = Continuar
link-start-again = Começar de novo
link-back-to-sign-in = Voltar para o login
link-other-ways = Outras formas de entrar
sign-in-to-app = Entrar em { $app }

## The provider picker and the password page

picker-lead = Escolha como você quer entrar.
picker-continue-with = Continuar com { $provider }
password-lead = Continue com sua conta { $provider }.

## The AWS role page

role-title = Escolha uma função para { $app }
role-heading = Escolha uma função
role-lead = Sua conta pode trabalhar em { $app } com várias funções da AWS. Escolha a que será usada até você sair.
role-legend = Função

## A Cognito pool's pages

cognito-signin-lead = Com sua conta { $provider }.
cognito-remember-device = Lembrar este dispositivo
cognito-forgot-password = Esqueceu sua senha?
cognito-no-account = Não tem uma conta?
cognito-create-one = Crie uma
cognito-signup-title = Criar uma conta
cognito-signup-lead = Para { $app }, com { $provider }.
cognito-create-account = Criar conta
cognito-have-account = Já tem uma conta?
cognito-confirm-title = Confirme sua conta
cognito-code-sent-to = Enviamos um código para { $destination }.
cognito-enter-code-sent = Digite o código que enviamos para você.
cognito-confirmation-code = Código de confirmação
cognito-confirm = Confirmar
cognito-send-new-code = Enviar um novo código
cognito-forgot-title = Redefinir sua senha
cognito-forgot-lead = Digite seu nome de usuário e enviaremos um código para redefinir sua senha.
cognito-send-code = Enviar código
cognito-mfa-setup-title = Configurar um aplicativo autenticador
cognito-mfa-setup-lead = Sua conta precisa de uma segunda etapa. Leia este código com um aplicativo autenticador (ou digite a chave) e, em seguida, digite o código de 6 dígitos que ele mostrar.
cognito-mfa-setup-qr-alt = Código QR para seu aplicativo autenticador
cognito-mfa-setup-key = Chave
cognito-mfa-setup-code = Código do aplicativo
cognito-verify-and-continue = Verificar e continuar
cognito-new-password-title = Escolha uma nova senha
cognito-select-mfa-title = Escolha como verificar
cognito-select-mfa-lead = Sua conta tem mais de uma forma de confirmar que é você.
cognito-select-mfa-always = Sempre usar este método
password-rules-intro = Sua senha precisa ter:

## The signed-out page

signed-out-title = Você saiu
signed-out-heading = Você saiu da sua conta
signed-out-back-to-app = Agora você pode voltar para { $app }.
signed-out-close = Você pode fechar esta página.

## The demo app

demo-title = Demonstração do authgate
demo-lead-before = Esta página é um aplicativo registrado como
demo-lead-after = . Entrar executa todo o fluxo de código de autorização com PKCE pela interface hospedada e, depois, mostra os tokens que o aplicativo recebeu.
demo-sign-out-of-authgate = Sair do authgate
demo-result-title = Você entrou · Demonstração do authgate
demo-back = Voltar para a demonstração
demo-sign-out = Sair

## Error pages (templates/error.html)

error-title-unavailable = Indisponível no momento
error-title-problem = Problema ao entrar
error-lead = Volte para o aplicativo e tente novamente. Se o problema continuar, entre em contato com o suporte do aplicativo.
error-request-id = ID da solicitação:
error-render-failed = Algo deu errado do nosso lado. Tente novamente.

## What an error page says (src/web/messages.rs, one id per Msg)

msg-sign-in-expired = Esta página de login expirou. Volte para o aplicativo e comece a entrar novamente.
msg-other-browser = Este login foi iniciado em outro navegador ou guia que já foi fechado. Volte para o aplicativo e comece a entrar novamente.
msg-method-not-available = Essa forma de entrar não está disponível para este aplicativo.
msg-form-expired = Este formulário expirou. Volte para o aplicativo e comece de novo.
msg-form-incomplete = O formulário estava incompleto. Volte e tente novamente.
msg-unavailable = O login está indisponível no momento. Tente novamente em instantes.
msg-no-such-page = Não há nenhuma página neste endereço.
msg-unusable-redirect = O endereço que deveria levar você de volta ao aplicativo não é válido, então o acesso não pode continuar. Avise o suporte do aplicativo.
msg-role-not-allowed = Sua conta não pode usar essa função. Volte e escolha uma da lista.
msg-federation-pool-unreachable = Não foi possível fazer seu login em { $app } porque o banco de identidades { $pool } não respondeu. Tente novamente em alguns minutos.
msg-federation-pool-throttled = Não foi possível fazer seu login em { $app } porque o banco de identidades { $pool } está recusando chamadas no momento. Tente novamente em alguns minutos.
msg-federation-pool-refused = Não foi possível fazer seu login em { $app } porque o banco de identidades { $pool } recusou este login. Se isso continuar acontecendo, avise o suporte do aplicativo.
msg-federation-pool-not-found = Não foi possível fazer seu login em { $app } porque o banco de identidades { $pool } não conhece esta identidade. Se isso continuar acontecendo, avise o suporte do aplicativo.
msg-federation-pool-bad-answer = Não foi possível fazer seu login em { $app } porque o banco de identidades { $pool } deu uma resposta que não pode ser usada. Se isso continuar acontecendo, avise o suporte do aplicativo.
msg-federation-pool-failed = Não foi possível fazer seu login em { $app } porque o banco de identidades { $pool } respondeu com um erro. Se isso continuar acontecendo, avise o suporte do aplicativo.
msg-federation-sign-in-expired = Não foi possível fazer seu login em { $app } porque o login com { $provider } expirou. Volte para o aplicativo e entre novamente.
msg-federation-provider-unreachable = Não foi possível fazer seu login em { $app } porque { $provider } não respondeu, então não foi possível renovar o login. Tente novamente em alguns minutos.
msg-federation-internal = Não foi possível fazer seu login em { $app } porque não foi possível concluir o login. Tente novamente em alguns minutos.
msg-upstream-unreachable = Não foi possível entrar porque { $provider } não respondeu. Tente novamente em alguns minutos.
msg-upstream-bad-answer = Não foi possível entrar porque { $provider } deu uma resposta que não pode ser usada. Tente novamente em alguns minutos.
msg-upstream-rejected = Não foi possível entrar: a resposta de login de { $provider } não passou na verificação. Volte para o aplicativo e comece de novo.
msg-upstream-denied = Não foi possível entrar: você não permitiu o login. Volte para o aplicativo e comece de novo.
msg-upstream-declined = Não foi possível entrar: o login não foi concluído. Volte para o aplicativo e comece de novo.
msg-saml-logout-refused = A mensagem de saída de { $provider } não passou na verificação, então nenhuma sessão foi encerrada. Volte para o aplicativo.
msg-upstream-repeats = A resposta de login repete um parâmetro.
msg-upstream-no-state = A resposta de login não trouxe state.
msg-upstream-not-this-flow = Esta resposta de login não pertence ao login que foi iniciado.
upstream-incomplete-no-code = A resposta de login não trouxe nenhum código.
msg-pool-unreachable = { $pool } não respondeu. Tente novamente em instantes.
msg-pool-bad-answer = { $pool } deu uma resposta que não pode ser usada. Tente novamente mais tarde.
msg-mfa-setup-unsupported = Sua conta precisa de um número de telefone ou endereço de e-mail para a segunda etapa de login e ainda não tem nenhum. Entre em contato com o suporte do aplicativo.
msg-challenge-unsupported = Esta conta precisa de uma etapa de acesso que não é oferecida aqui. Fale com o suporte do aplicativo.
msg-sign-in-again = Demorou demais ou a resposta não foi aceita. Entre novamente.
msg-demo-form-expired = Este formulário expirou. Recarregue a página de demonstração.
msg-too-many-requests = Sua rede fez solicitações demais agora há pouco. Aguarde { $wait } e tente novamente.
wait-a-second = um segundo
wait-seconds = { $count ->
    [one] { $count } segundo
   *[other] { $count } segundos
}
wait-minutes = { $count ->
    [one] { $count } minuto
   *[other] { $count } minutos
}
authorize-repeats-client = A solicitação de acesso do aplicativo indica duas vezes o aplicativo ou o caminho de volta a ele. Avise o suporte do aplicativo.
authorize-no-client-id = A solicitação de acesso não diz de qual aplicativo ela vem. Avise o suporte do aplicativo.
authorize-unknown-client = O aplicativo que enviou você até aqui não está registrado.
authorize-no-redirect-uri = A solicitação de acesso não diz para onde enviar você depois. Avise o suporte do aplicativo.
authorize-unknown-redirect-uri = O aplicativo pediu para enviar você de volta a um endereço que ele não registrou, então o acesso não pode continuar. Avise o suporte do aplicativo.

## Sign-in forms' own errors

signin-bad-credentials = Nome de usuário ou senha incorretos.
signin-locked =
    { $minutes ->
        [one] O acesso foi bloqueado depois de tentativas malsucedidas demais. Você poderá tentar novamente em { $minutes } minuto.
   *[other] O acesso foi bloqueado depois de tentativas malsucedidas demais. Você poderá tentar novamente em { $minutes } minutos.
    }

## A Cognito pool's pages, said from code (src/hosted_ui/words.rs)

cognito-try-later = Tentativas demais por enquanto. Aguarde alguns minutos e tente novamente.
cognito-wrong-code = Esse código não está certo. Confira e tente novamente.
cognito-expired-code = Esse código expirou. Peça um novo.
cognito-wrong-answer = Essa resposta não foi aceita. Tente novamente.
cognito-check-input = Confira o que você digitou e tente novamente.
cognito-choose-option = Escolha uma das opções.
cognito-enter-username = Digite seu nome de usuário.
cognito-no-verified-contact = Esta conta não tem e-mail nem telefone verificado para receber um código. Entre em contato com o suporte do app.
cognito-reset-code-not-sent = Não foi possível enviar o código de redefinição. Tente novamente mais tarde.
cognito-enter-code-and-password = Digite o código e uma nova senha.
cognito-reset-code-expired = Esse código expirou. Comece a redefinição de novo.
cognito-reset-failed = Não foi possível redefinir a senha com esse código. Comece a redefinição de novo.
cognito-fill-every-field = Preencha todos os campos.
cognito-username-exists = Já existe uma conta com esse nome de usuário. Entre com ela ou redefina a senha.
cognito-signup-check-input = Confira o que você digitou (um e-mail, um telefone como +15555550100) e tente novamente.
cognito-signup-failed = Não foi possível criar a conta. Tente novamente.
cognito-confirm-failed = Não foi possível confirmar a conta com esse código. Peça um novo.
cognito-new-code-not-sent = Não foi possível enviar um novo código. Tente novamente mais tarde.
cognito-account-ready = Sua conta está pronta. Entre para continuar.
cognito-account-confirmed = Sua conta foi confirmada. Entre para continuar.
cognito-not-confirmed = Sua conta ainda não foi confirmada. Digite o código que enviamos no cadastro ou peça um novo.
cognito-reset-code-sent-to = Se a conta existir, enviamos um código para { $destination }.
cognito-reset-code-sent = Se a conta existir, enviamos um código para ela.
cognito-reset-required-code-sent-to = Você precisa redefinir sua senha antes de entrar. Se a conta existir, enviamos um código para { $destination }.
cognito-reset-required-code-sent = Você precisa redefinir sua senha antes de entrar. Se a conta existir, enviamos um código para ela.
cognito-new-code-sent-to = Enviamos um novo código para { $destination }.
cognito-new-code-sent = Enviamos um novo código.
cognito-code-heading-sms = Digite o código que enviamos por SMS
cognito-code-heading-email = Digite o código que enviamos por e-mail
cognito-code-heading-app = Digite o código do seu app autenticador
cognito-code-intro-app = Abra seu app autenticador e digite o código de 6 dígitos que ele mostra para esta conta.
cognito-custom-heading = Só mais um passo
cognito-custom-intro = Responda à pergunta abaixo para concluir a entrada.
cognito-custom-answer = Sua resposta
cognito-mfa-sms = Um SMS no seu celular
cognito-mfa-app = Um app autenticador
cognito-mfa-email = Um e-mail
cognito-temporary-password = Sua conta tem uma senha temporária. Escolha a sua para continuar.
cognito-set-password-submit = Definir senha e entrar
cognito-reset-intro-to = Digite o código que enviamos para { $destination } e escolha uma nova senha.
cognito-reset-intro = Digite o código que enviamos e escolha uma nova senha.
cognito-reset-submit = Redefinir senha

## The pool's password rules, and why it refused a password

password-rule-length = { $count ->
    [one] Pelo menos { $count } caractere
   *[other] Pelo menos { $count } caracteres
}
password-rule-uppercase = Uma letra maiúscula
password-rule-lowercase = Uma letra minúscula
password-rule-number = Um número
password-rule-symbol = Um símbolo, como ! ou %
password-too-short = Essa senha é curta demais.
password-needs-uppercase = Essa senha precisa de uma letra maiúscula.
password-needs-lowercase = Essa senha precisa de uma letra minúscula.
password-needs-number = Essa senha precisa de um número.
password-needs-symbol = Essa senha precisa de um símbolo.
password-used-before = Você usou essa senha recentemente. Escolha outra.
password-not-accepted = Essa senha não atende aos requisitos.

## Labels of a pool's standard attributes (sign-up, new password)

attribute-email = E-mail
attribute-phone-number = Telefone (+15555550100)
attribute-name = Nome completo
attribute-given-name = Nome
attribute-family-name = Sobrenome
attribute-preferred-username = Nome de usuário preferido
attribute-birthdate = Data de nascimento (AAAA-MM-DD)

## The demo's result page

demo-signed-in = Você entrou
demo-nonce-mismatch = Você entrou, mas o nonce do token de ID não confere
demo-failed = Falha ao entrar
demo-not-started = Nenhuma entrada foi iniciada neste navegador. Comece de novo em /demo.
demo-state-mismatch = O parâmetro state não confere: esta resposta não era para este navegador.
demo-server-error = O servidor de autorização respondeu { $error }: { $description }
demo-no-code = A resposta não trouxe nenhum código.
demo-token-failed = A solicitação de tokens falhou: { $error } ({ $description })
demo-token-response = Resposta de tokens
demo-id-token-header = Token de ID: cabeçalho
demo-id-token-claims = Token de ID: claims
demo-access-token-header = Token de acesso: cabeçalho
demo-access-token-claims = Token de acesso: claims
demo-not-json = (não é JSON)
demo-opaque = { $count } caracteres, opaco

## The account pages (templates/account.html, account_everywhere.html) and their errors

account-title = Sua conta
account-back-to-app = Voltar para { $app }
account-profile-heading = Perfil
account-signed-in-with = Conectado com
account-managed-at = Estes dados vêm de { $provider }. Para alterá-los, altere lá.
account-managed-in-config = Estes dados são gerenciados para você pelo serviço; não podem ser alterados aqui.
account-email-verified = E-mail verificado
account-phone-verified = Telefone verificado
account-yes = Sim
account-no = Não
account-sessions-heading = Onde você está conectado
account-session-browser-sign-in = Login no navegador
account-session-current = Este navegador
account-session-details = Com { $provider }, conectado em { $when }
account-browser-on = { $browser } no { $system }
account-browser-unknown = Navegador desconhecido
account-session-end = Encerrar esta sessão
account-everywhere-heading = Sair de todos os lugares
account-everywhere-lead = Encerra todas as sessões da sua conta, em todos os apps e navegadores, inclusive esta.
account-notice-ended = A sessão foi encerrada.
msg-account-back-not-registered = Este app não pode levar você de volta a esse endereço: ele não é um dos endereços registrados do app.
msg-account-no-such-session = Essa sessão não é sua ou já foi encerrada.
msg-account-sign-in-failed = O login na sua conta não foi concluído. Abra a página da sua conta novamente.

## An app's own links in the footer (its branding)

branding-legal-label = Informações legais
branding-terms = Termos de uso
branding-privacy = Política de privacidade

## After sign-in, the way back to an app whose browser may swallow the redirect

return-title = Conectado
return-heading = Você está conectado
return-lead = Volte para { $app } para continuar.
return-button = Voltar ao app
return-not-opening = Se nada acontecer, talvez { $app } não esteja instalado neste dispositivo, ou este navegador não consiga abri-lo. Abra { $app } você mesmo e entre por lá, ou tente mais uma vez.
return-try-again = Tentar mais uma vez

# Account pages: multi-factor, remembered devices (issue 13).
account-mfa-title = Autenticação multifator
account-mfa-lead = Uma segunda etapa ao entrar: um código de um aplicativo autenticador, ou um enviado para o seu telefone ou e-mail.
account-mfa-on = Ativada
account-mfa-off = Desativada
account-mfa-preferred = Pedido primeiro
account-mfa-setup-app = Configurar um aplicativo autenticador
account-mfa-make-preferred = Pedir isto primeiro
account-mfa-use = Ativar e pedir isto primeiro
account-mfa-turn-off = Desativar a autenticação multifator
account-mfa-turn-off-lead = Ao entrar, será pedida apenas a sua senha. Se as configurações da sua conta exigirem uma segunda etapa, isso será recusado.
account-mfa-setup-lead = Leia este código com o seu aplicativo autenticador (ou digite a chave nele) e depois informe o código de 6 dígitos que ele mostra.
account-mfa-verify = Verificar e ativar
account-mfa-wrong-code = Esse código não está correto. Informe o código de 6 dígitos que o aplicativo mostra agora.
account-mfa-throttled = Códigos errados demais. Aguarde alguns minutos e tente novamente.
account-mfa-refused = As configurações de login da sua conta não permitem esta alteração.
account-mfa-notice-on = Seu aplicativo autenticador está configurado e será pedido primeiro ao entrar.
account-mfa-notice-preferred = Sua escolha foi salva.
account-mfa-notice-off = A autenticação multifator está desativada.
account-devices-title = Dispositivos lembrados
account-devices-lead = Estes dispositivos pulam a segunda etapa ao entrar. Se você esquecer um, a segunda etapa será pedida de novo no próximo login dele.
account-devices-none = Nenhum dispositivo é lembrado.
account-device-unnamed = Dispositivo sem nome
account-device-last-used = Último uso: { $when }
account-device-address = Último endereço: { $address }
account-device-forget = Esquecer este dispositivo
account-devices-notice-forgotten = O dispositivo foi esquecido. No próximo login dele, a segunda etapa será pedida de novo.
account-device-not-found = Esse dispositivo não é um dos seus.

# Account pages: a pool user's profile, password and deletion.
account-edit-profile = Editar seu perfil
account-profile-save = Salvar
account-profile-saved = Seus dados foram salvos.
account-profile-unchanged = Nada foi alterado.
account-attribute-taken = Outra conta já usa esse endereço ou número.
account-status-verified = verificado
account-status-unverified = não verificado
account-verify-now = Verificar agora
account-verify-heading = Digite o código de verificação
account-verify-lead-email = Enviamos um código para seu novo endereço de e-mail. Ele passa a valer quando você digitar o código aqui.
account-verify-lead-phone = Enviamos um código para seu novo número de telefone. Ele passa a valer quando você digitar o código aqui.
account-verify-submit = Verificar
account-verify-resend = Enviar um novo código
account-code-resent = Um novo código está a caminho.
account-verified = Verificado. Obrigado.
account-change-password = Alterar sua senha
account-password-current = Senha atual
account-password-confirm = Repita a nova senha
account-password-mismatch = As duas novas senhas não são iguais.
account-password-wrong-current = Sua senha atual não está correta.
account-password-changed = Sua senha foi alterada.
account-delete-heading = Excluir sua conta
account-delete-lead = Isso exclui a conta { $username } para sempre e encerra sua sessão em todos os lugares. Não é possível desfazer.
account-delete-submit = Excluir minha conta
msg-account-delete-not-allowed = A exclusão da conta não é oferecida aqui. Fale com os responsáveis por este serviço.
msg-account-managed-elsewhere = Esta conta não pode ser alterada aqui: ela é gerenciada onde você faz login.
