//! The boundary with calamine: every call into it goes through [`call`], and nothing else does.
//!
//! A panic inside calamine on a damaged file is caught here and becomes `file-unreadable` — and
//! the panic hook stays quiet about it (no `thread … panicked at …` on stderr), because the user
//! has the issue already. Only calamine's own calls are wrapped: a panic in planmerge's code
//! (the table finder, validation, the merge) is a bug of ours and is not dressed up as a bad file.
//!
//! calamine's errors are judged by their typed variants (`XlsxError::Password`…), never by
//! searching their text.

use crate::issue::{Problem, Unreadable};
use std::cell::{Cell, RefCell};
use std::panic::{AssertUnwindSafe, PanicHookInfo};
use std::sync::Once;

thread_local! {
    /// Set while this thread is inside a call into calamine.
    static INSIDE: Cell<bool> = const { Cell::new(false) };
    /// What the last caught panic said, where it was raised.
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

static QUIET_HOOK: Once = Once::new();

/// Installs, once per process, a panic hook that records a panic raised inside [`call`] instead
/// of printing it, and hands every other panic to the hook that was there before (so a bug of
/// ours, or a test's failure, is printed as usual). Thread-safe: the choice is made per thread.
fn install_quiet_hook() {
    QUIET_HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if INSIDE.with(Cell::get) {
                LAST_PANIC.with(|last| *last.borrow_mut() = Some(panic_text(info)));
            } else {
                previous(info);
            }
        }));
    });
}

/// `calamine-0.38.0/src/xlsb/mod.rs:312: no entry found for key`.
fn panic_text(info: &PanicHookInfo<'_>) -> String {
    let payload = info.payload();
    let message = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    let place = info.location().map_or_else(String::new, |l| {
        let file = l.file();
        let short = file.find("calamine").map_or(file, |at| &file[at..]);
        format!("{short}:{}: ", l.line())
    });
    format!("{place}{message}")
}

/// Runs one call into calamine. A panic inside it is caught, kept off stderr, and returned as
/// `file-unreadable` whose reason starts with [`READER_PANICKED`](super::READER_PANICKED) and
/// says where calamine panicked (for the bug report upstream).
pub(crate) fn call<T>(f: impl FnOnce() -> T) -> Result<T, Problem> {
    install_quiet_hook();
    let outer = INSIDE.with(|inside| inside.replace(true));
    let outcome = std::panic::catch_unwind(AssertUnwindSafe(f));
    INSIDE.with(|inside| inside.set(outer));
    outcome.map_err(|_| {
        let detail = LAST_PANIC.with(|last| last.borrow_mut().take());
        let reason = match detail {
            Some(detail) => format!("{}: calamine panicked at {detail}", super::READER_PANICKED),
            None => super::READER_PANICKED.to_string(),
        };
        Problem::FileUnreadable {
            cause: Unreadable::ReaderFailed,
            reason,
        }
    })
}

/// A calamine error, judged by its variant: a password is `file-password-protected`, anything
/// else `file-unreadable` with calamine's words.
pub(crate) trait ReaderError: std::fmt::Display {
    /// Whether calamine says the workbook is encrypted.
    fn is_password(&self) -> bool;

    /// Why the file is unreadable, when it is not for a password: damaged, unless the variant
    /// says more.
    fn unreadable(&self) -> Unreadable {
        Unreadable::Damaged
    }

    /// The error as a problem.
    fn into_problem(self) -> Problem
    where
        Self: Sized,
    {
        if self.is_password() {
            Problem::FilePasswordProtected
        } else {
            Problem::FileUnreadable {
                cause: self.unreadable(),
                reason: self.to_string(),
            }
        }
    }
}

impl ReaderError for calamine::XlsxError {
    fn is_password(&self) -> bool {
        matches!(self, calamine::XlsxError::Password)
    }

    /// A cached formula error calamine does not know (`#SPILL!`): the reader reads the file
    /// again with it rewritten ([`super::error_values`]).
    fn unreadable(&self) -> Unreadable {
        match self {
            calamine::XlsxError::CellError(_) => Unreadable::UnknownErrorValue,
            _ => Unreadable::Damaged,
        }
    }
}

impl ReaderError for calamine::XlsbError {
    fn is_password(&self) -> bool {
        matches!(self, calamine::XlsbError::Password)
    }
}

/// Runs a fallible call into calamine: a panic or an error becomes the problem to report.
pub(crate) fn try_call<T, E: ReaderError>(f: impl FnOnce() -> Result<T, E>) -> Result<T, Problem> {
    call(f)?.map_err(ReaderError::into_problem)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_inside_a_call_is_a_named_problem_with_its_place() {
        let problem = call(|| -> u8 { panic!("index out of bounds") }).expect_err("caught");
        let Problem::FileUnreadable { cause, reason } = problem else {
            panic!("file-unreadable expected");
        };
        assert_eq!(cause, Unreadable::ReaderFailed);
        assert!(reason.starts_with(crate::read::READER_PANICKED), "{reason}");
        assert!(reason.contains("index out of bounds"), "{reason}");
        assert!(!INSIDE.with(Cell::get), "the flag is restored");
    }

    #[test]
    fn a_password_error_is_named_by_its_variant() {
        let problem = try_call(|| -> Result<(), _> { Err(calamine::XlsxError::Password) });
        assert_eq!(problem, Err(Problem::FilePasswordProtected));
    }

    #[test]
    fn an_unknown_error_value_is_named_by_its_variant() {
        let problem =
            try_call(|| -> Result<(), _> { Err(calamine::XlsxError::CellError("#SPILL!".into())) });
        let Err(Problem::FileUnreadable { cause, reason }) = problem else {
            panic!("file-unreadable expected");
        };
        assert_eq!(cause, Unreadable::UnknownErrorValue);
        assert!(reason.contains("#SPILL!"), "{reason}");
    }
}
