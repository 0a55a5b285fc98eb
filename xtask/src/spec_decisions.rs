//! A test: every spec decision the repository cites (`E-07`, in code
//! comments and docs) has its entry in `docs/spec-decisions.md`, so that no
//! reference points to a file a reader of the repository cannot find.

use std::{
    collections::BTreeSet,
    fs,
    path::{Path, PathBuf},
};

/// The workspace root.
fn root() -> PathBuf {
    let xtask = Path::new(env!("CARGO_MANIFEST_DIR"));
    xtask.parent().unwrap_or(xtask).to_path_buf()
}

/// The ids (`E-07`) cited in `text`: `E-` and two digits, not inside a word.
fn cited_ids(text: &str) -> BTreeSet<String> {
    let bytes = text.as_bytes();
    let mut ids = BTreeSet::new();
    for (i, _) in text.match_indices("E-") {
        let before_ok = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        let digits = bytes.get(i + 2..i + 4);
        let after_ok = bytes.get(i + 4).is_none_or(|b| !b.is_ascii_alphanumeric());
        if before_ok && after_ok && digits.is_some_and(|d| d.iter().all(u8::is_ascii_digit)) {
            ids.insert(text[i..i + 4].to_owned());
        }
    }
    ids
}

/// The ids with an entry (`## E-07: ...`) in `text`.
fn documented_ids(text: &str) -> BTreeSet<String> {
    text.lines()
        .filter_map(|line| line.strip_prefix("## "))
        .filter_map(|heading| heading.split_once(':'))
        .map(|(id, _)| id.to_owned())
        .collect()
}

/// Every `.rs`, `.md` and `.toml` file under `dir`, skipping build output
/// and hidden directories.
fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if path.is_dir() {
            if name != "target" && !name.starts_with('.') {
                sources(&path, out);
            }
        } else if [".rs", ".md", ".toml"]
            .iter()
            .any(|ext| name.ends_with(ext))
        {
            out.push(path);
        }
    }
}

#[test]
fn every_cited_spec_decision_has_an_entry() {
    let root = root();
    let decisions = root.join("docs").join("spec-decisions.md");
    let documented = documented_ids(&fs::read_to_string(&decisions).expect("read decisions"));
    let mut files = vec![root.join("README.md")];
    for dir in ["crates", "xtask", "docs"] {
        sources(&root.join(dir), &mut files);
    }
    let mut missing = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).unwrap_or_default();
        for id in cited_ids(&text).difference(&documented) {
            missing.push(format!("{id} in {}", file.display()));
        }
    }
    assert!(
        missing.is_empty(),
        "cited but not in docs/spec-decisions.md: {missing:#?}"
    );
}

#[test]
fn ids_are_found_only_as_whole_words() {
    let text = "(docs/spec-decisions.md, E-07), E-27,\nE-30. CASE-12 E-1 E-123 E-4x";
    assert_eq!(
        cited_ids(text).into_iter().collect::<Vec<_>>(),
        ["E-07", "E-27", "E-30"]
    );
    assert_eq!(
        documented_ids("# x\n## E-07: money\n## E-3: no\ntext E-11:\n")
            .into_iter()
            .collect::<Vec<_>>(),
        ["E-07", "E-3"]
    );
}

#[test]
fn a_citation_without_an_entry_is_seen() {
    let documented = documented_ids("## E-07: money\n");
    // Split so that this file does not cite an unknown id itself.
    let cited = cited_ids(concat!(
        "money (docs/spec-decisions.md, E-07); dates (E-",
        "99)"
    ));
    assert_eq!(
        cited.difference(&documented).collect::<Vec<_>>(),
        [concat!("E-", "99")]
    );
}
