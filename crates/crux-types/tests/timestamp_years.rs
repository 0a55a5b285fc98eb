//! A [`Timestamp`] is read only when RFC 3339 can write it back: its UTC
//! year is `0000` to `9999`. Found by `mutated_samples.rs`: the offset of
//! `9999-12-31T23:59:59.999999999-23:59` moves it into year 10000, which
//! was written `+10000-01-01T23:58:59.999999999Z` and did not read again.

use crux_types::Timestamp;

fn decode(text: &str) -> Result<Timestamp, serde_json::Error> {
    serde_json::from_value(serde_json::Value::from(text))
}

#[test]
fn an_offset_that_moves_the_instant_out_of_the_4_digit_years_is_a_decode_error() {
    for text in [
        "9999-12-31T23:59:59.999999999-23:59",
        "0000-01-01T00:00:00+00:01",
        "0000-01-01 00:00:00+23:59",
    ] {
        assert!(decode(text).is_err(), "{text} decoded");
        assert!(text.parse::<Timestamp>().is_err(), "{text} parsed");
    }
}

#[test]
fn the_first_and_last_instants_of_the_4_digit_years_round_trip() {
    for (text, written) in [
        (
            "9999-12-31T23:59:59.999999999Z",
            "9999-12-31T23:59:59.999999999Z",
        ),
        ("9999-12-31T23:59:59-00:00", "9999-12-31T23:59:59Z"),
        ("0000-01-01T00:00:00Z", "0000-01-01T00:00:00Z"),
        ("0000-01-01T00:01:00+00:01", "0000-01-01T00:00:00Z"),
        ("9999-12-31", "9999-12-31T00:00:00Z"),
        ("0000-01-01", "0000-01-01T00:00:00Z"),
    ] {
        let decoded = decode(text).unwrap_or_else(|err| panic!("{text}: {err}"));
        let encoded = serde_json::to_value(decoded).expect("a timestamp encodes");
        assert_eq!(encoded, written, "{text}");
        assert_eq!(decode(written).expect("its own encoding reads"), decoded);
    }
}

#[test]
fn a_date_only_value_with_more_than_4_year_digits_is_a_decode_error() {
    for text in ["10000-01-01", "+10000-01-01", "-0001-12-31"] {
        assert!(decode(text).is_err(), "{text} decoded");
    }
}
