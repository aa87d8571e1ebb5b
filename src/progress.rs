//! A progress bar on stderr while many files are read (files read, rows, errors so far). Shown
//! only when stderr is a terminal, never with `--json`, and not for a handful of files.

use crate::FileDone;
use indicatif::{ProgressBar, ProgressStyle};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Fewer files than this are read too fast for a bar to help.
const MIN_FILES: usize = 8;

/// The bar, or nothing when it is not wanted.
#[derive(Debug)]
pub struct Progress {
    bar: Option<ProgressBar>,
    rows: AtomicUsize,
    errors: AtomicUsize,
}

impl Progress {
    /// A bar for `files` files when `show` and there are enough of them to be worth one.
    pub fn new(files: usize, show: bool) -> Self {
        let bar = (show && files >= MIN_FILES).then(|| {
            let bar = ProgressBar::new(files as u64);
            let template = "{spinner} [{bar:30}] {pos}/{len} ไฟล์ · files  {msg}  ({elapsed})";
            if let Ok(style) = ProgressStyle::with_template(template) {
                bar.set_style(style.progress_chars("=> "));
            }
            bar
        });
        Progress {
            bar,
            rows: AtomicUsize::new(0),
            errors: AtomicUsize::new(0),
        }
    }

    /// One more file read (called from any thread).
    pub fn file_done(&self, done: &FileDone) {
        let Some(bar) = &self.bar else {
            return;
        };
        let rows = self.rows.fetch_add(done.rows, Ordering::Relaxed) + done.rows;
        let errors = self.errors.fetch_add(done.errors, Ordering::Relaxed) + done.errors;
        bar.set_message(format!("{rows} แถว · rows · ผิด {errors} · errors"));
        bar.inc(1);
    }

    /// Removes the bar.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
