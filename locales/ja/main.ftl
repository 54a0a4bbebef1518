# authgate のページ（日本語）。ID と { $変数 } は英語版（locales/en/main.ftl）と同じです。

## Every page (templates/base.html)

page-default-title = サインイン
language-picker-label = 言語

## Words several pages share

field-username = ユーザー名
field-password = パスワード
field-new-password = 新しいパスワード
field-code = コード
button-sign-in = サインイン
button-continue = 続行
link-start-again = 最初からやり直す
link-back-to-sign-in = サインインに戻る
link-other-ways = 別の方法でサインイン
sign-in-to-app = { $app } にサインイン

## The provider picker and the password page

picker-lead = サインイン方法を選択してください。
picker-continue-with = { $provider } で続行
password-lead = { $provider } で続行します。

## The AWS role page

role-title = { $app } のロールを選択
role-heading = ロールを選択
role-lead = お使いのアカウントは、{ $app } で複数の AWS ロールを利用できます。サインアウトするまで使用するロールを選択してください。
role-legend = ロール

## A Cognito pool's pages

cognito-signin-lead = { $provider } アカウントでサインインします。
cognito-remember-device = このデバイスを記憶する
cognito-forgot-password = パスワードをお忘れですか？
cognito-no-account = アカウントをお持ちでない場合は
cognito-create-one = 作成してください
cognito-signup-title = アカウントを作成
cognito-signup-lead = { $app } 用（{ $provider }）
cognito-create-account = アカウントを作成
cognito-have-account = アカウントをお持ちの場合は
cognito-confirm-title = アカウントの確認
cognito-code-sent-to = { $destination } にコードを送信しました。
cognito-enter-code-sent = 送信されたコードを入力してください。
cognito-confirmation-code = 確認コード
cognito-confirm = 確認
cognito-send-new-code = 新しいコードを送信
cognito-forgot-title = パスワードのリセット
cognito-forgot-lead = ユーザー名を入力してください。パスワードをリセットするためのコードをお送りします。
cognito-send-code = コードを送信
cognito-mfa-setup-title = 認証アプリの設定
cognito-mfa-setup-lead = お使いのアカウントには 2 段階目の認証が必要です。認証アプリでこのコードをスキャンする（またはキーを入力する）と表示される 6 桁のコードを入力してください。
cognito-mfa-setup-qr-alt = 認証アプリ用の QR コード
cognito-mfa-setup-key = キー
cognito-mfa-setup-code = アプリに表示されたコード
cognito-verify-and-continue = 確認して続行
cognito-new-password-title = 新しいパスワードの設定
cognito-select-mfa-title = 確認方法の選択
cognito-select-mfa-lead = お使いのアカウントには、本人確認の方法が複数あります。
cognito-select-mfa-always = 今後もこの方法を使用する
password-rules-intro = パスワードの条件:

## The signed-out page

signed-out-title = サインアウトしました
signed-out-heading = サインアウトしました
signed-out-back-to-app = { $app } に戻ることができます。
signed-out-close = このページは閉じてかまいません。

## The demo app

demo-title = authgate デモ
demo-lead-before = このページは、次のクライアント ID で登録されたアプリです:
demo-lead-after = 。サインインすると、ホスト型 UI を通じて PKCE 付きの認可コードフロー全体を実行し、アプリが受け取ったトークンを表示します。
demo-sign-out-of-authgate = authgate からサインアウト
demo-result-title = サインインしました · authgate デモ
demo-back = デモに戻る
demo-sign-out = サインアウト

## Error pages (templates/error.html)

error-title-unavailable = 一時的にご利用いただけません
error-title-problem = サインインの問題
error-lead = アプリに戻って、もう一度お試しください。問題が解決しない場合は、アプリのサポートにお問い合わせください。
error-request-id = リクエスト ID:
error-render-failed = 問題が発生しました。もう一度お試しください。

## What an error page says (src/web/messages.rs, one id per Msg)

msg-sign-in-expired = このサインインページの有効期限が切れました。アプリに戻って、サインインをやり直してください。
msg-other-browser = このサインインは、すでに閉じられた別のブラウザーまたはタブで開始されました。アプリに戻って、サインインをやり直してください。
msg-method-not-available = このサインイン方法は、このアプリではご利用いただけません。
msg-form-expired = このフォームの有効期限が切れました。アプリに戻って、最初からやり直してください。
msg-form-incomplete = フォームの入力が不完全です。前のページに戻って、もう一度お試しください。
msg-unavailable = サインインは一時的にご利用いただけません。しばらくしてから、もう一度お試しください。
msg-no-such-page = このアドレスにページはありません。
msg-unusable-redirect = アプリに戻るためのアドレスが正しくないため、サインインを続行できません。アプリのサポートにお知らせください。
msg-role-not-allowed = そのロールは、お使いのアカウントでは使用できません。前のページに戻って、一覧から選択してください。
msg-federation-pool-unreachable = ID プール { $pool } から応答がなかったため、{ $app } にサインインできませんでした。数分後にもう一度お試しください。
msg-federation-pool-throttled = ID プール { $pool } が現在リクエストを受け付けていないため、{ $app } にサインインできませんでした。数分後にもう一度お試しください。
msg-federation-pool-refused = ID プール { $pool } がこのサインインを拒否したため、{ $app } にサインインできませんでした。問題が解決しない場合は、アプリのサポートにお問い合わせください。
msg-federation-pool-not-found = ID プール { $pool } がこの ID を認識していないため、{ $app } にサインインできませんでした。問題が解決しない場合は、アプリのサポートにお問い合わせください。
msg-federation-pool-bad-answer = ID プール { $pool } から処理できない応答が返されたため、{ $app } にサインインできませんでした。問題が解決しない場合は、アプリのサポートにお問い合わせください。
msg-federation-pool-failed = ID プール { $pool } からエラーが返されたため、{ $app } にサインインできませんでした。問題が解決しない場合は、アプリのサポートにお問い合わせください。
msg-federation-sign-in-expired = { $provider } でのサインインの有効期限が切れたため、{ $app } にサインインできませんでした。アプリに戻って、もう一度サインインしてください。
msg-federation-provider-unreachable = { $provider } から応答がなく、サインインを更新できなかったため、{ $app } にサインインできませんでした。数分後にもう一度お試しください。
msg-federation-internal = サインインの処理中に問題が発生したため、{ $app } にサインインできませんでした。数分後にもう一度お試しください。
msg-upstream-unreachable = { $provider } から応答がなかったため、サインインできませんでした。数分後にもう一度お試しください。
msg-upstream-bad-answer = { $provider } から処理できない応答が返されたため、サインインできませんでした。数分後にもう一度お試しください。
msg-upstream-rejected = サインインできませんでした: { $provider } からのサインインの応答が検証に失敗しました。アプリに戻って、最初からやり直してください。
msg-upstream-denied = サインインできませんでした: アクセスが許可されませんでした。アプリに戻って、最初からやり直してください。
msg-upstream-declined = サインインできませんでした: サインインが完了しませんでした。アプリに戻って、最初からやり直してください。
msg-saml-logout-refused = { $provider } からのサインアウトのメッセージが検証に失敗したため、サインアウトは行われませんでした。アプリに戻ってください。
msg-upstream-repeats = サインインの応答に、同じパラメーターが繰り返し含まれています。
msg-upstream-no-state = サインインの応答に state が含まれていません。
msg-upstream-not-this-flow = このサインインの応答は、開始されたサインインのものではありません。
upstream-incomplete-no-code = サインインの応答にコードが含まれていません。
msg-pool-unreachable = { $pool } から応答がありません。しばらくしてから、もう一度お試しください。
msg-pool-bad-answer = { $pool } から、処理できない応答が返されました。後でもう一度お試しください。
msg-mfa-setup-unsupported = お使いのアカウントでは 2 段階目のサインインに電話番号またはメールアドレスが必要ですが、まだ登録されていません。アプリのサポートにお問い合わせください。
msg-challenge-unsupported = このアカウントには、ここでは提供されていないサインイン手順が必要です。アプリのサポートにお問い合わせください。
msg-sign-in-again = 時間がかかりすぎたか、回答が受け付けられませんでした。もう一度サインインしてください。
msg-demo-form-expired = このフォームの有効期限が切れました。デモページを再読み込みしてください。
msg-too-many-requests = お使いのネットワークからのリクエストが多すぎます。{ $wait }待ってから、もう一度お試しください。
wait-a-second = 1 秒
wait-seconds = { $count } 秒
wait-minutes = { $count } 分
authorize-repeats-client = アプリからのサインイン要求に、アプリまたはアプリへの戻り先が重複して含まれています。アプリのサポートにお知らせください。
authorize-no-client-id = サインイン要求に、どのアプリからの要求かが示されていません。アプリのサポートにお知らせください。
authorize-unknown-client = 移動元のアプリは登録されていません。
authorize-no-redirect-uri = サインイン要求に、サインイン後の戻り先が示されていません。アプリのサポートにお知らせください。
authorize-unknown-redirect-uri = アプリが登録されていないアドレスへの戻りを求めたため、サインインを続行できません。アプリのサポートにお知らせください。

## Sign-in forms' own errors

signin-bad-credentials = ユーザー名またはパスワードが正しくありません。
signin-locked = 失敗した試行が多すぎるため、サインインはロックされています。{ $minutes } 分後にもう一度お試しいただけます。

## A Cognito pool's pages, said from code (src/hosted_ui/words.rs)

cognito-try-later = 試行回数が多すぎます。数分待ってから、もう一度お試しください。
cognito-wrong-code = コードが正しくありません。確認して、もう一度お試しください。
cognito-expired-code = コードの有効期限が切れています。新しいコードをリクエストしてください。
cognito-wrong-answer = 回答が受け付けられませんでした。もう一度お試しください。
cognito-check-input = 入力内容を確認して、もう一度お試しください。
cognito-choose-option = いずれかを選択してください。
cognito-enter-username = ユーザー名を入力してください。
cognito-no-verified-contact = このアカウントには、コードを送信できる確認済みのメールアドレスや電話番号がありません。アプリのサポートにお問い合わせください。
cognito-reset-code-not-sent = リセット用のコードを送信できませんでした。しばらくしてからもう一度お試しください。
cognito-enter-code-and-password = コードと新しいパスワードを入力してください。
cognito-reset-code-expired = コードの有効期限が切れています。リセットを最初からやり直してください。
cognito-reset-failed = このコードではパスワードをリセットできませんでした。リセットを最初からやり直してください。
cognito-fill-every-field = すべての項目を入力してください。
cognito-username-exists = このユーザー名のアカウントはすでに存在します。サインインするか、パスワードをリセットしてください。
cognito-signup-check-input = 入力内容 (メールアドレス、+15555550100 のような電話番号) を確認して、もう一度お試しください。
cognito-signup-failed = アカウントを作成できませんでした。もう一度お試しください。
cognito-confirm-failed = このコードではアカウントを確認できませんでした。新しいコードをリクエストしてください。
cognito-new-code-not-sent = 新しいコードを送信できませんでした。しばらくしてからもう一度お試しください。
cognito-account-ready = アカウントの準備ができました。サインインして続行してください。
cognito-account-confirmed = アカウントが確認されました。サインインして続行してください。
cognito-not-confirmed = アカウントはまだ確認されていません。登録時に送信したコードを入力するか、新しいコードをリクエストしてください。
cognito-reset-code-sent-to = アカウントが存在する場合は、{ $destination } にコードを送信しました。
cognito-reset-code-sent = アカウントが存在する場合は、コードを送信しました。
cognito-reset-required-code-sent-to = サインインする前にパスワードをリセットする必要があります。アカウントが存在する場合は、{ $destination } にコードを送信しました。
cognito-reset-required-code-sent = サインインする前にパスワードをリセットする必要があります。アカウントが存在する場合は、コードを送信しました。
cognito-new-code-sent-to = { $destination } に新しいコードを送信しました。
cognito-new-code-sent = 新しいコードを送信しました。
cognito-code-heading-sms = SMS で届いたコードを入力
cognito-code-heading-email = メールで届いたコードを入力
cognito-code-heading-app = 認証アプリのコードを入力
cognito-code-intro-app = 認証アプリを開き、このアカウントに表示される 6 桁のコードを入力してください。
cognito-custom-heading = あと 1 ステップ
cognito-custom-intro = 以下の質問に答えて、サインインを完了してください。
cognito-custom-answer = 回答
cognito-mfa-sms = 電話へのテキストメッセージ
cognito-mfa-app = 認証アプリ
cognito-mfa-email = メール
cognito-temporary-password = このアカウントには仮パスワードが設定されています。続行するには、ご自身のパスワードを設定してください。
cognito-set-password-submit = パスワードを設定してサインイン
cognito-reset-intro-to = { $destination } に送信したコードを入力し、新しいパスワードを設定してください。
cognito-reset-intro = 送信されたコードを入力し、新しいパスワードを設定してください。
cognito-reset-submit = パスワードをリセット

## The pool's password rules, and why it refused a password

password-rule-length = { $count } 文字以上
password-rule-uppercase = 英大文字
password-rule-lowercase = 英小文字
password-rule-number = 数字
password-rule-symbol = ! や % などの記号
password-too-short = パスワードが短すぎます。
password-needs-uppercase = パスワードには英大文字を含めてください。
password-needs-lowercase = パスワードには英小文字を含めてください。
password-needs-number = パスワードには数字を含めてください。
password-needs-symbol = パスワードには記号を含めてください。
password-used-before = このパスワードは最近使用されています。別のパスワードを選んでください。
password-not-accepted = パスワードが要件を満たしていません。

## Labels of a pool's standard attributes (sign-up, new password)

attribute-email = メールアドレス
attribute-phone-number = 電話番号 (+15555550100)
attribute-name = 氏名
attribute-given-name = 名
attribute-family-name = 姓
attribute-preferred-username = 希望するユーザー名
attribute-birthdate = 生年月日 (YYYY-MM-DD)

## The demo's result page

demo-signed-in = サインインしました
demo-nonce-mismatch = サインインしましたが、ID トークンの nonce が一致しませんでした
demo-failed = サインインに失敗しました
demo-not-started = このブラウザーではサインインが開始されていません。/demo からやり直してください。
demo-state-mismatch = state パラメーターが一致しませんでした。この応答はこのブラウザー宛てではありません。
demo-server-error = 認可サーバーの応答: { $error }: { $description }
demo-no-code = 応答にコードが含まれていませんでした。
demo-token-failed = トークン リクエストが失敗しました: { $error } ({ $description })
demo-token-response = トークン応答
demo-id-token-header = ID トークンのヘッダー
demo-id-token-claims = ID トークンのクレーム
demo-access-token-header = アクセス トークンのヘッダー
demo-access-token-claims = アクセス トークンのクレーム
demo-not-json = (JSON ではありません)
demo-opaque = { $count } 文字、不透明

## The account pages (templates/account.html, account_everywhere.html) and their errors

account-title = アカウント
account-back-to-app = { $app } に戻る
account-profile-heading = プロフィール
account-signed-in-with = サインイン方法
account-managed-at = これらの情報は { $provider } から提供されています。変更は { $provider } で行ってください。
account-managed-in-config = これらの情報はサービス側で管理されており、ここでは変更できません。
account-email-verified = メール確認済み
account-phone-verified = 電話番号確認済み
account-yes = はい
account-no = いいえ
account-sessions-heading = サインインしている場所
account-session-browser-sign-in = ブラウザでのサインイン
account-session-current = このブラウザ
account-session-details = { $provider } で { $when } にサインイン
account-browser-on = { $system } の { $browser }
account-browser-unknown = 不明なブラウザ
account-session-end = このセッションを終了
account-everywhere-heading = すべての場所からサインアウト
account-everywhere-lead = このブラウザを含め、すべてのアプリとブラウザでアカウントのセッションを終了します。
account-notice-ended = セッションを終了しました。
msg-account-back-not-registered = このアプリはそのアドレスに戻すことができません。アプリに登録されたアドレスではありません。
msg-account-no-such-session = そのセッションはあなたのものではないか、すでに終了しています。
msg-account-sign-in-failed = アカウントへのサインインが完了しませんでした。アカウントページをもう一度開いてください。

## An app's own links in the footer (its branding)

branding-legal-label = 法的情報
branding-terms = 利用規約
branding-privacy = プライバシーポリシー

## After sign-in, the way back to an app whose browser may swallow the redirect

return-title = サインイン済み
return-heading = サインインしました
return-lead = 続けるには { $app } に戻ってください。
return-button = アプリに戻る
return-not-opening = 何も起こらない場合は、このデバイスに { $app } がインストールされていないか、このブラウザーから開けない可能性があります。{ $app } をご自分で開いてそこからサインインするか、もう一度お試しください。
return-try-again = もう一度試す

# Account pages: multi-factor, remembered devices (issue 13).
account-mfa-title = 多要素認証
account-mfa-lead = サインイン時の 2 つ目のステップです。認証アプリのコード、または電話やメールに送られるコードを使います。
account-mfa-on = オン
account-mfa-off = オフ
account-mfa-preferred = 最初に求められます
account-mfa-setup-app = 認証アプリを設定
account-mfa-make-preferred = これを最初に求める
account-mfa-use = オンにして最初に求める
account-mfa-turn-off = 多要素認証をオフにする
account-mfa-turn-off-lead = サインイン時にはパスワードだけが求められます。アカウントの設定で 2 つ目のステップが必須の場合は、この変更は拒否されます。
account-mfa-setup-lead = 認証アプリでこのコードをスキャンする（またはキーを入力する）と表示される 6 桁のコードを入力してください。
account-mfa-verify = 確認してオンにする
account-mfa-wrong-code = コードが正しくありません。アプリに今表示されている 6 桁のコードを入力してください。
account-mfa-throttled = 間違ったコードが多すぎます。数分待ってからもう一度お試しください。
account-mfa-refused = アカウントのサインイン設定では、この変更はできません。
account-mfa-notice-on = 認証アプリが設定され、サインイン時に最初に求められます。
account-mfa-notice-preferred = 選択を保存しました。
account-mfa-notice-off = 多要素認証はオフです。
account-devices-title = 記憶済みのデバイス
account-devices-lead = これらのデバイスはサインイン時の 2 つ目のステップを省略します。デバイスを削除すると、次回のサインインで再び 2 つ目のステップが求められます。
account-devices-none = 記憶されているデバイスはありません。
account-device-unnamed = 名前のないデバイス
account-device-last-used = 最終使用 { $when }
account-device-address = 最後のアドレス: { $address }
account-device-forget = このデバイスを削除
account-devices-notice-forgotten = デバイスを削除しました。次回のサインインで再び 2 つ目のステップが求められます。
account-device-not-found = そのデバイスはあなたのものではありません。

# Account pages: a pool user's profile, password and deletion.
account-edit-profile = プロフィールを編集
account-profile-save = 保存
account-profile-saved = 登録情報を保存しました。
account-profile-unchanged = 変更はありませんでした。
account-attribute-taken = そのアドレスまたは番号は別のアカウントで使われています。
account-status-verified = 確認済み
account-status-unverified = 未確認
account-verify-now = 今すぐ確認
account-verify-heading = 確認コードを入力
account-verify-lead-email = 新しいメールアドレスにコードを送信しました。ここでコードを入力すると有効になります。
account-verify-lead-phone = 新しい電話番号にコードを送信しました。ここでコードを入力すると有効になります。
account-verify-submit = 確認
account-verify-resend = 新しいコードを送信
account-code-resent = 新しいコードを送信しました。
account-verified = 確認しました。ありがとうございます。
account-change-password = パスワードを変更
account-password-current = 現在のパスワード
account-password-confirm = 新しいパスワード（確認）
account-password-mismatch = 新しいパスワードが一致しません。
account-password-wrong-current = 現在のパスワードが正しくありません。
account-password-changed = パスワードを変更しました。
account-delete-heading = アカウントを削除
account-delete-lead = アカウント { $username } を完全に削除し、すべての場所からサインアウトします。元に戻すことはできません。
account-delete-submit = アカウントを削除する
msg-account-delete-not-allowed = ここではアカウントを削除できません。このサービスの運営者にお問い合わせください。
msg-account-managed-elsewhere = このアカウントはここでは変更できません。サインインするサービス側で管理されています。
