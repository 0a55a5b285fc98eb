//! Reading the username and password of `crux login`.
//!
//! On a terminal, the username is asked for on stderr and the password on
//! the terminal itself, without echo. Otherwise (a pipe, a file) each is one
//! line of standard input, read without any prompt:
//! `printf 'pw\n' | crux login --username u`. The password is never taken
//! from an argument or an environment variable.

use std::io::{self, BufRead, IsTerminal, Read, Write};

use crate::exit::{Exit, Failure};

/// Lines longer than this are refused (no username or password is that
/// long; this stops `crux login < /dev/zero` from reading forever).
const MAX_LINE_BYTES: u64 = 4096;

/// The username: asked for on a terminal, else the next line of stdin.
pub(crate) fn username() -> Result<String, Failure> {
    let stdin = io::stdin();
    if stdin.is_terminal() {
        let mut stderr = io::stderr().lock();
        write!(stderr, "Username: ")
            .and_then(|()| stderr.flush())
            .map_err(|e| Failure::new(Exit::Other, format!("cannot ask for the username: {e}")))?;
    }
    let line = read_line(&mut stdin.lock())
        .map_err(|e| Failure::new(Exit::Other, format!("cannot read the username: {e}")))?
        .ok_or_else(|| Failure::new(Exit::Usage, "no username: pass --username or type one"))?;
    Ok(line.trim().to_owned())
}

/// The password: asked for on the terminal without echo, else the next line
/// of stdin.
pub(crate) fn password() -> Result<String, Failure> {
    let stdin = io::stdin();
    let password = if stdin.is_terminal() {
        rpassword::prompt_password("Password: ").map(Some)
    } else {
        read_line(&mut stdin.lock())
    };
    let password = password
        .map_err(|e| Failure::new(Exit::Other, format!("cannot read the password: {e}")))?
        .ok_or_else(|| {
            Failure::new(
                Exit::Usage,
                "no password on standard input (it is read from a terminal or a pipe, never from an argument)",
            )
        })?;
    if password.is_empty() {
        return Err(Failure::new(Exit::Usage, "the password is empty"));
    }
    Ok(password)
}

/// One line, without its line ending (`\n` or `\r\n`); `None` at the end of
/// the input.
fn read_line(input: &mut impl BufRead) -> io::Result<Option<String>> {
    let mut line = String::new();
    let read = input.take(MAX_LINE_BYTES + 1).read_line(&mut line)?;
    if read == 0 {
        return Ok(None);
    }
    if read as u64 > MAX_LINE_BYTES {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("a line longer than {MAX_LINE_BYTES} bytes"),
        ));
    }
    if line.ends_with('\n') {
        line.pop();
        if line.ends_with('\r') {
            line.pop();
        }
    }
    Ok(Some(line))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &str) -> Vec<Option<String>> {
        let mut reader = io::Cursor::new(input.as_bytes().to_vec());
        (0..3)
            .map(|_| read_line(&mut reader).ok().flatten())
            .collect()
    }

    #[test]
    fn lines_keep_inner_spaces_and_drop_line_endings() {
        assert_eq!(
            lines("user\r\n pass word \nlast"),
            vec![
                Some("user".to_owned()),
                Some(" pass word ".to_owned()),
                Some("last".to_owned())
            ]
        );
        assert_eq!(lines(""), vec![None, None, None]);
        assert_eq!(lines("\n"), vec![Some(String::new()), None, None]);
    }

    #[test]
    fn long_lines_are_refused() {
        let long = "x".repeat(5000);
        let mut reader = io::Cursor::new(long.into_bytes());
        assert!(read_line(&mut reader).is_err());
    }
}
