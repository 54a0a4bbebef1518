# authgate 页面（简体中文）。ID 和 { $变量 } 与英文版（locales/en/main.ftl）相同。

## Every page (templates/base.html)

page-default-title = 登录
page-footer = 由 authgate 提供安全保护
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
msg-unusable-redirect = 无法使用该重定向 URI。
msg-role-not-allowed = 您的账户无法使用该角色。请返回并从列表中选择一个。
msg-federation-failed = 无法让您登录 { $app }，原因是{ $reason }。{ $advice }
msg-advice-try-later = 请几分钟后重试。
msg-advice-sign-in-again = 请返回应用并重新登录。
msg-advice-tell-support = 如果问题仍然存在，请告知应用的支持团队。
msg-upstream-unreachable = 登录失败，原因是{ $reason }。请几分钟后重试。
msg-upstream-rejected = 登录失败：{ $reason }。请返回应用，重新开始。
msg-upstream-repeats = 登录响应中有重复的参数。
msg-upstream-no-state = 登录响应中没有 state。
msg-upstream-not-this-flow = 此登录响应不属于已开始的登录。
upstream-incomplete-no-code = 登录响应中没有授权码。
msg-pool-unreachable = { $pool } 没有响应。请稍后重试。
msg-pool-bad-answer = { $pool } 返回了 authgate 无法使用的响应。请稍后重试。
msg-mfa-setup-unsupported = 您的账户需要电话号码或电子邮件地址来完成第二步登录，但目前尚未设置。请联系应用的支持团队。
msg-challenge-unsupported = 此账户需要 authgate 不支持的登录步骤。请联系应用的支持团队。
msg-sign-in-again = 操作耗时过长，或回答未被接受。请重新登录。
msg-demo-form-expired = 此表单已过期。请重新加载演示页面。
msg-too-many-requests = 您的网络刚才发出的请求过多。请等待 { $wait }后重试。
wait-a-second = 1 秒
wait-seconds = { $count } 秒
wait-minutes = { $count } 分钟
authorize-repeats-client = 请求中重复了 client_id 或 redirect_uri。
authorize-no-client-id = 请求中没有 client_id。
authorize-unknown-client = 将您引导至此处的应用未注册。
authorize-no-redirect-uri = 请求中没有 redirect_uri。
authorize-unknown-redirect-uri = 请求中的重定向 URI 未为此应用注册。

## Sign-in forms' own errors

signin-bad-credentials = 用户名或密码不正确。
signin-locked = 失败次数过多。请等待几分钟后重试。
