//! Logging: `tracing` to stdout, text or JSON, filtered by `RUST_LOG` (default `info`).
//! Handlers never record codes, tokens, passwords or secrets; spans skip all arguments.
//! [`audit`] writes the security events, [`meter`] keeps the Prometheus metrics.

pub mod audit;
pub mod meter;

use tracing::Level;
use tracing_subscriber::EnvFilter;
use tracing_subscriber::filter::filter_fn;
use tracing_subscriber::prelude::*;

pub fn init(format: &str) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    // The AWS SDK traces each call's input and output at TRACE, and not every secret in them is
    // redacted (session tokens are not): its events stop at DEBUG whatever RUST_LOG says.
    let aws_sdk_below_trace =
        filter_fn(|meta| !(*meta.level() == Level::TRACE && meta.target().starts_with("aws_")));
    let layer = if format == "json" {
        // One JSON object per line: the event's fields at the top level (`event`, `app`, ...),
        // the request span (with its `request_id`) under `span` and every open span in `spans`.
        tracing_subscriber::fmt::layer()
            .json()
            .flatten_event(true)
            .with_target(false)
            .boxed()
    } else {
        tracing_subscriber::fmt::layer().with_target(false).boxed()
    };
    // A second init (tests start many apps in one process) is harmless: keep the first.
    let _ = tracing_subscriber::registry()
        .with(filter)
        .with(layer.with_filter(aws_sdk_below_trace))
        .try_init();
}
