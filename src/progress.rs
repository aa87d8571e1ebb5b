//! A progress bar on stderr while many files are read (files read, rows, errors so far). Shown
//! only when stderr is a terminal, never with `--json`, and not for a handful of files; then a
//! spinner while the summary is saved.

use crate::FileDone;
use indicatif::{ProgressBar, ProgressStyle};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

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

    /// Every file is read: the bar becomes a spinner while the summary is saved (compressing a
    /// long list takes a moment after the last file).
    pub fn saving(&self, path: &Path) {
        let Some(bar) = &self.bar else {
            return;
        };
        if let Ok(style) = ProgressStyle::with_template("{spinner} {msg}  ({elapsed})") {
            bar.set_style(style);
        }
        bar.set_message(format!("กำลังบันทึก {} · saving", path.display()));
        bar.enable_steady_tick(Duration::from_millis(120));
    }

    /// Removes the bar.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl Drop for Progress {
    /// The bar never outlives the command, even when it ends early with an error.
    fn drop(&mut self) {
        self.finish();
    }
}
