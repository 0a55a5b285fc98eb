//! Demo ids, typed and checked when the crate compiles.
//!
//! Every UUID of the dataset is a typed constant: [`id!`] parses its text
//! at compile time with `uuid::uuid!` (a malformed id does not compile) and
//! wraps it in its id type, and the rows refer to these constants by name
//! (a misspelt name does not compile either). Ids derived from a scheme
//! (notification settings, the run-time sequences) come from
//! [`demo_uuid`], which cannot produce anything but a valid UUID.

use uuid::Uuid;

/// A typed id from a UUID literal (or `concat!` of literals), parsed at
/// compile time: `id!(UserId, "d0000003-0000-4000-8000-000000000001")`.
macro_rules! id {
    ($kind:ident, $text:expr) => {
        ::crux_types::$kind::new(::uuid::uuid!($text))
    };
}
pub(crate) use id;

/// The demo scheme's UUID `dKKKKKKK-0000-4000-8000-SSSSSSSSSSSS`: kind `K`
/// and serial `S` written with their decimal digits (kind 8, serial 102 is
/// `d0000008-0000-4000-8000-000000000102`). `None` when the serial has more
/// than 12 digits or the kind more than 7.
pub(crate) const fn demo_uuid(kind: u32, serial: u64) -> Option<Uuid> {
    let (Some(kind), Some(serial)) = (digits(kind as u64, 7), digits(serial, 12)) else {
        return None;
    };
    let high = (0xd000_0000 | kind as u128) << 96;
    Some(Uuid::from_u128(
        high | (0x0000_4000_8000_u128 << 48) | serial as u128,
    ))
}

/// `n` with each decimal digit as a hex digit (`102` is `0x102`), at most
/// `width` digits.
const fn digits(mut n: u64, width: u32) -> Option<u64> {
    let mut out = 0_u64;
    let mut shift = 0;
    while n > 0 {
        if shift >= width * 4 {
            return None;
        }
        out |= (n % 10) << shift;
        n /= 10;
        shift += 4;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scheme_reads_as_decimal() {
        let text = |kind, serial| demo_uuid(kind, serial).map(|u| u.to_string());
        assert_eq!(
            text(8, 102).as_deref(),
            Some("d0000008-0000-4000-8000-000000000102")
        );
        assert_eq!(
            text(9, 999_999_999_999).as_deref(),
            Some("d0000009-0000-4000-8000-999999999999")
        );
        assert_eq!(
            text(12, 1).as_deref(),
            Some("d0000012-0000-4000-8000-000000000001")
        );
        assert_eq!(text(9, 1_000_000_000_000), None);
        assert_eq!(text(10_000_000, 1), None);
    }
}
