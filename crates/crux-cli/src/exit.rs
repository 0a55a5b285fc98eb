//! Exit codes, one per class of failure, and [`Failure`]: what the binary
//! reports before exiting.
//!
//! The table below is also in the crate README and in `crux --help`; a test
//! keeps the three in step.

use std::{error::Error as _, fmt, process::ExitCode};

use crux_api::ErrorKind;

/// Why `crux` failed: each variant is an exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Exit {
    /// 1: anything not listed below (I/O errors, the sandbox could not start).
    Other = 1,
    /// 2: usage: invalid arguments or options (also clap's code for them).
    Usage = 2,
    /// 3: no API token, an unusable one, 401 Unauthorized, or a refused
    /// login.
    Auth = 3,
    /// 4: 403 Forbidden: the user lacks a permission the command needs.
    Permission = 4,
    /// 5: 404 Not Found.
    NotFound = 5,
    /// 6: network: the API could not be reached or did not answer in time.
    Network = 6,
    /// 7: server: a 5xx status, 422 (the action cannot be done on that
    /// identifier), another unexpected response, a body that does not decode.
    Server = 7,
    /// 8: 409, which this API uses for "wrong organization type": the
    /// endpoint is for retailers only, or for suppliers only (docs/spec-decisions.md, E-40).
    WrongOrgType = 8,
}

impl Exit {
    /// Every failure code, in order.
    #[cfg(test)]
    pub(crate) const ALL: [Self; 8] = [
        Self::Other,
        Self::Usage,
        Self::Auth,
        Self::Permission,
        Self::NotFound,
        Self::Network,
        Self::Server,
        Self::WrongOrgType,
    ];

    /// The process exit code.
    pub(crate) const fn code(self) -> u8 {
        self as u8
    }

    /// The class of an API error.
    pub(crate) fn of_api_error(error: &crux_api::Error) -> Self {
        match error.kind() {
            ErrorKind::Transport | ErrorKind::Timeout => Self::Network,
            ErrorKind::Status if error.is_unauthorized() => Self::Auth,
            ErrorKind::Status if error.is_forbidden() => Self::Permission,
            ErrorKind::Status if error.is_not_found() => Self::NotFound,
            ErrorKind::Status if error.is_conflict() => Self::WrongOrgType,
            ErrorKind::Status => Self::Server,
            // A redirect is not followed (crux-api): the server answered
            // something other than the API.
            ErrorKind::Decode | ErrorKind::BodyTooLarge | ErrorKind::Redirect => Self::Server,
            ErrorKind::Config if error.is_invalid_token() => Self::Auth,
            // Otherwise a configuration error is about the base URL: a usage
            // error. One with a cause is the HTTP stack failing to start.
            ErrorKind::Config if error.source().is_some() => Self::Other,
            ErrorKind::Config => Self::Usage,
            _ => Self::Other,
        }
    }
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> Self {
        ExitCode::from(exit.code())
    }
}

/// The exit code table of `crux --help` (and of the README).
pub(crate) const EXIT_CODES_HELP: &str = "\
Exit codes:
  0  success
  1  any other error (I/O, the sandbox could not start)
  2  usage: invalid arguments or options, an unusable --base-url, an unknown permission name
  3  token: no API token, an unusable one, 401 Unauthorized, or a refused login
  4  permission: 403 Forbidden (the user lacks a permission the command needs)
  5  not found: 404 Not Found
  6  network: the API could not be reached or did not answer in time
  7  server: a 5xx status, 422 (the action cannot be done on that identifier),
     another unexpected response, a body that does not decode
  8  wrong organization type: 409 (the endpoint is for retailers only, or suppliers only)

Token (never accepted as an argument), first found wins:
  --token-file PATH  a file holding the token
  CRUX_TOKEN         the token itself
  the token file     what `crux login` saved: $CRUX_TOKEN_FILE, else
                     $XDG_CONFIG_HOME/crux/token, else ~/.config/crux/token";

/// The shortest secret [`Failure::redact`] looks for.
const MIN_REDACTED_CHARS: usize = 8;

/// A failure to report: one line for stderr, and the exit code.
#[derive(Debug)]
pub(crate) struct Failure {
    exit: Exit,
    message: String,
}

impl Failure {
    /// A failure of class `exit`. The message is made one line: control
    /// characters (newlines, escape sequences) are escaped.
    pub(crate) fn new(exit: Exit, message: impl fmt::Display) -> Self {
        Self {
            exit,
            message: crate::output::escape_controls(&message.to_string()),
        }
    }

    /// The exit code.
    pub(crate) fn exit(&self) -> Exit {
        self.exit
    }

    /// The line to print after `error: `.
    pub(crate) fn message(&self) -> &str {
        &self.message
    }

    /// Replaces every occurrence of `secret` in the message with
    /// `<redacted>`: a last line of defense so that no token is ever printed,
    /// whatever a server or a library put in an error.
    ///
    /// Secrets shorter than 8 characters are left alone: they match ordinary
    /// text by chance (`x` in `example.com`), and marking those places would
    /// show what the secret is.
    pub(crate) fn redact(mut self, secret: &str) -> Self {
        if secret.chars().count() >= MIN_REDACTED_CHARS && self.message.contains(secret) {
            self.message = self.message.replace(secret, "<redacted>");
        }
        self
    }
}

impl Failure {
    /// Replaces every run of 12 to 19 digits in the message (the lengths of
    /// card numbers; spaces and dashes between digits included) with
    /// `<redacted>`: where a response may hold a card number, none can reach
    /// the terminal through an error message quoting the response.
    pub(crate) fn redact_card_numbers(mut self) -> Self {
        const CARD_DIGITS: std::ops::RangeInclusive<usize> = 12..=19;
        let chars: Vec<char> = self.message.chars().collect();
        let mut out = String::with_capacity(self.message.len());
        let mut i = 0;
        while i < chars.len() {
            if !chars[i].is_ascii_digit() {
                out.push(chars[i]);
                i += 1;
                continue;
            }
            // A run of digits, possibly split by single spaces or dashes.
            let (mut end, mut digits, mut j) = (i, 0, i);
            while j < chars.len() {
                if chars[j].is_ascii_digit() {
                    digits += 1;
                    end = j + 1;
                    j += 1;
                } else if matches!(chars[j], ' ' | '-')
                    && chars.get(j + 1).is_some_and(char::is_ascii_digit)
                {
                    j += 1;
                } else {
                    break;
                }
            }
            if CARD_DIGITS.contains(&digits) {
                out.push_str("<redacted>");
            } else {
                out.extend(&chars[i..end]);
            }
            i = end;
        }
        self.message = out;
        self
    }
}

/// The error and each level of its `source` chain, joined by `: `, each
/// level once: a level whose text already ends what is written (an error
/// whose `Display` repeats its source) is not written again, so the line
/// is the same whether or not a level repeats its cause.
pub(crate) fn chain(error: &(dyn std::error::Error + 'static)) -> String {
    let mut text = error.to_string();
    let mut next = error.source();
    while let Some(level) = next {
        let line = level.to_string();
        if !line.is_empty() && !text.ends_with(&line) {
            text.push_str(": ");
            text.push_str(&line);
        }
        next = level.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_distinct_and_documented_everywhere() {
        let readme = include_str!("../README.md");
        for exit in Exit::ALL {
            let code = exit.code();
            assert!(
                EXIT_CODES_HELP.contains(&format!("\n  {code}  ")),
                "--help lacks exit code {code}"
            );
            assert!(
                readme.contains(&format!("| {code} |")),
                "the README lacks exit code {code}"
            );
        }
        assert_eq!(Exit::Usage.code(), 2, "clap exits 2 on usage errors");
    }

    #[test]
    fn messages_are_one_line_and_redacted() {
        let failure =
            Failure::new(Exit::Auth, "bad\ntoken s3cr3t-token\u{1b}[31m").redact("s3cr3t-token");
        assert_eq!(failure.message(), "bad\\ntoken <redacted>\\u{1b}[31m");
        assert_eq!(failure.exit(), Exit::Auth);
        let failure = Failure::new(Exit::Usage, "http://example.com").redact("x");
        assert_eq!(failure.message(), "http://example.com");
    }

    #[test]
    fn card_numbers_are_redacted() {
        let failure = Failure::new(
            Exit::Server,
            "500: got \"4111111111111111\" and 4111 1111 1111 1111, 4111-1111-1111-1111; kept: 404, 2024-06-01, 12345678901, d0000003-0000-4000-8000-000000000003",
        )
        .redact_card_numbers();
        assert_eq!(
            failure.message(),
            "500: got \"<redacted>\" and <redacted>, <redacted>; kept: 404, 2024-06-01, 12345678901, d0000003-0000-4000-8000-000000000003"
        );
    }

    /// An error of three levels whose `Display` repeats its source or not.
    #[derive(Debug)]
    struct Level {
        text: &'static str,
        repeats_source: bool,
        source: Option<Box<Level>>,
    }

    impl fmt::Display for Level {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(self.text)?;
            match &self.source {
                Some(source) if self.repeats_source => write!(f, ": {source}"),
                _ => Ok(()),
            }
        }
    }

    impl std::error::Error for Level {
        fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
            self.source.as_deref().map(|s| s as _)
        }
    }

    fn levels(repeats_source: [bool; 2]) -> Level {
        let root = Level {
            text: "Connection refused (os error 111)",
            repeats_source: false,
            source: None,
        };
        let middle = Level {
            text: "connection failed",
            repeats_source: repeats_source[1],
            source: Some(Box::new(root)),
        };
        Level {
            text: "GET /x/: request failed",
            repeats_source: repeats_source[0],
            source: Some(Box::new(middle)),
        }
    }

    #[test]
    fn the_chain_prints_each_level_once() {
        let expected =
            "GET /x/: request failed: connection failed: Connection refused (os error 111)";
        for repeats in [[false, false], [true, false], [false, true], [true, true]] {
            assert_eq!(chain(&levels(repeats)), expected, "{repeats:?}");
        }
    }
}
