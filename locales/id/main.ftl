# Halaman authgate dalam Bahasa Indonesia. ID dan { $variabel } sama dengan bahasa Inggris (locales/en/main.ftl).

## Every page (templates/base.html)

page-default-title = Masuk
page-footer = Diamankan oleh authgate
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
msg-unusable-redirect = URI pengalihan tidak dapat digunakan.
msg-role-not-allowed = Peran tersebut tidak dapat digunakan oleh akun Anda. Kembali dan pilih salah satu dari daftar.
msg-federation-failed = Anda tidak dapat masuk ke { $app } karena { $reason }. { $advice }
msg-advice-try-later = Coba lagi dalam beberapa menit.
msg-advice-sign-in-again = Kembali ke aplikasi dan masuk lagi.
msg-advice-tell-support = Jika masalah terus terjadi, beri tahu dukungan aplikasi.
msg-upstream-unreachable = Gagal masuk karena { $reason }. Coba lagi dalam beberapa menit.
msg-upstream-rejected = Gagal masuk: { $reason }. Kembali ke aplikasi dan mulai lagi.
msg-upstream-repeats = Respons masuk mengulang sebuah parameter.
msg-upstream-no-state = Respons masuk tidak berisi state.
msg-upstream-not-this-flow = Respons masuk ini bukan milik proses masuk yang dimulai.
upstream-incomplete-no-code = Respons masuk tidak berisi kode.
msg-pool-unreachable = { $pool } tidak menjawab. Silakan coba lagi sebentar lagi.
msg-pool-bad-answer = { $pool } memberikan jawaban yang tidak dapat digunakan authgate. Coba lagi nanti.
msg-mfa-setup-unsupported = Akun Anda memerlukan nomor telepon atau alamat email untuk langkah masuk kedua, tetapi belum memilikinya. Hubungi dukungan aplikasi.
msg-challenge-unsupported = Akun ini memerlukan langkah masuk yang tidak disediakan authgate. Hubungi dukungan aplikasi.
msg-sign-in-again = Prosesnya terlalu lama, atau jawabannya tidak diterima. Silakan masuk lagi.
msg-demo-form-expired = Formulir ini sudah kedaluwarsa. Muat ulang halaman demo.
msg-too-many-requests = Terlalu banyak permintaan dari jaringan Anda barusan. Harap tunggu { $wait }, lalu coba lagi.
wait-a-second = satu detik
wait-seconds = { $count } detik
wait-minutes = { $count } menit
authorize-repeats-client = Permintaan mengulang client_id atau redirect_uri.
authorize-no-client-id = Permintaan tidak memiliki client_id.
authorize-unknown-client = Aplikasi yang mengarahkan Anda ke sini tidak terdaftar.
authorize-no-redirect-uri = Permintaan tidak memiliki redirect_uri.
authorize-unknown-redirect-uri = URI pengalihan dalam permintaan tidak terdaftar untuk aplikasi ini.

## Sign-in forms' own errors

signin-bad-credentials = Nama pengguna atau kata sandi salah.
signin-locked = Terlalu banyak percobaan yang gagal. Tunggu beberapa menit, lalu coba lagi.
