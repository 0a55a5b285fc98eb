//! Response bodies: the router's, or a deliberately broken one.

use std::error::Error as StdError;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, ready};
use std::time::Duration;

use bytes::Bytes;
use hyper::body::{Body, Frame, SizeHint};
use tokio::time::Sleep;

/// Errors a response body yields.
pub(crate) type BoxError = Box<dyn StdError + Send + Sync>;

/// How long a broken body waits, after its last data, before failing. hyper
/// flushes what it has buffered (the head, the data) while the body is
/// pending; failing at once would drop that unsent.
const FLUSH_GAP: Duration = Duration::from_millis(20);

/// The body of every response the mock sends.
#[derive(Debug)]
pub(crate) enum MockBody {
    /// A complete body (router responses, fault responses).
    Full(axum::body::Body),
    /// A body that fails partway (connection faults).
    Broken(BrokenBody),
}

impl Body for MockBody {
    type Data = Bytes;
    type Error = BoxError;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, BoxError>>> {
        match self.get_mut() {
            Self::Full(body) => Pin::new(body).poll_frame(cx).map_err(Into::into),
            Self::Broken(body) => Pin::new(body).poll_frame(cx),
        }
    }

    fn is_end_stream(&self) -> bool {
        match self {
            Self::Full(body) => body.is_end_stream(),
            Self::Broken(_) => false,
        }
    }

    fn size_hint(&self) -> SizeHint {
        match self {
            Self::Full(body) => body.size_hint(),
            Self::Broken(body) => SizeHint::with_exact(body.declared),
        }
    }
}

/// Announces `declared` bytes (hyper sends it as `Content-Length`), yields
/// `data` (fewer bytes), then fails, which makes hyper close the
/// connection mid-body.
#[derive(Debug)]
pub(crate) struct BrokenBody {
    data: Option<Bytes>,
    declared: u64,
    gap: Option<Pin<Box<Sleep>>>,
}

impl BrokenBody {
    /// A body announcing `declared` bytes but yielding only `data`.
    pub(crate) fn new(data: Bytes, declared: u64) -> Self {
        Self {
            data: Some(data).filter(|data| !data.is_empty()),
            declared,
            gap: None,
        }
    }
}

impl BrokenBody {
    /// The bytes it sends and the length it announces.
    pub(crate) fn into_parts(self) -> (Bytes, u64) {
        (self.data.unwrap_or_default(), self.declared)
    }
}

impl Body for BrokenBody {
    type Data = Bytes;
    type Error = BoxError;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, BoxError>>> {
        if let Some(data) = self.data.take() {
            return Poll::Ready(Some(Ok(Frame::data(data))));
        }
        let gap = self
            .gap
            .get_or_insert_with(|| Box::pin(tokio::time::sleep(FLUSH_GAP)));
        ready!(gap.as_mut().poll(cx));
        Poll::Ready(Some(Err(Box::new(Aborted))))
    }

    fn is_end_stream(&self) -> bool {
        false
    }

    fn size_hint(&self) -> SizeHint {
        SizeHint::with_exact(self.declared)
    }
}

/// The error that makes hyper drop a connection (a service error, or a body
/// error) as a fault asks.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Aborted;

impl fmt::Display for Aborted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("connection closed by a crux-mock fault")
    }
}

impl StdError for Aborted {}
