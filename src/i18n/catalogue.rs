// The macros that declare the catalogue and the `Template` of a key with placeholders (included
// by src/i18n.rs, and by `Template`'s doctests, which show that a placeholder the texts and the
// declaration disagree on does not compile).

/// Declares the catalogue: one entry per key, English then Vietnamese, so the two stay side by
/// side. A key with placeholders declares them, `key(name, other): "…{name}…", "…";`, and becomes
/// a method `t.key(&name, &other) -> String`: each text is a `format!` string with exactly those
/// named arguments, so a placeholder misspelt, missing or left over in either language is a
/// compile error (write a literal brace as `{{` or `}}` in such a text). A key without
/// placeholders stays a plain `&'static str` field.
macro_rules! catalogue {
    ($($(#[$doc:meta])* $key:ident $(($($p:ident),+))?: $en:literal, $vi:literal;)*) => {
        /// Every fixed string and message template of the program, in one language.
        pub(crate) struct Strings {
            lang: Lang,
            $(
                $(#[$doc])*
                $(
                    #[doc = concat!("Said by the method `", stringify!($key), "(", stringify!($($p),+), ")`.")]
                    #[allow(dead_code)]
                )?
                pub $key: slot!($($($p),+)?),
            )*
        }

        static EN: Strings = Strings { lang: Lang::En, $($key: text!($en $(, $($p),+)?),)* };
        static VI: Strings = Strings { lang: Lang::Vi, $($key: text!($vi $(, $($p),+)?),)* };

        impl Strings {
            $(template! { [$(#[$doc])*] $key [$($($p),+)?] $en, $vi })*
        }

        /// Every key with its English and Vietnamese text (for the catalogue's own checks).
        #[cfg(test)]
        const ENTRIES: &[(&str, &str, &str)] = &[$((stringify!($key), $en, $vi),)*];
    };
}

/// The type of a key's field in `Strings`: its text, or a `Template` for a key with placeholders.
macro_rules! slot {
    () => { &'static str };
    ($($p:ident),+) => { Template };
}

/// The value of a key's field in `Strings` (see `slot!`).
macro_rules! text {
    ($text:literal) => {
        $text
    };
    ($text:literal, $($p:ident),+) => {
        Template(())
    };
}

/// The method that fills a key's placeholders, in the language of the `Strings`.
macro_rules! template {
    ([$($doc:tt)*] $key:ident [] $en:literal, $vi:literal) => {};
    ([$($doc:tt)*] $key:ident [$($p:ident),+] $en:literal, $vi:literal) => {
        $($doc)*
        pub(crate) fn $key(&self, $($p: &dyn Display),+) -> String {
            match self.lang {
                Lang::En => format!($en, $($p = $p),+),
                Lang::Vi => format!($vi, $($p = $p),+),
            }
        }
    };
}

/// The field of a key with placeholders: its text is reached only through the key's method,
/// which fills every placeholder. The texts and the declared placeholders must agree, in both
/// languages, or the catalogue does not compile:
///
/// ```
/// # use std::fmt::Display;
/// # #[derive(Clone, Copy)] enum Lang { En, Vi }
/// # include!(concat!(env!("CARGO_MANIFEST_DIR"), "/src/i18n/catalogue.rs"));
/// catalogue! {
///     too_small(width, height): "need {width}×{height}", "cần {width}×{height}";
/// }
/// fn main() {
///     assert_eq!(VI.too_small(&40, &12), "cần 40×12");
///     assert_eq!(EN.too_small(&40, &12), "need 40×12");
/// }
/// ```
///
/// A misspelt placeholder (in either language):
///
/// ```compile_fail
/// # use std::fmt::Display;
/// # #[derive(Clone, Copy)] enum Lang { En, Vi }
/// # include!(concat!(env!("CARGO_MANIFEST_DIR"), "/src/i18n/catalogue.rs"));
/// catalogue! {
///     too_small(width, height): "need {width}×{height}", "cần {width}×{heigth}";
/// }
/// # fn main() {}
/// ```
///
/// A placeholder one language leaves out:
///
/// ```compile_fail
/// # use std::fmt::Display;
/// # #[derive(Clone, Copy)] enum Lang { En, Vi }
/// # include!(concat!(env!("CARGO_MANIFEST_DIR"), "/src/i18n/catalogue.rs"));
/// catalogue! {
///     too_small(width, height): "need {width}×{height}", "cần {width}";
/// }
/// # fn main() {}
/// ```
///
/// A placeholder not declared:
///
/// ```compile_fail
/// # use std::fmt::Display;
/// # #[derive(Clone, Copy)] enum Lang { En, Vi }
/// # include!(concat!(env!("CARGO_MANIFEST_DIR"), "/src/i18n/catalogue.rs"));
/// catalogue! {
///     too_small(width): "need {width}×{height}", "cần {width}×{height}";
/// }
/// # fn main() {}
/// ```
pub(crate) struct Template(());
