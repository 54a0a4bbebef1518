//! The config loader: `config::Settings::load` with TOML text and `AUTHGATE_...` environment
//! overrides, then what startup builds from settings that loaded (the apps).
//!
//! Input: the TOML text, then optionally a line `#--env--` followed by one override per line,
//! `NAME=value` (split at the first `=`), so the seeds stay readable and the TOML mutable.
#![no_main]

use authgate::apps::AppRegistry;
use authgate::config::Settings;
use libfuzzer_sys::fuzz_target;

const ENV_MARKER: &str = "\n#--env--\n";

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    let (text, env) = input.split_once(ENV_MARKER).unwrap_or((input, ""));
    let env: Vec<(String, String)> = env
        .lines()
        .map(|line| {
            let (name, value) = line.split_once('=').unwrap_or((line, ""));
            (name.to_string(), value.to_string())
        })
        .collect();
    if let Ok(settings) = Settings::load(text, env, &authgate::connectors::PROVIDER_KINDS) {
        let _ = settings.listen_addr();
        let _ = settings.secure_cookies();
        let _ = authgate::connectors::local::settings::password_hashes(&settings);
        let _ = AppRegistry::from_settings(&settings);
    }
});
