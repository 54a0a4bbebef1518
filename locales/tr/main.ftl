# authgate sayfaları Türkçe. Kimlikler ve { $değişkenler } İngilizceyle (locales/en/main.ftl) aynıdır.

## Every page (templates/base.html)

page-default-title = Oturum aç
language-picker-label = Dil

## Words several pages share

field-username = Kullanıcı adı
field-password = Parola
field-new-password = Yeni parola
field-code = Kod
button-sign-in = Oturum aç
button-continue = Devam
link-start-again = Baştan başla
link-back-to-sign-in = Oturum açmaya dön
link-other-ways = Oturum açmanın diğer yolları
sign-in-to-app = { $app } uygulamasında oturum açın

## The provider picker and the password page

picker-lead = Nasıl oturum açmak istediğinizi seçin.
picker-continue-with = { $provider } ile devam et
password-lead = { $provider } hesabınızla devam edin.

## The AWS role page

role-title = { $app } için rol seçin
role-heading = Rol seçin
role-lead = Hesabınız { $app } uygulamasında birden fazla AWS rolüyle çalışabilir. Oturumu kapatana kadar kullanılacak rolü seçin.
role-legend = Rol

## A Cognito pool's pages

cognito-signin-lead = { $provider } hesabınızla.
cognito-remember-device = Bu cihazı hatırla
cognito-forgot-password = Parolanızı mı unuttunuz?
cognito-no-account = Hesabınız yok mu?
cognito-create-one = Hesap oluşturun
cognito-signup-title = Hesap oluşturun
cognito-signup-lead = { $app } için, { $provider } ile.
cognito-create-account = Hesap oluştur
cognito-have-account = Hesabınız var mı?
cognito-confirm-title = Hesabınızı onaylayın
cognito-code-sent-to = { $destination } adresine bir kod gönderdik.
cognito-enter-code-sent = Size gönderdiğimiz kodu girin.
cognito-confirmation-code = Onay kodu
cognito-confirm = Onayla
cognito-send-new-code = Yeni kod gönder
cognito-forgot-title = Parolanızı sıfırlayın
cognito-forgot-lead = Kullanıcı adınızı girin, parolanızı sıfırlamanız için size bir kod gönderelim.
cognito-send-code = Kod gönder
cognito-mfa-setup-title = Kimlik doğrulama uygulaması kurun
cognito-mfa-setup-lead = Hesabınız için ikinci bir adım gerekiyor. Bu kodu bir kimlik doğrulama uygulamasıyla tarayın (veya anahtarı yazın), ardından uygulamanın gösterdiği 6 haneli kodu girin.
cognito-mfa-setup-qr-alt = Kimlik doğrulama uygulamanız için QR kodu
cognito-mfa-setup-key = Anahtar
cognito-mfa-setup-code = Uygulamadaki kod
cognito-verify-and-continue = Doğrula ve devam et
cognito-new-password-title = Yeni bir parola seçin
cognito-select-mfa-title = Doğrulama yöntemini seçin
cognito-select-mfa-lead = Hesabınızda kimliğinizi doğrulamanın birden fazla yolu var.
cognito-select-mfa-always = Her zaman bu yöntemi kullan
password-rules-intro = Parolanızda şunlar olmalı:

## The signed-out page

signed-out-title = Oturum kapatıldı
signed-out-heading = Oturumunuz kapatıldı
signed-out-back-to-app = Artık { $app } uygulamasına dönebilirsiniz.
signed-out-close = Bu sayfayı kapatabilirsiniz.

## The demo app

demo-title = authgate demosu
demo-lead-before = Bu sayfa, şu kimlikle kayıtlı bir uygulamadır:
demo-lead-after = . Oturum açmak, barındırılan arayüz üzerinden PKCE ile yetkilendirme kodu akışının tamamını çalıştırır ve ardından uygulamanın aldığı belirteçleri gösterir.
demo-sign-out-of-authgate = authgate oturumunu kapat
demo-result-title = Oturum açıldı · authgate demosu
demo-back = Demoya dön
demo-sign-out = Oturumu kapat

## Error pages (templates/error.html)

error-title-unavailable = Geçici olarak kullanılamıyor
error-title-problem = Oturum açma sorunu
error-lead = Uygulamaya dönüp tekrar deneyin. Sorun devam ederse uygulamanın destek ekibiyle iletişime geçin.
error-request-id = İstek kimliği:
error-render-failed = Bizim tarafımızda bir sorun oluştu. Lütfen tekrar deneyin.

## What an error page says (src/web/messages.rs, one id per Msg)

msg-sign-in-expired = Bu oturum açma sayfasının süresi doldu. Uygulamaya dönüp oturum açmaya yeniden başlayın.
msg-other-browser = Bu oturum açma işlemi, o zamandan beri kapatılmış başka bir tarayıcıda veya sekmede başlatıldı. Uygulamaya dönüp oturum açmaya yeniden başlayın.
msg-method-not-available = Bu oturum açma yöntemi bu uygulama için kullanılamıyor.
msg-form-expired = Bu formun süresi doldu. Uygulamaya dönüp yeniden başlayın.
msg-form-incomplete = Form eksikti. Geri dönüp tekrar deneyin.
msg-unavailable = Oturum açma geçici olarak kullanılamıyor. Lütfen biraz sonra tekrar deneyin.
msg-no-such-page = Bu adreste bir sayfa yok.
msg-unusable-redirect = Sizi uygulamaya geri götürecek adres geçersiz, bu yüzden oturum açma devam edemiyor. Uygulamanın destek ekibine bildirin.
msg-role-not-allowed = Bu rol hesabınızın kullanabileceği rollerden biri değil. Geri dönüp listeden bir rol seçin.
msg-federation-pool-unreachable = { $app } uygulamasında oturumunuz açılamadı, çünkü { $pool } kimlik havuzu yanıt vermedi. Birkaç dakika sonra tekrar deneyin.
msg-federation-pool-throttled = { $app } uygulamasında oturumunuz açılamadı, çünkü { $pool } kimlik havuzu şu anda istekleri reddediyor. Birkaç dakika sonra tekrar deneyin.
msg-federation-pool-refused = { $app } uygulamasında oturumunuz açılamadı, çünkü { $pool } kimlik havuzu bu oturum açmayı reddetti. Sorun devam ederse uygulamanın destek ekibine bildirin.
msg-federation-pool-not-found = { $app } uygulamasında oturumunuz açılamadı, çünkü { $pool } kimlik havuzu bu kimliği tanımıyor. Sorun devam ederse uygulamanın destek ekibine bildirin.
msg-federation-pool-bad-answer = { $app } uygulamasında oturumunuz açılamadı, çünkü { $pool } kimlik havuzu kullanılamayan bir yanıt verdi. Sorun devam ederse uygulamanın destek ekibine bildirin.
msg-federation-pool-failed = { $app } uygulamasında oturumunuz açılamadı, çünkü { $pool } kimlik havuzu bir hatayla yanıt verdi. Sorun devam ederse uygulamanın destek ekibine bildirin.
msg-federation-sign-in-expired = { $app } uygulamasında oturumunuz açılamadı, çünkü { $provider } ile açılan oturumun süresi doldu. Uygulamaya dönüp yeniden oturum açın.
msg-federation-provider-unreachable = { $app } uygulamasında oturumunuz açılamadı, çünkü { $provider } yanıt vermedi, bu yüzden oturum yenilenemedi. Birkaç dakika sonra tekrar deneyin.
msg-federation-internal = { $app } uygulamasında oturumunuz açılamadı, çünkü oturum açma tamamlanamadı. Birkaç dakika sonra tekrar deneyin.
msg-upstream-unreachable = Oturum açılamadı, çünkü { $provider } yanıt vermedi. Birkaç dakika sonra tekrar deneyin.
msg-upstream-bad-answer = Oturum açılamadı, çünkü { $provider } kullanılamayan bir yanıt verdi. Birkaç dakika sonra tekrar deneyin.
msg-upstream-rejected = Oturum açılamadı: { $provider } tarafından gelen oturum açma yanıtı doğrulamayı geçemedi. Uygulamaya dönüp yeniden başlayın.
msg-upstream-denied = Oturum açılamadı: oturum açmaya izin vermediniz. Uygulamaya dönüp yeniden başlayın.
msg-upstream-declined = Oturum açılamadı: oturum açma tamamlanmadı. Uygulamaya dönüp yeniden başlayın.
msg-saml-logout-refused = { $provider } tarafından gelen oturum kapatma iletisi doğrulamayı geçemedi, bu yüzden hiçbir oturum kapatılmadı. Uygulamaya dönün.
msg-upstream-repeats = Oturum açma yanıtı bir parametreyi tekrarlıyor.
msg-upstream-no-state = Oturum açma yanıtında state yoktu.
msg-upstream-not-this-flow = Bu oturum açma yanıtı, başlatılan oturum açma işlemine ait değil.
upstream-incomplete-no-code = Oturum açma yanıtında kod yoktu.
msg-pool-unreachable = { $pool } yanıt vermedi. Lütfen biraz sonra tekrar deneyin.
msg-pool-bad-answer = { $pool } kullanılamayan bir yanıt verdi. Daha sonra tekrar deneyin.
msg-mfa-setup-unsupported = Hesabınızın ikinci oturum açma adımı için bir telefon numarasına veya e-posta adresine ihtiyacı var, ancak henüz hiçbiri yok. Uygulamanın destek ekibiyle iletişime geçin.
msg-challenge-unsupported = Bu hesap, burada sunulmayan bir oturum açma adımı gerektiriyor. Uygulamanın destek ekibiyle iletişime geçin.
msg-sign-in-again = Çok uzun sürdü veya yanıt kabul edilmedi. Yeniden oturum açın.
msg-demo-form-expired = Bu formun süresi doldu. Demo sayfasını yeniden yükleyin.
msg-too-many-requests = Ağınızdan az önce çok fazla istek geldi. Lütfen { $wait } bekleyip tekrar deneyin.
wait-a-second = bir saniye
wait-seconds = { $count } saniye
wait-minutes = { $count } dakika
authorize-repeats-client = Uygulamanın oturum açma isteği, uygulamayı veya uygulamaya dönüş yolunu iki kez belirtiyor. Uygulamanın destek ekibine bildirin.
authorize-no-client-id = Oturum açma isteği hangi uygulamadan geldiğini belirtmiyor. Uygulamanın destek ekibine bildirin.
authorize-unknown-client = Sizi buraya gönderen uygulama kayıtlı değil.
authorize-no-redirect-uri = Oturum açma isteği, sonrasında nereye gönderileceğinizi belirtmiyor. Uygulamanın destek ekibine bildirin.
authorize-unknown-redirect-uri = Uygulama sizi kayıtlı olmayan bir adrese geri göndermek istedi, bu yüzden oturum açma devam edemiyor. Uygulamanın destek ekibine bildirin.

## Sign-in forms' own errors

signin-bad-credentials = Kullanıcı adı veya parola hatalı.
signin-locked = Çok fazla başarısız deneme nedeniyle oturum açma kilitlendi. { $minutes } dakika sonra tekrar deneyebilirsiniz.

## A Cognito pool's pages, said from code (src/hosted_ui/words.rs)

cognito-try-later = Şu an için çok fazla deneme yapıldı. Birkaç dakika bekleyip tekrar deneyin.
cognito-wrong-code = Bu kod doğru değil. Kontrol edip tekrar deneyin.
cognito-expired-code = Bu kodun süresi doldu. Yeni bir kod isteyin.
cognito-wrong-answer = Bu yanıt kabul edilmedi. Tekrar deneyin.
cognito-check-input = Girdiklerinizi kontrol edip tekrar deneyin.
cognito-choose-option = Seçeneklerden birini seçin.
cognito-enter-username = Kullanıcı adınızı girin.
cognito-no-verified-contact = Bu hesabın kod gönderilebilecek doğrulanmış bir e-posta adresi veya telefon numarası yok. Uygulamanın destek ekibine başvurun.
cognito-reset-code-not-sent = Sıfırlama kodu gönderilemedi. Daha sonra tekrar deneyin.
cognito-enter-code-and-password = Kodu ve yeni bir parola girin.
cognito-reset-code-expired = Bu kodun süresi doldu. Sıfırlamaya baştan başlayın.
cognito-reset-failed = Parola bu kodla sıfırlanamadı. Sıfırlamaya baştan başlayın.
cognito-fill-every-field = Tüm alanları doldurun.
cognito-username-exists = Bu kullanıcı adıyla bir hesap zaten var. Oturum açın ya da parolasını sıfırlayın.
cognito-signup-check-input = Girdiklerinizi (bir e-posta adresi, +15555550100 gibi bir telefon numarası) kontrol edip tekrar deneyin.
cognito-signup-failed = Hesap oluşturulamadı. Tekrar deneyin.
cognito-confirm-failed = Hesap bu kodla doğrulanamadı. Yeni bir kod isteyin.
cognito-new-code-not-sent = Yeni kod gönderilemedi. Daha sonra tekrar deneyin.
cognito-account-ready = Hesabınız hazır. Devam etmek için oturum açın.
cognito-account-confirmed = Hesabınız doğrulandı. Devam etmek için oturum açın.
cognito-not-confirmed = Hesabınız henüz doğrulanmadı. Kaydolurken gönderdiğimiz kodu girin ya da yeni bir kod isteyin.
cognito-reset-code-sent-to = Hesap varsa { $destination } adresine bir kod gönderdik.
cognito-reset-code-sent = Hesap varsa ona bir kod gönderdik.
cognito-reset-required-code-sent-to = Oturum açmadan önce parolanızı sıfırlamanız gerekiyor. Hesap varsa { $destination } adresine bir kod gönderdik.
cognito-reset-required-code-sent = Oturum açmadan önce parolanızı sıfırlamanız gerekiyor. Hesap varsa ona bir kod gönderdik.
cognito-new-code-sent-to = { $destination } adresine yeni bir kod gönderdik.
cognito-new-code-sent = Yeni bir kod gönderdik.
cognito-code-heading-sms = SMS ile gönderdiğimiz kodu girin
cognito-code-heading-email = E-postayla gönderdiğimiz kodu girin
cognito-code-heading-app = Kimlik doğrulama uygulamanızdaki kodu girin
cognito-code-intro-app = Kimlik doğrulama uygulamanızı açın ve bu hesap için gösterdiği 6 haneli kodu girin.
cognito-custom-heading = Bir adım daha
cognito-custom-intro = Oturum açmayı tamamlamak için aşağıdaki soruyu yanıtlayın.
cognito-custom-answer = Yanıtınız
cognito-mfa-sms = Telefonunuza SMS
cognito-mfa-app = Kimlik doğrulama uygulaması
cognito-mfa-email = E-posta
cognito-temporary-password = Hesabınızın geçici bir parolası var. Devam etmek için kendi parolanızı belirleyin.
cognito-set-password-submit = Parolayı belirle ve oturum aç
cognito-reset-intro-to = { $destination } adresine gönderdiğimiz kodu girin ve yeni bir parola belirleyin.
cognito-reset-intro = Size gönderdiğimiz kodu girin ve yeni bir parola belirleyin.
cognito-reset-submit = Parolayı sıfırla

## The pool's password rules, and why it refused a password

password-rule-length = En az { $count } karakter
password-rule-uppercase = Bir büyük harf
password-rule-lowercase = Bir küçük harf
password-rule-number = Bir rakam
password-rule-symbol = ! veya % gibi bir simge
password-too-short = Bu parola çok kısa.
password-needs-uppercase = Bu parolada bir büyük harf olmalı.
password-needs-lowercase = Bu parolada bir küçük harf olmalı.
password-needs-number = Bu parolada bir rakam olmalı.
password-needs-symbol = Bu parolada bir simge olmalı.
password-used-before = Bu parolayı yakın zamanda kullandınız. Başka bir parola seçin.
password-not-accepted = Bu parola gereksinimleri karşılamıyor.

## Labels of a pool's standard attributes (sign-up, new password)

attribute-email = E-posta
attribute-phone-number = Telefon numarası (+15555550100)
attribute-name = Ad soyad
attribute-given-name = Ad
attribute-family-name = Soyadı
attribute-preferred-username = Tercih edilen kullanıcı adı
attribute-birthdate = Doğum tarihi (YYYY-AA-GG)

## The demo's result page

demo-signed-in = Oturum açıldı
demo-nonce-mismatch = Oturum açıldı, ancak kimlik belirtecinin nonce değeri eşleşmedi
demo-failed = Oturum açılamadı
demo-not-started = Bu tarayıcıda başlatılmış bir oturum açma yok. /demo sayfasından yeniden başlayın.
demo-state-mismatch = state parametresi eşleşmedi: bu yanıt bu tarayıcı için değildi.
demo-server-error = Yetkilendirme sunucusunun yanıtı { $error }: { $description }
demo-no-code = Yanıtta kod yoktu.
demo-token-failed = Belirteç isteği başarısız oldu: { $error } ({ $description })
demo-token-response = Belirteç yanıtı
demo-id-token-header = Kimlik belirteci: başlık
demo-id-token-claims = Kimlik belirteci: talepler
demo-access-token-header = Erişim belirteci: başlık
demo-access-token-claims = Erişim belirteci: talepler
demo-not-json = (JSON değil)
demo-opaque = { $count } karakter, opak

## The account pages (templates/account.html, account_everywhere.html) and their errors

account-title = Hesabınız
account-back-to-app = { $app } uygulamasına dön
account-profile-heading = Profil
account-signed-in-with = Giriş yöntemi
account-managed-at = Bu bilgiler { $provider } tarafından sağlanıyor. Değiştirmek için orada değiştirin.
account-managed-in-config = Bu bilgiler sizin için hizmet tarafından yönetilir; burada değiştirilemez.
account-email-verified = E-posta doğrulandı
account-phone-verified = Telefon numarası doğrulandı
account-yes = Evet
account-no = Hayır
account-sessions-heading = Giriş yaptığınız yerler
account-session-browser-sign-in = Tarayıcıda giriş
account-session-current = Bu tarayıcı
account-session-details = { $provider } ile, { $when } tarihinde giriş
account-browser-on = { $system } üzerinde { $browser }
account-browser-unknown = Bilinmeyen tarayıcı
account-session-end = Bu oturumu sonlandır
account-everywhere-heading = Her yerden çıkış yap
account-everywhere-lead = Bu dahil, her uygulamada ve tarayıcıda hesabınızın tüm oturumlarını sonlandırır.
account-notice-ended = Oturum sonlandırıldı.
msg-account-back-not-registered = Bu uygulama sizi o adrese geri gönderemez: uygulamanın kayıtlı adreslerinden biri değil.
msg-account-no-such-session = Bu oturum sizin değil ya da zaten sona ermiş.
msg-account-sign-in-failed = Hesabınıza giriş tamamlanmadı. Hesap sayfanızı yeniden açın.

## An app's own links in the footer (its branding)

branding-legal-label = Yasal bilgiler
branding-terms = Kullanım koşulları
branding-privacy = Gizlilik politikası

## After sign-in, the way back to an app whose browser may swallow the redirect

return-title = Oturum açıldı
return-heading = Oturum açtınız
return-lead = Devam etmek için { $app } uygulamasına dönün.
return-button = Uygulamaya dön
return-not-opening = Hiçbir şey olmazsa { $app } bu cihazda yüklü olmayabilir veya bu tarayıcı onu açamıyor olabilir. { $app } uygulamasını kendiniz açıp oradan oturum açın ya da bir kez daha deneyin.
return-try-again = Bir kez daha dene

# Account pages: multi-factor, remembered devices (issue 13).
account-mfa-title = Çok faktörlü kimlik doğrulama
account-mfa-lead = Oturum açarken ikinci bir adım: bir kimlik doğrulama uygulamasından gelen kod ya da telefonunuza veya e-postanıza gönderilen kod.
account-mfa-on = Açık
account-mfa-off = Kapalı
account-mfa-preferred = Önce sorulur
account-mfa-setup-app = Kimlik doğrulama uygulaması kur
account-mfa-make-preferred = Önce bunu sor
account-mfa-use = Aç ve önce bunu sor
account-mfa-turn-off = Çok faktörlü kimlik doğrulamayı kapat
account-mfa-turn-off-lead = Oturum açarken yalnızca parolanız sorulur. Hesabınızın ayarları ikinci bir adım gerektiriyorsa bu reddedilir.
account-mfa-setup-lead = Bu kodu kimlik doğrulama uygulamanızla tarayın (ya da anahtarı uygulamaya yazın), ardından gösterdiği 6 haneli kodu girin.
account-mfa-verify = Doğrula ve aç
account-mfa-wrong-code = Bu kod doğru değil. Uygulamanızın şu anda gösterdiği 6 haneli kodu girin.
account-mfa-throttled = Çok fazla yanlış kod. Birkaç dakika bekleyip yeniden deneyin.
account-mfa-refused = Hesabınızın oturum açma ayarları bu değişikliğe izin vermiyor.
account-mfa-notice-on = Kimlik doğrulama uygulamanız kuruldu ve oturum açarken önce o sorulacak.
account-mfa-notice-preferred = Seçiminiz kaydedildi.
account-mfa-notice-off = Çok faktörlü kimlik doğrulama kapalı.
account-devices-title = Hatırlanan cihazlar
account-devices-lead = Bu cihazlar oturum açarken ikinci adımı atlar. Birini unutursanız, bir sonraki oturum açışında ikinci adım yeniden sorulur.
account-devices-none = Hatırlanan cihaz yok.
account-device-unnamed = Adsız cihaz
account-device-last-used = Son kullanım: { $when }
account-device-address = Son adres: { $address }
account-device-forget = Bu cihazı unut
account-devices-notice-forgotten = Cihaz unutuldu. Bir sonraki oturum açışında ikinci adım yeniden sorulacak.
account-device-not-found = Bu cihaz sizin cihazlarınızdan biri değil.

# Account pages: a pool user's profile, password and deletion.
account-edit-profile = Profilinizi düzenleyin
account-profile-save = Kaydet
account-profile-saved = Bilgileriniz kaydedildi.
account-profile-unchanged = Hiçbir şey değiştirilmedi.
account-attribute-taken = Bu adres veya numara başka bir hesap tarafından kullanılıyor.
account-status-verified = doğrulandı
account-status-unverified = doğrulanmadı
account-verify-now = Şimdi doğrula
account-verify-heading = Doğrulama kodunu girin
account-verify-lead-email = Yeni e-posta adresinize bir kod gönderdik. Kodu buraya girdiğinizde geçerli olur.
account-verify-lead-phone = Yeni telefon numaranıza bir kod gönderdik. Kodu buraya girdiğinizde geçerli olur.
account-verify-submit = Doğrula
account-verify-resend = Yeni kod gönder
account-code-resent = Yeni bir kod gönderiliyor.
account-verified = Doğrulandı. Teşekkürler.
account-change-password = Parolanızı değiştirin
account-password-current = Mevcut parola
account-password-confirm = Yeni parola (tekrar)
account-password-mismatch = İki yeni parola aynı değil.
account-password-wrong-current = Mevcut parolanız doğru değil.
account-password-changed = Parolanız değiştirildi.
account-delete-heading = Hesabınızı silin
account-delete-lead = Bu işlem { $username } hesabını kalıcı olarak siler ve her yerde oturumunuzu kapatır. Geri alınamaz.
account-delete-submit = Hesabımı sil
msg-account-delete-not-allowed = Hesap silme burada sunulmuyor. Bu hizmeti yönetenlere başvurun.
msg-account-managed-elsewhere = Bu hesap burada değiştirilemez: oturum açtığınız yerde yönetiliyor.
