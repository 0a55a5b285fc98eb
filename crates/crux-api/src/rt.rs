//! The timer the client waits with: [`AsyncSleep`].
//!
//! A call needs a timer three times over: for the per-request deadline
//! ([`ClientBuilder::timeout`](crate::ClientBuilder::timeout)), for the
//! backoff between retries, and for the call's deadline
//! ([`ClientBuilder::call_timeout`](crate::ClientBuilder::call_timeout)). The
//! client waits with its [`AsyncSleep`] for all three. By default that is
//! [`TokioSleep`], which needs a tokio runtime (with its time driver) running
//! where the call is awaited; on any other executor, give the client a timer
//! of that executor with [`ClientBuilder::sleep_impl`](crate::ClientBuilder::sleep_impl).
//! A call that finds no usable timer fails with
//! [`ErrorKind::NoTimer`](crate::ErrorKind::NoTimer) before sending anything:
//! it never runs without its deadline.
//!
//! On another executor, wrap its timer (for example async-io's
//! `Timer::after(duration)`) in a [`Sleep`]. A timer whose sleeps complete
//! at once, for tests with a fake transport that answers at once (with a
//! real one, every per-request deadline would pass at once too):
//!
//! ```
//! use std::time::Duration;
//! use crux_api::rt::{AsyncSleep, Sleep};
//!
//! #[derive(Debug)]
//! struct NoWait;
//!
//! impl AsyncSleep for NoWait {
//!     fn sleep(&self, _duration: Duration) -> Sleep {
//!         Sleep::new(std::future::ready(()))
//!     }
//! }
//!
//! let client = crux_api::Client::builder()
//!     .token("my-token")
//!     .sleep_impl(NoWait)
//!     .build()?;
//! # Ok::<(), crux_api::Error>(())
//! ```

use std::{
    any::Any,
    fmt,
    future::Future,
    pin::Pin,
    sync::Arc,
    task::{Context, Poll},
    time::Duration,
};

/// A timer: returns futures that complete after a given duration.
///
/// Modelled on the AWS SDK's `AsyncSleep`. Implement it to run the client on
/// an executor other than tokio, or to control time in tests.
pub trait AsyncSleep: Send + Sync + fmt::Debug {
    /// A future that completes once `duration` has passed.
    fn sleep(&self, duration: Duration) -> Sleep;

    /// Whether this timer can run where it is called from, now. The client
    /// asks at the start of every call and fails with
    /// [`ErrorKind::NoTimer`](crate::ErrorKind::NoTimer) when it cannot.
    /// The default is `true`.
    fn is_available(&self) -> bool {
        true
    }
}

/// The future of [`AsyncSleep::sleep`]: boxed and `Send`.
#[must_use = "a sleep does nothing unless awaited"]
pub struct Sleep(Pin<Box<dyn Future<Output = ()> + Send + 'static>>);

impl Sleep {
    /// Wraps any `Send` future that completes when the time has passed.
    pub fn new(future: impl Future<Output = ()> + Send + 'static) -> Self {
        Self(Box::pin(future))
    }
}

impl Future for Sleep {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        self.0.as_mut().poll(cx)
    }
}

impl fmt::Debug for Sleep {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Sleep")
    }
}

/// The default timer: `tokio::time::sleep`, on the tokio runtime the call is
/// awaited in (its paused test clock included).
///
/// It is [available](AsyncSleep::is_available) only inside a tokio runtime;
/// a sleep awaited outside one never completes (the client checks first, so
/// it never awaits one there).
#[derive(Debug, Clone, Copy, Default)]
pub struct TokioSleep;

impl TokioSleep {
    /// The tokio timer.
    pub fn new() -> Self {
        Self
    }
}

impl AsyncSleep for TokioSleep {
    fn sleep(&self, duration: Duration) -> Sleep {
        Sleep::new(async move {
            // Checked again here, because `tokio::time::sleep` panics outside
            // a runtime.
            if tokio::runtime::Handle::try_current().is_ok() {
                tokio::time::sleep(duration).await;
            } else {
                std::future::pending::<()>().await;
            }
        })
    }

    fn is_available(&self) -> bool {
        tokio::runtime::Handle::try_current().is_ok()
    }
}

/// A cheap-to-clone handle to any [`AsyncSleep`]: an `Arc<dyn AsyncSleep>`.
#[derive(Clone)]
pub struct SharedAsyncSleep(Arc<dyn AsyncSleep>);

impl SharedAsyncSleep {
    /// Wraps a timer in a shared handle. Given a `SharedAsyncSleep`, returns
    /// it unchanged rather than wrapping it twice.
    pub fn new<T: AsyncSleep + 'static>(sleep: T) -> Self {
        if let Some(shared) = (&sleep as &dyn Any).downcast_ref::<Self>() {
            return shared.clone();
        }
        Self(Arc::new(sleep))
    }
}

impl Default for SharedAsyncSleep {
    /// [`TokioSleep`].
    fn default() -> Self {
        Self::new(TokioSleep)
    }
}

impl AsyncSleep for SharedAsyncSleep {
    fn sleep(&self, duration: Duration) -> Sleep {
        self.0.sleep(duration)
    }

    fn is_available(&self) -> bool {
        self.0.is_available()
    }
}

impl fmt::Debug for SharedAsyncSleep {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("SharedAsyncSleep").field(&self.0).finish()
    }
}

/// Runs `future` until it completes or `sleep` has slept `limit`, whichever
/// is first (`None` then).
pub(crate) async fn timeout<F: Future>(
    sleep: &dyn AsyncSleep,
    limit: Duration,
    future: F,
) -> Option<F::Output> {
    let mut future = std::pin::pin!(future);
    let mut timer = sleep.sleep(limit);
    std::future::poll_fn(|cx| {
        if let Poll::Ready(output) = future.as_mut().poll(cx) {
            return Poll::Ready(Some(output));
        }
        Pin::new(&mut timer).poll(cx).map(|()| None)
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokio_sleep_is_available_only_inside_a_runtime() {
        assert!(!TokioSleep.is_available());
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .start_paused(true)
            .build()
            .expect("runtime");
        runtime.block_on(async {
            assert!(TokioSleep.is_available());
            let start = tokio::time::Instant::now();
            TokioSleep.sleep(Duration::from_secs(3)).await;
            assert_eq!(start.elapsed(), Duration::from_secs(3));
        });
    }

    #[test]
    fn tokio_sleep_outside_a_runtime_waits_instead_of_panicking() {
        let mut sleep = TokioSleep.sleep(Duration::ZERO);
        let poll = Pin::new(&mut sleep).poll(&mut Context::from_waker(std::task::Waker::noop()));
        assert!(poll.is_pending());
    }

    #[test]
    fn a_shared_sleep_is_not_wrapped_again() {
        let shared = SharedAsyncSleep::new(TokioSleep);
        let again = SharedAsyncSleep::new(shared.clone());
        assert!(Arc::ptr_eq(&shared.0, &again.0));
        assert_eq!(format!("{again:?}"), "SharedAsyncSleep(TokioSleep)");
    }
}
