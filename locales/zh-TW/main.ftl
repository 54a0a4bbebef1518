# authgate 頁面（繁體中文）。ID 與 { $變數 } 與英文版（locales/en/main.ftl）相同。

## Every page (templates/base.html)

page-default-title = 登入
language-picker-label = 語言

## Words several pages share

field-username = 使用者名稱
field-password = 密碼
field-new-password = 新密碼
field-code = 驗證碼
button-sign-in = 登入
button-continue = 繼續
link-start-again = 重新開始
link-back-to-sign-in = 返回登入
link-other-ways = 其他登入方式
sign-in-to-app = 登入 { $app }

## The provider picker and the password page

picker-lead = 請選擇登入方式。
picker-continue-with = 使用 { $provider } 繼續
password-lead = 使用您的 { $provider } 繼續。

## The AWS role page

role-title = 為 { $app } 選擇角色
role-heading = 選擇角色
role-lead = 您的帳戶可以在 { $app } 中使用多個 AWS 角色。請選擇在登出前要使用的角色。
role-legend = 角色

## A Cognito pool's pages

cognito-signin-lead = 使用您的 { $provider } 帳戶。
cognito-remember-device = 記住這部裝置
cognito-forgot-password = 忘記密碼？
cognito-no-account = 還沒有帳戶？
cognito-create-one = 立即建立
cognito-signup-title = 建立帳戶
cognito-signup-lead = 用於 { $app }，透過 { $provider }。
cognito-create-account = 建立帳戶
cognito-have-account = 已經有帳戶？
cognito-confirm-title = 確認您的帳戶
cognito-code-sent-to = 我們已將驗證碼傳送至 { $destination }。
cognito-enter-code-sent = 請輸入我們傳送給您的驗證碼。
cognito-confirmation-code = 確認碼
cognito-confirm = 確認
cognito-send-new-code = 傳送新的驗證碼
cognito-forgot-title = 重設密碼
cognito-forgot-lead = 請輸入您的使用者名稱，我們會傳送用來重設密碼的驗證碼給您。
cognito-send-code = 傳送驗證碼
cognito-mfa-setup-title = 設定驗證器應用程式
cognito-mfa-setup-lead = 您的帳戶需要第二道驗證步驟。請用驗證器應用程式掃描此 QR 圖碼（或輸入金鑰），然後輸入應用程式顯示的 6 位數驗證碼。
cognito-mfa-setup-qr-alt = 用於驗證器應用程式的 QR 圖碼
cognito-mfa-setup-key = 金鑰
cognito-mfa-setup-code = 應用程式中的驗證碼
cognito-verify-and-continue = 驗證並繼續
cognito-new-password-title = 設定新密碼
cognito-select-mfa-title = 選擇驗證方式
cognito-select-mfa-lead = 您的帳戶有多種確認身分的方式。
cognito-select-mfa-always = 一律使用此方式
password-rules-intro = 您的密碼需要：

## The signed-out page

signed-out-title = 已登出
signed-out-heading = 您已登出
signed-out-back-to-app = 現在可以返回 { $app }。
signed-out-close = 您可以關閉此頁面。

## The demo app

demo-title = authgate 示範
demo-lead-before = 此頁面是一個已註冊的應用程式，用戶端 ID 為
demo-lead-after = 。登入時會透過託管介面完整執行含 PKCE 的授權碼流程，然後顯示應用程式收到的權杖。
demo-sign-out-of-authgate = 登出 authgate
demo-result-title = 已登入 · authgate 示範
demo-back = 返回示範
demo-sign-out = 登出

## Error pages (templates/error.html)

error-title-unavailable = 暫時無法使用
error-title-problem = 登入發生問題
error-lead = 請返回應用程式並再試一次。如果問題持續發生，請聯絡應用程式的支援團隊。
error-request-id = 請求 ID：
error-render-failed = 我們這邊發生問題。請再試一次。

## What an error page says (src/web/messages.rs, one id per Msg)

msg-sign-in-expired = 此登入頁面已過期。請返回應用程式，重新開始登入。
msg-other-browser = 這次登入是在另一個瀏覽器或分頁中開始的，而它已經關閉。請返回應用程式，重新開始登入。
msg-method-not-available = 此應用程式不提供這種登入方式。
msg-form-expired = 此表單已過期。請返回應用程式，重新開始。
msg-form-incomplete = 表單未填寫完整。請返回並再試一次。
msg-unavailable = 登入暫時無法使用。請稍後再試。
msg-no-such-page = 此網址沒有頁面。
msg-unusable-redirect = 用來返回應用程式的位址無效，因此無法繼續登入。請告知該應用程式的支援團隊。
msg-role-not-allowed = 您的帳戶無法使用該角色。請返回並從清單中選擇一個。
msg-federation-pool-unreachable = 無法讓您登入 { $app }，原因是身分集區 { $pool } 沒有回應。請幾分鐘後再試一次。
msg-federation-pool-throttled = 無法讓您登入 { $app }，原因是身分集區 { $pool } 目前拒絕呼叫。請幾分鐘後再試一次。
msg-federation-pool-refused = 無法讓您登入 { $app }，原因是身分集區 { $pool } 拒絕了這次登入。如果問題持續發生，請告知應用程式的支援團隊。
msg-federation-pool-not-found = 無法讓您登入 { $app }，原因是身分集區 { $pool } 不認得這個身分。如果問題持續發生，請告知應用程式的支援團隊。
msg-federation-pool-bad-answer = 無法讓您登入 { $app }，原因是身分集區 { $pool } 傳回了無法使用的回應。如果問題持續發生，請告知應用程式的支援團隊。
msg-federation-pool-failed = 無法讓您登入 { $app }，原因是身分集區 { $pool } 傳回了錯誤。如果問題持續發生，請告知應用程式的支援團隊。
msg-federation-sign-in-expired = 無法讓您登入 { $app }，原因是透過 { $provider } 的登入已過期。請返回應用程式並重新登入。
msg-federation-provider-unreachable = 無法讓您登入 { $app }，原因是{ $provider } 沒有回應，因此無法更新登入。請幾分鐘後再試一次。
msg-federation-internal = 無法讓您登入 { $app }，原因是無法完成登入。請幾分鐘後再試一次。
msg-upstream-unreachable = 登入失敗，原因是 { $provider } 沒有回應。請幾分鐘後再試一次。
msg-upstream-bad-answer = 登入失敗，原因是 { $provider } 傳回了無法使用的回應。請幾分鐘後再試一次。
msg-upstream-rejected = 登入失敗：來自 { $provider } 的登入回應未通過驗證。請返回應用程式，重新開始。
msg-upstream-denied = 登入失敗：您沒有允許這次登入。請返回應用程式，重新開始。
msg-upstream-declined = 登入失敗：登入未完成。請返回應用程式，重新開始。
msg-saml-logout-refused = 來自 { $provider } 的登出訊息未通過驗證，因此沒有登出任何工作階段。請返回應用程式。
msg-upstream-repeats = 登入回應中有重複的參數。
msg-upstream-no-state = 登入回應中沒有 state。
msg-upstream-not-this-flow = 此登入回應不屬於已開始的登入。
upstream-incomplete-no-code = 登入回應中沒有授權碼。
msg-pool-unreachable = { $pool } 沒有回應。請稍後再試。
msg-pool-bad-answer = { $pool } 傳回了無法使用的回應。請稍後再試一次。
msg-mfa-setup-unsupported = 您的帳戶需要電話號碼或電子郵件地址才能完成第二道登入步驟，但目前尚未設定。請聯絡應用程式的支援團隊。
msg-challenge-unsupported = 此帳戶需要一個此處未提供的登入步驟。請聯絡該應用程式的支援團隊。
msg-sign-in-again = 花費時間過長，或回答未被接受。請重新登入。
msg-demo-form-expired = 此表單已過期。請重新載入示範頁面。
msg-too-many-requests = 您的網路剛才發出的請求過多。請等待 { $wait }後再試一次。
wait-a-second = 1 秒
wait-seconds = { $count } 秒
wait-minutes = { $count } 分鐘
authorize-repeats-client = 此應用程式的登入請求重複指定了應用程式或返回的位址。請告知該應用程式的支援團隊。
authorize-no-client-id = 此登入請求沒有說明來自哪個應用程式。請告知該應用程式的支援團隊。
authorize-unknown-client = 將您導向此處的應用程式尚未註冊。
authorize-no-redirect-uri = 此登入請求沒有說明登入後要將您帶往何處。請告知該應用程式的支援團隊。
authorize-unknown-redirect-uri = 此應用程式要求將您送回一個未登記的位址，因此無法繼續登入。請告知該應用程式的支援團隊。

## Sign-in forms' own errors

signin-bad-credentials = 使用者名稱或密碼不正確。
signin-locked = 失敗次數過多，登入已遭鎖定。您可以在 { $minutes } 分鐘後再試一次。

## A Cognito pool's pages, said from code (src/hosted_ui/words.rs)

cognito-try-later = 嘗試次數過多。請等候幾分鐘後再試一次。
cognito-wrong-code = 驗證碼不正確。請檢查後再試一次。
cognito-expired-code = 驗證碼已過期。請重新索取。
cognito-wrong-answer = 回答未被接受。請再試一次。
cognito-check-input = 請檢查您輸入的內容後再試一次。
cognito-choose-option = 請選擇其中一個選項。
cognito-enter-username = 請輸入您的使用者名稱。
cognito-no-verified-contact = 此帳戶沒有可接收驗證碼的已驗證電子郵件地址或電話號碼。請聯絡該應用程式的客服。
cognito-reset-code-not-sent = 無法傳送重設驗證碼。請稍後再試。
cognito-enter-code-and-password = 請輸入驗證碼和新密碼。
cognito-reset-code-expired = 驗證碼已過期。請重新開始重設。
cognito-reset-failed = 無法用此驗證碼重設密碼。請重新開始重設。
cognito-fill-every-field = 請填寫所有欄位。
cognito-username-exists = 已有使用此使用者名稱的帳戶。請直接登入，或重設其密碼。
cognito-signup-check-input = 請檢查您輸入的內容（電子郵件地址、如 +15555550100 的電話號碼）後再試一次。
cognito-signup-failed = 無法建立帳戶。請再試一次。
cognito-confirm-failed = 無法用此驗證碼確認帳戶。請重新索取。
cognito-new-code-not-sent = 無法傳送新的驗證碼。請稍後再試。
cognito-account-ready = 您的帳戶已準備就緒。請登入以繼續。
cognito-account-confirmed = 您的帳戶已確認。請登入以繼續。
cognito-not-confirmed = 您的帳戶尚未確認。請輸入註冊時我們傳送的驗證碼，或重新索取。
cognito-reset-code-sent-to = 如果該帳戶存在，我們已將驗證碼傳送至 { $destination }。
cognito-reset-code-sent = 如果該帳戶存在，我們已傳送驗證碼給它。
cognito-reset-required-code-sent-to = 您必須先重設密碼才能登入。如果該帳戶存在，我們已將驗證碼傳送至 { $destination }。
cognito-reset-required-code-sent = 您必須先重設密碼才能登入。如果該帳戶存在，我們已傳送驗證碼給它。
cognito-new-code-sent-to = 我們已將新的驗證碼傳送至 { $destination }。
cognito-new-code-sent = 我們已傳送新的驗證碼。
cognito-code-heading-sms = 輸入簡訊中的驗證碼
cognito-code-heading-email = 輸入電子郵件中的驗證碼
cognito-code-heading-app = 輸入驗證器應用程式中的驗證碼
cognito-code-intro-app = 開啟您的驗證器應用程式，輸入它為此帳戶顯示的 6 位數驗證碼。
cognito-custom-heading = 還差一步
cognito-custom-intro = 回答下方問題以完成登入。
cognito-custom-answer = 您的回答
cognito-mfa-sms = 傳送簡訊到您的手機
cognito-mfa-app = 驗證器應用程式
cognito-mfa-email = 電子郵件
cognito-temporary-password = 您的帳戶使用的是臨時密碼。請設定您自己的密碼以繼續。
cognito-set-password-submit = 設定密碼並登入
cognito-reset-intro-to = 請輸入我們傳送至 { $destination } 的驗證碼，並設定新密碼。
cognito-reset-intro = 請輸入我們傳送給您的驗證碼，並設定新密碼。
cognito-reset-submit = 重設密碼

## The pool's password rules, and why it refused a password

password-rule-length = 至少 { $count } 個字元
password-rule-uppercase = 一個大寫字母
password-rule-lowercase = 一個小寫字母
password-rule-number = 一個數字
password-rule-symbol = 一個符號，例如 ! 或 %
password-too-short = 密碼太短。
password-needs-uppercase = 密碼必須包含大寫字母。
password-needs-lowercase = 密碼必須包含小寫字母。
password-needs-number = 密碼必須包含數字。
password-needs-symbol = 密碼必須包含符號。
password-used-before = 您最近用過這個密碼。請換一個。
password-not-accepted = 密碼不符合要求。

## Labels of a pool's standard attributes (sign-up, new password)

attribute-email = 電子郵件
attribute-phone-number = 電話號碼（+15555550100）
attribute-name = 姓名
attribute-given-name = 名字
attribute-family-name = 姓氏
attribute-preferred-username = 偏好的使用者名稱
attribute-birthdate = 出生日期（YYYY-MM-DD）

## The demo's result page

demo-signed-in = 已登入
demo-nonce-mismatch = 已登入，但 ID 權杖的 nonce 不相符
demo-failed = 登入失敗
demo-not-started = 此瀏覽器未開始任何登入。請從 /demo 重新開始。
demo-state-mismatch = state 參數不相符：此回應不屬於此瀏覽器。
demo-server-error = 授權伺服器回應 { $error }：{ $description }
demo-no-code = 回應中沒有授權碼。
demo-token-failed = 權杖要求失敗：{ $error }（{ $description }）
demo-token-response = 權杖回應
demo-id-token-header = ID 權杖標頭
demo-id-token-claims = ID 權杖宣告
demo-access-token-header = 存取權杖標頭
demo-access-token-claims = 存取權杖宣告
demo-not-json = （不是 JSON）
demo-opaque = { $count } 個字元，不透明

## The account pages (templates/account.html, account_everywhere.html) and their errors

account-title = 您的帳戶
account-back-to-app = 返回 { $app }
account-profile-heading = 個人資料
account-signed-in-with = 登入方式
account-managed-at = 這些資訊來自 { $provider }。如需變更，請在那裡變更。
account-managed-in-config = 這些資訊由服務為您管理，無法在此變更。
account-email-verified = 電子郵件已驗證
account-phone-verified = 電話號碼已驗證
account-yes = 是
account-no = 否
account-sessions-heading = 您的登入位置
account-session-browser-sign-in = 瀏覽器登入
account-session-current = 此瀏覽器
account-session-details = 透過 { $provider } 於 { $when } 登入
account-browser-on = { $system } 上的 { $browser }
account-browser-unknown = 未知的瀏覽器
account-session-end = 結束此工作階段
account-everywhere-heading = 在所有位置登出
account-everywhere-lead = 結束您帳戶的所有工作階段，包括所有應用程式和瀏覽器中的工作階段，也包括此工作階段。
account-notice-ended = 工作階段已結束。
msg-account-back-not-registered = 此應用程式無法將您送回該位址：它不是此應用程式已註冊的位址。
msg-account-no-such-session = 該工作階段不屬於您，或已經結束。
msg-account-sign-in-failed = 帳戶登入未完成。請重新開啟您的帳戶頁面。

## An app's own links in the footer (its branding)

branding-legal-label = 法律資訊
branding-terms = 使用條款
branding-privacy = 隱私權政策

## After sign-in, the way back to an app whose browser may swallow the redirect

return-title = 已登入
return-heading = 您已登入
return-lead = 請返回 { $app } 繼續。
return-button = 返回應用程式
return-not-opening = 如果沒有任何反應，可能是此裝置未安裝 { $app }，或此瀏覽器無法開啟它。請自行開啟 { $app } 並在其中登入，或再試一次。
return-try-again = 再試一次

# Account pages: multi-factor, remembered devices (issue 13).
account-mfa-title = 多重要素驗證
account-mfa-lead = 登入時的第二個步驟：來自驗證器應用程式的驗證碼，或傳送到你的手機或電子郵件的驗證碼。
account-mfa-on = 已開啟
account-mfa-off = 已關閉
account-mfa-preferred = 優先詢問
account-mfa-setup-app = 設定驗證器應用程式
account-mfa-make-preferred = 優先詢問此方式
account-mfa-use = 開啟並優先詢問
account-mfa-turn-off = 關閉多重要素驗證
account-mfa-turn-off-lead = 登入時將只要求輸入密碼。如果你的帳戶設定要求第二個步驟，此操作會被拒絕。
account-mfa-setup-lead = 用驗證器應用程式掃描此 QR 碼（或在應用程式中輸入金鑰），然後輸入應用程式顯示的 6 位數驗證碼。
account-mfa-verify = 驗證並開啟
account-mfa-wrong-code = 驗證碼不正確。請輸入應用程式目前顯示的 6 位數驗證碼。
account-mfa-throttled = 錯誤的驗證碼太多。請等幾分鐘後再試。
account-mfa-refused = 你的帳戶登入設定不允許此變更。
account-mfa-notice-on = 你的驗證器應用程式已設定完成，登入時將優先詢問。
account-mfa-notice-preferred = 你的選擇已儲存。
account-mfa-notice-off = 多重要素驗證已關閉。
account-devices-title = 記住的裝置
account-devices-lead = 這些裝置在登入時會略過第二個步驟。忘記某個裝置後，它下次登入時會再次被要求完成第二個步驟。
account-devices-none = 沒有記住的裝置。
account-device-unnamed = 未命名的裝置
account-device-last-used = 上次使用 { $when }
account-device-address = 上次位址：{ $address }
account-device-forget = 忘記此裝置
account-devices-notice-forgotten = 已忘記該裝置。它下次登入時會再次被要求完成第二個步驟。
account-device-not-found = 該裝置不是你的裝置。

# Account pages: a pool user's profile, password and deletion.
account-edit-profile = 編輯個人資料
account-profile-save = 儲存
account-profile-saved = 你的資料已儲存。
account-profile-unchanged = 沒有任何變更。
account-attribute-taken = 該地址或號碼已被另一個帳戶使用。
account-status-verified = 已驗證
account-status-unverified = 未驗證
account-verify-now = 立即驗證
account-verify-heading = 輸入驗證碼
account-verify-lead-email = 我們已將驗證碼傳送到你的新電子郵件地址。在此輸入驗證碼後即生效。
account-verify-lead-phone = 我們已將驗證碼傳送到你的新電話號碼。在此輸入驗證碼後即生效。
account-verify-submit = 驗證
account-verify-resend = 傳送新驗證碼
account-code-resent = 新的驗證碼正在傳送中。
account-verified = 已驗證，謝謝。
account-change-password = 變更密碼
account-password-current = 目前的密碼
account-password-confirm = 再次輸入新密碼
account-password-mismatch = 兩次輸入的新密碼不一致。
account-password-wrong-current = 目前的密碼不正確。
account-password-changed = 你的密碼已變更。
account-delete-heading = 刪除帳戶
account-delete-lead = 這會永久刪除帳戶 { $username }，並在所有地方登出。此動作無法復原。
account-delete-submit = 刪除我的帳戶
msg-account-delete-not-allowed = 此處不提供刪除帳戶功能。請聯絡此服務的管理者。
msg-account-managed-elsewhere = 此帳戶無法在這裡變更：它由你登入的地方管理。
