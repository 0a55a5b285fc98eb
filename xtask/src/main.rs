//! Project automation: `cargo xtask <command>`.
//!
//! - `layering`: fails when a crate depends on something its layer forbids
//!   (see `docs/architecture.md`).
//! - `bench [--quick]`: runs the benchmarks and writes `docs/performance.md`
//!   (see `bench.rs`).

mod bench;
mod json;
mod report;

use std::{
    collections::BTreeSet,
    process::{Command, ExitCode},
};

/// One rule: the normal dependencies of `package` (with `args` given to
/// `cargo tree`) must include none of `forbidden`.
struct Rule {
    package: &'static str,
    args: &'static [&'static str],
    forbidden: &'static [&'static str],
    why: &'static str,
}

const HTTP_STACK: &[&str] = &[
    "tokio",
    "hyper",
    "hyper-util",
    "hyper-rustls",
    "rustls",
    "reqwest",
];

const RULES: &[Rule] = &[
    Rule {
        package: "crux-types",
        args: &["--all-features"],
        forbidden: &[
            "tokio",
            "hyper",
            "hyper-util",
            "hyper-rustls",
            "rustls",
            "reqwest",
            "http",
            "bytes",
            "crux-transport",
            "crux-api",
            "crux-mock",
            "crux-cli",
        ],
        why: "crux-types is the schema alone: serde, serde_json, uuid, chrono, rust_decimal and no HTTP",
    },
    Rule {
        package: "crux-transport",
        args: &["--no-default-features"],
        forbidden: HTTP_STACK,
        why: "crux-transport without default features must not pull an HTTP stack",
    },
    Rule {
        package: "crux-transport",
        args: &["--all-features"],
        forbidden: &["crux-types", "crux-api", "crux-mock", "crux-cli"],
        why: "crux-transport knows nothing of CRUX models",
    },
    Rule {
        package: "crux-api",
        args: &["--no-default-features"],
        forbidden: &[
            "hyper",
            "hyper-util",
            "hyper-rustls",
            "rustls",
            "crux-mock",
            "crux-cli",
        ],
        why: "crux-api without default features must not pull hyper; nothing depends on crux-mock or crux-cli",
    },
];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("layering") => layering(),
        Some("bench") => bench::run(&args[1..]),
        _ => {
            eprintln!("usage: cargo xtask layering | cargo xtask bench [--quick]");
            ExitCode::from(2)
        }
    }
}

fn layering() -> ExitCode {
    let mut failed = false;
    for rule in RULES {
        let deps = match dependencies(rule.package, rule.args) {
            Ok(deps) => deps,
            Err(message) => {
                eprintln!("layering: {message}");
                return ExitCode::FAILURE;
            }
        };
        let bad: Vec<_> = rule
            .forbidden
            .iter()
            .filter(|f| deps.contains(**f))
            .collect();
        if bad.is_empty() {
            println!(
                "ok   {} ({}): {} dependencies",
                rule.package,
                rule.args.join(" "),
                deps.len()
            );
        } else {
            failed = true;
            println!(
                "FAIL {} ({}): depends on {bad:?}: {}",
                rule.package,
                rule.args.join(" "),
                rule.why
            );
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// The names of every normal (non-dev, non-build) dependency of `package`,
/// transitively, as `cargo tree` resolves them.
fn dependencies(package: &str, args: &[&str]) -> Result<BTreeSet<String>, String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let output = Command::new(cargo)
        .args(["tree", "--quiet", "--package", package, "--edges", "normal"])
        .args(["--prefix", "none", "--format", "{p}"])
        .args(args)
        .output()
        .map_err(|e| format!("could not run cargo tree: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "cargo tree -p {package} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let text = String::from_utf8_lossy(&output.stdout);
    Ok(text
        .lines()
        .skip(1) // the package itself
        .filter_map(|line| line.split_whitespace().next())
        .map(str::to_owned)
        .collect())
}
