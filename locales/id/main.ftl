# Halaman authgate dalam Bahasa Indonesia. ID dan { $variabel } sama dengan bahasa Inggris (locales/en/main.ftl).

## Every page (templates/base.html)

page-default-title = Masuk
language-picker-label = Bahasa

## Words several pages share

field-username = Nama pengguna
field-password = Kata sandi
field-new-password = Kata sandi baru
field-code = Kode
button-sign-in = Masuk
button-continue = Lanjutkan
link-start-again = Mulai lagi
link-back-to-sign-in = Kembali ke halaman masuk
link-other-ways = Cara lain untuk masuk
sign-in-to-app = Masuk ke { $app }

## The provider picker and the password page

picker-lead = Pilih cara Anda ingin masuk.
picker-continue-with = Lanjutkan dengan { $provider }
password-lead = Lanjutkan dengan akun { $provider } Anda.

## The AWS role page

role-title = Pilih peran untuk { $app }
role-heading = Pilih peran
role-lead = Akun Anda dapat bekerja di { $app } dengan beberapa peran AWS. Pilih peran yang akan digunakan sampai Anda keluar.
role-legend = Peran

## A Cognito pool's pages

cognito-signin-lead = Dengan akun { $provider } Anda.
cognito-remember-device = Ingat perangkat ini
cognito-forgot-password = Lupa kata sandi?
cognito-no-account = Belum punya akun?
cognito-create-one = Buat akun
cognito-signup-title = Buat akun
cognito-signup-lead = Untuk { $app }, dengan { $provider }.
cognito-create-account = Buat akun
cognito-have-account = Sudah punya akun?
cognito-confirm-title = Konfirmasi akun Anda
cognito-code-sent-to = Kami telah mengirim kode ke { $destination }.
cognito-enter-code-sent = Masukkan kode yang kami kirimkan kepada Anda.
cognito-confirmation-code = Kode konfirmasi
cognito-confirm = Konfirmasi
cognito-send-new-code = Kirim kode baru
cognito-forgot-title = Atur ulang kata sandi Anda
cognito-forgot-lead = Masukkan nama pengguna Anda dan kami akan mengirimkan kode untuk mengatur ulang kata sandi Anda.
cognito-send-code = Kirim kode
cognito-mfa-setup-title = Siapkan aplikasi autentikator
cognito-mfa-setup-lead = Akun Anda memerlukan langkah kedua. Pindai kode ini dengan aplikasi autentikator (atau ketik kuncinya), lalu masukkan kode 6 digit yang ditampilkannya.
cognito-mfa-setup-qr-alt = Kode QR untuk aplikasi autentikator Anda
cognito-mfa-setup-key = Kunci
cognito-mfa-setup-code = Kode dari aplikasi
cognito-verify-and-continue = Verifikasi dan lanjutkan
cognito-new-password-title = Pilih kata sandi baru
cognito-select-mfa-title = Pilih cara verifikasi
cognito-select-mfa-lead = Akun Anda memiliki lebih dari satu cara untuk mengonfirmasi bahwa ini memang Anda.
cognito-select-mfa-always = Selalu gunakan metode ini
password-rules-intro = Kata sandi Anda memerlukan:

## The signed-out page

signed-out-title = Telah keluar
signed-out-heading = Anda telah keluar
signed-out-back-to-app = Sekarang Anda dapat kembali ke { $app }.
signed-out-close = Anda dapat menutup halaman ini.

## The demo app

demo-title = Demo authgate
demo-lead-before = Halaman ini adalah aplikasi yang terdaftar sebagai
demo-lead-after = . Masuk akan menjalankan seluruh alur kode otorisasi dengan PKCE melalui UI yang dihosting, lalu menampilkan token yang diterima aplikasi.
demo-sign-out-of-authgate = Keluar dari authgate
demo-result-title = Sudah masuk · Demo authgate
demo-back = Kembali ke demo
demo-sign-out = Keluar

## Error pages (templates/error.html)

error-title-unavailable = Tidak tersedia untuk sementara
error-title-problem = Masalah saat masuk
error-lead = Kembali ke aplikasi dan coba lagi. Jika masalah terus terjadi, hubungi dukungan aplikasi.
error-request-id = ID permintaan:
error-render-failed = Terjadi kesalahan di pihak kami. Silakan coba lagi.

## What an error page says (src/web/messages.rs, one id per Msg)

msg-sign-in-expired = Halaman masuk ini sudah kedaluwarsa. Kembali ke aplikasi dan mulai masuk lagi.
msg-other-browser = Proses masuk ini dimulai di browser atau tab lain yang sudah ditutup. Kembali ke aplikasi dan mulai masuk lagi.
msg-method-not-available = Cara masuk tersebut tidak tersedia untuk aplikasi ini.
msg-form-expired = Formulir ini sudah kedaluwarsa. Kembali ke aplikasi dan mulai lagi.
msg-form-incomplete = Formulir belum lengkap. Kembali dan coba lagi.
msg-unavailable = Untuk sementara Anda tidak dapat masuk. Silakan coba lagi sebentar lagi.
msg-no-such-page = Tidak ada halaman di alamat ini.
msg-unusable-redirect = Alamat untuk membawa Anda kembali ke aplikasi tidak valid, sehingga proses masuk tidak dapat dilanjutkan. Beri tahu dukungan aplikasi.
msg-role-not-allowed = Peran tersebut tidak dapat digunakan oleh akun Anda. Kembali dan pilih salah satu dari daftar.
msg-federation-pool-unreachable = Anda tidak dapat masuk ke { $app } karena kumpulan identitas { $pool } tidak menjawab. Coba lagi dalam beberapa menit.
msg-federation-pool-throttled = Anda tidak dapat masuk ke { $app } karena kumpulan identitas { $pool } sedang menolak permintaan. Coba lagi dalam beberapa menit.
msg-federation-pool-refused = Anda tidak dapat masuk ke { $app } karena kumpulan identitas { $pool } menolak proses masuk ini. Jika masalah terus terjadi, beri tahu dukungan aplikasi.
msg-federation-pool-not-found = Anda tidak dapat masuk ke { $app } karena kumpulan identitas { $pool } tidak mengenal identitas ini. Jika masalah terus terjadi, beri tahu dukungan aplikasi.
msg-federation-pool-bad-answer = Anda tidak dapat masuk ke { $app } karena kumpulan identitas { $pool } memberikan jawaban yang tidak dapat digunakan. Jika masalah terus terjadi, beri tahu dukungan aplikasi.
msg-federation-pool-failed = Anda tidak dapat masuk ke { $app } karena kumpulan identitas { $pool } menjawab dengan kesalahan. Jika masalah terus terjadi, beri tahu dukungan aplikasi.
msg-federation-sign-in-expired = Anda tidak dapat masuk ke { $app } karena proses masuk dengan { $provider } telah kedaluwarsa. Kembali ke aplikasi dan masuk lagi.
msg-federation-provider-unreachable = Anda tidak dapat masuk ke { $app } karena { $provider } tidak menjawab, sehingga proses masuk tidak dapat diperbarui. Coba lagi dalam beberapa menit.
msg-federation-internal = Anda tidak dapat masuk ke { $app } karena proses masuk tidak dapat diselesaikan. Coba lagi dalam beberapa menit.
msg-upstream-unreachable = Gagal masuk karena { $provider } tidak menjawab. Coba lagi dalam beberapa menit.
msg-upstream-bad-answer = Gagal masuk karena { $provider } memberikan jawaban yang tidak dapat digunakan. Coba lagi dalam beberapa menit.
msg-upstream-rejected = Gagal masuk: respons masuk dari { $provider } tidak lolos verifikasi. Kembali ke aplikasi dan mulai lagi.
msg-upstream-denied = Gagal masuk: Anda tidak mengizinkan proses masuk. Kembali ke aplikasi dan mulai lagi.
msg-upstream-declined = Gagal masuk: proses masuk tidak diselesaikan. Kembali ke aplikasi dan mulai lagi.
msg-saml-logout-refused = Pesan keluar dari { $provider } tidak lolos verifikasi, sehingga tidak ada sesi yang diakhiri. Kembali ke aplikasi.
msg-upstream-repeats = Respons masuk mengulang sebuah parameter.
msg-upstream-no-state = Respons masuk tidak berisi state.
msg-upstream-not-this-flow = Respons masuk ini bukan milik proses masuk yang dimulai.
upstream-incomplete-no-code = Respons masuk tidak berisi kode.
msg-pool-unreachable = { $pool } tidak menjawab. Silakan coba lagi sebentar lagi.
msg-pool-bad-answer = { $pool } memberikan jawaban yang tidak dapat digunakan. Coba lagi nanti.
msg-mfa-setup-unsupported = Akun Anda memerlukan nomor telepon atau alamat email untuk langkah masuk kedua, tetapi belum memilikinya. Hubungi dukungan aplikasi.
msg-challenge-unsupported = Akun ini memerlukan langkah masuk yang tidak tersedia di sini. Hubungi dukungan aplikasi.
msg-sign-in-again = Prosesnya terlalu lama, atau jawabannya tidak diterima. Silakan masuk lagi.
msg-demo-form-expired = Formulir ini sudah kedaluwarsa. Muat ulang halaman demo.
msg-too-many-requests = Terlalu banyak permintaan dari jaringan Anda barusan. Harap tunggu { $wait }, lalu coba lagi.
wait-a-second = satu detik
wait-seconds = { $count } detik
wait-minutes = { $count } menit
authorize-repeats-client = Permintaan masuk dari aplikasi menyebut aplikasi atau jalan kembali ke aplikasi dua kali. Beri tahu dukungan aplikasi.
authorize-no-client-id = Permintaan masuk tidak menyebutkan dari aplikasi mana asalnya. Beri tahu dukungan aplikasi.
authorize-unknown-client = Aplikasi yang mengarahkan Anda ke sini tidak terdaftar.
authorize-no-redirect-uri = Permintaan masuk tidak menyebutkan ke mana Anda dikirim setelahnya. Beri tahu dukungan aplikasi.
authorize-unknown-redirect-uri = Aplikasi meminta agar Anda dikirim kembali ke alamat yang tidak didaftarkannya, sehingga proses masuk tidak dapat dilanjutkan. Beri tahu dukungan aplikasi.

## Sign-in forms' own errors

signin-bad-credentials = Nama pengguna atau kata sandi salah.
signin-locked = Proses masuk dikunci setelah terlalu banyak percobaan yang gagal. Anda dapat mencoba lagi dalam { $minutes } menit.

## A Cognito pool's pages, said from code (src/hosted_ui/words.rs)

cognito-try-later = Terlalu banyak percobaan untuk saat ini. Tunggu beberapa menit, lalu coba lagi.
cognito-wrong-code = Kode itu tidak benar. Periksa lalu coba lagi.
cognito-expired-code = Kode itu sudah kedaluwarsa. Minta kode baru.
cognito-wrong-answer = Jawaban itu tidak diterima. Coba lagi.
cognito-check-input = Periksa isian Anda, lalu coba lagi.
cognito-choose-option = Pilih salah satu opsi.
cognito-enter-username = Masukkan nama pengguna Anda.
cognito-no-verified-contact = Akun ini tidak memiliki alamat email atau nomor telepon terverifikasi untuk menerima kode. Hubungi dukungan aplikasi.
cognito-reset-code-not-sent = Kode pengaturan ulang tidak dapat dikirim. Coba lagi nanti.
cognito-enter-code-and-password = Masukkan kode dan kata sandi baru.
cognito-reset-code-expired = Kode itu sudah kedaluwarsa. Mulai ulang pengaturan kata sandi.
cognito-reset-failed = Kata sandi tidak dapat diatur ulang dengan kode itu. Mulai ulang pengaturan kata sandi.
cognito-fill-every-field = Isi semua kolom.
cognito-username-exists = Akun dengan nama pengguna itu sudah ada. Silakan masuk, atau atur ulang kata sandinya.
cognito-signup-check-input = Periksa isian Anda (alamat email, nomor telepon seperti +15555550100), lalu coba lagi.
cognito-signup-failed = Akun tidak dapat dibuat. Coba lagi.
cognito-confirm-failed = Akun tidak dapat dikonfirmasi dengan kode itu. Minta kode baru.
cognito-new-code-not-sent = Kode baru tidak dapat dikirim. Coba lagi nanti.
cognito-account-ready = Akun Anda sudah siap. Masuk untuk melanjutkan.
cognito-account-confirmed = Akun Anda sudah dikonfirmasi. Masuk untuk melanjutkan.
cognito-not-confirmed = Akun Anda belum dikonfirmasi. Masukkan kode yang kami kirim saat Anda mendaftar, atau minta kode baru.
cognito-reset-code-sent-to = Jika akunnya ada, kami telah mengirim kode ke { $destination }.
cognito-reset-code-sent = Jika akunnya ada, kami telah mengirim kode ke akun tersebut.
cognito-reset-required-code-sent-to = Kata sandi Anda harus diatur ulang sebelum Anda dapat masuk. Jika akunnya ada, kami telah mengirim kode ke { $destination }.
cognito-reset-required-code-sent = Kata sandi Anda harus diatur ulang sebelum Anda dapat masuk. Jika akunnya ada, kami telah mengirim kode ke akun tersebut.
cognito-new-code-sent-to = Kami telah mengirim kode baru ke { $destination }.
cognito-new-code-sent = Kami telah mengirim kode baru.
cognito-code-heading-sms = Masukkan kode dari SMS kami
cognito-code-heading-email = Masukkan kode dari email kami
cognito-code-heading-app = Masukkan kode dari aplikasi autentikator Anda
cognito-code-intro-app = Buka aplikasi autentikator Anda dan masukkan kode 6 digit yang ditampilkan untuk akun ini.
cognito-custom-heading = Satu langkah lagi
cognito-custom-intro = Jawab pertanyaan di bawah untuk menyelesaikan proses masuk.
cognito-custom-answer = Jawaban Anda
cognito-mfa-sms = SMS ke ponsel Anda
cognito-mfa-app = Aplikasi autentikator
cognito-mfa-email = Email
cognito-temporary-password = Akun Anda memakai kata sandi sementara. Buat kata sandi sendiri untuk melanjutkan.
cognito-set-password-submit = Simpan kata sandi dan masuk
cognito-reset-intro-to = Masukkan kode yang kami kirim ke { $destination } dan buat kata sandi baru.
cognito-reset-intro = Masukkan kode yang kami kirimkan kepada Anda dan buat kata sandi baru.
cognito-reset-submit = Atur ulang kata sandi

## The pool's password rules, and why it refused a password

password-rule-length = Minimal { $count } karakter
password-rule-uppercase = Satu huruf besar
password-rule-lowercase = Satu huruf kecil
password-rule-number = Satu angka
password-rule-symbol = Satu simbol, seperti ! atau %
password-too-short = Kata sandi itu terlalu pendek.
password-needs-uppercase = Kata sandi itu perlu huruf besar.
password-needs-lowercase = Kata sandi itu perlu huruf kecil.
password-needs-number = Kata sandi itu perlu angka.
password-needs-symbol = Kata sandi itu perlu simbol.
password-used-before = Anda baru saja memakai kata sandi itu. Pilih yang lain.
password-not-accepted = Kata sandi itu tidak memenuhi persyaratan.

## Labels of a pool's standard attributes (sign-up, new password)

attribute-email = Email
attribute-phone-number = Nomor telepon (+15555550100)
attribute-name = Nama lengkap
attribute-given-name = Nama depan
attribute-family-name = Nama belakang
attribute-preferred-username = Nama pengguna pilihan
attribute-birthdate = Tanggal lahir (TTTT-BB-HH)

## The demo's result page

demo-signed-in = Berhasil masuk
demo-nonce-mismatch = Berhasil masuk, tetapi nonce token ID tidak cocok
demo-failed = Gagal masuk
demo-not-started = Tidak ada proses masuk yang dimulai dari browser ini. Mulai lagi dari /demo.
demo-state-mismatch = Parameter state tidak cocok: respons ini bukan untuk browser ini.
demo-server-error = Server otorisasi menjawab { $error }: { $description }
demo-no-code = Respons tidak berisi kode.
demo-token-failed = Permintaan token gagal: { $error } ({ $description })
demo-token-response = Respons token
demo-id-token-header = Token ID: header
demo-id-token-claims = Token ID: klaim
demo-access-token-header = Token akses: header
demo-access-token-claims = Token akses: klaim
demo-not-json = (bukan JSON)
demo-opaque = { $count } karakter, buram

## The account pages (templates/account.html, account_everywhere.html) and their errors

account-title = Akun Anda
account-back-to-app = Kembali ke { $app }
account-profile-heading = Profil
account-signed-in-with = Masuk dengan
account-managed-at = Data ini berasal dari { $provider }. Untuk mengubahnya, ubah di sana.
account-managed-in-config = Detail ini dikelola oleh layanan untuk Anda; tidak dapat diubah di sini.
account-email-verified = Email terverifikasi
account-phone-verified = Nomor telepon terverifikasi
account-yes = Ya
account-no = Tidak
account-sessions-heading = Tempat Anda masuk
account-session-browser-sign-in = Masuk di browser
account-session-current = Browser ini
account-session-details = Dengan { $provider }, masuk pada { $when }
account-browser-on = { $browser } di { $system }
account-browser-unknown = Browser tidak dikenal
account-session-end = Akhiri sesi ini
account-everywhere-heading = Keluar di mana saja
account-everywhere-lead = Mengakhiri setiap sesi akun Anda, di setiap aplikasi dan browser, termasuk yang ini.
account-notice-ended = Sesi telah diakhiri.
msg-account-back-not-registered = Aplikasi ini tidak dapat mengembalikan Anda ke alamat itu: alamat itu tidak terdaftar untuk aplikasi ini.
msg-account-no-such-session = Sesi itu bukan milik Anda, atau sudah berakhir.
msg-account-sign-in-failed = Proses masuk ke akun Anda tidak selesai. Buka lagi halaman akun Anda.

## An app's own links in the footer (its branding)

branding-legal-label = Informasi hukum
branding-terms = Ketentuan penggunaan
branding-privacy = Kebijakan privasi

## After sign-in, the way back to an app whose browser may swallow the redirect

return-title = Sudah masuk
return-heading = Anda sudah masuk
return-lead = Kembali ke { $app } untuk melanjutkan.
return-button = Kembali ke aplikasi
return-not-opening = Jika tidak terjadi apa-apa, { $app } mungkin belum terpasang di perangkat ini, atau browser ini tidak dapat membukanya. Buka { $app } sendiri dan masuk dari sana, atau coba sekali lagi.
return-try-again = Coba sekali lagi

# Account pages: multi-factor, remembered devices (issue 13).
account-mfa-title = Autentikasi multifaktor
account-mfa-lead = Langkah kedua saat masuk: kode dari aplikasi autentikator, atau kode yang dikirim ke ponsel atau email Anda.
account-mfa-on = Aktif
account-mfa-off = Nonaktif
account-mfa-preferred = Diminta lebih dulu
account-mfa-setup-app = Siapkan aplikasi autentikator
account-mfa-make-preferred = Minta ini lebih dulu
account-mfa-use = Aktifkan dan minta ini lebih dulu
account-mfa-turn-off = Nonaktifkan autentikasi multifaktor
account-mfa-turn-off-lead = Saat masuk, hanya kata sandi Anda yang akan diminta. Jika pengaturan akun Anda mewajibkan langkah kedua, permintaan ini ditolak.
account-mfa-setup-lead = Pindai kode ini dengan aplikasi autentikator Anda (atau ketik kuncinya di sana), lalu masukkan kode 6 digit yang ditampilkannya.
account-mfa-verify = Verifikasi dan aktifkan
account-mfa-wrong-code = Kode itu salah. Masukkan kode 6 digit yang ditampilkan aplikasi Anda saat ini.
account-mfa-throttled = Terlalu banyak kode yang salah. Tunggu beberapa menit, lalu coba lagi.
account-mfa-refused = Pengaturan masuk akun Anda tidak mengizinkan perubahan ini.
account-mfa-notice-on = Aplikasi autentikator Anda sudah siap dan akan diminta lebih dulu saat masuk.
account-mfa-notice-preferred = Pilihan Anda telah disimpan.
account-mfa-notice-off = Autentikasi multifaktor nonaktif.
account-devices-title = Perangkat yang diingat
account-devices-lead = Perangkat ini melewati langkah kedua saat masuk. Jika Anda melupakan salah satunya, langkah kedua akan diminta lagi saat perangkat itu masuk berikutnya.
account-devices-none = Tidak ada perangkat yang diingat.
account-device-unnamed = Perangkat tanpa nama
account-device-last-used = Terakhir digunakan { $when }
account-device-address = Alamat terakhir: { $address }
account-device-forget = Lupakan perangkat ini
account-devices-notice-forgotten = Perangkat telah dilupakan. Saat masuk berikutnya, langkah kedua akan diminta lagi.
account-device-not-found = Perangkat itu bukan milik Anda.

# Account pages: a pool user's profile, password and deletion.
account-edit-profile = Ubah profil Anda
account-profile-save = Simpan
account-profile-saved = Data Anda telah disimpan.
account-profile-unchanged = Tidak ada yang diubah.
account-attribute-taken = Alamat atau nomor itu sudah dipakai akun lain.
account-status-verified = terverifikasi
account-status-unverified = belum terverifikasi
account-verify-now = Verifikasi sekarang
account-verify-heading = Masukkan kode verifikasi
account-verify-lead-email = Kami mengirim kode ke alamat email baru Anda. Alamat itu berlaku setelah Anda memasukkan kodenya di sini.
account-verify-lead-phone = Kami mengirim kode ke nomor telepon baru Anda. Nomor itu berlaku setelah Anda memasukkan kodenya di sini.
account-verify-submit = Verifikasi
account-verify-resend = Kirim kode baru
account-code-resent = Kode baru sedang dikirim.
account-verified = Terverifikasi. Terima kasih.
account-change-password = Ubah kata sandi Anda
account-password-current = Kata sandi saat ini
account-password-confirm = Ulangi kata sandi baru
account-password-mismatch = Kedua kata sandi baru tidak sama.
account-password-wrong-current = Kata sandi Anda saat ini salah.
account-password-changed = Kata sandi Anda telah diubah.
account-delete-heading = Hapus akun Anda
account-delete-lead = Ini menghapus akun { $username } selamanya dan mengeluarkan Anda di mana saja. Tindakan ini tidak dapat dibatalkan.
account-delete-submit = Hapus akun saya
msg-account-delete-not-allowed = Penghapusan akun tidak tersedia di sini. Tanyakan kepada pengelola layanan ini.
msg-account-managed-elsewhere = Akun ini tidak dapat diubah di sini: akun dikelola di tempat Anda masuk.
