//! read → validate for a whole set of files, streamed: files are read and validated on worker
//! threads and handed over one by one in file order, where projects listed twice are refused and
//! the rest counted as they pass ([`Merge`]). Nothing here holds the merged list: whoever takes
//! a file's projects (the summary writer, or [`crate::read_and_validate`]) decides whether to
//! keep them.

use crate::compute::{ReportTotals, Tally};
use crate::config::ReportConfig;
use crate::issue::{self, Issue};
use crate::model::ProjectRow;
use crate::read::InputFile;
use crate::validate::{self, DuplicateIndex};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, mpsc};

/// One file read and validated.
#[derive(Debug)]
pub struct FileOutcome {
    /// What was read.
    pub input: InputFile,
    /// Its projects that passed every rule of their own row, in order.
    pub projects: Vec<ProjectRow>,
    /// Each project's [`validate::name_key`], in the same order.
    pub keys: Vec<u128>,
    /// Its issues: the reader's first, then the rows'.
    pub issues: Vec<Issue>,
}

/// Reads and validates one file.
pub fn read_one(path: &Path) -> FileOutcome {
    let (file, validated) = validate::read_and_validate_file(path);
    let keys = validated
        .projects
        .iter()
        .map(|p| validate::name_key(&p.name))
        .collect();
    FileOutcome {
        input: file.input,
        projects: validated.projects,
        keys,
        issues: validated.issues,
    }
}

/// What one finished file reports to a progress display.
#[derive(Debug, Clone, Copy)]
pub struct FileDone {
    /// Rows read under headers.
    pub rows: usize,
    /// Errors found in the file.
    pub errors: usize,
}

/// Files read ahead of the one being handed over, per worker: enough to keep every core busy,
/// few enough that a slow consumer never makes the finished files pile up in memory.
const AHEAD_PER_WORKER: usize = 2;

/// Reads and validates `files` on as many threads as there are cores and calls `each` on the
/// calling thread with every file's outcome, in file order, as soon as it and every file before
/// it are done. `progress` is called (from any thread) as each file finishes.
pub fn for_each_file(
    files: &[PathBuf],
    progress: &(dyn Fn(&FileDone) + Sync),
    each: &mut dyn FnMut(FileOutcome),
) {
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, files.len().max(1));
    let next = AtomicUsize::new(0);
    let window = Window::new(workers * AHEAD_PER_WORKER);
    let (sender, receiver) = mpsc::channel::<(usize, FileOutcome)>();
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let sender = sender.clone();
            let (next, window) = (&next, &window);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= files.len() || !window.wait_for_room(i) {
                        return;
                    }
                    let outcome = read_one(&files[i]);
                    progress(&FileDone {
                        rows: outcome.input.rows,
                        errors: issue::error_count(&outcome.issues),
                    });
                    if sender.send((i, outcome)).is_err() {
                        return;
                    }
                }
            });
        }
        drop(sender);
        // Workers are released even if `each` panics, so the scope can end.
        let _release = ReleaseOnDrop(&window);
        let mut finished: BTreeMap<usize, FileOutcome> = BTreeMap::new();
        let mut wanted = 0;
        for (i, outcome) in receiver {
            finished.insert(i, outcome);
            while let Some(outcome) = finished.remove(&wanted) {
                each(outcome);
                wanted += 1;
                window.handed_over(wanted);
            }
        }
    });
}

/// How far workers may run ahead of the file being handed over.
struct Window {
    /// Files handed over so far; `usize::MAX` once the consumer has stopped.
    handed_over: Mutex<usize>,
    moved: Condvar,
    ahead: usize,
}

impl Window {
    fn new(ahead: usize) -> Self {
        Window {
            handed_over: Mutex::new(0),
            moved: Condvar::new(),
            ahead,
        }
    }

    /// Waits until file `i` may be read; `false` when the consumer has stopped.
    fn wait_for_room(&self, i: usize) -> bool {
        let Ok(mut handed) = self.handed_over.lock() else {
            return false;
        };
        while *handed != usize::MAX && i >= handed.saturating_add(self.ahead) {
            handed = match self.moved.wait(handed) {
                Ok(guard) => guard,
                Err(_) => return false,
            };
        }
        *handed != usize::MAX
    }

    fn handed_over(&self, count: usize) {
        if let Ok(mut handed) = self.handed_over.lock() {
            *handed = count;
        }
        self.moved.notify_all();
    }
}

/// Marks the window stopped when dropped (normally or while unwinding).
struct ReleaseOnDrop<'a>(&'a Window);

impl Drop for ReleaseOnDrop<'_> {
    fn drop(&mut self) {
        self.0.handed_over(usize::MAX);
    }
}

/// The merge so far (การรวมข้อมูล): every file read, every issue, the figures counted and the
/// names seen — everything but the projects themselves.
#[derive(Debug, Default)]
pub struct Merge {
    /// Every file read, in order, with the projects it contributed.
    pub inputs: Vec<InputFile>,
    /// Every issue, in file order (a refused duplicate right after its file's own issues).
    pub issues: Vec<Issue>,
    tally: Tally,
    seen: DuplicateIndex,
    errors: usize,
}

impl Merge {
    /// Takes the next file (in file order): refuses its projects already seen, counts the rest
    /// and returns them.
    pub fn add(&mut self, file: FileOutcome) -> Vec<ProjectRow> {
        let FileOutcome {
            mut input,
            mut projects,
            keys,
            issues,
        } = file;
        self.errors += issue::error_count(&issues);
        self.issues.extend(issues);
        let mut keys = keys.into_iter();
        projects.retain(|p| {
            let key = keys.next().unwrap_or_else(|| validate::name_key(&p.name));
            self.check(key, p)
        });
        input.counted = projects.len();
        self.inputs.push(input);
        projects
    }

    /// Refuses `p` when its name was seen before; counts it otherwise.
    fn check(&mut self, key: u128, p: &ProjectRow) -> bool {
        match self.seen.check(key, p) {
            Some(duplicate) => {
                self.errors += usize::from(duplicate.is_error());
                self.issues.push(duplicate);
                false
            }
            None => {
                self.tally.add(p);
                true
            }
        }
    }

    /// Errors so far (a summary is written only when there are none, or as a draft).
    pub fn errors(&self) -> usize {
        self.errors
    }

    /// Every figure of the report, from the projects counted so far.
    pub fn totals(&self, config: &ReportConfig) -> ReportTotals {
        self.tally.clone().finish(config)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bundled samples, repeated `times` times (40 files for 5): more files than workers and
    /// read-ahead together.
    fn many_files(times: usize) -> Vec<PathBuf> {
        let samples = crate::read::collect_files(&[PathBuf::from("samples")]).expect("samples");
        assert_eq!(samples.len(), 8);
        (0..times).flat_map(|_| samples.clone()).collect()
    }

    #[test]
    fn files_are_handed_over_in_file_order() {
        let files = many_files(5);
        let mut seen = Vec::new();
        for_each_file(&files, &|_| {}, &mut |file| seen.push(file.input.file));
        let expected: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
        assert_eq!(seen, expected);
    }

    #[test]
    fn a_second_copy_of_the_samples_is_refused_as_duplicates_and_not_counted() {
        let files = many_files(2);
        let config = crate::config::ReportConfig::load("samples/report.toml".as_ref())
            .expect("samples config");
        let mut merge = Merge::default();
        let mut kept = 0;
        for_each_file(&files, &|_| {}, &mut |file| kept += merge.add(file).len());
        assert_eq!(kept, 81);
        assert_eq!(merge.totals(&config).total.projects, 81);
        assert_eq!(
            merge.errors(),
            81,
            "every project of the second copy is a duplicate"
        );
        let counted: Vec<usize> = merge.inputs.iter().map(|i| i.counted).collect();
        assert_eq!(counted[8..], [0; 8]);
        assert_eq!(counted[..8].iter().sum::<usize>(), 81);
    }

    #[test]
    fn a_consumer_that_panics_does_not_leave_the_readers_waiting() {
        let files = many_files(5);
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let mut n = 0;
            for_each_file(&files, &|_| {}, &mut |_| {
                n += 1;
                assert!(n < 3, "the consumer fails on the third file");
            });
        }));
        assert!(
            result.is_err(),
            "the panic reaches the caller instead of hanging"
        );
    }
}
