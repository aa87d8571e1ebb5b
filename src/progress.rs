//! A progress bar on stderr while many files are read (files read, rows, errors so far). Shown
//! only when stderr is a terminal, never with `--json`, and not for a handful of files.

use crate::{FileDone, Merged};
use indicatif::{ProgressBar, ProgressStyle};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Fewer files than this are read too fast for a bar to help.
const MIN_FILES: usize = 8;

/// read → validate, with a progress bar when `show` and there are enough files.
pub fn read_and_validate(files: &[PathBuf], show: bool) -> Merged {
    if !show || files.len() < MIN_FILES {
        return crate::read_and_validate(files);
    }
    let bar = ProgressBar::new(files.len() as u64);
    let template = "{spinner} [{bar:30}] {pos}/{len} ไฟล์ · files  {msg}  ({elapsed})";
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style.progress_chars("=> "));
    }
    let rows = AtomicUsize::new(0);
    let errors = AtomicUsize::new(0);
    let merged = crate::read_and_validate_with(files, &|done: &FileDone| {
        let rows = rows.fetch_add(done.rows, Ordering::Relaxed) + done.rows;
        let errors = errors.fetch_add(done.errors, Ordering::Relaxed) + done.errors;
        bar.set_message(format!("{rows} แถว · rows · ผิด {errors} · errors"));
        bar.inc(1);
    });
    bar.finish_and_clear();
    merged
}
