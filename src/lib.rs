//! `briefing`: read and follow up provincial working sessions from TOML briefings.

pub mod app;
pub mod cli;
pub mod config;
pub mod diag;
pub mod git;
pub mod i18n;
pub mod input;
pub mod model;
pub mod present;
pub mod report;
pub mod safe;
pub mod screens;
pub mod search;
pub mod store;
pub(crate) mod tui;
pub mod ui;
pub(crate) mod watch;
