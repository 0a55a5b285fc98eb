//! `cargo xtask bench [--quick]`: runs the benchmarks of issue 5 and writes
//! `docs/performance.md` (see that file for what each figure means).
//!
//! - `decode` (crux-types, criterion): decoding and encoding users lists.
//! - `memory` (crux-types): peak memory of a decode, one process per kind.
//! - `client_build` (crux-api, criterion): building a `Client`.
//! - `e2e` (crux-api): `client.users().list()` against a local server.
//! - clean release builds of crux-types, crux-api and crux-cli (with and
//!   without its default `mock` feature), each against a tiny baseline crate
//!   generated under the target directory and built in the same run, each
//!   into a fresh target directory.
//!
//! `--quick` is the CI smoke run: every bench once, briefly, in the `dev`
//! profile with the features of the test build (so it reuses those
//! artifacts), smaller inputs, no build timing. It writes its report to
//! `<target>/xtask-bench/performance-quick.md`, never to `docs/`.
//!
//! Each run also keeps its raw figures (`<target>/xtask-bench/results.txt`
//! and criterion's directory); `--render` writes the report again from them
//! without measuring, after a change to the report's text.

use std::{
    collections::BTreeMap,
    path::{Path, PathBuf},
    process::{Command, ExitCode, Stdio},
    time::{Duration, Instant, SystemTime, UNIX_EPOCH},
};

use crate::{json::Json, report};

/// Criterion medians: `"group/function"` to (nanoseconds per iteration,
/// bytes of throughput per iteration).
pub(crate) type Estimates = BTreeMap<String, (f64, Option<f64>)>;

/// Everything one run measured.
#[derive(Debug, Default)]
pub(crate) struct Results {
    pub(crate) quick: bool,
    pub(crate) machine: Vec<(String, String)>,
    pub(crate) sizes: Vec<usize>,
    pub(crate) criterion: Estimates,
    /// One `xtask-bench` line each, from the memory and e2e benches.
    pub(crate) lines: Vec<Json>,
    /// Clean release build times, in seconds (`None`: the build failed).
    pub(crate) builds: Vec<(String, Option<f64>)>,
    pub(crate) problems: Vec<String>,
    pub(crate) elapsed: Duration,
}

impl Results {
    /// The `xtask-bench` lines of one bench.
    pub(crate) fn lines_of<'a>(&'a self, bench: &'a str) -> impl Iterator<Item = &'a Json> {
        self.lines
            .iter()
            .filter(move |line| line.get("bench").and_then(Json::as_str) == Some(bench))
    }
}

/// The packages whose benches run; always selected together so that every
/// bench build resolves the same features (and nothing is built twice).
const PACKAGES: &[&str] = &["-p", "crux-types", "-p", "crux-api"];
const BENCHES: &[&str] = &["decode", "memory", "client_build", "e2e", "pages"];

pub(crate) fn run(args: &[String]) -> ExitCode {
    let (mut quick, mut render) = (false, false);
    for arg in args {
        match arg.as_str() {
            "--quick" => quick = true,
            "--render" => render = true,
            other => {
                eprintln!(
                    "bench: unknown argument {other}\nusage: cargo xtask bench [--quick] [--render]"
                );
                return ExitCode::from(2);
            }
        }
    }
    let outcome = if render {
        render_again(quick)
    } else {
        bench(quick)
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("bench: {message}");
            ExitCode::FAILURE
        }
    }
}

fn bench(quick: bool) -> Result<(), String> {
    let started = Instant::now();
    let root = workspace_root();
    let target = target_dir(&root)?;
    let work = target.join("xtask-bench");
    let criterion_home = work.join("criterion");
    let _ = std::fs::remove_dir_all(&criterion_home);
    std::fs::create_dir_all(&work).map_err(|e| format!("create {}: {e}", work.display()))?;

    let mut results = Results {
        quick,
        machine: machine(&root),
        sizes: if quick {
            vec![10, 1_000]
        } else {
            vec![10, 1_000, 100_000]
        },
        ..Results::default()
    };
    let sizes = results
        .sizes
        .iter()
        .map(usize::to_string)
        .collect::<Vec<_>>()
        .join(",");
    let memory_users = if quick { "10000" } else { "100000" };

    // The quick run reuses the test build (`cargo test --workspace
    // --all-features`): same profile, same features.
    let selection: Vec<&str> = if quick {
        vec!["--workspace", "--all-features", "--profile", "dev"]
    } else {
        PACKAGES.to_vec()
    };
    let criterion_args: &[&str] = if quick {
        &["--noplot", "--quick", "--nresamples", "1000"]
    } else {
        &["--noplot"]
    };

    // Build every bench first and run the built binaries: the library code
    // measured is the code at this point, even if the tree changes meanwhile.
    step("compiling the benches");
    let mut compile = cargo(&root);
    compile
        .args([
            "bench",
            "--no-run",
            "--message-format=json-render-diagnostics",
        ])
        .args(&selection);
    for name in BENCHES {
        compile.args(["--bench", name]);
    }
    let executables = bench_executables(&run_stdout(compile)?)?;

    for name in BENCHES {
        step(&format!("running bench `{name}`"));
        let exe = executables
            .get(*name)
            .ok_or_else(|| format!("cargo built no executable for bench `{name}`"))?;
        let mut command = Command::new(exe);
        command
            .arg("--bench")
            .env("CRITERION_HOME", &criterion_home)
            .env(
                "CRUX_BENCH_USERS",
                if *name == "memory" {
                    memory_users
                } else {
                    &sizes
                },
            );
        if quick {
            command.env("CRUX_BENCH_QUICK", "1");
            // Small product and order pages for the memory bench too.
            command.env("CRUX_BENCH_MEMORY_PAGES", "search=200,items=200,orders=200");
        }
        if matches!(*name, "decode" | "client_build") {
            command.args(criterion_args);
        }
        match run_stdout(command) {
            Ok(stdout) => {
                for line in stdout.lines() {
                    if let Some(json) = line.strip_prefix("xtask-bench ") {
                        results.lines.push(Json::parse(json)?);
                    }
                }
            }
            Err(message) => results.problems.push(format!("bench `{name}`: {message}")),
        }
    }
    results.criterion = read_criterion(&criterion_home)?;

    if !quick {
        results.builds = clean_builds(&root, &work, &mut results.problems);
    }
    results.elapsed = started.elapsed();
    // Others may commit while this runs: the benches measured the tree as it
    // was when they were built, the clean builds the tree as it was then.
    let end_commit = commit(&root);
    let start_commit = results.machine.iter().find(|(key, _)| *key == "commit");
    if start_commit.is_none_or(|(_, start)| *start != end_commit) {
        results.machine.push((
            "commit at the end (built in section e)".to_owned(),
            end_commit,
        ));
    }

    let raw = work.join(raw_name(quick));
    std::fs::write(&raw, save(&results)).map_err(|e| format!("write {}: {e}", raw.display()))?;
    write_report(&root, &work, &results)?;
    if results.problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} problem(s):\n  {}",
            results.problems.len(),
            results.problems.join("\n  ")
        ))
    }
}

/// The raw figures of the last run, next to criterion's output.
fn raw_name(quick: bool) -> &'static str {
    if quick {
        "results-quick.txt"
    } else {
        "results.txt"
    }
}

fn write_report(root: &Path, work: &Path, results: &Results) -> Result<(), String> {
    let markdown = report::render(results);
    let out = if results.quick {
        work.join("performance-quick.md")
    } else {
        root.join("docs").join("performance.md")
    };
    std::fs::write(&out, &markdown).map_err(|e| format!("write {}: {e}", out.display()))?;
    println!("{}", report::summary(results));
    println!("wrote {}", out.display());
    Ok(())
}

/// `--render`: writes the report again from the last run's figures (after
/// changing the report's text), without measuring anything.
fn render_again(quick: bool) -> Result<(), String> {
    let root = workspace_root();
    let work = target_dir(&root)?.join("xtask-bench");
    let raw = work.join(raw_name(quick));
    let text = std::fs::read_to_string(&raw)
        .map_err(|e| format!("read {} (run the benches first): {e}", raw.display()))?;
    let mut results = load(&text)?;
    results.criterion = read_criterion(&work.join("criterion"))?;
    write_report(&root, &work, &results)
}

/// One JSON object a line: the run, the machine, the builds, the problems,
/// and the benches' own `xtask-bench` lines.
fn save(results: &Results) -> String {
    let mut out = String::new();
    let mut line = |fields: Vec<(&str, Json)>| {
        let object = fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
        out.push_str(&Json::Object(object).to_string());
        out.push('\n');
    };
    line(vec![
        ("bench", Json::String("run".into())),
        ("quick", Json::Bool(results.quick)),
        ("elapsed_s", Json::Number(results.elapsed.as_secs_f64())),
        (
            "sizes",
            Json::Array(
                results
                    .sizes
                    .iter()
                    .map(|&n| Json::Number(n as f64))
                    .collect(),
            ),
        ),
    ]);
    for (key, value) in &results.machine {
        line(vec![
            ("bench", Json::String("machine".into())),
            ("key", Json::String(key.clone())),
            ("value", Json::String(value.clone())),
        ]);
    }
    for (name, seconds) in &results.builds {
        line(vec![
            ("bench", Json::String("build".into())),
            ("name", Json::String(name.clone())),
            ("seconds", seconds.map_or(Json::Null, Json::Number)),
        ]);
    }
    for problem in &results.problems {
        line(vec![
            ("bench", Json::String("problem".into())),
            ("text", Json::String(problem.clone())),
        ]);
    }
    for json in &results.lines {
        out.push_str(&json.to_string());
        out.push('\n');
    }
    out
}

/// Reads what [`save`] wrote (criterion's figures are read separately).
fn load(text: &str) -> Result<Results, String> {
    let mut results = Results::default();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let json = Json::parse(line)?;
        let get = |key: &str| {
            json.get(key)
                .and_then(Json::as_str)
                .unwrap_or("")
                .to_owned()
        };
        match json.get("bench").and_then(Json::as_str) {
            Some("run") => {
                results.quick = json.get("quick") == Some(&Json::Bool(true));
                let elapsed = json.get("elapsed_s").and_then(Json::as_f64).unwrap_or(0.0);
                results.elapsed = Duration::from_secs_f64(elapsed.max(0.0));
                if let Some(Json::Array(sizes)) = json.get("sizes") {
                    results.sizes = sizes
                        .iter()
                        .filter_map(Json::as_f64)
                        .map(|n| n as usize)
                        .collect();
                }
            }
            Some("machine") => results.machine.push((get("key"), get("value"))),
            Some("build") => results
                .builds
                .push((get("name"), json.get("seconds").and_then(Json::as_f64))),
            Some("problem") => results.problems.push(get("text")),
            _ => results.lines.push(json),
        }
    }
    Ok(results)
}

fn step(what: &str) {
    eprintln!("== xtask bench: {what}");
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

fn cargo(root: &Path) -> Command {
    let mut command = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned()));
    command.current_dir(root);
    command
}

fn run_status(mut command: Command) -> Result<(), String> {
    let status = command
        .status()
        .map_err(|e| format!("could not run {command:?}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{command:?} failed ({status})"))
    }
}

/// Runs `command`, its stderr going to ours, and returns its stdout.
fn run_stdout(mut command: Command) -> Result<String, String> {
    let output = command
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("could not run {command:?}: {e}"))?;
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    } else {
        Err(format!("{command:?} failed ({})", output.status))
    }
}

fn target_dir(root: &Path) -> Result<PathBuf, String> {
    let mut command = cargo(root);
    command.args([
        "metadata",
        "--format-version",
        "1",
        "--no-deps",
        "--offline",
    ]);
    let stdout = run_stdout(command)?;
    Json::parse(&stdout)?
        .get("target_directory")
        .and_then(Json::as_str)
        .map(PathBuf::from)
        .ok_or_else(|| "cargo metadata: no target_directory".to_owned())
}

/// The executable of each bench target, from `cargo --message-format=json`.
fn bench_executables(messages: &str) -> Result<BTreeMap<String, PathBuf>, String> {
    let mut executables = BTreeMap::new();
    for line in messages.lines().filter(|l| l.starts_with('{')) {
        let message = Json::parse(line)?;
        if message.get("reason").and_then(Json::as_str) != Some("compiler-artifact") {
            continue;
        }
        let is_bench = matches!(
            message.at(&["target", "kind"]),
            Some(Json::Array(kinds)) if kinds.iter().any(|k| k.as_str() == Some("bench"))
        );
        let name = message.at(&["target", "name"]).and_then(Json::as_str);
        let exe = message.get("executable").and_then(Json::as_str);
        if let (true, Some(name), Some(exe)) = (is_bench, name, exe) {
            executables.insert(name.to_owned(), PathBuf::from(exe));
        }
    }
    Ok(executables)
}

/// Reads every `<group>/<function>/new/{estimates,benchmark}.json` under
/// criterion's output directory.
fn read_criterion(home: &Path) -> Result<Estimates, String> {
    let mut estimates = Estimates::new();
    let Ok(groups) = std::fs::read_dir(home) else {
        return Ok(estimates);
    };
    for group in groups.flatten() {
        let Ok(functions) = std::fs::read_dir(group.path()) else {
            continue;
        };
        for function in functions.flatten() {
            let new = function.path().join("new");
            let (Ok(est), Ok(bench)) = (
                std::fs::read_to_string(new.join("estimates.json")),
                std::fs::read_to_string(new.join("benchmark.json")),
            ) else {
                continue;
            };
            let est = Json::parse(&est)?;
            let bench = Json::parse(&bench)?;
            let median = est
                .at(&["median", "point_estimate"])
                .and_then(Json::as_f64)
                .ok_or("estimates.json without a median")?;
            let bytes = bench.at(&["throughput", "Bytes"]).and_then(Json::as_f64);
            let id = bench
                .get("full_id")
                .and_then(Json::as_str)
                .map(str::to_owned)
                .unwrap_or_else(|| {
                    format!(
                        "{}/{}",
                        group.file_name().to_string_lossy(),
                        function.file_name().to_string_lossy()
                    )
                });
            estimates.insert(id, (median, bytes));
        }
    }
    Ok(estimates)
}

// ------------------------------------------------------------ machine --

fn machine(root: &Path) -> Vec<(String, String)> {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name")?.split_once(':'))
        .map_or_else(|| "unknown".to_owned(), |(_, m)| m.trim().to_owned());
    let cores = std::thread::available_parallelism().map_or(0, usize::from);
    let memory = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| {
            let kb: f64 = m.lines().next()?.split_whitespace().nth(1)?.parse().ok()?;
            Some(format!("{:.0} GiB", kb / 1024.0 / 1024.0))
        })
        .unwrap_or_else(|| "unknown".to_owned());
    let load = std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default();
    let rustc = Command::new("rustc")
        .arg("-V")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_default();
    vec![
        ("date (UTC)", today()),
        ("CPU", model),
        ("cores", cores.to_string()),
        ("memory", memory),
        ("load average at start (1, 5, 15 min)", load),
        ("rustc", rustc),
        ("commit", commit(root)),
    ]
    .into_iter()
    .map(|(key, value)| (key.to_owned(), value))
    .collect()
}

/// The short hash of `HEAD`, and whether tracked files have changes.
fn commit(root: &Path) -> String {
    let git = |args: &[&str]| {
        Command::new("git")
            .args(args)
            .current_dir(root)
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
            .unwrap_or_default()
    };
    let head = git(&["rev-parse", "--short", "HEAD"]);
    if git(&["status", "--porcelain", "--untracked-files=no"]).is_empty() {
        head
    } else {
        format!("{head} with uncommitted changes")
    }
}

/// Today's date, `YYYY-MM-DD` (UTC), from the system clock.
fn today() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    // Howard Hinnant's days-to-civil.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

// ------------------------------------------------------- build timing --

/// A generated baseline crate: name, `[dependencies]` lines, `src/main.rs`.
type Baseline = (&'static str, &'static str, &'static str);

/// The baseline of crux-types: the same serde stack, nothing else.
const SERDE_BASELINE: Baseline = (
    "baseline-serde",
    r#"serde = { version = "1", features = ["derive"] }
serde_json = "1"
uuid = { version = "1", default-features = false, features = ["std", "serde"] }
"#,
    r##"//! The smallest program using serde derive, serde_json and uuid.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
struct User {
    uuid: uuid::Uuid,
    name: String,
    tags: Vec<String>,
}

fn main() {
    let text = r#"[{"uuid":"3a7acb28-ab13-437e-8c35-46cf4f0bea49","name":"Crux","tags":["a"]}]"#;
    let users: Vec<User> = serde_json::from_str(text).expect("decode");
    println!("{}", serde_json::to_string(&users).expect("encode"));
}
"##,
);

/// The baseline of crux-cli: the HTTP stack of the default transport.
const HYPER_BASELINE: Baseline = (
    "baseline-hyper",
    r#"bytes = "1"
http-body-util = "0.1"
hyper = { version = "1", default-features = false, features = ["client", "http1", "http2"] }
hyper-util = { version = "0.1", default-features = false, features = ["client", "client-legacy", "http1", "http2", "tokio"] }
hyper-rustls = { version = "0.27", default-features = false, features = ["http1", "http2", "ring", "tls12", "webpki-roots"] }
tokio = { version = "1", default-features = false, features = ["rt-multi-thread", "macros", "net", "time"] }
"#,
    r#"//! The smallest HTTPS GET with hyper, hyper-util, hyper-rustls (ring) and tokio.
use bytes::Bytes;
use http_body_util::{BodyExt, Empty};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let mut http = hyper_util::client::legacy::connect::HttpConnector::new();
    http.enforce_http(false);
    let https = hyper_rustls::HttpsConnectorBuilder::new()
        .with_webpki_roots()
        .https_or_http()
        .enable_http1()
        .enable_http2()
        .wrap_connector(http);
    let client = hyper_util::client::legacy::Client::builder(
        hyper_util::rt::TokioExecutor::new(),
    )
    .build::<_, Empty<Bytes>>(https);
    let url = std::env::args().nth(1).unwrap_or_else(|| "https://localhost/".into());
    let response = client.get(url.parse()?).await?;
    let body = response.into_body().collect().await?.to_bytes();
    println!("{} bytes", body.len());
    Ok(())
}
"#,
);

/// The baseline of crux-api: the serde stack of crux-types and the HTTP
/// stack of the default transport together, one typed GET.
const API_BASELINE: Baseline = (
    "baseline-api",
    r#"bytes = "1"
http = "1"
http-body-util = "0.1"
hyper = { version = "1", default-features = false, features = ["client", "http1", "http2"] }
hyper-util = { version = "0.1", default-features = false, features = ["client", "client-legacy", "http1", "http2", "tokio"] }
hyper-rustls = { version = "0.27", default-features = false, features = ["http1", "http2", "ring", "tls12", "webpki-roots"] }
tokio = { version = "1", default-features = false, features = ["rt-multi-thread", "macros", "net", "time"] }
serde = { version = "1", features = ["derive"] }
serde_json = "1"
uuid = { version = "1", default-features = false, features = ["std", "serde"] }
"#,
    r#"//! The smallest typed HTTPS GET: hyper, hyper-util, hyper-rustls (ring),
//! tokio, serde derive, serde_json and uuid.
use bytes::Bytes;
use http_body_util::{BodyExt, Empty};

#[derive(Debug, serde::Serialize, serde::Deserialize)]
struct User {
    uuid: uuid::Uuid,
    name: String,
    tags: Vec<String>,
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let mut http = hyper_util::client::legacy::connect::HttpConnector::new();
    http.enforce_http(false);
    let https = hyper_rustls::HttpsConnectorBuilder::new()
        .with_webpki_roots()
        .https_or_http()
        .enable_http1()
        .enable_http2()
        .wrap_connector(http);
    let client = hyper_util::client::legacy::Client::builder(
        hyper_util::rt::TokioExecutor::new(),
    )
    .build::<_, Empty<Bytes>>(https);
    let url = std::env::args().nth(1).unwrap_or_else(|| "https://localhost/".into());
    let request = http::Request::get(url)
        .header(http::header::ACCEPT, "application/json")
        .body(Empty::new())?;
    let response = client.request(request).await?;
    let body = response.into_body().collect().await?.to_bytes();
    let users: Vec<User> = serde_json::from_slice(&body)?;
    println!("{}", serde_json::to_string(&users)?);
    Ok(())
}
"#,
);

/// What one clean build builds: a generated baseline crate, or a package of
/// the workspace with extra `cargo build` arguments.
enum Build {
    Baseline(Baseline),
    Package(&'static [&'static str]),
}

/// The clean builds, by the name the report reads them under, in an order
/// that alternates baseline and crate.
const BUILDS: &[(&str, Build)] = &[
    ("baseline-serde", Build::Baseline(SERDE_BASELINE)),
    ("crux-types", Build::Package(&["-p", "crux-types"])),
    ("baseline-api", Build::Baseline(API_BASELINE)),
    ("crux-api", Build::Package(&["-p", "crux-api"])),
    ("baseline-hyper", Build::Baseline(HYPER_BASELINE)),
    (
        "crux-cli-no-mock",
        Build::Package(&["-p", "crux-cli", "--no-default-features"]),
    ),
    ("crux-cli", Build::Package(&["-p", "crux-cli"])),
];

/// Clean release builds, each into a fresh target directory.
fn clean_builds(
    root: &Path,
    work: &Path,
    problems: &mut Vec<String>,
) -> Vec<(String, Option<f64>)> {
    let mut times = Vec::new();
    for (name, build) in BUILDS {
        step(&format!("clean release build of {name}"));
        let target = work.join(format!("build-{name}"));
        let _ = std::fs::remove_dir_all(&target);
        let result = match build {
            Build::Baseline(crate_files) => baseline_crate(root, work, *crate_files)
                .and_then(|manifest| timed_build(root, Some(&manifest), &[], &target)),
            Build::Package(args) => timed_build(root, None, args, &target),
        };
        match result {
            Ok(seconds) => times.push(((*name).to_owned(), Some(seconds))),
            Err(message) => {
                problems.push(format!("build of {name}: {message}"));
                times.push(((*name).to_owned(), None));
            }
        }
        let _ = std::fs::remove_dir_all(&target);
    }
    times
}

/// Writes a baseline crate (its own workspace, the workspace's lock file so
/// that it gets the same versions) and fetches its dependencies; returns its
/// manifest path.
fn baseline_crate(
    root: &Path,
    work: &Path,
    (name, dependencies, main): Baseline,
) -> Result<PathBuf, String> {
    let dir = work.join("baselines").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("src"))
        .map_err(|e| format!("create {}: {e}", dir.display()))?;
    let manifest = format!(
        "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\n{dependencies}\n# Not part of the crux-rs workspace.\n[workspace]\n"
    );
    let write = |path: PathBuf, text: &str| {
        std::fs::write(&path, text).map_err(|e| format!("write {}: {e}", path.display()))
    };
    write(dir.join("Cargo.toml"), &manifest)?;
    write(dir.join("src").join("main.rs"), main)?;
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).unwrap_or_default();
    write(dir.join("Cargo.lock"), &lock)?;
    let manifest = dir.join("Cargo.toml");
    // Not timed: resolving and downloading.
    let mut fetch = cargo(root);
    fetch.arg("fetch").arg("--manifest-path").arg(&manifest);
    run_status(fetch)?;
    Ok(manifest)
}

/// Times `cargo build --release --offline` of a baseline (`manifest`) or of a
/// workspace package (`args`: `-p` and its features), into `target`.
fn timed_build(
    root: &Path,
    manifest: Option<&Path>,
    args: &[&str],
    target: &Path,
) -> Result<f64, String> {
    if manifest.is_none() {
        let mut fetch = cargo(root);
        fetch.arg("fetch");
        run_status(fetch)?;
    }
    let mut build = cargo(root);
    build
        .args(["build", "--release", "--offline", "--quiet", "--target-dir"])
        .arg(target);
    if let Some(manifest) = manifest {
        build.arg("--manifest-path").arg(manifest);
    }
    build.args(args);
    let started = Instant::now();
    run_status(build)?;
    Ok(started.elapsed().as_secs_f64())
}
