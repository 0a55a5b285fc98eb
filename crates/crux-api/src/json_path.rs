//! Names the JSON path of a decode failure (`[1].email`) from the body and
//! the position serde_json reports, without decoding the body a second time.
//!
//! A second, path-tracking decode (`serde_path_to_error`) would instantiate
//! every model's `Deserialize` impl again in every binary; this finder is
//! one small non-generic scan instead. It walks the body once with a
//! hand-written tokenizer (an explicit stack, no recursion) up to the error
//! position and names the value being parsed there, following how
//! `serde_json` positions its errors:
//!
//! - an error inside a value, or on the value just before the position
//!   (`invalid type`, a `missing field` of the object just closed), names
//!   that value;
//! - an error in an object's keys, colons or commas, a trailing comma, or an
//!   end of input between values names the enclosing object or array (an
//!   object's next key as `?`).
//!
//! The path renders as `serde_path_to_error` rendered it: keys joined by
//! `.`, indexes as `[i]`, `.` for the root, and `?` for an object's next key
//! when the error comes before that key was read (`[0].?` for
//! `[{"a":1 x`). A failure that no `serde_json` call
//! positions itself (a custom error raised after a field's value was read)
//! is positioned by serde_json at the end of the enclosing object; such a
//! failure is named after the enclosing value. A syntax error inside a
//! member the model ignores is named down to where it is (`unknown.x`, where
//! `serde_path_to_error` said `unknown`).
//!
//! The body may be anything: the scan never panics, stops at the first byte
//! that is not JSON, and does work linear in the body's length.

use std::fmt;

use serde_json::error::Category;

/// One step of a [`JsonPath`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Segment {
    /// An object member, by its (unescaped) key.
    Key(String),
    /// An array element, by its index.
    Index(usize),
    /// An object member whose key is not known yet: `?`.
    Unknown,
}

/// The path from the body's root to a value.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct JsonPath {
    segments: Vec<Segment>,
}

impl JsonPath {
    /// The object keys along the path.
    pub(crate) fn keys(&self) -> impl Iterator<Item = &str> {
        self.segments.iter().filter_map(|segment| match segment {
            Segment::Key(key) => Some(key.as_str()),
            Segment::Index(_) | Segment::Unknown => None,
        })
    }
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.segments.is_empty() {
            return f.write_str(".");
        }
        for (i, segment) in self.segments.iter().enumerate() {
            match segment {
                Segment::Index(index) => write!(f, "[{index}]")?,
                Segment::Key(_) | Segment::Unknown if i > 0 => f.write_str(".")?,
                Segment::Key(_) | Segment::Unknown => {}
            }
            match segment {
                Segment::Index(_) => {}
                Segment::Key(key) => f.write_str(key)?,
                Segment::Unknown => f.write_str("?")?,
            }
        }
        Ok(())
    }
}

/// The path of the value a `serde_json` error is about. `line` and
/// `column` are the error's ([`serde_json::Error::line`], `column`: 1-based
/// line, count of bytes read on that line; line 0 when the error has no
/// position, taken as the end of the body) and `category`
/// ([`serde_json::Error::classify`]).
pub(crate) fn find(body: &[u8], line: usize, column: usize, category: Category) -> JsonPath {
    let end = if line == 0 {
        body.len()
    } else {
        byte_offset(body, line, column)
    };
    Scanner::default().run(&body[..end], category)
}

/// The number of bytes read when serde_json was at `line` and `column`,
/// at most `body.len()`.
fn byte_offset(body: &[u8], line: usize, column: usize) -> usize {
    let mut start_of_line = 0;
    let mut lines_left = line.saturating_sub(1);
    if lines_left > 0 {
        for (i, &byte) in body.iter().enumerate() {
            if byte == b'\n' {
                lines_left -= 1;
                if lines_left == 0 {
                    start_of_line = i + 1;
                    break;
                }
            }
        }
        if lines_left > 0 {
            return body.len();
        }
    }
    start_of_line.saturating_add(column).min(body.len())
}

/// An open object or array.
enum Container {
    /// An array, with the index of its current (or last) element.
    Array { index: usize },
    /// An object, with the key of its current (or last) member.
    Object { key: Option<String> },
}

/// What the scanner expects next, outside a token.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// A value: at the root, after `,` in an array, after `:`.
    Value,
    /// After `[`: a value or `]`.
    FirstElement,
    /// After a value: `,` or the container's end (nothing at the root).
    AfterValue,
    /// After `{`: a key or `}`.
    FirstKey,
    /// After `,` in an object: a key.
    Key,
    /// After a key: `:`.
    Colon,
}

/// A number's grammar states (RFC 8259).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Number {
    Minus,
    Zero,
    Int,
    Dot,
    Fraction,
    E,
    ExponentSign,
    Exponent,
}

impl Number {
    fn start(byte: u8) -> Self {
        match byte {
            b'-' => Self::Minus,
            b'0' => Self::Zero,
            _ => Self::Int,
        }
    }

    /// The state after `byte`, `None` when `byte` does not continue the
    /// number.
    fn next(self, byte: u8) -> Option<Self> {
        Some(match (self, byte) {
            (Self::Minus, b'0') => Self::Zero,
            (Self::Minus | Self::Int, b'1'..=b'9') | (Self::Int, b'0') => Self::Int,
            (Self::Zero | Self::Int, b'.') => Self::Dot,
            (Self::Dot | Self::Fraction, b'0'..=b'9') => Self::Fraction,
            (Self::Zero | Self::Int | Self::Fraction, b'e' | b'E') => Self::E,
            (Self::E, b'+' | b'-') => Self::ExponentSign,
            (Self::E | Self::ExponentSign | Self::Exponent, b'0'..=b'9') => Self::Exponent,
            _ => return None,
        })
    }

    fn is_complete(self) -> bool {
        matches!(
            self,
            Self::Zero | Self::Int | Self::Fraction | Self::Exponent
        )
    }
}

/// [`Token::Str`]'s `escape` right after a backslash.
const ESCAPE_START: u8 = 5;

/// A token being read.
enum Token {
    None,
    /// A string; `key` holds the raw bytes of an object key.
    Str {
        /// 0 outside an escape, [`ESCAPE_START`] after `\\`, else the hex
        /// digits of a `\\u` escape still to come.
        escape: u8,
        key: Option<Vec<u8>>,
    },
    Number(Number),
    /// `true`, `false` or `null`, with the bytes still to come.
    Literal(&'static [u8]),
}

/// What an error is about.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    /// The innermost container's current element or member.
    Value,
    /// The innermost container itself.
    Container,
    /// The innermost object's next key, not yet read: named `?`, as
    /// `serde_path_to_error` names it.
    NextKey,
}

/// How the scan ended.
enum End {
    /// At a byte that is not JSON here.
    Malformed(u8),
    /// At the error position.
    Position,
}

struct Scanner {
    stack: Vec<Container>,
    expect: Expect,
    token: Token,
}

impl Default for Scanner {
    fn default() -> Self {
        Self {
            stack: Vec::new(),
            expect: Expect::Value,
            token: Token::None,
        }
    }
}

impl Scanner {
    fn run(mut self, body: &[u8], category: Category) -> JsonPath {
        let mut end = End::Position;
        for &byte in body {
            if !self.step(byte) {
                end = End::Malformed(byte);
                break;
            }
        }
        let opened = matches!(body.last(), Some(b'[' | b'{'));
        let place = self.place(&end, category, opened);
        self.path(place)
    }

    /// What the error is about, in the terms of the behaviour this finder
    /// replaces (`serde_path_to_error` over serde_json).
    fn place(&self, end: &End, category: Category, opened: bool) -> Place {
        let eof = category == Category::Eof;
        let between_members = || {
            if matches!(self.stack.last(), Some(Container::Object { .. })) {
                Place::NextKey
            } else {
                Place::Container
            }
        };
        match (&self.token, end) {
            (Token::Str { key: Some(_), .. }, _) => Place::NextKey,
            (Token::Str { key: None, .. } | Token::Literal(_), _) => Place::Value,
            // A number cut short or followed by a byte that cannot end it is
            // an error in the number; a whole number at the end of the body
            // is followed by the container's own end-of-input error.
            (Token::Number(_), End::Malformed(_)) => Place::Value,
            (Token::Number(number), End::Position) if eof && number.is_complete() => {
                between_members()
            }
            (Token::Number(_), End::Position) => Place::Value,
            (Token::None, End::Malformed(byte)) => match self.expect {
                Expect::Value if *byte == b']' && self.in_array() => Place::Container,
                Expect::Value | Expect::FirstElement => Place::Value,
                Expect::AfterValue => between_members(),
                Expect::FirstKey | Expect::Key => Place::NextKey,
                Expect::Colon => Place::Container,
            },
            (Token::None, End::Position) => match self.expect {
                Expect::Value if eof && self.in_array() => Place::Container,
                // A syntax error on the `[` or `{` just read (the recursion
                // limit) is about the value it opens.
                Expect::FirstElement | Expect::FirstKey
                    if category == Category::Syntax && opened =>
                {
                    Place::Container
                }
                Expect::FirstElement | Expect::Colon if eof => Place::Container,
                Expect::AfterValue if eof => between_members(),
                Expect::FirstKey | Expect::Key => Place::NextKey,
                Expect::Value | Expect::FirstElement | Expect::AfterValue | Expect::Colon => {
                    Place::Value
                }
            },
        }
    }

    fn in_array(&self) -> bool {
        matches!(self.stack.last(), Some(Container::Array { .. }))
    }

    fn path(self, place: Place) -> JsonPath {
        let depth = self.stack.len();
        let mut segments: Vec<Segment> = self
            .stack
            .into_iter()
            .enumerate()
            .filter(|(i, _)| place == Place::Value || i + 1 < depth)
            .filter_map(|(_, container)| match container {
                Container::Array { index } => Some(Segment::Index(index)),
                Container::Object { key } => key.map(Segment::Key),
            })
            .collect();
        if place == Place::NextKey {
            segments.push(Segment::Unknown);
        }
        JsonPath { segments }
    }

    /// Reads one byte; `false` when it is not JSON here (the scanner state
    /// is left as it was before the byte).
    fn step(&mut self, byte: u8) -> bool {
        match &mut self.token {
            Token::Str { escape, key } => {
                if *escape > 0 {
                    let valid = match (*escape, byte) {
                        (ESCAPE_START, b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => {
                            *escape = 0;
                            true
                        }
                        (ESCAPE_START, b'u') => {
                            *escape = 4;
                            true
                        }
                        (1..=4, b'0'..=b'9' | b'a'..=b'f' | b'A'..=b'F') => {
                            *escape -= 1;
                            true
                        }
                        _ => false,
                    };
                    if !valid {
                        return false;
                    }
                } else if byte < 0x20 {
                    return false;
                } else if byte == b'\\' {
                    *escape = ESCAPE_START;
                } else if byte == b'"' {
                    match key.take() {
                        Some(raw) => {
                            if let Some(Container::Object { key }) = self.stack.last_mut() {
                                *key = Some(unescape(&raw));
                            }
                            self.expect = Expect::Colon;
                        }
                        None => self.expect = Expect::AfterValue,
                    }
                    self.token = Token::None;
                    return true;
                }
                if let Some(raw) = key {
                    raw.push(byte);
                }
                return true;
            }
            Token::Number(number) => match number.next(byte) {
                Some(next) => {
                    *number = next;
                    return true;
                }
                // A leading zero followed by a digit (`01`).
                None if *number == Number::Zero && byte.is_ascii_digit() => return false,
                None if number.is_complete() => {
                    self.token = Token::None;
                    self.expect = Expect::AfterValue;
                    // The byte after the number is read below.
                }
                None => return false,
            },
            Token::Literal(rest) => {
                return match rest.split_first() {
                    Some((&expected, tail)) if expected == byte => {
                        if tail.is_empty() {
                            self.token = Token::None;
                            self.expect = Expect::AfterValue;
                        } else {
                            *rest = tail;
                        }
                        true
                    }
                    _ => false,
                };
            }
            Token::None => {}
        }
        if matches!(byte, b' ' | b'\t' | b'\n' | b'\r') {
            return true;
        }
        match self.expect {
            Expect::Value => self.start_value(byte),
            Expect::FirstElement => byte == b']' && self.close() || self.start_value(byte),
            Expect::AfterValue => match (byte, self.stack.last_mut()) {
                (b',', Some(Container::Array { index })) => {
                    *index += 1;
                    self.expect = Expect::Value;
                    true
                }
                (b',', Some(Container::Object { .. })) => {
                    self.expect = Expect::Key;
                    true
                }
                (b']', Some(Container::Array { .. })) | (b'}', Some(Container::Object { .. })) => {
                    self.close()
                }
                _ => false,
            },
            Expect::FirstKey => byte == b'}' && self.close() || self.start_key(byte),
            Expect::Key => self.start_key(byte),
            Expect::Colon => {
                if byte == b':' {
                    self.expect = Expect::Value;
                }
                byte == b':'
            }
        }
    }

    fn start_value(&mut self, byte: u8) -> bool {
        match byte {
            b'{' => {
                self.stack.push(Container::Object { key: None });
                self.expect = Expect::FirstKey;
            }
            b'[' => {
                self.stack.push(Container::Array { index: 0 });
                self.expect = Expect::FirstElement;
            }
            b'"' => {
                self.token = Token::Str {
                    escape: 0,
                    key: None,
                };
            }
            b'-' | b'0'..=b'9' => self.token = Token::Number(Number::start(byte)),
            b't' => self.token = Token::Literal(b"rue"),
            b'f' => self.token = Token::Literal(b"alse"),
            b'n' => self.token = Token::Literal(b"ull"),
            _ => return false,
        }
        true
    }

    fn start_key(&mut self, byte: u8) -> bool {
        if byte != b'"' {
            return false;
        }
        self.token = Token::Str {
            escape: 0,
            key: Some(Vec::new()),
        };
        true
    }

    /// Closes the innermost container (its closing byte was read).
    fn close(&mut self) -> bool {
        self.stack.pop();
        self.expect = Expect::AfterValue;
        true
    }
}

/// A key's text from its raw bytes between the quotes: JSON escapes
/// resolved, anything invalid replaced by U+FFFD.
fn unescape(raw: &[u8]) -> String {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        let byte = raw[i];
        i += 1;
        if byte != b'\\' {
            out.push(byte);
            continue;
        }
        let Some(&escape) = raw.get(i) else {
            break;
        };
        i += 1;
        let simple = match escape {
            b'"' => b'"',
            b'\\' => b'\\',
            b'/' => b'/',
            b'b' => 0x08,
            b'f' => 0x0c,
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            b'u' => {
                let (c, used) = unicode_escape(&raw[i..]);
                i += used;
                let mut buf = [0; 4];
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                continue;
            }
            _ => {
                out.extend_from_slice(char::REPLACEMENT_CHARACTER.to_string().as_bytes());
                continue;
            }
        };
        out.push(simple);
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The character of a `\u` escape whose hex digits start `rest`, with a
/// low surrogate's `\uXXXX` after a high one; and the bytes used.
fn unicode_escape(rest: &[u8]) -> (char, usize) {
    let Some(first) = hex4(rest) else {
        return (char::REPLACEMENT_CHARACTER, 0);
    };
    if (0xD800..0xDC00).contains(&first) {
        if let (Some(b"\\u"), Some(second)) = (rest.get(4..6), rest.get(6..).and_then(hex4)) {
            if (0xDC00..0xE000).contains(&second) {
                let code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                return (
                    char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER),
                    10,
                );
            }
        }
    }
    (
        char::from_u32(first).unwrap_or(char::REPLACEMENT_CHARACTER),
        4,
    )
}

fn hex4(bytes: &[u8]) -> Option<u32> {
    let digits = bytes.get(..4)?;
    digits
        .iter()
        .try_fold(0u32, |acc, &d| Some(acc * 16 + char::from(d).to_digit(16)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    /// The path of `body`'s failure to decode as `T`, as the client names it.
    fn path_of<T: for<'de> Deserialize<'de>>(body: &str) -> String {
        let error = serde_json::from_str::<T>(body).err().expect("must fail");
        find(
            body.as_bytes(),
            error.line(),
            error.column(),
            error.classify(),
        )
        .to_string()
    }

    /// The path `serde_path_to_error` names for the same failure (the
    /// behaviour this finder replaces), when it fails too.
    fn reference<T: for<'de> Deserialize<'de>>(body: &str) -> Option<String> {
        let de = &mut serde_json::Deserializer::from_str(body);
        let result: Result<T, _> = serde_path_to_error::deserialize(de);
        result.err().map(|e| e.path().to_string())
    }

    #[derive(Deserialize, Debug)]
    #[allow(dead_code)]
    struct Person {
        first_name: String,
        age: u32,
    }

    #[derive(Deserialize, Debug)]
    #[allow(dead_code)]
    struct User {
        email: String,
        person: Person,
        tags: Vec<String>,
    }

    fn user(email: &str) -> String {
        format!(r#"{{"email":{email},"person":{{"first_name":"A","age":1}},"tags":["x"]}}"#)
    }

    #[track_caller]
    fn check<T: for<'de> Deserialize<'de>>(body: &str, expected: &str) {
        assert_eq!(path_of::<T>(body), expected, "body {body:?}");
        assert_eq!(
            reference::<T>(body).as_deref(),
            Some(expected),
            "reference, body {body:?}"
        );
    }

    #[test]
    fn names_a_wrong_value_in_nested_objects_and_arrays() {
        let body = format!("[{},{}]", user(r#""a""#), user("5"));
        check::<Vec<User>>(&body, "[1].email");
        let body = r#"[{"email":"a","person":{"first_name":"A","age":"x"},"tags":[]}]"#;
        check::<Vec<User>>(body, "[0].person.age");
        let body = r#"[{"email":"a","person":{"first_name":"A","age":1},"tags":["x", 7]}]"#;
        check::<Vec<User>>(body, "[0].tags[1]");
        // A value that is an object where a string belongs: serde_json
        // stops before the `{`.
        let body = r#"[{"email":{"x":1},"person":{},"tags":[]}]"#;
        check::<Vec<User>>(body, "[0].email");
        check::<Vec<Vec<String>>>(r#"[["a"], [{}]]"#, "[1][0]");
    }

    #[test]
    fn follows_lines_and_whitespace() {
        let body = "[\n  {\"email\": \"a\",\n   \"person\": {\"first_name\": \"A\", \"age\": -1},\n   \"tags\": []}\n]";
        check::<Vec<User>>(body, "[0].person.age");
    }

    #[test]
    fn unescapes_keys() {
        #[derive(Deserialize, Debug)]
        #[allow(dead_code)]
        struct Odd {
            #[serde(rename = "a\"b\\c\u{e9}\u{1F600}")]
            field: u8,
        }
        check::<Odd>(
            r#"{"a\"b\\c\u00e9\ud83d\ude00": "x"}"#,
            "a\"b\\c\u{e9}\u{1F600}",
        );
        check::<std::collections::HashMap<String, u8>>(r#"{"k\n\/": true}"#, "k\n/");
    }

    #[test]
    fn names_the_value_for_an_error_inside_a_string() {
        let body = format!("[{}]", user(r#""bad \q escape""#));
        check::<Vec<User>>(&body, "[0].email");
        // A string that is not closed: the end of input is in the value.
        check::<Vec<User>>(
            r#"[{"email":"a","person":{"first_name":"Us"#,
            "[0].person.first_name",
        );
    }

    #[test]
    fn names_the_object_for_an_error_after_a_value() {
        check::<Vec<User>>(r#"[{"email":"a" "person":{}}]"#, "[0].?");
        check::<Vec<User>>(r#"[{"email":"a",}]"#, "[0].?");
        check::<Vec<String>>(r#"["a" "b"]"#, ".");
        check::<Vec<String>>(r#"["a",]"#, ".");
        check::<Vec<u8>>(r#"[1 2]"#, ".");
        check::<Vec<u8>>(r#"[1x]"#, ".");
        check::<Person>(r#"{"first_name":"A" x"#, "?");
        check::<Person>(r#"{"first_name" "A"}"#, ".");
        check::<Person>(r#"{1:2}"#, "?");
        check::<Vec<u8>>(r#"[1.x]"#, "[0]");
        check::<Vec<bool>>(r#"[tru]"#, "[0]");
        check::<Vec<bool>>(r#"[,1]"#, "[0]");
        check::<Vec<bool>>(r#"[true,,]"#, "[1]");
    }

    #[test]
    fn names_the_object_itself_for_a_missing_field() {
        check::<Vec<User>>(
            r#"[{"email":"a","person":{"first_name":"A"},"tags":[]}]"#,
            "[0].person",
        );
        check::<Vec<User>>(
            r#"[{"email":"a","person":{"first_name":"A","age":1}}]"#,
            "[0]",
        );
        check::<User>("{}", ".");
    }

    #[test]
    fn names_the_container_for_truncated_json() {
        check::<Vec<User>>(
            r#"[{"email":"a","person":{"first_name":"A","age":12"#,
            "[0].person.?",
        );
        check::<Vec<User>>(
            r#"[{"email":"a","person":{"first_name":"A","age":"#,
            "[0].person.age",
        );
        check::<Vec<User>>(
            r#"[{"email":"a","person":{"first_name":"A","ag"#,
            "[0].person.?",
        );
        check::<Vec<User>>(r#"[{"email":"a","#, "[0].?");
        check::<Vec<u8>>("[1, 2, ", ".");
        check::<Vec<u8>>("[1, 2", ".");
        check::<Vec<u8>>("[1, 2.", "[1]");
        check::<Vec<bool>>("[fa", "[0]");
        check::<Vec<u8>>("[", ".");
    }

    #[test]
    fn stops_at_invalid_bytes() {
        check::<Vec<String>>("[\"a\", \u{0}]", "[1]");
        let mut body = br#"{"email":"#.to_vec();
        body.extend_from_slice(&[0xff, 0xfe, b'"', b'}']);
        let path = find(&body, 1, body.len(), Category::Syntax);
        assert_eq!(path.to_string(), "email");
        assert_eq!(
            find(&[0xff, 0x00, b'{'], 1, 2, Category::Data).to_string(),
            "."
        );
        let body = format!("{{\"{}\":1", "\u{fffd}x");
        assert_eq!(
            find(body.as_bytes(), 1, body.len(), Category::Eof).to_string(),
            "?"
        );
        assert_eq!(find(br#"{"a\u12"#, 1, 7, Category::Eof).to_string(), "?");
        assert_eq!(
            unescape(br"\u12zz\ud800\x\"),
            "\u{fffd}12zz\u{fffd}\u{fffd}"
        );
    }

    /// Every cut and many one-byte edits of a body name the same path as
    /// the reference.
    #[test]
    fn agrees_with_the_reference_on_cut_and_edited_bodies() {
        #[derive(Deserialize, Debug)]
        #[allow(dead_code)]
        struct Item {
            id: u64,
            price: f64,
            note: Option<String>,
            flags: Vec<bool>,
            extra: std::collections::BTreeMap<String, Vec<u8>>,
        }
        let body = r#"[ {"id": 1, "price": -1.5e2, "note": "a \"q\" \u00e9", "flags": [true, false],
 "extra": {"k\n": [1, 2], "z": [], "y": [3]}},
  {"id":20,"price":0,"note":null,"flags":[],"extra":{}} ]"#;
        let mut compared = 0;
        let mut bodies: Vec<String> = (0..body.len())
            .filter(|&cut| body.is_char_boundary(cut))
            .map(|cut| body[..cut].to_owned())
            .collect();
        for (i, _) in body.char_indices().filter(|(_, c)| c.is_ascii()) {
            for replacement in ["x", "}", "]", ",", "\"", "1", ":", "{", "["] {
                let mut edited = body.to_owned();
                edited.replace_range(i..=i, replacement);
                bodies.push(edited);
            }
        }
        for edited in &bodies {
            let Err(error) = serde_json::from_str::<Vec<Item>>(edited) else {
                continue;
            };
            let Some(reference) = reference::<Vec<Item>>(edited) else {
                // Trailing characters: the reference decodes no further
                // than the top-level value.
                continue;
            };
            let found = find(
                edited.as_bytes(),
                error.line(),
                error.column(),
                error.classify(),
            );
            assert_eq!(found.to_string(), reference, "body {edited:?}: {error}");
            compared += 1;
        }
        assert!(compared > 1000, "{compared}");
    }

    /// A member the model does not know is skipped by serde_json without
    /// naming its insides; the finder names where in it the body broke.
    #[test]
    fn names_the_inside_of_an_unknown_member() {
        let body = r#"{"first_name":"A","age":1,"unknown":{"x":[1,"#;
        assert_eq!(path_of::<Person>(body), "unknown.x");
        assert_eq!(reference::<Person>(body).as_deref(), Some("unknown"));
    }

    #[test]
    fn trailing_characters_name_the_root() {
        assert_eq!(path_of::<Vec<u8>>("[1] x"), ".");
    }

    #[test]
    fn deep_nesting_is_scanned_without_recursion() {
        let body = "[".repeat(10_000);
        let path = find(body.as_bytes(), 1, body.len(), Category::Eof);
        assert_eq!(path.segments.len(), 9_999);
        let path = find(body.as_bytes(), 1, body.len(), Category::Data);
        assert_eq!(path.segments.len(), 10_000);
        // serde_json's recursion limit (128) fails the decode first.
        check::<serde_json::Value>(&body, &"[0]".repeat(127));
        let body = r#"{"a":"#.repeat(200);
        check::<serde_json::Value>(&body, &["a"; 127].join("."));
    }

    #[test]
    fn an_empty_body_is_the_root() {
        check::<User>("", ".");
        check::<User>("   \n ", ".");
        assert_eq!(find(b"", 0, 0, Category::Data).to_string(), ".");
        assert_eq!(find(b"", 3, 40, Category::Eof).to_string(), ".");
    }

    #[test]
    fn positions_beyond_the_body_are_clamped() {
        assert_eq!(find(br#"{"a":["#, 9, 99, Category::Eof).to_string(), "a");
        assert_eq!(find(b"[1,\n[2", 2, 1, Category::Data).to_string(), "[1][0]");
        assert_eq!(byte_offset(b"ab\ncd\nef", 3, 1), 7);
        assert_eq!(byte_offset(b"ab\ncd", 1, 99), 5);
    }

    #[test]
    fn keys_lists_the_object_keys() {
        let path = find(br#"{"a":[{"b":"#, 1, 11, Category::Eof);
        assert_eq!(path.to_string(), "a[0].b");
        assert_eq!(path.keys().collect::<Vec<_>>(), ["a", "b"]);
    }
}
