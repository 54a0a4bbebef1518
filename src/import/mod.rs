//! `authgate import`: another product's client configuration, read and printed as an authgate
//! config for a person to review (never loaded as is, never written over a file).

pub mod amplify;
mod toml_text;
