//! Building a `Client`, as code that builds one per request does: the time
//! of one build after the first (criterion's warm-up does the first ones).
//!
//! - `crux_default`: `Client::builder().token(..).build()`, which builds the
//!   default hyper transport (TLS configuration, root store, pool).
//! - `crux_shared_transport`: the same with a transport built once and
//!   passed in (`ClientBuilder::transport`), what a caller can do today.
//! - `hyper_transport`: `HyperTransport::new()` alone, where the time goes.
//! - `hyper_util_http`: a hand-written plain-HTTP hyper-util client, the
//!   baseline client of the end-to-end bench.

use std::hint::black_box;

use bytes::Bytes;
use criterion::Criterion;
use crux_api::{Client, transport::HyperTransport};
use http_body_util::Empty;
use hyper_util::{
    client::legacy::{self, connect::HttpConnector},
    rt::TokioExecutor,
};

const TOKEN: &str = "47d4yfbwymedhiudj384702984nakju4hajh395d";

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("client_build");
    group.bench_function("crux_default", |b| {
        b.iter(|| {
            Client::builder()
                .token(black_box(TOKEN))
                .build()
                .expect("build")
        });
    });
    let transport = HyperTransport::new().expect("transport");
    group.bench_function("crux_shared_transport", |b| {
        b.iter(|| {
            Client::builder()
                .token(black_box(TOKEN))
                .transport(transport.clone())
                .build()
                .expect("build")
        });
    });
    group.bench_function("hyper_transport", |b| {
        b.iter(|| HyperTransport::new().expect("transport"));
    });
    group.bench_function("hyper_util_http", |b| {
        b.iter(|| {
            let client: legacy::Client<HttpConnector, Empty<Bytes>> =
                legacy::Client::builder(TokioExecutor::new()).build_http();
            client
        });
    });
    group.finish();
}

// Written out rather than with `criterion_group!`, whose generated function
// has no docs (the workspace warns on `missing_docs`).
fn main() {
    let mut criterion = Criterion::default().configure_from_args();
    bench(&mut criterion);
    criterion.final_summary();
}
