//! `--json FILE|-`: a request body given as JSON, read from a file or from
//! standard input (`-`), instead of the flags of a `create` command.

use std::{
    io::{self, Read},
    path::{Path, PathBuf},
};

use serde::de::DeserializeOwned;

use crate::exit::{Exit, Failure};

/// The value name of `--json` in `--help`.
pub(super) const VALUE_NAME: &str = "FILE|-";

/// Reads the body of `--json PATH` (`-`: standard input) as a `T`. A file
/// that cannot be read is exit 1; JSON that is not a `what` is a usage
/// error (exit 2) saying where it fails.
pub(super) fn read_json<T: DeserializeOwned>(path: &Path, what: &str) -> Result<T, Failure> {
    let from_stdin = path == Path::new("-");
    let source = if from_stdin {
        "standard input".to_owned()
    } else {
        path.display().to_string()
    };
    let text = if from_stdin {
        let mut text = String::new();
        io::stdin().read_to_string(&mut text).map(|_| text)
    } else {
        std::fs::read_to_string(path)
    }
    .map_err(|e| Failure::new(Exit::Other, format!("cannot read {source}: {e}")))?;
    serde_json::from_str(&text).map_err(|e| {
        Failure::new(
            Exit::Usage,
            format!("--json {source}: not a valid {what} body: {e}"),
        )
    })
}

/// The path of a `--json` argument, as given.
pub(super) fn parse_path(text: &str) -> Result<PathBuf, String> {
    if text.is_empty() {
        Err("expected a file name, or - for standard input".to_owned())
    } else {
        Ok(PathBuf::from(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_json_is_a_usage_error_with_its_place() {
        let dir = std::env::temp_dir().join(format!("crux-cli-body-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("body.json");
        std::fs::write(&path, "{\"name\": 3}").unwrap();
        let failure = read_json::<crux_types::NewCatalog>(&path, "catalog").unwrap_err();
        assert_eq!(failure.exit(), Exit::Usage);
        assert!(
            failure.message().contains("line 1"),
            "{}",
            failure.message()
        );
        let missing = read_json::<crux_types::NewCatalog>(&dir.join("none"), "catalog");
        assert_eq!(missing.unwrap_err().exit(), Exit::Other);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
