//! Project automation: `cargo xtask <command>`.
//!
//! - `layering`: fails when a crate depends on something its layer forbids
//!   (see `docs/architecture.md`).
//! - `endpoints [--check]`: writes `docs/endpoints.md` from the endpoint
//!   catalogue, or checks that it is up to date (see `endpoints.rs`).
//! - `bench [--quick]`: runs the benchmarks and writes `docs/performance.md`
//!   (see `bench.rs`).

mod bench;
mod endpoints;
mod json;
mod report;
#[cfg(test)]
mod spec_decisions;

use std::{
    collections::BTreeSet,
    process::{Command, ExitCode},
};

/// One rule: the normal dependencies of `package` (with `args` given to
/// `cargo tree`) must include none of the crates in `forbidden`, except
/// those in `allowed`.
struct Rule {
    package: &'static str,
    args: &'static [&'static str],
    forbidden: &'static [&'static [&'static str]],
    allowed: &'static [&'static str],
    why: &'static str,
}

/// An HTTP stack: the async runtime, hyper and its TLS, or another client.
/// The one list every rule below refers to.
const HTTP_STACK: &[&str] = &[
    "tokio",
    "hyper",
    "hyper-util",
    "hyper-rustls",
    "rustls",
    "reqwest",
];

/// The HTTP types crates crux-transport is built on.
const HTTP_TYPES: &[&str] = &["http", "bytes"];

/// The crates above crux-types in the layering.
const ABOVE_TYPES: &[&str] = &["crux-transport", "crux-api", "crux-mock", "crux-cli"];

const RULES: &[Rule] = &[
    Rule {
        package: "crux-types",
        args: &["--all-features"],
        forbidden: &[HTTP_STACK, HTTP_TYPES, ABOVE_TYPES],
        allowed: &[],
        why: "crux-types is the schema alone: serde, serde_json, uuid, chrono, rust_decimal and no HTTP",
    },
    Rule {
        package: "crux-transport",
        args: &["--no-default-features"],
        forbidden: &[HTTP_STACK],
        allowed: &[],
        why: "crux-transport without default features must not pull an HTTP stack",
    },
    Rule {
        package: "crux-transport",
        args: &["--all-features"],
        forbidden: &[&["crux-types", "crux-api", "crux-mock", "crux-cli"]],
        allowed: &[],
        why: "crux-transport knows nothing of CRUX models",
    },
    Rule {
        package: "crux-api",
        args: &["--no-default-features"],
        forbidden: &[HTTP_STACK, &["crux-mock", "crux-cli"]],
        // crux-api times its calls with tokio; hyper and TLS come with the transport.
        allowed: &["tokio"],
        why: "crux-api without default features must not pull hyper; nothing depends on crux-mock or crux-cli",
    },
];

impl Rule {
    /// The forbidden crates among `deps`.
    fn violations<'a>(&self, deps: &'a BTreeSet<String>) -> Vec<&'a str> {
        deps.iter()
            .map(String::as_str)
            .filter(|dep| self.forbidden.iter().any(|list| list.contains(dep)))
            .filter(|dep| !self.allowed.contains(dep))
            .collect()
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("layering") => layering(),
        Some("endpoints") => endpoints::run(&args[1..]),
        Some("bench") => bench::run(&args[1..]),
        _ => {
            eprintln!(
                "usage: cargo xtask layering | cargo xtask endpoints [--check] | cargo xtask bench [--quick]"
            );
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
        let bad = rule.violations(&deps);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(package: &str, args: &[&str]) -> &'static Rule {
        RULES
            .iter()
            .find(|r| r.package == package && r.args == args)
            .expect("the rule exists")
    }

    #[test]
    fn a_rule_reports_forbidden_crates_except_the_allowed_ones() {
        let deps: BTreeSet<String> = ["serde", "tokio", "hyper", "http"]
            .map(str::to_owned)
            .into();
        assert_eq!(
            rule("crux-transport", &["--no-default-features"]).violations(&deps),
            ["hyper", "tokio"]
        );
        assert_eq!(
            rule("crux-api", &["--no-default-features"]).violations(&deps),
            ["hyper"]
        );
        assert_eq!(
            rule("crux-types", &["--all-features"]).violations(&deps),
            ["http", "hyper", "tokio"]
        );
    }
}
