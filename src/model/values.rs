//! The closed lists of values that version 2 adds (docs/spec.md): levels of local government,
//! kinds of host, parts of the day, kinds of figures and bases of comparison.

use serde::Serialize;

/// An enum of keywords written in files: its variants, their names as written (the contract),
/// `NAMES` in the order the spec lists them, `parse` (exact names only) and `name`.
macro_rules! keywords {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $text:literal,)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vdoc])* $variant,)*
        }

        impl $name {
            /// Every name a file may write, in the spec's order.
            pub const NAMES: &'static [&'static str] = &[$($text,)*];

            /// The value written `s`, by its exact name.
            pub fn parse(s: &str) -> Option<Self> {
                match s {
                    $($text => Some($name::$variant),)*
                    _ => None,
                }
            }

            /// The name as written in files and JSON.
            pub fn name(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)*
                }
            }
        }

        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.name())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                super::written::from_text(d, $name::parse, stringify!($name))
            }
        }
    };
    // The same, with the words Vietnamese write before a name of each value, folded
    // (`huyen` in `huyện Chư Păh`): `folded_words`.
    ($(#[$doc:meta])* $name:ident {
        $($(#[$vdoc:meta])* $variant:ident = $text:literal, before [$($word:literal),+],)*
    }) => {
        keywords! { $(#[$doc])* $name { $($(#[$vdoc])* $variant = $text,)* } }

        impl $name {
            /// How Vietnamese write the value before a name, folded: the words a
            /// `formerly`/`merged_from` reference may start with.
            pub fn folded_words(self) -> &'static [&'static str] {
                match self {
                    $($name::$variant => &[$($word),+],)*
                }
            }
        }
    };
    // The same, with the value a file that leaves the key out means.
    ($(#[$doc:meta])* $name:ident default $default:ident { $($body:tt)* }) => {
        keywords! { $(#[$doc])* $name { $($body)* } }

        impl Default for $name {
            fn default() -> Self {
                $name::$default
            }
        }
    };
}

keywords! {
    /// The level of local government of a locality.
    Level {
        /// Tỉnh.
        Tinh = "tinh", before ["tinh"],
        /// Thành phố trực thuộc trung ương.
        ThanhPhoTw = "thanh-pho-tw", before ["thanh pho", "thanh pho truc thuoc trung uong"],
        /// Huyện (before July 2025).
        Huyen = "huyen", before ["huyen"],
        /// Thị xã.
        ThiXa = "thi-xa", before ["thi xa"],
        /// Thành phố thuộc tỉnh.
        ThanhPho = "thanh-pho", before ["thanh pho"],
        /// Quận.
        Quan = "quan", before ["quan"],
        /// Xã.
        Xa = "xa", before ["xa"],
        /// Phường.
        Phuong = "phuong", before ["phuong"],
        /// Thị trấn.
        ThiTran = "thi-tran", before ["thi tran"],
        /// Đặc khu.
        DacKhu = "dac-khu", before ["dac khu"],
    }
}

impl HostKind {
    /// Whether the kind is one version 3 added.
    pub fn since_version_3(self) -> bool {
        matches!(
            self,
            HostKind::QuocHoi | HostKind::TrungUong | HostKind::NhaNuoc
        )
    }
}

keywords! {
    /// Which kind of body holds the session.
    HostKind {
        /// A Party committee (Tỉnh ủy, Ban Thường vụ).
        Dang = "dang",
        /// The People's Committee or Council.
        ChinhQuyen = "chinh-quyen",
        /// The Fatherland Front.
        MatTran = "mat-tran",
        /// The National Assembly, its committees and delegations (version 3).
        QuocHoi = "quoc-hoi",
        /// A central Party body: the Politburo, the Secretariat, a central delegation (version 3).
        TrungUong = "trung-uong",
        /// A central state body other than the councils: the Government, a ministry (version 3).
        NhaNuoc = "nha-nuoc",
        /// Any other body.
        Khac = "khac",
    }
}

keywords! {
    /// When in the day a session is held.
    PartOfDay {
        Sang = "sang",
        Chieu = "chieu",
        Toi = "toi",
    }
}

keywords! {
    /// What kind of figure an indicator is (`amount` when not written).
    Kind default Amount {
        /// An amount: money, output, area.
        Amount = "amount",
        /// A number of things.
        Count = "count",
        /// A part of a whole, in % or with `of`.
        Share = "share",
        /// A rate of change or per period: a plain figure.
        Rate = "rate",
    }
}

keywords! {
    /// What a comparison compares the figure with.
    Basis {
        /// Achievement of a plan or target: a verdict.
        Plan = "plan",
        /// An earlier period: growth.
        Previous = "previous",
        /// Anything else: the percent and its label.
        Other = "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_back_and_nothing_else_does() {
        for name in Level::NAMES {
            assert_eq!(Level::parse(name).map(Level::name), Some(*name));
        }
        for name in HostKind::NAMES.iter().chain(PartOfDay::NAMES) {
            assert!(HostKind::parse(name).is_some() || PartOfDay::parse(name).is_some());
        }
        for name in Kind::NAMES.iter().chain(Basis::NAMES) {
            assert!(Kind::parse(name).is_some() || Basis::parse(name).is_some());
        }
        assert_eq!(Level::NAMES.len(), 10);
        assert_eq!(Level::parse("xã"), None);
        assert_eq!(Level::parse("Xa"), None);
        assert_eq!(Basis::parse("plans"), None);
        assert_eq!(Kind::default(), Kind::Amount);
    }

    #[test]
    fn values_serialize_as_their_names() {
        let json = serde_json::to_string(&[Level::ThanhPhoTw, Level::DacKhu]).expect("json");
        assert_eq!(json, r#"["thanh-pho-tw","dac-khu"]"#);
        let json = serde_json::to_string(&HostKind::ChinhQuyen).expect("json");
        assert_eq!(json, r#""chinh-quyen""#);
    }
}
