//! `briefing`: read and follow up provincial working sessions from TOML briefings.

pub(crate) mod alloc_tuning;
pub(crate) mod app;
mod cli;
pub(crate) mod config;
pub(crate) mod cores;
pub(crate) mod diag;
pub(crate) mod git;
pub(crate) mod i18n;
pub(crate) mod input;
pub(crate) mod model;
pub(crate) mod present;
pub(crate) mod report;
pub(crate) mod screens;
pub(crate) mod search;
pub(crate) mod store;
pub(crate) mod terminal_text;
pub(crate) mod tui;
pub(crate) mod ui;
pub(crate) mod watch;
pub use cli::main;

/// The deliberate public surface besides `main`: what the integration tests and the
/// benchmarks drive. Everything else is private to the crate.
pub mod api {
    pub mod model {
        pub use crate::model::filter;
        pub use crate::model::progress::{Category, Snapshot};
        pub use crate::model::{
            Basis, Better, Bound, Comparison, Directive, DirectiveKey, DirectiveMore, District,
            DistrictMore, Due, GaugeBasis, HostKind, Indicator, IndicatorMore, Kind, Lang, Level,
            List, LocalityKey, PartOfDay, Participant, Period, Proposal, Rare, Session,
            SessionDate, Status, Text,
        };
        pub use crate::model::{Entry, Followed, State, Update};
    }
    pub mod store {
        pub use crate::store::files::id_of;
        pub use crate::store::place::Spot;
        pub use crate::store::{
            Catalog, Changes, Diagnostic, FileReport, Folder, FolderError, Limits, Plan, Severity,
            discover, load_dir, parse_file, parse_file_at, read_as_loaded,
        };
        /// The parse cache of `list`, `check` and `report`.
        pub mod cache {
            pub use crate::store::cache::{Cache, Part, Used, load_dir_cached};
        }
        pub mod write {
            pub use crate::store::write::{
                Appended, CONTENT_LOCK_BYTE, Change, Edited, EntryError, Hold, Holder, Outcome,
                RESCUE_SUFFIX, TEMP_SUFFIX, VersionBefore, WriteError, WriteOptions, Writer,
                Written, check_entry, current_user, edited, edited_text, parse_percent,
                parse_state, set_directive,
            };
        }
    }
    pub mod search {
        pub use crate::search::{FieldKind, Prepared, SearchIndex};
    }
    pub mod report {
        pub use crate::report::{Format, History, Options, render};
        /// The implementation report: its numbers and its formats.
        pub mod follow_up {
            pub use crate::report::follow_up::{
                Counts, FollowUp, Grouping, Label, Listed, Note, ReportFormat, Row, Scope, render,
                tally,
            };
        }
    }
    pub mod git {
        pub use crate::git::GitError;
        pub mod merge {
            pub use crate::git::merge::{State, states};
        }
        pub mod history {
            pub use crate::git::history::{Event, History, Logged, Mark, Reason, Unread};
        }
        pub mod actions {
            pub use crate::git::actions::{Action, Brought, Kind};
        }
    }
    pub mod app {
        pub use crate::app::{
            Action, App, Changed, EditError, EditRequest, Effect, Garbage, HistoryRequest, Loading,
            NewEntry, Notice, Options, Overlay, ProgressChange, ProgressRequest, Recorded,
            SaveRequest, Screen,
        };
    }
    /// The loader's work, as the interface's loader thread does it.
    pub mod load {
        pub use crate::tui::load::{FIRST_PART, first_load, read_changes};
    }
    /// How the shell sends a frame to the terminal (what changed, a moved block as a scroll).
    pub mod paint {
        pub use crate::tui::paint::Painter;
    }
    pub mod input {
        pub use crate::input::{Command, Keymap};
    }
    pub mod screens {
        pub use crate::screens::report::ReportScreen;
        pub mod review {
            pub use crate::screens::review::Review;
        }
    }
    pub mod ui {
        pub mod theme {
            pub use crate::ui::theme::Theme;
        }
    }
    pub mod config {
        pub use crate::config::parse;
    }
    pub mod alloc_tuning {
        pub use crate::alloc_tuning::keep_large_arrays_apart;
    }
    pub mod terminal_text {
        pub use crate::terminal_text::is_risky;
    }
}
