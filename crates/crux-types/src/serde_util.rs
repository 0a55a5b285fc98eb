//! Small serde helpers shared by the models. Crate-private.

use std::{fmt, marker::PhantomData};

use serde::de;
use serde::{Deserialize, Deserializer};

/// Deserializes `T`, reading JSON `null` as `T::default()`.
///
/// Pair it with `#[serde(default)]` so that an absent field is also
/// `T::default()`: the API sends lists as `null` where it documents a list
/// (docs/spec-decisions.md, E-28), and callers should not have to tell the
/// three cases apart.
///
/// ```text
/// #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
/// permissions: Vec<PermissionEntry>,
/// ```
pub(crate) fn null_as_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

/// [`null_as_default`] for a list, without spare capacity: serde's own
/// `Vec` grows by doubling while decoding (JSON gives no length), so a list
/// of 3 SKUs would keep room for 4 (800 bytes each) for as long as the page
/// is held. See [`Compact`].
pub(crate) fn compact_vec<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Option::<Compact<T>>::deserialize(deserializer)?.map_or_else(Vec::new, |c| c.0))
}

/// [`compact_vec`] for an optional list: `null` stays `None`.
pub(crate) fn compact_vec_option<'de, D, T>(deserializer: D) -> Result<Option<Vec<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Option::<Compact<T>>::deserialize(deserializer)?.map(|c| c.0))
}

/// A list decoded at its exact size: up to [`HEAD`] elements wait on the
/// stack and the list is then allocated once, at its length; a longer list
/// grows as usual and gives its spare capacity back at the end.
struct Compact<T>(Vec<T>);

/// How many elements [`Compact`] holds on the stack: the lists of one item,
/// SKU or order are short.
const HEAD: usize = 4;

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Compact<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct CompactVisitor<T>(PhantomData<T>);

        impl<'de, T: Deserialize<'de>> de::Visitor<'de> for CompactVisitor<T> {
            type Value = Compact<T>;

            // As serde's own `Vec`, so that errors read the same.
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a sequence")
            }

            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Compact<T>, A::Error> {
                let mut head: [Option<T>; HEAD] = [None, None, None, None];
                for (count, slot) in head.iter_mut().enumerate() {
                    match seq.next_element()? {
                        Some(element) => *slot = Some(element),
                        None => {
                            let mut list = Vec::with_capacity(count);
                            list.extend(head.into_iter().flatten());
                            return Ok(Compact(list));
                        }
                    }
                }
                let Some(next) = seq.next_element()? else {
                    let mut list = Vec::with_capacity(HEAD);
                    list.extend(head.into_iter().flatten());
                    return Ok(Compact(list));
                };
                let mut list = Vec::with_capacity(HEAD * 2);
                list.extend(head.into_iter().flatten());
                list.push(next);
                while let Some(element) = seq.next_element()? {
                    list.push(element);
                }
                list.shrink_to_fit();
                Ok(Compact(list))
            }
        }

        deserializer.deserialize_seq(CompactVisitor(PhantomData))
    }
}

/// Deserializes a `bool` sent as a JSON boolean or as the string `"true"` or
/// `"false"` in any case (`"True"`, the Python spelling, appears in the
/// docs' samples) (docs/spec-decisions.md, E-07). Any other value is an error. Encoding is
/// unaffected: the field is written as a JSON boolean.
///
/// ```text
/// #[serde(deserialize_with = "crate::serde_util::lenient_bool")]
/// enabled: bool,
/// ```
pub(crate) fn lenient_bool<'de, D>(deserializer: D) -> Result<bool, D::Error>
where
    D: Deserializer<'de>,
{
    deserializer.deserialize_any(LenientBool)
}

/// [`lenient_bool`] for an `Option<bool>`: `null` is `None`. Pair it with
/// `#[serde(default)]` so that an absent field is `None` too.
pub(crate) fn lenient_bool_option<'de, D>(deserializer: D) -> Result<Option<bool>, D::Error>
where
    D: Deserializer<'de>,
{
    /// A `bool` read with [`lenient_bool`].
    struct Lenient(bool);

    impl<'de> Deserialize<'de> for Lenient {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            lenient_bool(deserializer).map(Self)
        }
    }

    Ok(Option::<Lenient>::deserialize(deserializer)?.map(|Lenient(value)| value))
}

/// Accepts a JSON boolean or the string `"true"` or `"false"`, any case.
struct LenientBool;

impl de::Visitor<'_> for LenientBool {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a boolean, or the string \"true\" or \"false\"")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<bool, E> {
        Ok(v)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<bool, E> {
        if v.eq_ignore_ascii_case("true") {
            Ok(true)
        } else if v.eq_ignore_ascii_case("false") {
            Ok(false)
        } else {
            Err(E::invalid_value(de::Unexpected::Str(v), &self))
        }
    }
}

#[cfg(test)]
mod compact_tests {
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    struct Lists {
        #[serde(default, deserialize_with = "super::compact_vec")]
        list: Vec<u32>,
        #[serde(default, deserialize_with = "super::compact_vec_option")]
        maybe: Option<Vec<u32>>,
    }

    fn read(json: &str) -> Lists {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn decoded_lists_keep_no_spare_capacity() {
        // Growing by doubling would leave room for 8, or 4.
        let lists = read(r#"{"list":[1,2,3,4,5],"maybe":[1,2,3]}"#);
        assert_eq!(lists.list, [1, 2, 3, 4, 5]);
        assert_eq!(lists.list.capacity(), 5);
        for n in 0..12 {
            let items: Vec<String> = (0..n).map(|i| i.to_string()).collect();
            let json = format!(r#"{{"list":[{}]}}"#, items.join(","));
            let list = read(&json).list;
            assert_eq!(list, (0..n).collect::<Vec<u32>>());
            assert_eq!(list.capacity(), list.len());
        }
        let maybe = lists.maybe.unwrap();
        assert_eq!(maybe, [1, 2, 3]);
        assert_eq!(maybe.capacity(), 3);
    }

    #[test]
    fn null_and_missing_lists_read_as_before() {
        let lists = read(r#"{"list":null,"maybe":null}"#);
        assert!(lists.list.is_empty());
        assert_eq!(lists.maybe, None);
        let lists = read("{}");
        assert!(lists.list.is_empty());
        assert_eq!(lists.maybe, None);
        assert_eq!(read(r#"{"maybe":[]}"#).maybe, Some(vec![]));
        // Errors read as those of serde's own `Vec`.
        let error = serde_json::from_str::<Lists>(r#"{"list":{}}"#).unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("invalid type: map, expected a sequence"),
            "{error}"
        );
        let error = serde_json::from_str::<Lists>(r#"{"list":[1,"x"]}"#).unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("invalid type: string \"x\", expected u32"),
            "{error}"
        );
    }
}
