//! The token file: where `crux login` saves the API token and where later
//! commands read it when neither `--token-file` nor `CRUX_TOKEN` is given.
//!
//! Its default path is `$CRUX_TOKEN_FILE`, else
//! `$XDG_CONFIG_HOME/crux/token` (an absolute `XDG_CONFIG_HOME` only, as the
//! XDG spec says), else `$HOME/.config/crux/token`. It is written atomically
//! (a temporary file of mode 0600 in the same directory, renamed over it), so
//! that it never exists half-written or readable by others, and its
//! directory, when `crux` creates it, is mode 0700.

use std::{
    env,
    ffi::OsString,
    fs::{self, File, OpenOptions},
    io::{self, Write},
    path::{Path, PathBuf},
};

/// The environment variable that moves the default token file.
pub(crate) const TOKEN_FILE_ENV: &str = "CRUX_TOKEN_FILE";

/// How many temporary names to try before giving up.
const TEMP_ATTEMPTS: u32 = 16;

/// The default token file, if the environment says where one is: see the
/// [module docs](self).
pub(crate) fn default_path() -> Option<PathBuf> {
    default_path_from(|name| env::var_os(name))
}

fn default_path_from(var: impl Fn(&str) -> Option<OsString>) -> Option<PathBuf> {
    let set = |name: &str| var(name).filter(|value| !value.is_empty());
    if let Some(path) = set(TOKEN_FILE_ENV) {
        return Some(PathBuf::from(path));
    }
    if let Some(config) = set("XDG_CONFIG_HOME").map(PathBuf::from)
        && config.is_absolute()
    {
        return Some(config.join("crux").join("token"));
    }
    set("HOME").map(|home| {
        PathBuf::from(home)
            .join(".config")
            .join("crux")
            .join("token")
    })
}

/// Writes `token` and a newline to `path`, atomically, as a file of mode
/// 0600; creates the missing directories above it with mode 0700.
pub(crate) fn save(path: &Path, token: &str) -> io::Result<()> {
    let file_name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a file path"))?;
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    create_private_dir(dir)?;
    let (temp_path, mut temp) = create_temp(dir, &file_name.to_string_lossy())?;
    let written = temp
        .write_all(format!("{token}\n").as_bytes())
        .and_then(|()| temp.sync_all())
        .and_then(|()| {
            drop(temp);
            fs::rename(&temp_path, path)
        });
    if let Err(error) = written {
        // The temporary file is the one to report about; removing it is
        // best effort.
        let _ = fs::remove_file(&temp_path);
        return Err(error);
    }
    // Make the rename durable; not every platform can open a directory.
    if let Ok(dir) = File::open(dir) {
        let _ = dir.sync_all();
    }
    Ok(())
}

/// A new, empty file of mode 0600 in `dir`, with a name no other file has.
fn create_temp(dir: &Path, file_name: &str) -> io::Result<(PathBuf, File)> {
    let pid = std::process::id();
    let mut last_error = None;
    for attempt in 0..TEMP_ATTEMPTS {
        let path = dir.join(format!(".{file_name}.{pid}.{attempt}.tmp"));
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        private_file_mode(&mut options);
        match options.open(&path) {
            Ok(file) => {
                // Exactly 0600, whatever the umask.
                restrict(&file)?;
                return Ok((path, file));
            }
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => last_error = Some(error),
            Err(error) => return Err(error),
        }
    }
    Err(last_error.unwrap_or_else(|| io::Error::other("no free temporary file name")))
}

#[cfg(unix)]
fn create_private_dir(dir: &Path) -> io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
}

#[cfg(not(unix))]
fn create_private_dir(dir: &Path) -> io::Result<()> {
    fs::create_dir_all(dir)
}

#[cfg(unix)]
fn private_file_mode(options: &mut OpenOptions) {
    use std::os::unix::fs::OpenOptionsExt;
    options.mode(0o600);
}

#[cfg(not(unix))]
fn private_file_mode(_options: &mut OpenOptions) {}

#[cfg(unix)]
fn restrict(file: &File) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(fs::Permissions::from_mode(0o600))
}

#[cfg(not(unix))]
fn restrict(_file: &File) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path_with(vars: &[(&str, &str)]) -> Option<PathBuf> {
        default_path_from(|name| {
            vars.iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| OsString::from(value))
        })
    }

    #[test]
    fn default_path_precedence() {
        let all = [
            (TOKEN_FILE_ENV, "/tmp/t"),
            ("XDG_CONFIG_HOME", "/xdg"),
            ("HOME", "/home/u"),
        ];
        assert_eq!(path_with(&all), Some(PathBuf::from("/tmp/t")));
        assert_eq!(path_with(&all[1..]), Some(PathBuf::from("/xdg/crux/token")));
        assert_eq!(
            path_with(&all[2..]),
            Some(PathBuf::from("/home/u/.config/crux/token"))
        );
        // Empty values count as unset; a relative XDG_CONFIG_HOME is ignored.
        let odd = [
            (TOKEN_FILE_ENV, ""),
            ("XDG_CONFIG_HOME", "relative"),
            ("HOME", "/home/u"),
        ];
        assert_eq!(
            path_with(&odd),
            Some(PathBuf::from("/home/u/.config/crux/token"))
        );
        assert_eq!(path_with(&[("HOME", "")]), None);
        assert_eq!(path_with(&[]), None);
    }

    #[cfg(unix)]
    #[test]
    fn save_is_private_and_replaces() {
        use std::os::unix::fs::PermissionsExt;

        let base = env::temp_dir().join(format!("crux-cli-unit-{}", std::process::id()));
        let _ = fs::remove_dir_all(&base);
        let path = base.join("a").join("b").join("token");
        assert!(save(&path, "first").is_ok());
        assert!(save(&path, "second").is_ok());
        let mode = |p: &Path| fs::metadata(p).map(|m| m.permissions().mode() & 0o777).ok();
        assert_eq!(mode(&path), Some(0o600));
        assert_eq!(mode(&base.join("a")), Some(0o700));
        assert_eq!(mode(&base.join("a").join("b")), Some(0o700));
        assert_eq!(fs::read_to_string(&path).ok().as_deref(), Some("second\n"));
        // No temporary file is left behind.
        let names: Vec<_> = fs::read_dir(base.join("a").join("b"))
            .map(|dir| dir.filter_map(Result::ok).map(|e| e.file_name()).collect())
            .unwrap_or_default();
        assert_eq!(names, vec![OsString::from("token")]);
        // A directory in the way is an error, not a panic.
        assert!(save(&base.join("a"), "x").is_err());
        let _ = fs::remove_dir_all(&base);
    }
}
