//! The drawing toolkit the screens share: the theme, tones, fitting text into columns,
//! and the last clean-up of every frame.

pub(crate) mod cells;
pub(crate) mod chart;
pub(crate) mod field;
pub(crate) mod text;
pub(crate) mod theme;
pub(crate) mod tone;
