//! The drawing toolkit the screens share: the theme, tones, fitting text into columns,
//! formatting dates, values and counts, and the last clean-up of every frame.

pub mod cells;
pub mod format;
pub mod text;
pub mod theme;
pub mod tone;
