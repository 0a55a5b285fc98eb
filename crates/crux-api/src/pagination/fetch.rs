//! One page on its way: [`Fetch`], either a future the stream polls itself
//! (inline) or a task on the tokio runtime the stream is polled in
//! (spawned), aborted when the `Fetch` is dropped. The module docs of
//! [`pagination`](super) say when each is used and why.

use std::{
    future::Future,
    pin::Pin,
    sync::{
        Arc, Mutex,
        atomic::{AtomicBool, Ordering},
    },
    task::{Context, Poll, Wake, Waker},
};

use tokio::task::JoinHandle;

use crate::Error;

/// The future of one page.
pub(super) type PageFuture<P> = Pin<Box<dyn Future<Output = Result<P, Error>> + Send>>;

/// What a [`Fetch`] ends with.
pub(super) enum Fetched<P> {
    /// The page, or the error of its call.
    Page(Result<P, Error>),
    /// The runtime the page's task was spawned on shut down before the task
    /// finished: the page was not received, and may be asked again.
    Cancelled,
}

/// One page's request, in flight.
pub(super) struct Fetch<P> {
    kind: Kind<P>,
}

enum Kind<P> {
    /// Polled by the stream: whenever the stream is polled and the page's
    /// future has asked for it (`flag`), and whenever the stream has no
    /// item left to yield.
    Inline {
        future: PageFuture<P>,
        flag: Arc<WakeFlag>,
    },
    /// A task of the tokio runtime: it makes progress while the consumer is
    /// busy elsewhere. Aborted on drop.
    Spawned(JoinHandle<Result<P, Error>>),
}

impl<P: Send + 'static> Fetch<P> {
    /// `future`, run by the stream's own polls.
    pub(super) fn inline(future: PageFuture<P>) -> Self {
        let flag = Arc::new(WakeFlag {
            // Polled at once: the first poll is what sends the request.
            woken: AtomicBool::new(true),
            waker: Mutex::new(None),
        });
        Self {
            kind: Kind::Inline { future, flag },
        }
    }

    /// `future` as a task of the tokio runtime the caller is running in, or
    /// `None` outside one.
    pub(super) fn spawn(future: PageFuture<P>) -> Result<Self, PageFuture<P>> {
        match tokio::runtime::Handle::try_current() {
            Ok(runtime) => Ok(Self {
                kind: Kind::Spawned(runtime.spawn(future)),
            }),
            Err(_) => Err(future),
        }
    }

    /// Lets the page make progress while the stream still has items to
    /// yield: polls an inline future if it has been woken since its last
    /// poll (a spawned one runs by itself). Registers no waker for the
    /// stream: the caller is about to return an item.
    pub(super) fn progress(&mut self, cx: &mut Context<'_>) -> Poll<Fetched<P>> {
        match &mut self.kind {
            Kind::Inline { flag, .. } if !flag.woken.swap(false, Ordering::AcqRel) => Poll::Pending,
            Kind::Inline { .. } => self.poll_inline(cx),
            Kind::Spawned(_) => Poll::Pending,
        }
    }

    /// Polls the page, registering `cx`'s waker: the stream has nothing to
    /// yield until the page arrives.
    pub(super) fn poll(&mut self, cx: &mut Context<'_>) -> Poll<Fetched<P>> {
        match &mut self.kind {
            Kind::Inline { flag, .. } => {
                flag.woken.store(false, Ordering::Release);
                self.poll_inline(cx)
            }
            Kind::Spawned(task) => match Pin::new(task).poll(cx) {
                Poll::Pending => Poll::Pending,
                Poll::Ready(Ok(result)) => Poll::Ready(Fetched::Page(result)),
                Poll::Ready(Err(error)) => match error.try_into_panic() {
                    // The page's future panicked: as it would have inline.
                    Ok(panic) => std::panic::resume_unwind(panic),
                    Err(_) => Poll::Ready(Fetched::Cancelled),
                },
            },
        }
    }

    /// Polls the inline future with a waker that records the wake-up and
    /// passes it on to the stream's task (`cx`'s waker, registered first so
    /// that no wake-up is lost).
    fn poll_inline(&mut self, cx: &mut Context<'_>) -> Poll<Fetched<P>> {
        let Kind::Inline { future, flag } = &mut self.kind else {
            return Poll::Pending;
        };
        flag.register(cx.waker());
        let waker = Waker::from(Arc::clone(flag));
        future
            .as_mut()
            .poll(&mut Context::from_waker(&waker))
            .map(Fetched::Page)
    }
}

impl<P> Drop for Fetch<P> {
    fn drop(&mut self) {
        // A spawned page must not outlive the stream; an inline one is
        // dropped with it.
        if let Kind::Spawned(task) = &self.kind {
            task.abort();
        }
    }
}

/// The waker an inline page is polled with: notes that the page wants to be
/// polled, and wakes the stream's task.
struct WakeFlag {
    woken: AtomicBool,
    waker: Mutex<Option<Waker>>,
}

impl WakeFlag {
    /// Makes `waker` the one to wake (unless it already is).
    fn register(&self, waker: &Waker) {
        let mut slot = self
            .waker
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if !slot.as_ref().is_some_and(|old| old.will_wake(waker)) {
            *slot = Some(waker.clone());
        }
    }
}

impl Wake for WakeFlag {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        self.woken.store(true, Ordering::Release);
        let waker = self
            .waker
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone();
        if let Some(waker) = waker {
            waker.wake();
        }
    }
}
