//! Where the API token comes from: `--token-file`, `CRUX_TOKEN`, the token
//! file `crux login` saved, or the built-in sandbox's demo user. Never from a
//! plain argument, which would end up in shell history and process listings.

use std::{
    env, fmt,
    fs::File,
    io::{self, Read},
    path::{Path, PathBuf},
};

use crate::{
    exit::{Exit, Failure},
    token_file,
};

/// The environment variable holding the token.
pub(crate) const TOKEN_ENV: &str = "CRUX_TOKEN";

/// Token files larger than this are refused (a token is ~40 bytes; this
/// stops `--token-file /dev/zero` from reading forever).
const MAX_TOKEN_FILE_BYTES: u64 = 64 * 1024;

/// The message for a missing token.
pub(crate) const NO_TOKEN: &str = "no API token: run `crux login`, set CRUX_TOKEN, pass --token-file PATH, or use --mock to try the built-in sandbox";

/// Where a token came from, to say which one a server refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TokenSource {
    /// The `CRUX_TOKEN` environment variable.
    Env,
    /// `--token-file PATH`.
    File(String),
    /// The default token file, which `crux login` writes.
    Saved(String),
    /// The demo user of the built-in sandbox, by username.
    #[cfg(feature = "mock")]
    Mock(&'static str),
}

impl fmt::Display for TokenSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Env => write!(f, "the API token from {TOKEN_ENV}"),
            Self::File(path) => write!(f, "the API token from {path}"),
            Self::Saved(path) => write!(f, "the API token saved in {path}"),
            #[cfg(feature = "mock")]
            Self::Mock(user) => write!(f, "the demo token of {user}"),
        }
    }
}

/// An API token and where it came from. `Debug` never shows the token.
pub(crate) struct Token {
    secret: String,
    source: TokenSource,
}

impl Token {
    /// The demo token of a built-in sandbox user.
    #[cfg(feature = "mock")]
    pub(crate) fn demo(secret: &str, username: &'static str) -> Self {
        Self {
            secret: secret.to_owned(),
            source: TokenSource::Mock(username),
        }
    }

    /// The token itself, to hand to the client (and to redact errors).
    pub(crate) fn secret(&self) -> &str {
        &self.secret
    }

    /// Where it came from.
    pub(crate) fn source(&self) -> &TokenSource {
        &self.source
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Token")
            .field("secret", &"<redacted>")
            .field("source", &self.source)
            .finish()
    }
}

/// The token, from the first of: `--token-file`, `CRUX_TOKEN` (an empty
/// variable counts as unset), the default token file (when it exists).
pub(crate) fn resolve(token_file: Option<&Path>) -> Result<Token, Failure> {
    if let Some(path) = token_file {
        let source = TokenSource::File(path.display().to_string());
        return from_file(path, source);
    }
    match env::var_os(TOKEN_ENV) {
        Some(value) if !value.is_empty() => {
            let secret = value
                .into_string()
                .map_err(|_| Failure::new(Exit::Auth, format!("{TOKEN_ENV} is not valid UTF-8")))?;
            Ok(Token {
                secret,
                source: TokenSource::Env,
            })
        }
        _ => from_default_file(token_file::default_path()),
    }
}

/// The token of the default token file; none there is [`NO_TOKEN`].
fn from_default_file(path: Option<PathBuf>) -> Result<Token, Failure> {
    let Some(path) = path else {
        return Err(Failure::new(Exit::Auth, NO_TOKEN));
    };
    let shown = path.display().to_string();
    match File::open(&path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Err(Failure::new(
            Exit::Auth,
            format!("{NO_TOKEN} (no token file at {shown})"),
        )),
        _ => from_file(&path, TokenSource::Saved(shown)),
    }
}

/// The token in the file at `path`: its first line.
fn from_file(path: &Path, source: TokenSource) -> Result<Token, Failure> {
    let shown = path.display();
    let text = read_token_file(path).map_err(|e| {
        Failure::new(
            Exit::Auth,
            format!("cannot read the token file {shown}: {e}"),
        )
    })?;
    let secret = text.trim_end_matches(['\n', '\r']).to_owned();
    // The token's rules (not empty, no whitespace or control characters)
    // are crux-api's: `ClientBuilder::build` checks them.
    Ok(Token { secret, source })
}

fn read_token_file(path: &Path) -> io::Result<String> {
    let mut bytes = Vec::new();
    File::open(path)?
        .take(MAX_TOKEN_FILE_BYTES + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_TOKEN_FILE_BYTES {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("larger than {MAX_TOKEN_FILE_BYTES} bytes"),
        ));
    }
    String::from_utf8(bytes)
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "not valid UTF-8"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_token() {
        let token = Token {
            secret: "s3cr3t-token".to_owned(),
            source: TokenSource::File("/home/admin@example.com/token".to_owned()),
        };
        let debug = format!("{token:?}");
        assert!(!debug.contains("s3cr3t"), "{debug}");
        assert!(debug.contains("admin@example.com"), "{debug}");
    }
}
