//! Running a handler's future so that a panic or a timeout becomes an outcome the layer
//! answers, rather than a dropped connection or an answer in the framework's shape.

use std::any::Any;
use std::future::Future;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

/// How a handler's future ended.
pub(crate) enum Outcome<T> {
    /// It finished.
    Done(T),
    /// It panicked, with this payload.
    Panicked(Box<dyn Any + Send>),
    /// It took longer than the profile's timeout, and was dropped.
    TimedOut,
}

pin_project_lite::pin_project! {
    /// `future`, run to its end with a panic in any poll caught, given up after a timeout.
    pub(crate) struct Guard<F> {
        #[pin]
        future: F,
        sleep: Option<Pin<Box<tokio::time::Sleep>>>,
        done: bool,
    }
}

/// Runs `future` to its end, catching a panic in any poll, and gives up after `timeout`.
///
/// A future that panicked is not polled again (it is dropped with the guard); the handler's
/// state is the handler's own, so nothing shared is left half-changed by the layer.
pub(crate) fn guard<F: Future>(future: F, timeout: Option<Duration>) -> Guard<F> {
    Guard {
        future,
        sleep: timeout.map(|t| Box::pin(tokio::time::sleep(t))),
        done: false,
    }
}

impl<F: Future> Future for Guard<F> {
    type Output = Outcome<F::Output>;

    fn poll(self: Pin<&mut Self>, task: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        assert!(!*this.done, "a guard polled after it finished");
        let mut future = this.future;
        let outcome = match catch_unwind(AssertUnwindSafe(|| future.as_mut().poll(task))) {
            Ok(Poll::Ready(output)) => Outcome::Done(output),
            Err(payload) => Outcome::Panicked(payload),
            Ok(Poll::Pending) => {
                let timed_out = this
                    .sleep
                    .as_mut()
                    .is_some_and(|sleep| sleep.as_mut().poll(task).is_ready());
                if !timed_out {
                    return Poll::Pending;
                }
                Outcome::TimedOut
            }
        };
        *this.done = true;
        Poll::Ready(outcome)
    }
}
