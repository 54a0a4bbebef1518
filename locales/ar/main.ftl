# صفحات authgate باللغة العربية. المعرّفات و{ $المتغيرات } هي نفسها في النسخة الإنجليزية (locales/en/main.ftl).

## Every page (templates/base.html)

page-default-title = تسجيل الدخول
language-picker-label = اللغة

## Words several pages share

field-username = اسم المستخدم
field-password = كلمة المرور
field-new-password = كلمة المرور الجديدة
field-code = الرمز
button-sign-in = تسجيل الدخول
button-continue = متابعة
link-start-again = البدء من جديد
link-back-to-sign-in = العودة إلى تسجيل الدخول
link-other-ways = طرق أخرى لتسجيل الدخول
sign-in-to-app = تسجيل الدخول إلى { $app }

## The provider picker and the password page

picker-lead = اختر طريقة تسجيل الدخول.
picker-continue-with = المتابعة باستخدام { $provider }
password-lead = المتابعة باستخدام { $provider }.

## The AWS role page

role-title = اختيار دور لـ { $app }
role-heading = اختيار دور
role-lead = يمكن لحسابك العمل في { $app } بأكثر من دور من أدوار AWS. اختر الدور الذي تريد استخدامه حتى تسجيل الخروج.
role-legend = الدور

## A Cognito pool's pages

cognito-signin-lead = باستخدام حسابك في { $provider }.
cognito-remember-device = تذكّر هذا الجهاز
cognito-forgot-password = هل نسيت كلمة المرور؟
cognito-no-account = ليس لديك حساب؟
cognito-create-one = أنشئ حسابًا
cognito-signup-title = إنشاء حساب
cognito-signup-lead = لـ { $app }، باستخدام { $provider }.
cognito-create-account = إنشاء الحساب
cognito-have-account = لديك حساب بالفعل؟
cognito-confirm-title = تأكيد حسابك
cognito-code-sent-to = أرسلنا رمزًا إلى { $destination }.
cognito-enter-code-sent = أدخل الرمز الذي أرسلناه إليك.
cognito-confirmation-code = رمز التأكيد
cognito-confirm = تأكيد
cognito-send-new-code = إرسال رمز جديد
cognito-forgot-title = إعادة تعيين كلمة المرور
cognito-forgot-lead = أدخل اسم المستخدم وسنرسل إليك رمزًا لإعادة تعيين كلمة المرور.
cognito-send-code = إرسال الرمز
cognito-mfa-setup-title = إعداد تطبيق المصادقة
cognito-mfa-setup-lead = يحتاج حسابك إلى خطوة تحقق ثانية. امسح هذا الرمز ضوئيًا باستخدام تطبيق مصادقة (أو اكتب المفتاح)، ثم أدخل الرمز المكوّن من 6 أرقام الذي يظهر فيه.
cognito-mfa-setup-qr-alt = رمز QR لتطبيق المصادقة
cognito-mfa-setup-key = المفتاح
cognito-mfa-setup-code = الرمز من التطبيق
cognito-verify-and-continue = التحقق والمتابعة
cognito-new-password-title = اختيار كلمة مرور جديدة
cognito-select-mfa-title = اختيار طريقة التحقق
cognito-select-mfa-lead = لدى حسابك أكثر من طريقة لتأكيد هويتك.
cognito-select-mfa-always = استخدام هذه الطريقة دائمًا
password-rules-intro = يجب أن تتضمن كلمة المرور:

## The signed-out page

signed-out-title = تم تسجيل الخروج
signed-out-heading = لقد سجّلت الخروج
signed-out-back-to-app = يمكنك الآن العودة إلى { $app }.
signed-out-close = يمكنك إغلاق هذه الصفحة.

## The demo app

demo-title = عرض authgate التجريبي
demo-lead-before = هذه الصفحة تطبيق مسجّل باسم
demo-lead-after = . يؤدي تسجيل الدخول إلى تنفيذ تدفق رمز التفويض كاملًا مع PKCE عبر واجهة المستخدم المستضافة، ثم يعرض الرموز المميزة التي تلقاها التطبيق.
demo-sign-out-of-authgate = تسجيل الخروج من authgate
demo-result-title = تم تسجيل الدخول · عرض authgate التجريبي
demo-back = العودة إلى العرض التجريبي
demo-sign-out = تسجيل الخروج

## Error pages (templates/error.html)

error-title-unavailable = الخدمة غير متاحة مؤقتًا
error-title-problem = مشكلة في تسجيل الدخول
error-lead = عُد إلى التطبيق وحاول مرة أخرى. إذا تكررت المشكلة، فتواصل مع فريق دعم التطبيق.
error-request-id = معرّف الطلب:
error-render-failed = حدث خطأ من جانبنا. يُرجى المحاولة مرة أخرى.

## What an error page says (src/web/messages.rs, one id per Msg)

msg-sign-in-expired = انتهت صلاحية صفحة تسجيل الدخول هذه. عُد إلى التطبيق وابدأ تسجيل الدخول من جديد.
msg-other-browser = بدأ تسجيل الدخول هذا في متصفح أو علامة تبويب أخرى تم إغلاقها. عُد إلى التطبيق وابدأ تسجيل الدخول من جديد.
msg-method-not-available = طريقة تسجيل الدخول هذه غير متاحة لهذا التطبيق.
msg-form-expired = انتهت صلاحية هذا النموذج. عُد إلى التطبيق وابدأ من جديد.
msg-form-incomplete = النموذج غير مكتمل. عُد وحاول مرة أخرى.
msg-unavailable = تسجيل الدخول غير متاح مؤقتًا. يُرجى المحاولة مرة أخرى بعد قليل.
msg-no-such-page = لا توجد صفحة على هذا العنوان.
msg-unusable-redirect = العنوان الذي يُفترض أن يعيدك إلى التطبيق غير صالح، لذا لا يمكن متابعة تسجيل الدخول. أبلغ فريق دعم التطبيق.
msg-role-not-allowed = لا يُسمح لحسابك باستخدام هذا الدور. عُد واختر دورًا من القائمة.
msg-federation-pool-unreachable = تعذّر تسجيل دخولك إلى { $app } لأن مجموعة الهويات { $pool } لم تستجب. حاول مرة أخرى بعد بضع دقائق.
msg-federation-pool-throttled = تعذّر تسجيل دخولك إلى { $app } لأن مجموعة الهويات { $pool } ترفض الطلبات حاليًا. حاول مرة أخرى بعد بضع دقائق.
msg-federation-pool-refused = تعذّر تسجيل دخولك إلى { $app } لأن مجموعة الهويات { $pool } رفضت تسجيل الدخول هذا. إذا تكررت المشكلة، فأبلغ فريق دعم التطبيق.
msg-federation-pool-not-found = تعذّر تسجيل دخولك إلى { $app } لأن مجموعة الهويات { $pool } لا تعرف هذه الهوية. إذا تكررت المشكلة، فأبلغ فريق دعم التطبيق.
msg-federation-pool-bad-answer = تعذّر تسجيل دخولك إلى { $app } لأن مجموعة الهويات { $pool } أرسلت استجابة لا يمكن استخدامها. إذا تكررت المشكلة، فأبلغ فريق دعم التطبيق.
msg-federation-pool-failed = تعذّر تسجيل دخولك إلى { $app } لأن مجموعة الهويات { $pool } ردّت بخطأ. إذا تكررت المشكلة، فأبلغ فريق دعم التطبيق.
msg-federation-sign-in-expired = تعذّر تسجيل دخولك إلى { $app } لأن صلاحية تسجيل الدخول عبر { $provider } انتهت. عُد إلى التطبيق وسجّل الدخول مرة أخرى.
msg-federation-provider-unreachable = تعذّر تسجيل دخولك إلى { $app } لأن { $provider } لم يستجب، لذا تعذّر تجديد تسجيل الدخول. حاول مرة أخرى بعد بضع دقائق.
msg-federation-internal = تعذّر تسجيل دخولك إلى { $app } لأن تسجيل الدخول تعذّر إكماله. حاول مرة أخرى بعد بضع دقائق.
msg-upstream-unreachable = تعذّر تسجيل الدخول لأن { $provider } لم يستجب. حاول مرة أخرى بعد بضع دقائق.
msg-upstream-bad-answer = تعذّر تسجيل الدخول لأن { $provider } أرسل استجابة لا يمكن استخدامها. حاول مرة أخرى بعد بضع دقائق.
msg-upstream-rejected = تعذّر تسجيل الدخول: لم تجتز استجابة تسجيل الدخول من { $provider } التحقق. عُد إلى التطبيق وابدأ من جديد.
msg-upstream-denied = تعذّر تسجيل الدخول: لم تسمح بتسجيل الدخول. عُد إلى التطبيق وابدأ من جديد.
msg-upstream-declined = تعذّر تسجيل الدخول: لم يكتمل تسجيل الدخول. عُد إلى التطبيق وابدأ من جديد.
msg-saml-logout-refused = لم تجتز رسالة تسجيل الخروج من { $provider } التحقق، لذا لم يُسجَّل خروجك من أي جلسة. عُد إلى التطبيق.
msg-upstream-repeats = تكرر أحد المعاملات في استجابة تسجيل الدخول.
msg-upstream-no-state = لم تتضمن استجابة تسجيل الدخول المعامل state.
msg-upstream-not-this-flow = لا تخص استجابة تسجيل الدخول هذه عملية تسجيل الدخول التي بدأت.
upstream-incomplete-no-code = لم تتضمن استجابة تسجيل الدخول رمزًا.
msg-pool-unreachable = لم يستجب { $pool }. حاول مرة أخرى بعد قليل.
msg-pool-bad-answer = أرسل { $pool } استجابة لا يمكن استخدامها. حاول مرة أخرى لاحقًا.
msg-mfa-setup-unsupported = يحتاج حسابك إلى رقم هاتف أو عنوان بريد إلكتروني لخطوة تسجيل الدخول الثانية، ولا يوجد أي منهما بعد. تواصل مع فريق دعم التطبيق.
msg-challenge-unsupported = يحتاج هذا الحساب إلى خطوة تسجيل دخول غير متاحة هنا. تواصل مع فريق دعم التطبيق.
msg-sign-in-again = استغرق الأمر وقتًا طويلًا، أو لم تُقبل الإجابة. سجّل الدخول مرة أخرى.
msg-demo-form-expired = انتهت صلاحية هذا النموذج. أعد تحميل صفحة العرض التجريبي.
msg-too-many-requests = وصلت طلبات كثيرة جدًا من شبكتك في الوقت الحالي. يُرجى الانتظار { $wait } ثم المحاولة مرة أخرى.
wait-a-second = ثانية واحدة
wait-seconds = { $count ->
    [zero] { $count } ثانية
    [one] ثانية واحدة
    [two] ثانيتين
    [few] { $count } ثوانٍ
    [many] { $count } ثانية
   *[other] { $count } ثانية
}
wait-minutes = { $count ->
    [zero] { $count } دقيقة
    [one] دقيقة واحدة
    [two] دقيقتين
    [few] { $count } دقائق
    [many] { $count } دقيقة
   *[other] { $count } دقيقة
}
authorize-repeats-client = طلب تسجيل الدخول من التطبيق يذكر التطبيق أو طريق العودة إليه مرتين. أبلغ فريق دعم التطبيق.
authorize-no-client-id = لا يذكر طلب تسجيل الدخول التطبيق الذي أتى منه. أبلغ فريق دعم التطبيق.
authorize-unknown-client = التطبيق الذي أرسلك إلى هنا غير مسجّل.
authorize-no-redirect-uri = لا يذكر طلب تسجيل الدخول إلى أين يُرسلك بعد ذلك. أبلغ فريق دعم التطبيق.
authorize-unknown-redirect-uri = طلب التطبيق إعادتك إلى عنوان لم يسجّله، لذا لا يمكن متابعة تسجيل الدخول. أبلغ فريق دعم التطبيق.

## Sign-in forms' own errors

signin-bad-credentials = اسم المستخدم أو كلمة المرور غير صحيحة.
signin-locked =
    { $minutes ->
        [one] تم قفل تسجيل الدخول بعد محاولات فاشلة كثيرة جدًا. يمكنك المحاولة مرة أخرى بعد دقيقة واحدة.
        [two] تم قفل تسجيل الدخول بعد محاولات فاشلة كثيرة جدًا. يمكنك المحاولة مرة أخرى بعد دقيقتين.
        [few] تم قفل تسجيل الدخول بعد محاولات فاشلة كثيرة جدًا. يمكنك المحاولة مرة أخرى بعد { $minutes } دقائق.
        [many] تم قفل تسجيل الدخول بعد محاولات فاشلة كثيرة جدًا. يمكنك المحاولة مرة أخرى بعد { $minutes } دقيقة.
   *[other] تم قفل تسجيل الدخول بعد محاولات فاشلة كثيرة جدًا. يمكنك المحاولة مرة أخرى بعد { $minutes } دقيقة.
    }

## A Cognito pool's pages, said from code (src/hosted_ui/words.rs)

cognito-try-later = محاولات كثيرة جدًا حاليًا. انتظر بضع دقائق، ثم حاول مرة أخرى.
cognito-wrong-code = هذا الرمز غير صحيح. تحقّق منه وحاول مرة أخرى.
cognito-expired-code = انتهت صلاحية هذا الرمز. اطلب رمزًا جديدًا.
cognito-wrong-answer = لم تُقبل هذه الإجابة. حاول مرة أخرى.
cognito-check-input = تحقّق مما أدخلته وحاول مرة أخرى.
cognito-choose-option = اختر أحد الخيارات.
cognito-enter-username = أدخل اسم المستخدم.
cognito-no-verified-contact = لا يوجد لهذا الحساب بريد إلكتروني أو رقم هاتف مُتحقَّق منه لإرسال رمز إليه. تواصل مع دعم التطبيق.
cognito-reset-code-not-sent = تعذّر إرسال رمز إعادة التعيين. حاول مرة أخرى لاحقًا.
cognito-enter-code-and-password = أدخل الرمز وكلمة مرور جديدة.
cognito-reset-code-expired = انتهت صلاحية هذا الرمز. ابدأ إعادة التعيين من جديد.
cognito-reset-failed = تعذّرت إعادة تعيين كلمة المرور بهذا الرمز. ابدأ إعادة التعيين من جديد.
cognito-fill-every-field = املأ جميع الحقول.
cognito-username-exists = يوجد حساب بهذا الاسم بالفعل. سجّل الدخول بدلًا من ذلك، أو أعد تعيين كلمة مروره.
cognito-signup-check-input = تحقّق مما أدخلته (بريد إلكتروني، ورقم هاتف مثل ‎+15555550100) وحاول مرة أخرى.
cognito-signup-failed = تعذّر إنشاء الحساب. حاول مرة أخرى.
cognito-confirm-failed = تعذّر تأكيد الحساب بهذا الرمز. اطلب رمزًا جديدًا.
cognito-new-code-not-sent = تعذّر إرسال رمز جديد. حاول مرة أخرى لاحقًا.
cognito-account-ready = حسابك جاهز. سجّل الدخول للمتابعة.
cognito-account-confirmed = تم تأكيد حسابك. سجّل الدخول للمتابعة.
cognito-not-confirmed = لم يتم تأكيد حسابك بعد. أدخل الرمز الذي أرسلناه عند التسجيل، أو اطلب رمزًا جديدًا.
cognito-reset-code-sent-to = إذا كان الحساب موجودًا، فقد أرسلنا رمزًا إلى { $destination }.
cognito-reset-code-sent = إذا كان الحساب موجودًا، فقد أرسلنا إليه رمزًا.
cognito-reset-required-code-sent-to = يجب إعادة تعيين كلمة المرور قبل تسجيل الدخول. إذا كان الحساب موجودًا، فقد أرسلنا رمزًا إلى { $destination }.
cognito-reset-required-code-sent = يجب إعادة تعيين كلمة المرور قبل تسجيل الدخول. إذا كان الحساب موجودًا، فقد أرسلنا إليه رمزًا.
cognito-new-code-sent-to = أرسلنا رمزًا جديدًا إلى { $destination }.
cognito-new-code-sent = أرسلنا رمزًا جديدًا.
cognito-code-heading-sms = أدخل الرمز الذي أرسلناه في رسالة نصية
cognito-code-heading-email = أدخل الرمز الذي أرسلناه بالبريد الإلكتروني
cognito-code-heading-app = أدخل الرمز من تطبيق المصادقة
cognito-code-intro-app = افتح تطبيق المصادقة وأدخل الرمز المكوّن من 6 أرقام الذي يعرضه لهذا الحساب.
cognito-custom-heading = خطوة أخيرة
cognito-custom-intro = أجب عن السؤال أدناه لإكمال تسجيل الدخول.
cognito-custom-answer = إجابتك
cognito-mfa-sms = رسالة نصية إلى هاتفك
cognito-mfa-app = تطبيق مصادقة
cognito-mfa-email = رسالة بريد إلكتروني
cognito-temporary-password = لحسابك كلمة مرور مؤقتة. اختر كلمة مرور خاصة بك للمتابعة.
cognito-set-password-submit = تعيين كلمة المرور وتسجيل الدخول
cognito-reset-intro-to = أدخل الرمز الذي أرسلناه إلى { $destination } واختر كلمة مرور جديدة.
cognito-reset-intro = أدخل الرمز الذي أرسلناه إليك واختر كلمة مرور جديدة.
cognito-reset-submit = إعادة تعيين كلمة المرور

## The pool's password rules, and why it refused a password

password-rule-length = { $count ->
    [one] حرف واحد على الأقل
    [two] حرفان على الأقل
    [few] { $count } أحرف على الأقل
   *[other] { $count } حرفًا على الأقل
}
password-rule-uppercase = حرف إنجليزي كبير
password-rule-lowercase = حرف إنجليزي صغير
password-rule-number = رقم
password-rule-symbol = رمز مثل ! أو %
password-too-short = كلمة المرور هذه قصيرة جدًا.
password-needs-uppercase = يجب أن تحتوي كلمة المرور على حرف إنجليزي كبير.
password-needs-lowercase = يجب أن تحتوي كلمة المرور على حرف إنجليزي صغير.
password-needs-number = يجب أن تحتوي كلمة المرور على رقم.
password-needs-symbol = يجب أن تحتوي كلمة المرور على رمز.
password-used-before = استخدمت كلمة المرور هذه مؤخرًا. اختر كلمة مرور أخرى.
password-not-accepted = كلمة المرور هذه لا تستوفي المتطلبات.

## Labels of a pool's standard attributes (sign-up, new password)

attribute-email = البريد الإلكتروني
attribute-phone-number = رقم الهاتف (‎+15555550100)
attribute-name = الاسم الكامل
attribute-given-name = الاسم الأول
attribute-family-name = اسم العائلة
attribute-preferred-username = اسم المستخدم المفضّل
attribute-birthdate = تاريخ الميلاد (YYYY-MM-DD)

## The demo's result page

demo-signed-in = تم تسجيل الدخول
demo-nonce-mismatch = تم تسجيل الدخول، لكن قيمة nonce في رمز الهوية لم تتطابق
demo-failed = فشل تسجيل الدخول
demo-not-started = لم يبدأ أي تسجيل دخول من هذا المتصفح. ابدأ من جديد من ‎/demo.
demo-state-mismatch = لم تتطابق المعلمة state: هذه الاستجابة ليست لهذا المتصفح.
demo-server-error = أجاب خادم التفويض بـ { $error }: { $description }
demo-no-code = لم تحمل الاستجابة أي رمز.
demo-token-failed = فشل طلب الرموز المميزة: { $error } ({ $description })
demo-token-response = استجابة الرموز المميزة
demo-id-token-header = رمز الهوية: الترويسة
demo-id-token-claims = رمز الهوية: المطالبات
demo-access-token-header = رمز الوصول: الترويسة
demo-access-token-claims = رمز الوصول: المطالبات
demo-not-json = (ليس JSON)
demo-opaque = { $count } حرفًا، غير قابل للقراءة

## The account pages (templates/account.html, account_everywhere.html) and their errors

account-title = حسابك
account-back-to-app = العودة إلى { $app }
account-profile-heading = الملف الشخصي
account-signed-in-with = تم تسجيل الدخول عبر
account-managed-at = تأتي هذه البيانات من { $provider }. لتغييرها، غيّرها هناك.
account-managed-in-config = تدير الخدمة هذه البيانات نيابةً عنك، ولا يمكن تغييرها هنا.
account-email-verified = البريد الإلكتروني مُتحقق منه
account-phone-verified = رقم الهاتف مُتحقق منه
account-yes = نعم
account-no = لا
account-sessions-heading = أين سجّلت الدخول
account-session-browser-sign-in = تسجيل الدخول في المتصفح
account-session-current = هذا المتصفح
account-session-details = عبر { $provider }، تم تسجيل الدخول في { $when }
account-browser-on = { $browser } على { $system }
account-browser-unknown = متصفح غير معروف
account-session-end = إنهاء هذه الجلسة
account-everywhere-heading = تسجيل الخروج من كل مكان
account-everywhere-lead = ينهي كل جلسات حسابك، في كل تطبيق وكل متصفح، بما فيها هذه الجلسة.
account-notice-ended = انتهت الجلسة.
msg-account-back-not-registered = لا يستطيع هذا التطبيق إعادتك إلى ذلك العنوان: فهو ليس من عناوين التطبيق المسجلة.
msg-account-no-such-session = هذه الجلسة ليست لك، أو انتهت بالفعل.
msg-account-sign-in-failed = لم يكتمل تسجيل الدخول إلى حسابك. افتح صفحة حسابك مرة أخرى.

## An app's own links in the footer (its branding)

branding-legal-label = قانوني
branding-terms = شروط الاستخدام
branding-privacy = سياسة الخصوصية

## After sign-in, the way back to an app whose browser may swallow the redirect

return-title = تم تسجيل الدخول
return-heading = لقد سجّلت الدخول
return-lead = ارجع إلى { $app } للمتابعة.
return-button = العودة إلى التطبيق
return-not-opening = إذا لم يحدث شيء، فربما لا يكون { $app } مثبّتًا على هذا الجهاز، أو لا يستطيع هذا المتصفح فتحه. افتح { $app } بنفسك وسجّل الدخول من هناك، أو حاول مرة أخرى.
return-try-again = حاول مرة أخرى

# Account pages: multi-factor, remembered devices (issue 13).
account-mfa-title = المصادقة متعددة العوامل
account-mfa-lead = خطوة ثانية عند تسجيل الدخول: رمز من تطبيق مصادقة، أو رمز يُرسل إلى هاتفك أو بريدك الإلكتروني.
account-mfa-on = مفعّلة
account-mfa-off = معطّلة
account-mfa-preferred = تُطلب أولًا
account-mfa-setup-app = إعداد تطبيق مصادقة
account-mfa-make-preferred = اطلب هذه أولًا
account-mfa-use = فعّلها واطلبها أولًا
account-mfa-turn-off = إيقاف المصادقة متعددة العوامل
account-mfa-turn-off-lead = سيُطلب منك عند تسجيل الدخول كلمة المرور فقط. إذا كانت إعدادات حسابك تشترط خطوة ثانية فسيُرفض ذلك.
account-mfa-setup-lead = امسح هذا الرمز بتطبيق المصادقة (أو اكتب المفتاح فيه)، ثم أدخل الرمز المكوّن من 6 أرقام الذي يعرضه.
account-mfa-verify = تحقّق وفعّل
account-mfa-wrong-code = هذا الرمز غير صحيح. أدخل الرمز المكوّن من 6 أرقام الذي يعرضه تطبيقك الآن.
account-mfa-throttled = رموز خاطئة كثيرة جدًا. انتظر بضع دقائق ثم حاول مرة أخرى.
account-mfa-refused = لا تسمح إعدادات تسجيل الدخول لحسابك بهذا التغيير.
account-mfa-notice-on = تم إعداد تطبيق المصادقة، وسيُطلب أولًا عند تسجيل الدخول.
account-mfa-notice-preferred = تم حفظ اختيارك.
account-mfa-notice-off = المصادقة متعددة العوامل معطّلة.
account-devices-title = الأجهزة المحفوظة
account-devices-lead = تتخطى هذه الأجهزة الخطوة الثانية عند تسجيل الدخول. إذا نسيت أحدها فستُطلب منه الخطوة الثانية مجددًا عند تسجيل دخوله التالي.
account-devices-none = لا توجد أجهزة محفوظة.
account-device-unnamed = جهاز بلا اسم
account-device-last-used = آخر استخدام { $when }
account-device-address = آخر عنوان: { $address }
account-device-forget = انسَ هذا الجهاز
account-devices-notice-forgotten = تم نسيان الجهاز. ستُطلب منه الخطوة الثانية مجددًا عند تسجيل دخوله التالي.
account-device-not-found = هذا الجهاز ليس من أجهزتك.

# Account pages: a pool user's profile, password and deletion.
account-edit-profile = تعديل ملفك الشخصي
account-profile-save = حفظ
account-profile-saved = تم حفظ بياناتك.
account-profile-unchanged = لم يتغير شيء.
account-attribute-taken = هذا العنوان أو الرقم مستخدم بالفعل في حساب آخر.
account-status-verified = تم التحقق
account-status-unverified = لم يتم التحقق
account-verify-now = تحقق الآن
account-verify-heading = أدخل رمز التحقق
account-verify-lead-email = أرسلنا رمزًا إلى عنوان بريدك الإلكتروني الجديد. يُعتمد بعد إدخال الرمز هنا.
account-verify-lead-phone = أرسلنا رمزًا إلى رقم هاتفك الجديد. يُعتمد بعد إدخال الرمز هنا.
account-verify-submit = تحقق
account-verify-resend = إرسال رمز جديد
account-code-resent = رمز جديد في الطريق إليك.
account-verified = تم التحقق. شكرًا لك.
account-change-password = تغيير كلمة المرور
account-password-current = كلمة المرور الحالية
account-password-confirm = كلمة المرور الجديدة مرة أخرى
account-password-mismatch = كلمتا المرور الجديدتان غير متطابقتين.
account-password-wrong-current = كلمة المرور الحالية غير صحيحة.
account-password-changed = تم تغيير كلمة المرور.
account-delete-heading = حذف حسابك
account-delete-lead = سيؤدي هذا إلى حذف الحساب { $username } نهائيًا وتسجيل خروجك من كل مكان. لا يمكن التراجع عن ذلك.
account-delete-submit = حذف حسابي
msg-account-delete-not-allowed = حذف الحساب غير متاح هنا. اسأل القائمين على هذه الخدمة.
msg-account-managed-elsewhere = لا يمكن تغيير هذا الحساب هنا: تتم إدارته حيث تسجّل الدخول.
