# authgate 页面（简体中文）。ID 和 { $变量 } 与英文版（locales/en/main.ftl）相同。

## Every page (templates/base.html)

page-default-title = 登录
language-picker-label = 语言

## Words several pages share

field-username = 用户名
field-password = 密码
field-new-password = 新密码
field-code = 验证码
button-sign-in = 登录
button-continue = 继续
link-start-again = 重新开始
link-back-to-sign-in = 返回登录
link-other-ways = 其他登录方式
sign-in-to-app = 登录 { $app }

## The provider picker and the password page

picker-lead = 请选择登录方式。
picker-continue-with = 使用 { $provider } 继续
password-lead = 使用您的 { $provider } 继续。

## The AWS role page

role-title = 为 { $app } 选择角色
role-heading = 选择角色
role-lead = 您的账户可以在 { $app } 中使用多个 AWS 角色。请选择在退出登录之前要使用的角色。
role-legend = 角色

## A Cognito pool's pages

cognito-signin-lead = 使用您的 { $provider } 账户。
cognito-remember-device = 记住此设备
cognito-forgot-password = 忘记密码？
cognito-no-account = 没有账户？
cognito-create-one = 立即创建
cognito-signup-title = 创建账户
cognito-signup-lead = 用于 { $app }，通过 { $provider }。
cognito-create-account = 创建账户
cognito-have-account = 已有账户？
cognito-confirm-title = 确认您的账户
cognito-code-sent-to = 我们已向 { $destination } 发送验证码。
cognito-enter-code-sent = 请输入我们发送给您的验证码。
cognito-confirmation-code = 确认码
cognito-confirm = 确认
cognito-send-new-code = 发送新验证码
cognito-forgot-title = 重置密码
cognito-forgot-lead = 请输入您的用户名，我们将向您发送用于重置密码的验证码。
cognito-send-code = 发送验证码
cognito-mfa-setup-title = 设置身份验证器应用
cognito-mfa-setup-lead = 您的账户需要第二步验证。请用身份验证器应用扫描此二维码（或输入密钥），然后输入应用显示的 6 位验证码。
cognito-mfa-setup-qr-alt = 用于身份验证器应用的二维码
cognito-mfa-setup-key = 密钥
cognito-mfa-setup-code = 应用中的验证码
cognito-verify-and-continue = 验证并继续
cognito-new-password-title = 设置新密码
cognito-select-mfa-title = 选择验证方式
cognito-select-mfa-lead = 您的账户有多种确认身份的方式。
cognito-select-mfa-always = 始终使用此方式
password-rules-intro = 您的密码需要：

## The signed-out page

signed-out-title = 已退出登录
signed-out-heading = 您已退出登录
signed-out-back-to-app = 现在可以返回 { $app }。
signed-out-close = 您可以关闭此页面。

## The demo app

demo-title = authgate 演示
demo-lead-before = 此页面是一个已注册的应用，客户端 ID 为
demo-lead-after = 。登录时会通过托管界面完整运行带 PKCE 的授权码流程，然后显示应用收到的令牌。
demo-sign-out-of-authgate = 退出 authgate
demo-result-title = 已登录 · authgate 演示
demo-back = 返回演示
demo-sign-out = 退出登录

## Error pages (templates/error.html)

error-title-unavailable = 暂时无法使用
error-title-problem = 登录出现问题
error-lead = 请返回应用并重试。如果问题仍然存在，请联系应用的支持团队。
error-request-id = 请求 ID：
error-render-failed = 我们这边出了点问题。请重试。

## What an error page says (src/web/messages.rs, one id per Msg)

msg-sign-in-expired = 此登录页面已过期。请返回应用，重新开始登录。
msg-other-browser = 此次登录是在另一个浏览器或标签页中开始的，而它已被关闭。请返回应用，重新开始登录。
msg-method-not-available = 此应用不支持该登录方式。
msg-form-expired = 此表单已过期。请返回应用，重新开始。
msg-form-incomplete = 表单未填写完整。请返回并重试。
msg-unavailable = 登录暂时无法使用。请稍后重试。
msg-no-such-page = 此地址没有页面。
msg-unusable-redirect = 用于返回应用的地址无效，因此无法继续登录。请告知该应用的支持团队。
msg-role-not-allowed = 您的账户无法使用该角色。请返回并从列表中选择一个。
msg-federation-pool-unreachable = 无法让您登录 { $app }，原因是身份池 { $pool } 没有响应。请几分钟后重试。
msg-federation-pool-throttled = 无法让您登录 { $app }，原因是身份池 { $pool } 目前拒绝调用。请几分钟后重试。
msg-federation-pool-refused = 无法让您登录 { $app }，原因是身份池 { $pool } 拒绝了此次登录。如果问题仍然存在，请告知应用的支持团队。
msg-federation-pool-not-found = 无法让您登录 { $app }，原因是身份池 { $pool } 不认识此身份。如果问题仍然存在，请告知应用的支持团队。
msg-federation-pool-bad-answer = 无法让您登录 { $app }，原因是身份池 { $pool } 返回了无法使用的响应。如果问题仍然存在，请告知应用的支持团队。
msg-federation-pool-failed = 无法让您登录 { $app }，原因是身份池 { $pool } 返回了错误。如果问题仍然存在，请告知应用的支持团队。
msg-federation-sign-in-expired = 无法让您登录 { $app }，原因是通过 { $provider } 的登录已过期。请返回应用并重新登录。
msg-federation-provider-unreachable = 无法让您登录 { $app }，原因是{ $provider } 没有响应，因此无法续订登录。请几分钟后重试。
msg-federation-internal = 无法让您登录 { $app }，原因是无法完成登录。请几分钟后重试。
msg-upstream-unreachable = 登录失败，原因是 { $provider } 没有响应。请几分钟后重试。
msg-upstream-bad-answer = 登录失败，原因是 { $provider } 返回了无法使用的响应。请几分钟后重试。
msg-upstream-rejected = 登录失败：来自 { $provider } 的登录响应未通过验证。请返回应用，重新开始。
msg-upstream-denied = 登录失败：您没有允许此次登录。请返回应用，重新开始。
msg-upstream-declined = 登录失败：登录未完成。请返回应用，重新开始。
msg-saml-logout-refused = 来自 { $provider } 的退出登录消息未通过验证，因此没有退出任何会话。请返回应用。
msg-upstream-repeats = 登录响应中有重复的参数。
msg-upstream-no-state = 登录响应中没有 state。
msg-upstream-not-this-flow = 此登录响应不属于已开始的登录。
upstream-incomplete-no-code = 登录响应中没有授权码。
msg-pool-unreachable = { $pool } 没有响应。请稍后重试。
msg-pool-bad-answer = { $pool } 返回了无法使用的响应。请稍后重试。
msg-mfa-setup-unsupported = 您的账户需要电话号码或电子邮件地址来完成第二步登录，但目前尚未设置。请联系应用的支持团队。
msg-challenge-unsupported = 此账户需要一个此处不提供的登录步骤。请联系该应用的支持团队。
msg-sign-in-again = 操作耗时过长，或回答未被接受。请重新登录。
msg-demo-form-expired = 此表单已过期。请重新加载演示页面。
msg-too-many-requests = 您的网络刚才发出的请求过多。请等待 { $wait }后重试。
wait-a-second = 1 秒
wait-seconds = { $count } 秒
wait-minutes = { $count } 分钟
authorize-repeats-client = 该应用的登录请求重复指定了应用或返回应用的地址。请告知该应用的支持团队。
authorize-no-client-id = 该登录请求没有说明来自哪个应用。请告知该应用的支持团队。
authorize-unknown-client = 将您引导至此处的应用未注册。
authorize-no-redirect-uri = 该登录请求没有说明登录后要将您送往何处。请告知该应用的支持团队。
authorize-unknown-redirect-uri = 该应用要求将您送回一个未登记的地址，因此无法继续登录。请告知该应用的支持团队。

## Sign-in forms' own errors

signin-bad-credentials = 用户名或密码不正确。
signin-locked = 失败次数过多，登录已被锁定。您可以在 { $minutes } 分钟后重试。

## A Cognito pool's pages, said from code (src/hosted_ui/words.rs)

cognito-try-later = 尝试次数过多。请等待几分钟后重试。
cognito-wrong-code = 验证码不正确。请检查后重试。
cognito-expired-code = 验证码已过期。请重新获取。
cognito-wrong-answer = 回答未被接受。请重试。
cognito-check-input = 请检查您输入的内容后重试。
cognito-choose-option = 请选择其中一项。
cognito-enter-username = 请输入您的用户名。
cognito-no-verified-contact = 此账户没有可接收验证码的已验证邮箱或手机号。请联系该应用的客服。
cognito-reset-code-not-sent = 无法发送重置验证码。请稍后重试。
cognito-enter-code-and-password = 请输入验证码和新密码。
cognito-reset-code-expired = 验证码已过期。请重新开始重置。
cognito-reset-failed = 无法用此验证码重置密码。请重新开始重置。
cognito-fill-every-field = 请填写所有字段。
cognito-username-exists = 该用户名的账户已存在。请直接登录，或重置其密码。
cognito-signup-check-input = 请检查您输入的内容（邮箱地址、形如 +15555550100 的手机号）后重试。
cognito-signup-failed = 无法创建账户。请重试。
cognito-confirm-failed = 无法用此验证码确认账户。请重新获取。
cognito-new-code-not-sent = 无法发送新的验证码。请稍后重试。
cognito-account-ready = 您的账户已就绪。请登录以继续。
cognito-account-confirmed = 您的账户已确认。请登录以继续。
cognito-not-confirmed = 您的账户尚未确认。请输入注册时我们发送的验证码，或重新获取。
cognito-reset-code-sent-to = 如果该账户存在，我们已向 { $destination } 发送验证码。
cognito-reset-code-sent = 如果该账户存在，我们已向其发送验证码。
cognito-reset-required-code-sent-to = 您需要先重置密码才能登录。如果该账户存在，我们已向 { $destination } 发送验证码。
cognito-reset-required-code-sent = 您需要先重置密码才能登录。如果该账户存在，我们已向其发送验证码。
cognito-new-code-sent-to = 我们已向 { $destination } 发送新的验证码。
cognito-new-code-sent = 我们已发送新的验证码。
cognito-code-heading-sms = 输入短信验证码
cognito-code-heading-email = 输入邮件验证码
cognito-code-heading-app = 输入身份验证器应用中的验证码
cognito-code-intro-app = 打开您的身份验证器应用，输入它为此账户显示的 6 位验证码。
cognito-custom-heading = 还差一步
cognito-custom-intro = 回答下面的问题以完成登录。
cognito-custom-answer = 您的回答
cognito-mfa-sms = 发送短信到您的手机
cognito-mfa-app = 身份验证器应用
cognito-mfa-email = 电子邮件
cognito-temporary-password = 您的账户使用的是临时密码。请设置您自己的密码以继续。
cognito-set-password-submit = 设置密码并登录
cognito-reset-intro-to = 请输入我们发送到 { $destination } 的验证码，并设置新密码。
cognito-reset-intro = 请输入我们发送给您的验证码，并设置新密码。
cognito-reset-submit = 重置密码

## The pool's password rules, and why it refused a password

password-rule-length = 至少 { $count } 个字符
password-rule-uppercase = 一个大写字母
password-rule-lowercase = 一个小写字母
password-rule-number = 一个数字
password-rule-symbol = 一个符号，如 ! 或 %
password-too-short = 密码太短。
password-needs-uppercase = 密码需要包含大写字母。
password-needs-lowercase = 密码需要包含小写字母。
password-needs-number = 密码需要包含数字。
password-needs-symbol = 密码需要包含符号。
password-used-before = 您最近用过这个密码。请换一个。
password-not-accepted = 密码不符合要求。

## Labels of a pool's standard attributes (sign-up, new password)

attribute-email = 邮箱
attribute-phone-number = 手机号（+15555550100）
attribute-name = 姓名
attribute-given-name = 名
attribute-family-name = 姓
attribute-preferred-username = 首选用户名
attribute-birthdate = 出生日期（YYYY-MM-DD）

## The demo's result page

demo-signed-in = 已登录
demo-nonce-mismatch = 已登录，但 ID 令牌的 nonce 不匹配
demo-failed = 登录失败
demo-not-started = 此浏览器未发起登录。请从 /demo 重新开始。
demo-state-mismatch = state 参数不匹配：此响应不属于此浏览器。
demo-server-error = 授权服务器返回 { $error }：{ $description }
demo-no-code = 响应中没有授权码。
demo-token-failed = 令牌请求失败：{ $error }（{ $description }）
demo-token-response = 令牌响应
demo-id-token-header = ID 令牌头部
demo-id-token-claims = ID 令牌声明
demo-access-token-header = 访问令牌头部
demo-access-token-claims = 访问令牌声明
demo-not-json = （不是 JSON）
demo-opaque = { $count } 个字符，不透明

## The account pages (templates/account.html, account_everywhere.html) and their errors

account-title = 您的账户
account-back-to-app = 返回 { $app }
account-profile-heading = 个人资料
account-signed-in-with = 登录方式
account-managed-at = 这些信息来自 { $provider }。如需更改，请在那里更改。
account-managed-in-config = 这些信息由服务为您管理，无法在此更改。
account-email-verified = 电子邮件已验证
account-phone-verified = 电话号码已验证
account-yes = 是
account-no = 否
account-sessions-heading = 您的登录位置
account-session-browser-sign-in = 浏览器登录
account-session-current = 此浏览器
account-session-details = 通过 { $provider } 于 { $when } 登录
account-browser-on = { $system } 上的 { $browser }
account-browser-unknown = 未知浏览器
account-session-end = 结束此会话
account-everywhere-heading = 在所有位置退出
account-everywhere-lead = 结束您账户的所有会话，包括所有应用和浏览器中的会话，也包括此会话。
account-notice-ended = 会话已结束。
msg-account-back-not-registered = 此应用无法将您送回该地址：它不是此应用已注册的地址。
msg-account-no-such-session = 该会话不属于您，或已经结束。
msg-account-sign-in-failed = 账户登录未完成。请重新打开您的账户页面。

## An app's own links in the footer (its branding)

branding-legal-label = 法律信息
branding-terms = 使用条款
branding-privacy = 隐私政策

## After sign-in, the way back to an app whose browser may swallow the redirect

return-title = 已登录
return-heading = 您已登录
return-lead = 请返回 { $app } 继续。
return-button = 返回应用
return-not-opening = 如果没有任何反应，可能是此设备上未安装 { $app }，或者此浏览器无法打开它。请自行打开 { $app } 并在其中登录，或者再试一次。
return-try-again = 再试一次

# Account pages: multi-factor, remembered devices (issue 13).
account-mfa-title = 多重身份验证
account-mfa-lead = 登录时的第二步：来自身份验证器应用的验证码，或发送到你的手机或邮箱的验证码。
account-mfa-on = 已开启
account-mfa-off = 已关闭
account-mfa-preferred = 优先询问
account-mfa-setup-app = 设置身份验证器应用
account-mfa-make-preferred = 优先询问此方式
account-mfa-use = 开启并优先询问
account-mfa-turn-off = 关闭多重身份验证
account-mfa-turn-off-lead = 登录时将只要求输入密码。如果你的账户设置要求第二步，此操作会被拒绝。
account-mfa-setup-lead = 用身份验证器应用扫描此二维码（或在应用中输入密钥），然后输入应用显示的 6 位验证码。
account-mfa-verify = 验证并开启
account-mfa-wrong-code = 验证码不正确。请输入应用当前显示的 6 位验证码。
account-mfa-throttled = 错误的验证码过多。请等待几分钟后再试。
account-mfa-refused = 你的账户登录设置不允许此更改。
account-mfa-notice-on = 你的身份验证器应用已设置完成，登录时将优先询问。
account-mfa-notice-preferred = 你的选择已保存。
account-mfa-notice-off = 多重身份验证已关闭。
account-devices-title = 记住的设备
account-devices-lead = 这些设备在登录时会跳过第二步。忘记某台设备后，它下次登录时会再次被要求完成第二步。
account-devices-none = 没有记住的设备。
account-device-unnamed = 未命名设备
account-device-last-used = 上次使用 { $when }
account-device-address = 上次地址：{ $address }
account-device-forget = 忘记此设备
account-devices-notice-forgotten = 已忘记该设备。它下次登录时会再次被要求完成第二步。
account-device-not-found = 该设备不是你的设备。

# Account pages: a pool user's profile, password and deletion.
account-edit-profile = 编辑个人资料
account-profile-save = 保存
account-profile-saved = 你的资料已保存。
account-profile-unchanged = 没有任何更改。
account-attribute-taken = 该地址或号码已被另一个账户使用。
account-status-verified = 已验证
account-status-unverified = 未验证
account-verify-now = 立即验证
account-verify-heading = 输入验证码
account-verify-lead-email = 我们已向你的新电子邮件地址发送验证码。在此输入验证码后即生效。
account-verify-lead-phone = 我们已向你的新电话号码发送验证码。在此输入验证码后即生效。
account-verify-submit = 验证
account-verify-resend = 发送新验证码
account-code-resent = 新的验证码正在发送。
account-verified = 已验证，谢谢。
account-change-password = 更改密码
account-password-current = 当前密码
account-password-confirm = 再次输入新密码
account-password-mismatch = 两次输入的新密码不一致。
account-password-wrong-current = 当前密码不正确。
account-password-changed = 你的密码已更改。
account-delete-heading = 删除账户
account-delete-lead = 这将永久删除账户 { $username }，并在所有地方退出登录。此操作无法撤销。
account-delete-submit = 删除我的账户
msg-account-delete-not-allowed = 此处不提供删除账户功能。请联系此服务的管理者。
msg-account-managed-elsewhere = 此账户无法在这里更改：它由你登录的地方管理。
