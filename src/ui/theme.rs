//! Colours and text styles. Colours are the 16 named ANSI ones; with `NO_COLOR`
//! every style keeps only bold/reverse/dim so status still reads without colour.

use ratatui::style::{Color, Modifier, Style};

use crate::model::Status;

/// The colour of each part of the interface; `None` everywhere means monochrome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub accent: Option<Color>,
    pub met: Option<Color>,
    pub near: Option<Color>,
    pub behind: Option<Color>,
    pub overdue: Option<Color>,
    pub selection: Option<Color>,
    pub muted: Option<Color>,
    pub border: Option<Color>,
}

impl Default for Theme {
    fn default() -> Self {
        Theme {
            accent: Some(Color::Cyan),
            met: Some(Color::Green),
            near: Some(Color::Yellow),
            behind: Some(Color::Red),
            overdue: Some(Color::LightRed),
            selection: Some(Color::Cyan),
            muted: Some(Color::DarkGray),
            border: Some(Color::DarkGray),
        }
    }
}

fn fg(color: Option<Color>) -> Style {
    match color {
        Some(c) => Style::new().fg(c),
        None => Style::new(),
    }
}

impl Theme {
    /// The slot names of the config file's `[theme]` table.
    pub const SLOTS: [&'static str; 8] = [
        "accent",
        "met",
        "near",
        "behind",
        "overdue",
        "selection",
        "muted",
        "border",
    ];

    /// The colour of slot `name`, to be set from the config file.
    pub fn slot_mut(&mut self, name: &str) -> Option<&mut Option<Color>> {
        Some(match name {
            "accent" => &mut self.accent,
            "met" => &mut self.met,
            "near" => &mut self.near,
            "behind" => &mut self.behind,
            "overdue" => &mut self.overdue,
            "selection" => &mut self.selection,
            "muted" => &mut self.muted,
            "border" => &mut self.border,
            _ => return None,
        })
    }

    /// `theme`, or monochrome when `NO_COLOR` is set (to any value).
    pub fn unless_no_color(theme: Theme) -> Self {
        if std::env::var_os("NO_COLOR").is_some() {
            Theme::monochrome()
        } else {
            theme
        }
    }

    pub fn monochrome() -> Self {
        Theme {
            accent: None,
            met: None,
            near: None,
            behind: None,
            overdue: None,
            selection: None,
            muted: None,
            border: None,
        }
    }

    pub fn accent(&self) -> Style {
        fg(self.accent)
    }

    pub fn heading(&self) -> Style {
        fg(self.accent).add_modifier(Modifier::BOLD)
    }

    pub fn muted(&self) -> Style {
        match self.muted {
            Some(c) => Style::new().fg(c),
            None => Style::new().add_modifier(Modifier::DIM),
        }
    }

    pub fn border(&self) -> Style {
        fg(self.border)
    }

    pub fn status(&self, status: Status) -> Style {
        let color = match status {
            Status::Met => self.met,
            Status::Near => self.near,
            Status::Behind => self.behind,
        };
        fg(color).add_modifier(Modifier::BOLD)
    }

    pub fn overdue(&self) -> Style {
        fg(self.overdue).add_modifier(Modifier::BOLD)
    }

    pub fn done(&self) -> Style {
        fg(self.met)
    }

    /// The selected row: reversed, so it shows on any terminal.
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// The selection marker in the gutter of a multi-line block.
    pub fn gutter(&self) -> Style {
        fg(self.selection).add_modifier(Modifier::BOLD)
    }

    pub fn title(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }
}
