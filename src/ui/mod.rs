//! The drawing toolkit the screens share: the theme, tones, fitting text into columns,
//! formatting dates, values and counts, and the last clean-up of every frame.

pub(crate) mod cells;
pub(crate) mod format;
pub(crate) mod text;
pub mod theme;
pub(crate) mod tone;
