# authgate 페이지(한국어). ID와 { $변수 }는 영어판(locales/en/main.ftl)과 같습니다.

## Every page (templates/base.html)

page-default-title = 로그인
language-picker-label = 언어

## Words several pages share

field-username = 사용자 이름
field-password = 비밀번호
field-new-password = 새 비밀번호
field-code = 코드
button-sign-in = 로그인
button-continue = 계속
link-start-again = 처음부터 다시 시작
link-back-to-sign-in = 로그인으로 돌아가기
link-other-ways = 다른 방법으로 로그인
sign-in-to-app = { $app }에 로그인

## The provider picker and the password page

picker-lead = 로그인 방법을 선택하세요.
picker-continue-with = { $provider }(으)로 계속
password-lead = { $provider } 계정으로 계속합니다.

## The AWS role page

role-title = { $app }의 역할 선택
role-heading = 역할 선택
role-lead = 계정에서 { $app }에 여러 AWS 역할을 사용할 수 있습니다. 로그아웃할 때까지 사용할 역할을 선택하세요.
role-legend = 역할

## A Cognito pool's pages

cognito-signin-lead = { $provider } 계정으로 로그인합니다.
cognito-remember-device = 이 기기 기억하기
cognito-forgot-password = 비밀번호를 잊으셨나요?
cognito-no-account = 계정이 없으신가요?
cognito-create-one = 계정 만들기
cognito-signup-title = 계정 만들기
cognito-signup-lead = { $app }용, { $provider } 사용
cognito-create-account = 계정 만들기
cognito-have-account = 이미 계정이 있으신가요?
cognito-confirm-title = 계정 확인
cognito-code-sent-to = { $destination }(으)로 코드를 보냈습니다.
cognito-enter-code-sent = 보내 드린 코드를 입력하세요.
cognito-confirmation-code = 확인 코드
cognito-confirm = 확인
cognito-send-new-code = 새 코드 보내기
cognito-forgot-title = 비밀번호 재설정
cognito-forgot-lead = 사용자 이름을 입력하시면 비밀번호를 재설정할 수 있는 코드를 보내 드립니다.
cognito-send-code = 코드 보내기
cognito-mfa-setup-title = 인증 앱 설정
cognito-mfa-setup-lead = 계정에 두 번째 인증 단계가 필요합니다. 인증 앱으로 이 코드를 스캔(또는 키를 입력)한 다음, 앱에 표시되는 6자리 코드를 입력하세요.
cognito-mfa-setup-qr-alt = 인증 앱용 QR 코드
cognito-mfa-setup-key = 키
cognito-mfa-setup-code = 앱에 표시된 코드
cognito-verify-and-continue = 확인 후 계속
cognito-new-password-title = 새 비밀번호 설정
cognito-select-mfa-title = 인증 방법 선택
cognito-select-mfa-lead = 계정에서 본인임을 확인하는 방법이 여러 가지 있습니다.
cognito-select-mfa-always = 항상 이 방법 사용
password-rules-intro = 비밀번호 조건:

## The signed-out page

signed-out-title = 로그아웃됨
signed-out-heading = 로그아웃되었습니다
signed-out-back-to-app = 이제 { $app }(으)로 돌아갈 수 있습니다.
signed-out-close = 이 페이지를 닫아도 됩니다.

## The demo app

demo-title = authgate 데모
demo-lead-before = 이 페이지는 다음 ID로 등록된 앱입니다:
demo-lead-after = . 로그인하면 호스팅된 UI를 통해 PKCE를 사용하는 인증 코드 흐름 전체가 실행되고, 앱이 받은 토큰이 표시됩니다.
demo-sign-out-of-authgate = authgate에서 로그아웃
demo-result-title = 로그인됨 · authgate 데모
demo-back = 데모로 돌아가기
demo-sign-out = 로그아웃

## Error pages (templates/error.html)

error-title-unavailable = 일시적으로 사용할 수 없음
error-title-problem = 로그인 문제
error-lead = 앱으로 돌아가서 다시 시도하세요. 문제가 계속되면 앱 지원팀에 문의하세요.
error-request-id = 요청 ID:
error-render-failed = 시스템에 문제가 발생했습니다. 다시 시도하세요.

## What an error page says (src/web/messages.rs, one id per Msg)

msg-sign-in-expired = 이 로그인 페이지가 만료되었습니다. 앱으로 돌아가서 로그인을 다시 시작하세요.
msg-other-browser = 이 로그인은 이미 닫힌 다른 브라우저나 탭에서 시작되었습니다. 앱으로 돌아가서 로그인을 다시 시작하세요.
msg-method-not-available = 이 앱에서는 해당 로그인 방법을 사용할 수 없습니다.
msg-form-expired = 이 양식이 만료되었습니다. 앱으로 돌아가서 다시 시작하세요.
msg-form-incomplete = 양식이 완전하지 않습니다. 이전 페이지로 돌아가서 다시 시도하세요.
msg-unavailable = 지금은 일시적으로 로그인할 수 없습니다. 잠시 후 다시 시도하세요.
msg-no-such-page = 이 주소에는 페이지가 없습니다.
msg-unusable-redirect = 앱으로 돌아가는 주소가 올바르지 않아 로그인을 계속할 수 없습니다. 앱 지원팀에 알려 주세요.
msg-role-not-allowed = 계정에서 사용할 수 없는 역할입니다. 이전 페이지로 돌아가서 목록에서 선택하세요.
msg-federation-pool-unreachable = 자격 증명 풀 { $pool }이(가) 응답하지 않았기 때문에 { $app }에 로그인하지 못했습니다. 몇 분 후에 다시 시도하세요.
msg-federation-pool-throttled = 자격 증명 풀 { $pool }이(가) 현재 요청을 거부하고 있기 때문에 { $app }에 로그인하지 못했습니다. 몇 분 후에 다시 시도하세요.
msg-federation-pool-refused = 자격 증명 풀 { $pool }이(가) 이 로그인을 거부했기 때문에 { $app }에 로그인하지 못했습니다. 문제가 계속되면 앱 지원팀에 알려 주세요.
msg-federation-pool-not-found = 자격 증명 풀 { $pool }에서 이 자격 증명을 찾을 수 없기 때문에 { $app }에 로그인하지 못했습니다. 문제가 계속되면 앱 지원팀에 알려 주세요.
msg-federation-pool-bad-answer = 자격 증명 풀 { $pool }에서 사용할 수 없는 응답을 보냈기 때문에 { $app }에 로그인하지 못했습니다. 문제가 계속되면 앱 지원팀에 알려 주세요.
msg-federation-pool-failed = 자격 증명 풀 { $pool }에서 오류를 반환했기 때문에 { $app }에 로그인하지 못했습니다. 문제가 계속되면 앱 지원팀에 알려 주세요.
msg-federation-sign-in-expired = { $provider } 로그인이 만료되었기 때문에 { $app }에 로그인하지 못했습니다. 앱으로 돌아가서 다시 로그인하세요.
msg-federation-provider-unreachable = { $provider }이(가) 응답하지 않아 로그인을 갱신할 수 없었기 때문에 { $app }에 로그인하지 못했습니다. 몇 분 후에 다시 시도하세요.
msg-federation-internal = 로그인을 완료할 수 없었기 때문에 { $app }에 로그인하지 못했습니다. 몇 분 후에 다시 시도하세요.
msg-upstream-unreachable = { $provider }이(가) 응답하지 않았기 때문에 로그인하지 못했습니다. 몇 분 후에 다시 시도하세요.
msg-upstream-bad-answer = { $provider }에서 사용할 수 없는 응답을 보냈기 때문에 로그인하지 못했습니다. 몇 분 후에 다시 시도하세요.
msg-upstream-rejected = 로그인하지 못했습니다: { $provider }의 로그인 응답이 검증을 통과하지 못했습니다. 앱으로 돌아가서 다시 시작하세요.
msg-upstream-denied = 로그인하지 못했습니다: 로그인을 허용하지 않았습니다. 앱으로 돌아가서 다시 시작하세요.
msg-upstream-declined = 로그인하지 못했습니다: 로그인이 완료되지 않았습니다. 앱으로 돌아가서 다시 시작하세요.
msg-saml-logout-refused = { $provider }의 로그아웃 메시지가 검증을 통과하지 못해 로그아웃되지 않았습니다. 앱으로 돌아가세요.
msg-upstream-repeats = 로그인 응답에 매개변수가 중복되어 있습니다.
msg-upstream-no-state = 로그인 응답에 state가 없습니다.
msg-upstream-not-this-flow = 이 로그인 응답은 시작된 로그인에 해당하지 않습니다.
upstream-incomplete-no-code = 로그인 응답에 코드가 없습니다.
msg-pool-unreachable = { $pool }에서 응답하지 않았습니다. 잠시 후 다시 시도하세요.
msg-pool-bad-answer = { $pool }에서 사용할 수 없는 응답을 보냈습니다. 나중에 다시 시도하세요.
msg-mfa-setup-unsupported = 두 번째 로그인 단계에 전화번호나 이메일 주소가 필요하지만 계정에 아직 등록되어 있지 않습니다. 앱 지원팀에 문의하세요.
msg-challenge-unsupported = 이 계정에는 여기에서 제공하지 않는 로그인 단계가 필요합니다. 앱 지원팀에 문의하세요.
msg-sign-in-again = 시간이 너무 오래 걸렸거나 응답이 승인되지 않았습니다. 다시 로그인하세요.
msg-demo-form-expired = 이 양식이 만료되었습니다. 데모 페이지를 새로 고치세요.
msg-too-many-requests = 방금 사용자의 네트워크에서 너무 많은 요청이 있었습니다. { $wait } 기다린 후 다시 시도하세요.
wait-a-second = 1초
wait-seconds = { $count }초
wait-minutes = { $count }분
authorize-repeats-client = 앱의 로그인 요청에 앱 또는 앱으로 돌아가는 경로가 두 번 들어 있습니다. 앱 지원팀에 알려 주세요.
authorize-no-client-id = 로그인 요청에 어느 앱에서 온 것인지 나와 있지 않습니다. 앱 지원팀에 알려 주세요.
authorize-unknown-client = 이 페이지로 보낸 앱이 등록되어 있지 않습니다.
authorize-no-redirect-uri = 로그인 요청에 로그인 후 어디로 보낼지 나와 있지 않습니다. 앱 지원팀에 알려 주세요.
authorize-unknown-redirect-uri = 앱이 등록하지 않은 주소로 돌려보내도록 요청했기 때문에 로그인을 계속할 수 없습니다. 앱 지원팀에 알려 주세요.

## Sign-in forms' own errors

signin-bad-credentials = 사용자 이름 또는 비밀번호가 올바르지 않습니다.
signin-locked = 실패한 시도가 너무 많아 로그인이 잠겼습니다. { $minutes }분 후에 다시 시도할 수 있습니다.

## A Cognito pool's pages, said from code (src/hosted_ui/words.rs)

cognito-try-later = 지금은 시도 횟수가 너무 많습니다. 몇 분 기다린 후 다시 시도하세요.
cognito-wrong-code = 코드가 올바르지 않습니다. 확인 후 다시 시도하세요.
cognito-expired-code = 코드가 만료되었습니다. 새 코드를 요청하세요.
cognito-wrong-answer = 답변이 승인되지 않았습니다. 다시 시도하세요.
cognito-check-input = 입력한 내용을 확인하고 다시 시도하세요.
cognito-choose-option = 옵션 중 하나를 선택하세요.
cognito-enter-username = 사용자 이름을 입력하세요.
cognito-no-verified-contact = 이 계정에는 코드를 받을 인증된 이메일 주소나 전화번호가 없습니다. 앱 고객 지원에 문의하세요.
cognito-reset-code-not-sent = 재설정 코드를 보내지 못했습니다. 나중에 다시 시도하세요.
cognito-enter-code-and-password = 코드와 새 비밀번호를 입력하세요.
cognito-reset-code-expired = 코드가 만료되었습니다. 재설정을 처음부터 다시 시작하세요.
cognito-reset-failed = 이 코드로는 비밀번호를 재설정할 수 없습니다. 재설정을 처음부터 다시 시작하세요.
cognito-fill-every-field = 모든 항목을 입력하세요.
cognito-username-exists = 이 사용자 이름의 계정이 이미 있습니다. 로그인하거나 비밀번호를 재설정하세요.
cognito-signup-check-input = 입력한 내용(이메일 주소, +15555550100 같은 전화번호)을 확인하고 다시 시도하세요.
cognito-signup-failed = 계정을 만들지 못했습니다. 다시 시도하세요.
cognito-confirm-failed = 이 코드로는 계정을 확인할 수 없습니다. 새 코드를 요청하세요.
cognito-new-code-not-sent = 새 코드를 보내지 못했습니다. 나중에 다시 시도하세요.
cognito-account-ready = 계정이 준비되었습니다. 계속하려면 로그인하세요.
cognito-account-confirmed = 계정이 확인되었습니다. 계속하려면 로그인하세요.
cognito-not-confirmed = 계정이 아직 확인되지 않았습니다. 가입할 때 보내 드린 코드를 입력하거나 새 코드를 요청하세요.
cognito-reset-code-sent-to = 계정이 있으면 { $destination }(으)로 코드를 보냈습니다.
cognito-reset-code-sent = 계정이 있으면 해당 계정으로 코드를 보냈습니다.
cognito-reset-required-code-sent-to = 로그인하기 전에 비밀번호를 재설정해야 합니다. 계정이 있으면 { $destination }(으)로 코드를 보냈습니다.
cognito-reset-required-code-sent = 로그인하기 전에 비밀번호를 재설정해야 합니다. 계정이 있으면 해당 계정으로 코드를 보냈습니다.
cognito-new-code-sent-to = { $destination }(으)로 새 코드를 보냈습니다.
cognito-new-code-sent = 새 코드를 보냈습니다.
cognito-code-heading-sms = 문자 메시지로 받은 코드 입력
cognito-code-heading-email = 이메일로 받은 코드 입력
cognito-code-heading-app = 인증 앱의 코드 입력
cognito-code-intro-app = 인증 앱을 열고 이 계정에 표시된 6자리 코드를 입력하세요.
cognito-custom-heading = 한 단계만 더
cognito-custom-intro = 아래 질문에 답하여 로그인을 완료하세요.
cognito-custom-answer = 답변
cognito-mfa-sms = 휴대전화로 문자 메시지 받기
cognito-mfa-app = 인증 앱
cognito-mfa-email = 이메일
cognito-temporary-password = 계정에 임시 비밀번호가 설정되어 있습니다. 계속하려면 직접 비밀번호를 정하세요.
cognito-set-password-submit = 비밀번호 설정 후 로그인
cognito-reset-intro-to = { $destination }(으)로 보낸 코드를 입력하고 새 비밀번호를 정하세요.
cognito-reset-intro = 보내 드린 코드를 입력하고 새 비밀번호를 정하세요.
cognito-reset-submit = 비밀번호 재설정

## The pool's password rules, and why it refused a password

password-rule-length = { $count }자 이상
password-rule-uppercase = 영문 대문자
password-rule-lowercase = 영문 소문자
password-rule-number = 숫자
password-rule-symbol = ! 또는 % 같은 기호
password-too-short = 비밀번호가 너무 짧습니다.
password-needs-uppercase = 비밀번호에 영문 대문자가 있어야 합니다.
password-needs-lowercase = 비밀번호에 영문 소문자가 있어야 합니다.
password-needs-number = 비밀번호에 숫자가 있어야 합니다.
password-needs-symbol = 비밀번호에 기호가 있어야 합니다.
password-used-before = 최근에 사용한 비밀번호입니다. 다른 비밀번호를 선택하세요.
password-not-accepted = 비밀번호가 요구 사항을 충족하지 않습니다.

## Labels of a pool's standard attributes (sign-up, new password)

attribute-email = 이메일
attribute-phone-number = 전화번호 (+15555550100)
attribute-name = 이름
attribute-given-name = 이름(성 제외)
attribute-family-name = 성
attribute-preferred-username = 선호하는 사용자 이름
attribute-birthdate = 생년월일 (YYYY-MM-DD)

## The demo's result page

demo-signed-in = 로그인됨
demo-nonce-mismatch = 로그인했지만 ID 토큰의 nonce가 일치하지 않았습니다
demo-failed = 로그인 실패
demo-not-started = 이 브라우저에서 시작된 로그인이 없습니다. /demo에서 다시 시작하세요.
demo-state-mismatch = state 매개변수가 일치하지 않았습니다. 이 응답은 이 브라우저를 위한 것이 아닙니다.
demo-server-error = 인증 서버의 응답: { $error }: { $description }
demo-no-code = 응답에 코드가 없었습니다.
demo-token-failed = 토큰 요청 실패: { $error } ({ $description })
demo-token-response = 토큰 응답
demo-id-token-header = ID 토큰 헤더
demo-id-token-claims = ID 토큰 클레임
demo-access-token-header = 액세스 토큰 헤더
demo-access-token-claims = 액세스 토큰 클레임
demo-not-json = (JSON 아님)
demo-opaque = { $count }자, 불투명

## The account pages (templates/account.html, account_everywhere.html) and their errors

account-title = 내 계정
account-back-to-app = { $app }(으)로 돌아가기
account-profile-heading = 프로필
account-signed-in-with = 로그인 방법
account-managed-at = 이 정보는 { $provider }에서 제공합니다. 변경하려면 그곳에서 변경하세요.
account-managed-in-config = 이 정보는 서비스에서 관리하므로 여기에서 변경할 수 없습니다.
account-email-verified = 이메일 인증됨
account-phone-verified = 전화번호 인증됨
account-yes = 예
account-no = 아니요
account-sessions-heading = 로그인된 곳
account-session-browser-sign-in = 브라우저 로그인
account-session-current = 이 브라우저
account-session-details = { $provider }(으)로 { $when }에 로그인
account-browser-on = { $system }의 { $browser }
account-browser-unknown = 알 수 없는 브라우저
account-session-end = 이 세션 종료
account-everywhere-heading = 모든 곳에서 로그아웃
account-everywhere-lead = 이 브라우저를 포함해 모든 앱과 브라우저에서 계정의 모든 세션을 종료합니다.
account-notice-ended = 세션이 종료되었습니다.
msg-account-back-not-registered = 이 앱은 해당 주소로 돌려보낼 수 없습니다. 앱에 등록된 주소가 아닙니다.
msg-account-no-such-session = 그 세션은 내 세션이 아니거나 이미 종료되었습니다.
msg-account-sign-in-failed = 계정 로그인이 완료되지 않았습니다. 계정 페이지를 다시 여세요.

## An app's own links in the footer (its branding)

branding-legal-label = 법적 고지
branding-terms = 이용약관
branding-privacy = 개인정보 처리방침

## After sign-in, the way back to an app whose browser may swallow the redirect

return-title = 로그인됨
return-heading = 로그인되었습니다
return-lead = 계속하려면 { $app }(으)로 돌아가세요.
return-button = 앱으로 돌아가기
return-not-opening = 아무 일도 일어나지 않으면 이 기기에 { $app }이(가) 설치되어 있지 않거나 이 브라우저에서 열 수 없는 것일 수 있습니다. { $app }을(를) 직접 열어 그곳에서 로그인하거나 한 번 더 시도하세요.
return-try-again = 한 번 더 시도

# Account pages: multi-factor, remembered devices (issue 13).
account-mfa-title = 다단계 인증
account-mfa-lead = 로그인할 때의 두 번째 단계입니다. 인증 앱의 코드나 휴대전화 또는 이메일로 보내는 코드를 사용합니다.
account-mfa-on = 켜짐
account-mfa-off = 꺼짐
account-mfa-preferred = 먼저 요청됨
account-mfa-setup-app = 인증 앱 설정
account-mfa-make-preferred = 이것을 먼저 요청
account-mfa-use = 켜고 먼저 요청
account-mfa-turn-off = 다단계 인증 끄기
account-mfa-turn-off-lead = 로그인할 때 비밀번호만 묻게 됩니다. 계정 설정에서 두 번째 단계가 필수라면 거부됩니다.
account-mfa-setup-lead = 인증 앱으로 이 코드를 스캔하거나 키를 입력한 다음, 앱에 표시되는 6자리 코드를 입력하세요.
account-mfa-verify = 확인하고 켜기
account-mfa-wrong-code = 코드가 올바르지 않습니다. 지금 앱에 표시되는 6자리 코드를 입력하세요.
account-mfa-throttled = 잘못된 코드가 너무 많습니다. 몇 분 후에 다시 시도하세요.
account-mfa-refused = 계정의 로그인 설정에서 이 변경을 허용하지 않습니다.
account-mfa-notice-on = 인증 앱이 설정되었으며 로그인할 때 먼저 요청됩니다.
account-mfa-notice-preferred = 선택을 저장했습니다.
account-mfa-notice-off = 다단계 인증이 꺼져 있습니다.
account-devices-title = 기억된 기기
account-devices-lead = 이 기기들은 로그인할 때 두 번째 단계를 건너뜁니다. 기기를 삭제하면 다음 로그인 때 다시 두 번째 단계를 요청합니다.
account-devices-none = 기억된 기기가 없습니다.
account-device-unnamed = 이름 없는 기기
account-device-last-used = 마지막 사용 { $when }
account-device-address = 마지막 주소: { $address }
account-device-forget = 이 기기 삭제
account-devices-notice-forgotten = 기기를 삭제했습니다. 다음 로그인 때 다시 두 번째 단계를 요청합니다.
account-device-not-found = 그 기기는 사용자의 기기가 아닙니다.

# Account pages: a pool user's profile, password and deletion.
account-edit-profile = 프로필 편집
account-profile-save = 저장
account-profile-saved = 정보가 저장되었습니다.
account-profile-unchanged = 변경된 내용이 없습니다.
account-attribute-taken = 해당 주소 또는 번호는 이미 다른 계정에서 사용 중입니다.
account-status-verified = 인증됨
account-status-unverified = 인증되지 않음
account-verify-now = 지금 인증
account-verify-heading = 인증 코드 입력
account-verify-lead-email = 새 이메일 주소로 코드를 보냈습니다. 여기에 코드를 입력하면 적용됩니다.
account-verify-lead-phone = 새 전화번호로 코드를 보냈습니다. 여기에 코드를 입력하면 적용됩니다.
account-verify-submit = 인증
account-verify-resend = 새 코드 보내기
account-code-resent = 새 코드를 보내고 있습니다.
account-verified = 인증되었습니다. 감사합니다.
account-change-password = 비밀번호 변경
account-password-current = 현재 비밀번호
account-password-confirm = 새 비밀번호 확인
account-password-mismatch = 새 비밀번호 두 개가 서로 다릅니다.
account-password-wrong-current = 현재 비밀번호가 올바르지 않습니다.
account-password-changed = 비밀번호가 변경되었습니다.
account-delete-heading = 계정 삭제
account-delete-lead = { $username } 계정을 영구히 삭제하고 모든 곳에서 로그아웃합니다. 되돌릴 수 없습니다.
account-delete-submit = 내 계정 삭제
msg-account-delete-not-allowed = 여기서는 계정 삭제를 제공하지 않습니다. 이 서비스 운영자에게 문의하세요.
msg-account-managed-elsewhere = 이 계정은 여기서 변경할 수 없습니다. 로그인하는 곳에서 관리됩니다.
