// The macros that declare the catalogue (included by src/i18n.rs, and by its doctests, which
// show that a placeholder the texts and the declaration disagree on does not compile).

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
