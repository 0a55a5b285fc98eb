//! The [`Transport`] trait and its shared handle.

use std::{any::Any, fmt, future::Future, pin::Pin, sync::Arc};

use bytes::Bytes;

use crate::TransportError;

/// A boxed, `Send` future, as returned by [`Transport::send`].
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// Sends one HTTP request and returns the complete response.
///
/// The trait is dyn-compatible: clients hold it as a [`SharedTransport`].
/// See the [crate documentation](crate) for what an implementation is
/// responsible for (timeouts, size limits) and what it must not do (retry).
///
/// # Example
///
/// A transport that answers every request with `204 No Content`:
///
/// ```
/// use crux_transport::{BoxFuture, Bytes, SharedTransport, Transport, TransportError};
///
/// #[derive(Debug)]
/// struct NoContent;
///
/// impl Transport for NoContent {
///     fn send(
///         &self,
///         _request: http::Request<Bytes>,
///     ) -> BoxFuture<'_, Result<http::Response<Bytes>, TransportError>> {
///         Box::pin(async {
///             let mut response = http::Response::new(Bytes::new());
///             *response.status_mut() = http::StatusCode::NO_CONTENT;
///             Ok(response)
///         })
///     }
/// }
///
/// let shared = SharedTransport::new(NoContent);
/// let _also_shared = shared.clone(); // an `Arc` clone, not a new pool
/// ```
pub trait Transport: Send + Sync + fmt::Debug {
    /// Sends `request` and resolves to the full response (status, headers and
    /// the body read to its end), or to a [`TransportError`].
    ///
    /// A non-2xx status is a successful transport call: interpreting it is the
    /// client's job.
    fn send(
        &self,
        request: http::Request<Bytes>,
    ) -> BoxFuture<'_, Result<http::Response<Bytes>, TransportError>>;
}

/// A cheap-to-clone handle to any [`Transport`]: an `Arc<dyn Transport>`.
///
/// The transports of this crate (and an `Arc<dyn Transport>`) convert into it
/// with `From`/`Into`; wrap any other transport with [`SharedTransport::new`].
/// A handle is never wrapped in another: [`new`](Self::new) given a
/// `SharedTransport` returns it as it is.
#[derive(Clone)]
pub struct SharedTransport(Arc<dyn Transport>);

impl SharedTransport {
    /// Wraps a transport in a shared handle. Given a `SharedTransport`, returns
    /// it unchanged (the same `Arc`), so no call goes through two of them.
    ///
    /// ```
    /// # use crux_transport::{BoxFuture, Bytes, Transport, TransportError};
    /// # #[derive(Debug)]
    /// # struct MyTransport;
    /// # impl Transport for MyTransport {
    /// #     fn send(&self, _: http::Request<Bytes>)
    /// #         -> BoxFuture<'_, Result<http::Response<Bytes>, TransportError>> {
    /// #         Box::pin(std::future::pending())
    /// #     }
    /// # }
    /// use crux_transport::SharedTransport;
    ///
    /// let shared = SharedTransport::new(MyTransport);
    /// assert!(SharedTransport::ptr_eq(&shared, &SharedTransport::new(shared.clone())));
    /// ```
    pub fn new<T: Transport + 'static>(transport: T) -> Self {
        if let Some(shared) = (&transport as &dyn Any).downcast_ref::<Self>() {
            return shared.clone();
        }
        Self(Arc::new(transport))
    }

    /// Whether two handles share the same transport (an `Arc::ptr_eq`).
    pub fn ptr_eq(a: &Self, b: &Self) -> bool {
        Arc::ptr_eq(&a.0, &b.0)
    }

    /// Wraps an already shared transport.
    pub fn from_arc(transport: Arc<dyn Transport>) -> Self {
        Self(transport)
    }
}

impl fmt::Debug for SharedTransport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("SharedTransport").field(&self.0).finish()
    }
}

impl Transport for SharedTransport {
    fn send(
        &self,
        request: http::Request<Bytes>,
    ) -> BoxFuture<'_, Result<http::Response<Bytes>, TransportError>> {
        self.0.send(request)
    }
}

// A blanket `impl<T: Transport> From<T> for SharedTransport` would conflict
// with `impl<T> From<T> for T` (`SharedTransport` is itself a `Transport`), so
// each transport of this crate gets its own impl; wrap any other one with
// `SharedTransport::new`.

impl From<Arc<dyn Transport>> for SharedTransport {
    fn from(transport: Arc<dyn Transport>) -> Self {
        Self::from_arc(transport)
    }
}

#[cfg(feature = "hyper")]
impl From<crate::HyperTransport> for SharedTransport {
    fn from(transport: crate::HyperTransport) -> Self {
        Self::new(transport)
    }
}

#[cfg(feature = "test-util")]
impl From<crate::test_util::ReplayTransport> for SharedTransport {
    fn from(transport: crate::test_util::ReplayTransport) -> Self {
        Self::new(transport)
    }
}

#[cfg(feature = "test-util")]
impl From<crate::test_util::NeverTransport> for SharedTransport {
    fn from(transport: crate::test_util::NeverTransport) -> Self {
        Self::new(transport)
    }
}

#[cfg(feature = "test-util")]
impl From<crate::test_util::FnTransport> for SharedTransport {
    fn from(transport: crate::test_util::FnTransport) -> Self {
        Self::new(transport)
    }
}
