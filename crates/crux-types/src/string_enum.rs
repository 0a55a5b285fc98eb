//! The `string_enum!` macro: open enums over documented string values.
//!
//! The CRUX docs list the values of many string fields (statuses,
//! visibilities, ...), but the live API may send values that are not listed
//! yet. An open enum has one variant per documented value plus
//! `Unknown(String)`, so that:
//!
//! - a documented value decodes to its variant; matching is exact
//!   (case-sensitive, no trimming), so every value is written back exactly
//!   as it was received (except a declared alias, see below);
//! - any other string decodes to `Unknown`, kept verbatim, and is written
//!   back unchanged: decoding never fails on a new value;
//! - decoding a documented value borrows the input and does not allocate.
//!
//! A variant may list extra wire spellings after its own, separated by `|`
//! (`Email = "email" | "Email",`). Each alias decodes to that variant, which
//! is always written back with its first spelling: use this only for a
//! spelling the API is seen to send for a documented value
//! (docs/spec-decisions.md, E-33), since it makes that one value's round trip inexact. `KNOWN`, `as_str`
//! and the generated docs name the first spelling; the docs also list the
//! aliases.
//!
//! Each generated enum has `KNOWN`, `as_str`, `is_known`, `Display`,
//! `FromStr` (infallible), `From<&str>`, `From<String>`, `AsRef<str>`,
//! `Serialize` and `Deserialize`, and derives `Clone, Debug, PartialEq, Eq,
//! Hash`.
//!
//! ```text
//! string_enum! {
//!     /// Doc for the enum.
//!     pub enum UserStatus {
//!         /// Doc for the variant.
//!         Active = "ACTIVE",
//!     }
//! }
//! ```

/// Defines an open string enum; see the [module docs](self).
macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $(
                $(#[$variant_meta:meta])*
                $variant:ident = $wire:literal $(| $alias:literal)*,
            )+
        }
    ) => {
        $(#[$meta])*
        ///
        /// This is an open enum: a value that is not documented decodes to
        #[doc = concat!("[`", stringify!($name), "::Unknown`]")]
        /// and is written back unchanged. Matching is exact (case-sensitive).
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        $vis enum $name {
            $(
                $(#[$variant_meta])*
                #[doc = ""]
                #[doc = concat!("Wire value: `\"", $wire, "\"`.")]
                $(
                    #[doc = ""]
                    #[doc = concat!(
                        "Also read from `\"", $alias, "\"` (written back as `\"", $wire, "\"`)."
                    )]
                )*
                $variant,
            )+
            /// A value that is not documented, kept verbatim.
            ///
            /// Decoding only produces it for strings that match no other
            /// variant. Build values with `From<&str>` rather than with this
            /// variant directly, so that a documented string maps to its own
            /// variant (`Unknown` holding a documented string would compare
            /// unequal to that variant).
            Unknown(::std::string::String),
        }

        impl $name {
            /// Every documented variant, in declaration order.
            pub const KNOWN: &'static [Self] = &[$(Self::$variant),+];

            /// The documented variant whose wire string (or one of its
            /// aliases) is exactly `s`.
            fn from_known(s: &str) -> ::std::option::Option<Self> {
                match s {
                    $($wire $(| $alias)* => ::std::option::Option::Some(Self::$variant),)+
                    _ => ::std::option::Option::None,
                }
            }

            /// The wire string: the documented value (its first spelling,
            /// for a variant with aliases), or the `Unknown` text.
            #[must_use]
            pub fn as_str(&self) -> &str {
                match self {
                    $(Self::$variant => $wire,)+
                    Self::Unknown(other) => other,
                }
            }

            /// Returns `false` for [`Unknown`](Self::Unknown), `true` for any
            /// documented value.
            #[must_use]
            pub const fn is_known(&self) -> bool {
                !matches!(self, Self::Unknown(_))
            }
        }

        impl ::std::convert::From<&str> for $name {
            fn from(s: &str) -> Self {
                Self::from_known(s).unwrap_or_else(|| Self::Unknown(s.to_owned()))
            }
        }

        /// Reuses the string's buffer for [`Unknown`](Self::Unknown).
        impl ::std::convert::From<::std::string::String> for $name {
            fn from(s: ::std::string::String) -> Self {
                match Self::from_known(&s) {
                    ::std::option::Option::Some(known) => known,
                    ::std::option::Option::None => Self::Unknown(s),
                }
            }
        }

        /// Never fails: an undocumented string becomes
        /// [`Unknown`](Self::Unknown).
        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;

            fn from_str(s: &str) -> ::std::result::Result<Self, Self::Err> {
                ::std::result::Result::Ok(Self::from(s))
            }
        }

        impl ::std::convert::AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        /// Writes the wire string ([`as_str`](Self::as_str)).
        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.pad(self.as_str())
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error>
            where
                S: ::serde::Serializer,
            {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
            where
                D: ::serde::Deserializer<'de>,
            {
                struct StrVisitor;

                impl ::serde::de::Visitor<'_> for StrVisitor {
                    type Value = $name;

                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(concat!("a ", stringify!($name), " string"))
                    }

                    // Also serves `visit_borrowed_str`: known values are
                    // matched on the borrowed input, without allocating.
                    fn visit_str<E>(self, v: &str) -> ::std::result::Result<$name, E>
                    where
                        E: ::serde::de::Error,
                    {
                        ::std::result::Result::Ok($name::from(v))
                    }

                    fn visit_string<E>(
                        self,
                        v: ::std::string::String,
                    ) -> ::std::result::Result<$name, E>
                    where
                        E: ::serde::de::Error,
                    {
                        ::std::result::Result::Ok($name::from(v))
                    }
                }

                deserializer.deserialize_str(StrVisitor)
            }
        }
    };
}
