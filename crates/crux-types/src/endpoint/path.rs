//! Path templates: their placeholders, and filling them in safely.

use std::fmt::{self, Write as _};

/// A path could not be built from a template and its values.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum PathError {
    /// The template has `expected` placeholders; `given` values came.
    Arity {
        /// The template's placeholders.
        expected: usize,
        /// The values given.
        given: usize,
    },
    /// The value for this placeholder is empty, which would change the path.
    Empty {
        /// The placeholder's name.
        placeholder: &'static str,
    },
}

impl fmt::Display for PathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Arity { expected, given } => {
                write!(f, "the path takes {expected} value(s), {given} given")
            }
            Self::Empty { placeholder } => {
                write!(f, "the path value `{placeholder}` is empty")
            }
        }
    }
}

impl std::error::Error for PathError {}

/// The placeholder names of `template`, in order.
pub(super) fn placeholders(template: &'static str) -> impl Iterator<Item = &'static str> {
    template
        .split('/')
        .filter_map(|segment| segment.strip_prefix('{')?.strip_suffix('}'))
}

/// `template` with each `{name}` segment replaced by the next of `params`,
/// percent-encoded.
pub(super) fn render(template: &'static str, params: &[&str]) -> Result<String, PathError> {
    let expected = placeholders(template).count();
    if expected != params.len() {
        return Err(PathError::Arity {
            expected,
            given: params.len(),
        });
    }
    let extra: usize = params.iter().map(|p| p.len() * 3).sum();
    let mut out = String::with_capacity(template.len() + extra);
    let mut values = params.iter();
    for (i, segment) in template.split('/').enumerate() {
        if i > 0 {
            out.push('/');
        }
        match segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
            Some(placeholder) => {
                let value = values.next().copied().unwrap_or_default();
                if value.is_empty() {
                    return Err(PathError::Empty { placeholder });
                }
                encode_segment(&mut out, value);
            }
            None => out.push_str(segment),
        }
    }
    Ok(out)
}

/// Percent-encodes one path segment: everything but RFC 3986's unreserved
/// characters, so that a value can never change the path it is put in.
/// (UUIDs need none of it; string ids, such as transaction ids, may.)
fn encode_segment(out: &mut String, segment: &str) {
    if segment == "." || segment == ".." {
        // Dot segments would be resolved away by the server.
        out.push_str(&segment.replace('.', "%2E"));
        return;
    }
    for byte in segment.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            // Writing to a String cannot fail.
            let _ = write!(out, "%{byte:02X}");
        }
    }
}
