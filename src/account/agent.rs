//! A `User-Agent` summarised for a person: the browser and the system, from the tokens every
//! major browser sends (`Edg/`, `Firefox/`, `Chrome/`, `Safari/`; `Windows`, `Mac OS X`, ...).

/// A browser on a system, each `None` when the `User-Agent` does not say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub browser: Option<&'static str>,
    pub system: Option<&'static str>,
}

/// Browsers in the order they must be tested: Edge and Opera also send `Chrome/`, Chrome also
/// sends `Safari/`.
const BROWSERS: &[(&str, &str)] = &[
    ("Edg/", "Edge"),
    ("OPR/", "Opera"),
    ("Firefox/", "Firefox"),
    ("FxiOS/", "Firefox"),
    ("CriOS/", "Chrome"),
    ("Chrome/", "Chrome"),
    ("Safari/", "Safari"),
    ("curl/", "curl"),
];

/// Systems, likewise: Android's user agents say `Linux`, iOS's say `like Mac OS X`.
const SYSTEMS: &[(&str, &str)] = &[
    ("Android", "Android"),
    ("iPhone", "iOS"),
    ("iPad", "iPadOS"),
    ("Windows", "Windows"),
    ("Mac OS X", "macOS"),
    ("CrOS", "ChromeOS"),
    ("Linux", "Linux"),
];

pub fn summarise(user_agent: &str) -> Summary {
    let find = |table: &[(&str, &'static str)]| {
        table
            .iter()
            .find(|(token, _)| user_agent.contains(token))
            .map(|(_, name)| *name)
    };
    Summary {
        browser: find(BROWSERS),
        system: find(SYSTEMS),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_browsers_are_told_apart() {
        let cases = [
            (
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) \
                 Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
                Some("Edge"),
                Some("Windows"),
            ),
            (
                "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
                Some("Firefox"),
                Some("Linux"),
            ),
            (
                "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 \
                 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
                Some("Safari"),
                Some("iOS"),
            ),
            (
                "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) \
                 Chrome/131.0.0.0 Mobile Safari/537.36",
                Some("Chrome"),
                Some("Android"),
            ),
            (
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, \
                 like Gecko) Version/18.1 Safari/605.1.15",
                Some("Safari"),
                Some("macOS"),
            ),
            ("something-else/1.0", None, None),
        ];
        for (ua, browser, system) in cases {
            assert_eq!(summarise(ua), Summary { browser, system }, "{ua}");
        }
    }
}
