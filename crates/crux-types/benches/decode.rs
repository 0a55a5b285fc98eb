//! Decoding and encoding a Get All Users body: `Vec<crux_types::User>`
//! against `serde::de::IgnoredAny` (serde_json's parsing limit: the syntax
//! checked, nothing built, strings not checked as UTF-8) and
//! `serde_json::Value`, on the same bytes.
//!
//! Beside them, `typed_path_to_error` (the same decode under
//! `serde_path_to_error`, which `crux-api` runs only to report where a
//! decode failed), `validated_any`
//! (nothing built, but every string checked as UTF-8, which `IgnoredAny`
//! skips) and two prototypes of other layouts (`proto_interned`,
//! `proto_borrowed`; see `support/prototypes.rs`).
//!
//! Throughput is in bytes of JSON. Decoding is timed without dropping the
//! result (the drop happens outside the timed section, for every kind alike).
//! `CRUX_BENCH_USERS=10,1000` picks the list sizes (default
//! `10,1000,100000`; empty for none).
//!
//! The product and order pages of `support/pages.rs` (a Search Items page,
//! a Get Items list, a Get Orders page) are decoded into their models, into
//! `validated_any`, into `serde_json::Value` and into `IgnoredAny`, in groups
//! `decode_<page>_<count>`; `CRUX_BENCH_PAGES=search=100,items=10000,orders=100`
//! picks them (the default; `CRUX_BENCH_QUICK` makes them small, an empty
//! value runs none). Run through `cargo xtask bench`, which reads the
//! medians back from criterion's `estimates.json` files.

mod support;

use std::{hint::black_box, time::Duration};

use criterion::{BatchSize, Criterion, SamplingMode, Throughput};
use crux_types::{Item, ItemSearchPage, OrderPage, User};
use serde::de::DeserializeOwned;
use serde::de::IgnoredAny;
use serde_json::Value;
use support::prototypes::{BorrowedUser, InternedUser, ValidatedAny, fingerprint};

/// The list sizes to run, from `CRUX_BENCH_USERS` or the default.
fn sizes() -> Vec<usize> {
    match std::env::var("CRUX_BENCH_USERS") {
        Ok(list) => list
            .split(',')
            .filter(|n| !n.trim().is_empty())
            .map(|n| {
                n.trim()
                    .parse()
                    .expect("CRUX_BENCH_USERS: comma-separated counts")
            })
            .collect(),
        Err(_) => vec![10, 1_000, 100_000],
    }
}

fn bench(c: &mut Criterion) {
    for count in sizes() {
        let json = support::users_json(count);
        let users: Vec<User> = serde_json::from_slice(&json).expect("generated users decode");
        assert_eq!(users.len(), count);
        let value: Value = serde_json::from_slice(&json).expect("generated users parse");
        // The prototypes decode the same content as the models.
        let expected = fingerprint(&users);
        let interned: Vec<InternedUser> = serde_json::from_slice(&json).expect("interned");
        assert_eq!(fingerprint(&interned), expected);
        drop(interned);
        let borrowed: Vec<BorrowedUser<'_>> = serde_json::from_slice(&json).expect("borrowed");
        assert_eq!(fingerprint(&borrowed), expected);
        drop(borrowed);
        // The generator writes fields in the models' order, so the typed
        // encoding is the input again, byte for byte.
        assert_eq!(serde_json::to_vec(&users).expect("encode"), json);

        let large = json.len() > 10_000_000;
        // Large outputs are dropped one at a time; small ones in batches.
        let batch = if large {
            BatchSize::PerIteration
        } else {
            BatchSize::SmallInput
        };
        let configure = |group: &mut criterion::BenchmarkGroup<'_, _>| {
            group.throughput(Throughput::Bytes(json.len() as u64));
            if large {
                group
                    .sample_size(10)
                    .sampling_mode(SamplingMode::Flat)
                    .warm_up_time(Duration::from_secs(2))
                    .measurement_time(Duration::from_secs(8));
            } else {
                group
                    .sample_size(50)
                    .warm_up_time(Duration::from_secs(1))
                    .measurement_time(Duration::from_secs(3));
            }
        };

        let mut group = c.benchmark_group(format!("decode_{count}"));
        configure(&mut group);
        group.bench_function("typed", |b| {
            b.iter_batched(
                || (),
                |()| serde_json::from_slice::<Vec<User>>(black_box(&json)).expect("decode"),
                batch,
            );
        });
        group.bench_function("ignored_any", |b| {
            b.iter(|| serde_json::from_slice::<IgnoredAny>(black_box(&json)).expect("parse"));
        });
        group.bench_function("value", |b| {
            b.iter_batched(
                || (),
                |()| serde_json::from_slice::<Value>(black_box(&json)).expect("parse"),
                batch,
            );
        });
        // What the client does: the typed decode under serde_path_to_error.
        group.bench_function("typed_path_to_error", |b| {
            b.iter_batched(
                || (),
                |()| {
                    let de = &mut serde_json::Deserializer::from_slice(black_box(&json));
                    serde_path_to_error::deserialize::<_, Vec<User>>(de).expect("decode")
                },
                batch,
            );
        });
        group.bench_function("validated_any", |b| {
            b.iter(|| serde_json::from_slice::<ValidatedAny>(black_box(&json)).expect("parse"));
        });
        group.bench_function("proto_interned", |b| {
            b.iter_batched(
                || (),
                |()| serde_json::from_slice::<Vec<InternedUser>>(black_box(&json)).expect("decode"),
                batch,
            );
        });
        group.bench_function("proto_borrowed", |b| {
            b.iter_batched(
                || (),
                |()| {
                    serde_json::from_slice::<Vec<BorrowedUser<'_>>>(black_box(&json))
                        .expect("decode")
                },
                batch,
            );
        });
        group.finish();

        let mut group = c.benchmark_group(format!("encode_{count}"));
        configure(&mut group);
        let mut out = Vec::with_capacity(json.len() + 1024);
        group.bench_function("typed", |b| {
            b.iter(|| {
                out.clear();
                serde_json::to_writer(&mut out, black_box(&users)).expect("encode");
            });
        });
        group.bench_function("value", |b| {
            b.iter(|| {
                out.clear();
                serde_json::to_writer(&mut out, black_box(&value)).expect("encode");
            });
        });
        group.finish();
    }
}

/// The decode rows of one product or order page.
fn bench_page<T: DeserializeOwned>(c: &mut Criterion, name: &str, count: usize, json: &[u8]) {
    drop(serde_json::from_slice::<T>(json).expect("the generated page decodes"));
    let large = json.len() > 10_000_000;
    let batch = if large {
        BatchSize::PerIteration
    } else {
        BatchSize::SmallInput
    };
    let mut group = c.benchmark_group(format!("decode_{name}_{count}"));
    group.throughput(Throughput::Bytes(json.len() as u64));
    if large {
        group
            .sample_size(10)
            .sampling_mode(SamplingMode::Flat)
            .warm_up_time(Duration::from_secs(2))
            .measurement_time(Duration::from_secs(8));
    } else {
        group
            .sample_size(50)
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(3));
    }
    group.bench_function("typed", |b| {
        b.iter_batched(
            || (),
            |()| serde_json::from_slice::<T>(black_box(json)).expect("decode"),
            batch,
        );
    });
    group.bench_function("validated_any", |b| {
        b.iter(|| serde_json::from_slice::<ValidatedAny>(black_box(json)).expect("parse"));
    });
    group.bench_function("ignored_any", |b| {
        b.iter(|| serde_json::from_slice::<IgnoredAny>(black_box(json)).expect("parse"));
    });
    group.bench_function("value", |b| {
        b.iter_batched(
            || (),
            |()| serde_json::from_slice::<Value>(black_box(json)).expect("parse"),
            batch,
        );
    });
    group.finish();
}

fn bench_pages(c: &mut Criterion) {
    let default = if std::env::var_os("CRUX_BENCH_QUICK").is_some() {
        "search=10,items=100,orders=10"
    } else {
        "search=100,items=10000,orders=100"
    };
    for (name, generate, count) in support::page_list("CRUX_BENCH_PAGES", default) {
        let json = generate(count);
        match name {
            "search" => bench_page::<ItemSearchPage>(c, name, count, &json),
            "items" => bench_page::<Vec<Item>>(c, name, count, &json),
            "orders" => bench_page::<OrderPage>(c, name, count, &json),
            other => unreachable!("no model for page {other}"),
        }
    }
}

// Written out rather than with `criterion_group!`, whose generated function
// has no docs (the workspace warns on `missing_docs`).
fn main() {
    if let Ok(spec) = std::env::var("CRUX_BENCH_PROFILE") {
        profile(&spec);
        return;
    }
    let mut criterion = Criterion::default().configure_from_args();
    bench(&mut criterion);
    bench_pages(&mut criterion);
    criterion.final_summary();
}

/// `CRUX_BENCH_PROFILE=<kind>:<count>:<repeat>` decodes the users list
/// `repeat` times into `kind` (`typed`, `validated_any`, `ignored_any`) and
/// exits (`sizes` prints the sizes of the main models instead);
/// `<page>.typed` and `<page>.validated_any` decode a product or order page
/// of `count` items or orders (`items.typed:100:3`), without criterion: for `valgrind --tool=callgrind`.
fn profile(spec: &str) {
    let mut parts = spec.split(':');
    let kind = parts.next().unwrap_or("typed").to_owned();
    let mut number = |default: usize| parts.next().and_then(|n| n.parse().ok()).unwrap_or(default);
    let (count, repeat) = (number(1_000), number(10));
    if kind == "sizes" {
        use std::mem::size_of;
        let sizes = [
            ("User", size_of::<User>()),
            ("Item", size_of::<Item>()),
            ("Sku", size_of::<crux_types::Sku>()),
            ("PriceTier", size_of::<crux_types::PriceTier>()),
            ("Order", size_of::<crux_types::Order>()),
            ("LineItem", size_of::<crux_types::LineItem>()),
            (
                "Map<String, Value>",
                size_of::<serde_json::Map<String, Value>>(),
            ),
        ];
        let text = sizes.map(|(name, size)| format!("{name}: {size} bytes\n"));
        std::io::Write::write_all(&mut std::io::stderr(), text.concat().as_bytes())
            .expect("stderr");
        return;
    }
    if let Some((page, page_kind)) = kind.split_once('.') {
        let &(_, generate) = support::PAGES
            .iter()
            .find(|(name, _)| *name == page)
            .unwrap_or_else(|| panic!("CRUX_BENCH_PROFILE: unknown page {page}"));
        let json = generate(count);
        for _ in 0..repeat {
            match (page, page_kind) {
                ("search", "typed") => drop(black_box(
                    serde_json::from_slice::<ItemSearchPage>(black_box(&json)).expect("decode"),
                )),
                ("items", "typed") => drop(black_box(
                    serde_json::from_slice::<Vec<Item>>(black_box(&json)).expect("decode"),
                )),
                ("orders", "typed") => drop(black_box(
                    serde_json::from_slice::<OrderPage>(black_box(&json)).expect("decode"),
                )),
                (_, "validated_any") => {
                    black_box(
                        serde_json::from_slice::<ValidatedAny>(black_box(&json)).expect("parse"),
                    );
                }
                other => panic!("CRUX_BENCH_PROFILE: unknown kind {other:?}"),
            }
        }
        return;
    }
    let json = support::users_json(count);
    for _ in 0..repeat {
        match kind.as_str() {
            "typed" => drop(black_box(
                serde_json::from_slice::<Vec<User>>(black_box(&json)).expect("decode"),
            )),
            "validated_any" => {
                black_box(serde_json::from_slice::<ValidatedAny>(black_box(&json)).expect("parse"));
            }
            "ignored_any" => {
                black_box(serde_json::from_slice::<IgnoredAny>(black_box(&json)).expect("parse"));
            }
            other => panic!("CRUX_BENCH_PROFILE: unknown kind {other}"),
        }
    }
}
