//! read → validate for a whole set of files, streamed: files are read and validated on worker
//! threads and handed over one by one in file order, where projects listed twice are refused and
//! the rest counted as they pass ([`Merge`]). Nothing here holds the merged list: whoever takes
//! a file's projects (the summary writer, or [`crate::read_and_validate`]) decides whether to
//! keep them.

use crate::compare::{Change, Comparison, Previous, Sent};
use crate::compute::{ReportTotals, Tally};
use crate::config::ReportConfig;
use crate::issue::{Issue, IssueList, Problem};
use crate::model::{Location, ProjectRow};
use crate::read::table::RawRow;
use crate::read::{self, DivisionFrom, FileRead, InputFile, ReadOptions};
use crate::schema::listed_division;
use crate::schema::text::{name_folded, normalize};
use crate::validate::{self, DuplicateIndex};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, mpsc};

/// A piece of one file, handed over in order: its projects a chunk at a time, then the end of
/// the file with what was read and its issues.
#[derive(Debug)]
pub enum FilePart {
    /// The file's next projects that passed every rule of their own row, in order, with each
    /// one's [`validate::name_key`].
    Projects(Vec<ProjectRow>, Vec<u128>),
    /// The file is finished.
    Done {
        /// What was read (boxed: a file ends once, its chunks of projects pass many times).
        input: Box<InputFile>,
        /// Its issues: the reader's first, then the rows'.
        issues: IssueList,
        /// The [`validate::name_key`] of each named row refused for an error of its own: the
        /// project is in the file (a comparison must not call it dropped), just not countable.
        refused: Vec<u128>,
    },
}

/// Projects handed over at a time: a file of any length is never held whole.
const CHUNK_ROWS: usize = 4096;

/// Chunks a file may have read ahead of the consumer before its reader waits.
const QUEUED_CHUNKS: usize = 4;

/// Files a worker may start ahead of the one being handed over: enough to keep every core busy,
/// few enough that finished files never pile up when the consumer is slower than the readers.
const AHEAD_PER_WORKER: usize = 2;

/// Reads and validates one file from disk, handing its parts to `send` in order.
pub fn read_parts(path: &Path, options: &ReadOptions, send: &mut dyn FnMut(FilePart)) {
    let (division, from) = options.placed_on_disk(path);
    validate_parts(&division, send, |sink| {
        let mut read = read::read_file_into(path, options, sink);
        // Taken for a division its name does not hold: said, so it is never a guess unseen.
        let file = &read.input.file;
        let said = match from {
            Some(DivisionFrom::Folder(folder)) => Some(Issue::new(
                Problem::DivisionFromFolder {
                    division: division.clone(),
                    folder,
                },
                Location::file(file),
            )),
            Some(DivisionFrom::Title(line)) => Some(Issue::new(
                Problem::DivisionFromTitle {
                    division: division.clone(),
                    line,
                },
                Location::cell(file, crate::schema::FORM_DATA_SHEET, 2, 0),
            )),
            None => None,
        };
        if let Some(issue) = said {
            read.issues.push(issue);
        }
        read
    });
}

/// Reads and validates one file's bytes (the format its `extension` names), reported under the
/// name `shown`, handing its parts to `send` in order. The fuzz target runs the whole per-file
/// pipeline through this.
pub fn read_bytes_parts(
    shown: &str,
    extension: &str,
    bytes: Vec<u8>,
    options: &ReadOptions,
    send: &mut dyn FnMut(FilePart),
) {
    let division = options.division_of(Path::new(shown));
    validate_parts(&division, send, |sink| {
        read::read_bytes_into(shown, extension, bytes, options, sink)
    });
}

/// Runs `read`, validating each row it finds as a project of `division` and handing the
/// projects on a chunk at a time, then the end of the file.
fn validate_parts(
    division: &str,
    send: &mut dyn FnMut(FilePart),
    read: impl FnOnce(&mut dyn FnMut(RawRow)) -> FileRead,
) {
    let division: Arc<str> = division.into();
    let mut projects = Vec::new();
    let mut row_issues = IssueList::default();
    let mut refused = Vec::new();
    let file = read(
        &mut |raw| match validate::project(&raw, &division, &mut row_issues) {
            Some(p) => {
                projects.push(p);
                if projects.len() >= CHUNK_ROWS {
                    hand_over(std::mem::take(&mut projects), send);
                }
            }
            None => {
                if let Some(name) = validate::name_text(raw.name.as_ref()) {
                    refused.push(validate::name_key(&name));
                }
            }
        },
    );
    if !projects.is_empty() {
        hand_over(projects, send);
    }
    let mut issues = file.issues;
    issues.append(row_issues);
    let mut input = file.input;
    input.division = division.to_string();
    send(FilePart::Done {
        input: Box::new(input),
        issues,
        refused,
    });
}

/// Hands a chunk of projects on, with each one's [`validate::name_key`] (computed here, on the
/// reading thread, off the merge's critical path).
fn hand_over(projects: Vec<ProjectRow>, send: &mut dyn FnMut(FilePart)) {
    let keys = projects
        .iter()
        .map(|p| validate::name_key(&p.name))
        .collect();
    send(FilePart::Projects(projects, keys));
}

/// planmerge's form prefilled from the previous round and left untouched beside the file its
/// division sent ([`left_over_forms`]): read, named, not counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftOver {
    /// The form, as named to the user.
    pub file: String,
    /// Its division.
    pub division: String,
    /// The division's own file, as named to the user.
    pub own: String,
    /// The projects it lists.
    pub projects: usize,
}

/// The files among `files` that are planmerge's forms prefilled from the previous round
/// (`previous`, its projects) and left as they were written — every project of their division
/// as that round gave it ([`crate::compare::as_before`]) — while the same division has another
/// file: counted beside it, such a form would make each of its projects a duplicate, or
/// count last round's figures as this round's. Only beside a file of the division's that holds
/// rows of its own (not a blank form, a summary or a file that cannot be opened), so a
/// division's data is never left out: a division whose other files hold nothing, or are such
/// forms too, keeps one (the one not under the name `template` gives, else the first). Only
/// divisions with two files or more, one of them planmerge's form, are looked at here.
pub fn left_over_forms(
    files: &[PathBuf],
    options: &ReadOptions,
    previous: &[ProjectRow],
) -> Vec<LeftOver> {
    if previous.is_empty() {
        return Vec::new();
    }
    let workbooks: Vec<&PathBuf> = files
        .iter()
        .filter(|f| read::is_spreadsheet_name(f))
        .collect();
    let divisions: Vec<String> = workbooks
        .iter()
        .map(|f| options.placed_on_disk(f).0)
        .collect();
    let mut left = Vec::new();
    let mut done: Vec<String> = Vec::new();
    for division in &divisions {
        let key = normalize(division);
        if done.contains(&key) {
            continue;
        }
        done.push(key.clone());
        let mine: Vec<&PathBuf> = (workbooks.iter().zip(&divisions))
            .filter(|(_, d)| normalize(d) == key)
            .map(|(f, _)| *f)
            .collect();
        if mine.len() < 2 {
            continue;
        }
        let forms: Vec<&PathBuf> = mine
            .iter()
            .filter(|f| read::form_of(f).is_some())
            .copied()
            .collect();
        if forms.is_empty() {
            continue;
        }
        let before: Vec<ProjectRow> = previous
            .iter()
            .filter(|p| normalize(&p.division) == key)
            .cloned()
            .collect();
        let untouched: Vec<(&PathBuf, usize)> = forms
            .into_iter()
            .filter_map(|f| untouched_form(f, options, &before).map(|n| (f, n)))
            .collect();
        let Some(kept) = kept_file(&mine, &untouched, options) else {
            continue;
        };
        for (form, projects) in untouched.into_iter().filter(|(f, _)| *f != kept) {
            left.push(LeftOver {
                file: form.display().to_string(),
                division: division.clone(),
                own: kept.display().to_string(),
                projects,
            });
        }
    }
    left
}

/// The file of a division's `files` that counts beside its `untouched` prefilled forms: the
/// first other file holding rows of its own; without one, one of the forms (the first not
/// under the name `template` gives, else the first). None without an untouched form.
fn kept_file<'f>(
    files: &[&'f PathBuf],
    untouched: &[(&'f PathBuf, usize)],
    options: &ReadOptions,
) -> Option<&'f PathBuf> {
    let is_untouched = |f: &PathBuf| untouched.iter().any(|(u, _)| *u == f);
    let own = files
        .iter()
        .find(|f| !is_untouched(f) && read::read_file_into(f, options, &mut |_| {}).input.rows > 0);
    if let Some(own) = own {
        return Some(*own);
    }
    let named = |f: &&(&PathBuf, usize)| {
        let name = f.0.file_name().map(|n| n.to_string_lossy().into_owned());
        !name.is_some_and(|n| n.starts_with(crate::schema::TEMPLATE_FILE_PREFIX))
    };
    let (form, _) = untouched.iter().find(named).or(untouched.first())?;
    Some(*form)
}

/// The number of projects of `file`, one of planmerge's forms, when it lists exactly `before`
/// (its division's projects of the previous round) as they were, without an error; none
/// otherwise.
fn untouched_form(file: &Path, options: &ReadOptions, before: &[ProjectRow]) -> Option<usize> {
    let read = crate::read_and_validate_with(&[file.to_path_buf()], options);
    let input = read.inputs.first()?;
    let whole = read.errors() == 0 && input.rows == read.projects.len();
    (whole && crate::compare::as_before(&read.projects, before)).then_some(read.projects.len())
}

/// What one finished file reports to a progress display.
#[derive(Debug, Clone, Copy)]
pub struct FileDone {
    /// Rows read under headers.
    pub rows: usize,
    /// Errors found in the file.
    pub errors: usize,
}

/// How many files are read at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Readers {
    /// One reader per core: nothing else is busy (`check`, the page's report).
    EveryCore,
    /// One reader per core but one, left to a thread that works beside them (the list writer of
    /// `merge`): on two cores, two readers and the writer would take turns on both, and the
    /// writer, the merge's critical path, would wait. At least one reader.
    BesideWriter,
}

impl Readers {
    /// Reader threads for `files` files on this machine.
    fn count(self, files: usize) -> usize {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let readers = match self {
            Readers::EveryCore => cores,
            Readers::BesideWriter => cores.saturating_sub(1),
        };
        readers.clamp(1, files.max(1))
    }
}

/// Reads and validates `files` on `readers` threads and calls `each` on the
/// calling thread with every file's parts, file after file, in order, as soon as they are
/// ready. Readers start a file only a few files ahead of the one being handed over, and each
/// file has its own short queue that its reader waits on when full, so memory stays bounded
/// whatever the number and size of the files. `progress` is called (from any thread) as each
/// file finishes.
pub fn for_each_file(
    files: &[PathBuf],
    options: &ReadOptions,
    readers: Readers,
    progress: &(dyn Fn(&FileDone) + Sync),
    each: &mut dyn FnMut(FilePart),
) {
    let workers = readers.count(files.len());
    let (senders, receivers): (Vec<_>, Vec<_>) = files
        .iter()
        .map(|_| {
            let (sender, receiver) = mpsc::sync_channel::<FilePart>(QUEUED_CHUNKS);
            (Mutex::new(Some(sender)), receiver)
        })
        .unzip();
    let next = AtomicUsize::new(0);
    let stopped = AtomicBool::new(false);
    let window = Window::new(workers * AHEAD_PER_WORKER);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let (next, stopped, senders, window) = (&next, &stopped, &senders, &window);
            let reader = std::thread::Builder::new().name("reader".into());
            let spawned = reader.spawn_scoped(scope, move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= files.len() || !window.wait_for_room(i) {
                        return;
                    }
                    if stopped.load(Ordering::Relaxed) {
                        return;
                    }
                    let Some(sender) = senders[i].lock().ok().and_then(|mut s| s.take()) else {
                        return;
                    };
                    read_parts(&files[i], options, &mut |part| {
                        if let FilePart::Done { input, issues, .. } = &part {
                            progress(&FileDone {
                                rows: input.rows,
                                errors: issues.errors(),
                            });
                        }
                        if sender.send(part).is_err() {
                            // The consumer has stopped: read no further files.
                            stopped.store(true, Ordering::Relaxed);
                        }
                    });
                }
            });
            // As `scope.spawn` does: a thread the system will not start is a panic.
            if let Err(error) = spawned {
                panic!("cannot start a reader thread: {error}");
            }
        }
        // Both are dropped first if `each` panics, which releases every waiting reader.
        let receivers = receivers;
        let _release = ReleaseOnDrop(&window);
        for (i, receiver) in receivers.iter().enumerate() {
            // A reader that died mid-file drops its sender: go on to the next file.
            while let Ok(part) = receiver.recv() {
                let done = matches!(part, FilePart::Done { .. });
                each(part);
                if done {
                    break;
                }
            }
            window.handed_over(i + 1);
        }
    });
}

/// How far readers may run ahead of the file being handed over.
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
    /// Every issue, in file order (a file's refused duplicates right after its own issues).
    pub issues: Vec<Issue>,
    tally: Tally,
    seen: DuplicateIndex,
    errors: usize,
    /// The current file's projects counted so far.
    counted: usize,
    /// The current file's issues across rows (refused duplicates; with a previous round, what
    /// the comparison raises), issued when the file is done.
    duplicates: IssueList,
    /// The previous round, when this one is compared with it.
    comparison: Option<Comparison>,
    /// Whether the previous round's projects are those of the division whose file this is
    /// (the drop box checking one upload): its every project is then compared, whatever the
    /// file is called.
    one_division: bool,
    /// Whether only the files named were given, no folder (`check กองคลัง.xlsx`): the
    /// divisions of other files are not expected, nor their projects of the previous round.
    pub files_only: bool,
    /// The current file's projects counted, per sheet (rows of one sheet come together).
    counted_by_sheet: Vec<(Arc<str>, usize)>,
    /// Prefilled forms left beside their division's own file ([`left_over_forms`]): read and
    /// named, their projects not counted.
    left_over: Vec<LeftOver>,
    /// Files passed over whole ([`Problem::passes_over_file`]: a PDF, a workbook under a backup
    /// name): a workbook the same byte for byte is no copy of theirs, none of theirs counted.
    passed_over: std::collections::HashSet<String>,
}

impl Merge {
    /// Takes the next part (in file order): refuses projects already seen, counts the rest and
    /// returns them (none for the end of a file).
    pub fn take(&mut self, part: FilePart) -> Vec<ProjectRow> {
        match part {
            FilePart::Projects(projects, _) if self.is_left_over(&projects) => Vec::new(),
            FilePart::Projects(mut projects, keys) => {
                let mut keys = keys.into_iter();
                projects.retain(|p| {
                    let key = keys.next().unwrap_or_else(|| validate::name_key(&p.name));
                    self.check(key, p)
                });
                self.counted += projects.len();
                for p in &projects {
                    match self.counted_by_sheet.last_mut() {
                        Some((sheet, n)) if Arc::ptr_eq(sheet, &p.source.sheet) => *n += 1,
                        _ => self.counted_by_sheet.push((p.source.sheet.clone(), 1)),
                    }
                }
                projects
            }
            FilePart::Done { input, .. } if self.left_over_of(&input.file).is_some() => {
                self.take_left_over(*input);
                Vec::new()
            }
            FilePart::Done {
                mut input,
                mut issues,
                refused,
            } => {
                if let Some(comparison) = &mut self.comparison {
                    for key in refused {
                        comparison.present(key);
                    }
                }
                let duplicates = std::mem::take(&mut self.duplicates);
                // A PDF sent twice is not merged either time: its warning says enough.
                let not_a_workbook = issues.iter().any(|i| i.problem.passes_over_file());
                let copied_from = if not_a_workbook {
                    self.passed_over.insert(input.file.clone());
                    None
                } else {
                    self.copied_from(&input)
                };
                match copied_from {
                    // Every project of a copy was refused as a duplicate, and its own issues
                    // are the original's, shown there: one error says what happened.
                    Some(other) => {
                        let at = Location::file(&input.file);
                        issues =
                            IssueList::from(vec![Issue::new(Problem::FileDuplicate { other }, at)]);
                    }
                    None => issues.append(duplicates),
                }
                self.errors += issues.errors();
                let (mut kept, omitted) = issues.into_parts();
                if input.is_unfilled_form() {
                    // Not "check you sent the right file": it is the form planmerge wrote, and
                    // no division's file (so a division with nothing else is said missing).
                    // Nor is its title's year a file's of another year: it is no file yet.
                    kept.retain(|i| {
                        !matches!(
                            i.problem,
                            Problem::TableEmpty | Problem::TitleOtherYear { .. }
                        )
                    });
                    let problem = Problem::FormUnfilled {
                        division: input.division.clone(),
                    };
                    kept.push(Issue::new(problem, Location::file(&input.file)));
                }
                self.issues.extend(kept);
                input.omitted = omitted;
                input.counted = std::mem::take(&mut self.counted);
                for (sheet, n) in self.counted_by_sheet.drain(..) {
                    if let Some(table) = input.tables.iter_mut().find(|t| *t.sheet == *sheet) {
                        table.counted += n;
                    }
                }
                self.inputs.push(*input);
                Vec::new()
            }
        }
    }

    /// Leaves out the files of `left_over` ([`left_over_forms`]): read, each named in one
    /// `form-left-over`, their projects not counted.
    pub fn leaving_out(mut self, left_over: Vec<LeftOver>) -> Self {
        self.left_over = left_over;
        self
    }

    /// Whether these projects are of a form left over (a chunk is of one file).
    fn is_left_over(&self, projects: &[ProjectRow]) -> bool {
        !self.left_over.is_empty()
            && projects
                .first()
                .is_some_and(|p| self.left_over_of(&p.source.file).is_some())
    }

    fn left_over_of(&self, file: &str) -> Option<&LeftOver> {
        self.left_over.iter().find(|l| l.file == file)
    }

    /// The end of a form left over: one warning instead of its issues, nothing counted.
    fn take_left_over(&mut self, mut input: InputFile) {
        if let Some(left) = self.left_over_of(&input.file) {
            let problem = Problem::FormLeftOver {
                division: left.division.clone(),
                own: left.own.clone(),
                projects: left.projects,
            };
            self.issues
                .push(Issue::new(problem, Location::file(&input.file)));
        }
        self.counted_by_sheet.clear();
        input.counted = 0;
        self.counted = 0;
        self.inputs.push(input);
    }

    /// The earlier input `input` is a byte-for-byte copy of, if any.
    fn copied_from(&self, input: &InputFile) -> Option<String> {
        if input.sha256.is_empty() {
            return None;
        }
        let original = self
            .inputs
            .iter()
            .find(|i| i.sha256 == input.sha256 && !self.passed_over.contains(&i.file))?;
        Some(original.file.clone())
    }

    /// Refuses `p` when its name was seen before; counts it otherwise.
    fn check(&mut self, key: u128, p: &ProjectRow) -> bool {
        match self.seen.check(key, p) {
            Some(duplicate) => {
                self.duplicates.push(duplicate);
                false
            }
            None => {
                self.tally.add(p);
                if let Some(comparison) = &mut self.comparison {
                    for issue in comparison.check(p, key) {
                        self.duplicates.push(issue);
                    }
                }
                true
            }
        }
    }

    /// A merge that compares each project with the previous round's (`--previous`).
    pub fn comparing(previous: Vec<ProjectRow>) -> Self {
        Merge {
            comparison: Some(Comparison::new(previous)),
            ..Merge::default()
        }
    }

    /// Compares with last fiscal year's round when `a_year_before` ([`Comparison::a_year_on`]).
    pub fn a_year_on(mut self, a_year_before: bool) -> Self {
        if let Some(comparison) = self.comparison.as_mut().filter(|_| a_year_before) {
            comparison.a_year_on();
        }
        self
    }

    /// The merge of this round's `files`: compared with the previous round's projects when
    /// there is one, and then the forms prefilled from it and left over beside their division's
    /// own file ([`left_over_forms`]) left out.
    pub fn of_round(previous: Option<&Previous>, files: &[PathBuf], options: &ReadOptions) -> Self {
        match previous {
            Some(before) => Merge::comparing(before.projects.clone())
                .a_year_on(before.a_year_before)
                .leaving_out(left_over_forms(files, options, &before.projects)),
            None => Merge::default(),
        }
    }

    /// A merge of one division's file, compared with that division's projects of the previous
    /// round (the drop box, whose uploads are not named after their division).
    pub fn comparing_division(previous: Vec<ProjectRow>) -> Self {
        Merge {
            one_division: true,
            ..Merge::comparing(previous)
        }
    }

    /// Ends the comparison with the previous round, once every file is taken: the previous
    /// round's projects not seen are issued as dropped (where they were), every one of them:
    /// they are as many as the previous round's projects at most, and each names its own
    /// project, so none is folded or left uncounted. A division that sent no file is one
    /// `division-missing` instead. Returns every change (none without a previous round).
    pub fn compared(&mut self) -> Vec<Change> {
        let Some(comparison) = self.comparison.take() else {
            return Vec::new();
        };
        let sent = self.divisions_sent(&[]);
        let (one_division, files_only) = (self.one_division, self.files_only);
        let (changes, dropped) = comparison.finish(&|division| {
            if one_division
                || sent
                    .iter()
                    .any(|s| s.contains(name_folded(division).as_ref()))
            {
                Sent::Yes
            } else if files_only {
                Sent::NotAsked
            } else {
                Sent::No
            }
        });
        self.errors += dropped.iter().filter(|i| i.is_error()).count();
        self.issues.extend(dropped);
        changes
    }

    /// Warns of each division `report.toml` lists (`divisions`) that no input file is named
    /// after (`division-missing`, at the configuration file `config_file`): a division that sent
    /// nothing is said, not left out in silence. A file counts for a division when its name
    /// holds the division's (`กองคลัง (แก้ไข).xlsx` is กองคลัง's).
    pub fn expect_divisions(&mut self, expected: &[String], config_file: &str) {
        if self.files_only {
            return;
        }
        let sent = self.divisions_sent(expected);
        // Those the comparison with the previous round has said missing already.
        let said: Vec<String> = (self.issues.iter())
            .filter_map(|i| match &i.problem {
                Problem::DivisionMissing { division, .. } => {
                    Some(name_folded(division).into_owned())
                }
                _ => None,
            })
            .collect();
        for division in expected {
            let wanted = name_folded(division).into_owned();
            if !sent.contains(&wanted) && !said.contains(&wanted) {
                let missing = Problem::DivisionMissing {
                    division: division.clone(),
                    previous: 0,
                };
                self.issues
                    .push(Issue::new(missing, Location::file(config_file)));
            }
        }
    }

    /// The divisions the input files are taken for, as names compare ([`name_folded`]): the
    /// division each was read for ([`ReadOptions::division_of`]: `กองคลัง (แก้ไข).xlsx` is
    /// กองคลัง's, so is `กองคลัง/template.xlsx`; a name holding two listed names neither's),
    /// named as `listed` names it when it holds one of those names.
    /// planmerge's own form left unfilled is no division's file ([`InputFile::is_unfilled_form`]),
    /// nor is a file passed over whole (a PDF, a workbook under a backup name).
    fn divisions_sent(&self, listed: &[String]) -> Vec<String> {
        (self.inputs.iter())
            .filter(|i| !i.is_unfilled_form() && self.left_over_of(&i.file).is_none())
            .filter(|i| !self.passed_over.contains(&i.file))
            .map(|i| {
                let named = listed_division(&i.division, listed);
                name_folded(named.as_deref().unwrap_or(&i.division)).into_owned()
            })
            .collect()
    }

    /// Warns of a division two or more files are read for (`division-two-files`, at each file
    /// after its first): a corrected copy beside the first, or last round's file in a
    /// subfolder, would otherwise count twice in silence. A copy byte for byte is
    /// `file-duplicate` already, and neither a skipped summary, planmerge's form left unfilled
    /// nor a file passed over (a PDF, a workbook under a backup name) is a division's file.
    pub fn one_file_per_division(&mut self) {
        let mut first: Vec<(String, &str)> = Vec::new();
        let mut issues = Vec::new();
        for (i, input) in self.inputs.iter().enumerate() {
            let copy = self.inputs[..i].iter().any(|e| e.sha256 == input.sha256);
            let left_over = self.left_over_of(&input.file).is_some();
            let passed_over = self.passed_over.contains(&input.file);
            if input.sha256.is_empty()
                || copy
                || input.is_unfilled_form()
                || left_over
                || passed_over
            {
                continue;
            }
            let division = input.division.clone();
            let key = normalize(&division);
            match first.iter().find(|(k, _)| *k == key) {
                Some((_, other)) => issues.push(Issue::new(
                    Problem::DivisionTwoFiles {
                        division,
                        other: other.to_string(),
                    },
                    Location::file(&input.file),
                )),
                None => first.push((key, &input.file)),
            }
        }
        self.issues.extend(issues);
    }

    /// Takes what could not be walked in the input folders ([`read::Walked`]): its errors (a
    /// folder that cannot be listed) count as any file's do.
    pub fn not_walked(&mut self, issues: Vec<Issue>) {
        self.errors += issues.iter().filter(|i| i.is_error()).count();
        self.issues.extend(issues);
    }

    /// Errors so far (a summary is written only when there are none, or as a draft).
    pub fn errors(&self) -> usize {
        self.errors + self.duplicates.errors()
    }

    /// Every figure of the report, from the projects counted so far.
    pub fn totals(&self, config: &ReportConfig) -> ReportTotals {
        self.tally.clone().finish(config)
    }

    /// Every figure, once every file is taken, and an error at the configuration file
    /// `config_file` when its `initial_projects` are fewer than the projects carried out
    /// (`initial-projects-too-few`): a score over 100 % is never reported.
    pub fn final_totals(&mut self, config: &ReportConfig, config_file: &str) -> ReportTotals {
        let totals = self.totals(config);
        let status = &totals.status;
        if let Some(score) = status.score_over_a_hundred() {
            let problem = Problem::InitialProjectsTooFew {
                initial: status.initial,
                completed: status.completed,
                in_progress: status.in_progress,
                score,
            };
            self.errors += 1;
            self.issues
                .push(Issue::new(problem, Location::file(config_file)));
        }
        totals
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bundled samples, repeated `times` times (40 files for 5): more files than workers and
    /// read-ahead together.
    fn many_files(times: usize) -> Vec<PathBuf> {
        let samples =
            crate::read::collect_files(&[PathBuf::from("samples/6-month")]).expect("samples");
        assert_eq!(samples.len(), 8);
        (0..times).flat_map(|_| samples.clone()).collect()
    }

    /// A project of `file` named `name`, read from row `row` of sheet แผน.
    fn project(file: &str, name: &str, row: u32) -> ProjectRow {
        let division = crate::schema::division_of(Path::new(file));
        let source = crate::model::Location::cell(file, "แผน", row, 1);
        ProjectRow::for_test(name, &division, crate::model::Status::Completed, source)
    }

    #[test]
    fn the_same_project_twice_is_refused_naming_both_places() {
        let mut merge = Merge::default();
        let mut kept = Vec::new();
        // The second spelling differs only by a no-break space and a trailing space.
        for (file, name, row) in [
            ("กองคลัง.xlsx", "โครงการ ก", 7),
            ("กองช่าง.xlsx", "โครงการ\u{00A0}ก ", 20),
        ] {
            let p = project(file, name, row);
            let key = validate::name_key(&p.name);
            kept.extend(merge.take(FilePart::Projects(vec![p], vec![key])));
            merge.take(FilePart::Done {
                input: Box::new(InputFile::new(file, String::new())),
                issues: IssueList::default(),
                refused: Vec::new(),
            });
        }
        assert_eq!(kept.len(), 1);
        assert_eq!(merge.errors(), 1);
        assert_eq!(merge.issues.len(), 1);
        let issue = &merge.issues[0];
        assert_eq!(issue.problem.code(), "project-duplicate");
        assert_eq!(issue.location.to_string(), "กองช่าง.xlsx › แผน › B21");
        assert!(issue.message().contains("กองคลัง.xlsx › แผน › B8"));
        assert_eq!(
            merge.inputs.iter().map(|i| i.counted).collect::<Vec<_>>(),
            [1, 0]
        );
    }

    #[test]
    fn a_merge_leaves_one_core_to_its_writer_and_always_reads() {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        assert_eq!(Readers::EveryCore.count(1000), cores);
        assert_eq!(Readers::BesideWriter.count(1000), (cores - 1).max(1));
        assert_eq!(Readers::EveryCore.count(1), 1, "no more readers than files");
        assert_eq!(Readers::BesideWriter.count(0), 1);
    }

    #[test]
    fn files_are_handed_over_in_file_order() {
        let files = many_files(5);
        let mut seen = Vec::new();
        for_each_file(
            &files,
            &ReadOptions::default(),
            Readers::EveryCore,
            &|_| {},
            &mut |part| {
                if let FilePart::Done { input, .. } = part {
                    seen.push(input.file);
                }
            },
        );
        let expected: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
        assert_eq!(seen, expected);
    }

    #[test]
    fn a_second_copy_of_the_samples_is_refused_file_by_file_and_not_counted() {
        let files = many_files(2);
        let config = crate::config::ReportConfig::load("samples/6-month/report.toml".as_ref())
            .expect("samples config");
        let mut merge = Merge::default();
        let mut kept = 0;
        for_each_file(
            &files,
            &ReadOptions::default(),
            Readers::EveryCore,
            &|_| {},
            &mut |part| kept += merge.take(part).len(),
        );
        assert_eq!(kept, 81);
        assert_eq!(merge.totals(&config).total.projects, 81);
        assert_eq!(
            merge.errors(),
            8,
            "one error per copied file, not one per project"
        );
        let copies: Vec<&Issue> = merge
            .issues
            .iter()
            .filter(|i| i.problem.code() == "file-duplicate")
            .collect();
        assert_eq!(copies.len(), 8);
        assert_eq!(*copies[0].location.file, merge.inputs[8].file);
        assert!(copies[0].message().contains(&merge.inputs[0].file));
        assert!(
            !merge
                .issues
                .iter()
                .any(|i| i.problem.code() == "project-duplicate"),
            "no project of a copy is reported one by one"
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
            for_each_file(
                &files,
                &ReadOptions::default(),
                Readers::EveryCore,
                &|_| {},
                &mut |_| {
                    n += 1;
                    assert!(n < 3, "the consumer fails on the third file");
                },
            );
        }));
        assert!(
            result.is_err(),
            "the panic reaches the caller instead of hanging"
        );
    }
}
