//! `planmerge serve`: a drop box on the office network. A division sends its workbook and sees
//! at once what is wrong, cell by cell; the coordinator sees who has sent what and downloads the
//! summary. A thin layer on the same library calls as the command line (read → validate →
//! compute → write); reading runs off the async threads. The round's folder is the only state
//! ([`inbox`], and the workbooks put in the folder by hand, [`round`], counted as `merge FOLDER`
//! counts them); who may do what is [`access`]; the pages are [`pages`].

mod access;
mod inbox;
mod limits;
mod names;
mod pages;
mod peers;
mod replaced;
mod round;
mod routes;

use crate::compute::ReportTotals;
use crate::config::ReportConfig;
use crate::issue::{Issue, Problem, Severity};
use crate::merge::{self, Merge, Readers};
use crate::read::{InputFile, ReadOptions};
use access::{Codes, Sessions};
use inbox::Inbox;
use std::io::Write;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Everything a request handler needs.
pub struct App {
    /// The round's folder.
    folder: PathBuf,
    config: ReportConfig,
    options: ReadOptions,
    inbox: Inbox,
    /// `None` on this machine only (no codes needed).
    codes: Option<Codes>,
    sessions: Sessions,
    limit: usize,
    /// Serialises the rename of a division's current file (both versions are kept anyway).
    store: tokio::sync::Mutex<()>,
    /// The previous round (`previous` in report.toml), compared with as files arrive.
    previous: Option<crate::compare::Previous>,
    /// Requests per address.
    rate: limits::RateLimiter,
    /// The other divisions' current files, as far as duplicates go.
    peers: peers::Peers,
}

/// Every division's current file merged: the report as it stands.
pub struct Standing {
    /// The current files: those sent, and those in the round folder itself.
    pub current: Vec<inbox::Current>,
    /// planmerge's own summaries in the round folder, not counted.
    pub summaries: Vec<PathBuf>,
    /// planmerge's own forms in the round folder, not filled in: not counted.
    pub unfilled: Vec<PathBuf>,
    /// What reading them gave.
    pub merged: crate::Merged,
    /// The report's figures.
    pub totals: ReportTotals,
    /// What changed since the previous round (empty without one).
    pub changes: Vec<crate::compare::Change>,
}

/// What checking one workbook gave.
#[derive(Debug)]
pub struct Checked {
    /// The file as read.
    pub input: InputFile,
    /// Its issues.
    pub issues: Vec<Issue>,
    /// Errors, those beyond the issues kept included.
    pub errors: usize,
    /// Its projects, less those another division sent first (see
    /// [`App::add_cross_file_issues`]).
    pub projects: Vec<crate::model::ProjectRow>,
    /// Its projects not counted because another division sent them first.
    pub shared: usize,
    /// The divisions those were another's of (by their files' names).
    pub shared_with: Vec<String>,
}

/// An upload checked: its division, what the check says, and whether it was kept (a file in
/// which no project is counted, an empty form, a file that cannot be read, or one whose every
/// project another division sent first, is not: it would displace the division's file sent
/// before).
pub struct Accepted {
    /// The division it was sent as.
    pub division: String,
    /// What checking it gave.
    pub checked: Checked,
    /// Whether it is now the division's current file.
    pub kept: bool,
    /// A known division named like this one (`กองช่างสุขาภิบาล` for กองช่าง), told of, not
    /// taken for it.
    pub similar: Option<String>,
    /// The file the division sent before, against this one (kept: what it replaced; not
    /// kept: what still counts).
    pub replaced: Option<replaced::Replaced>,
}

impl App {
    /// Reads and validates one workbook through the one pipeline.
    fn check(&self, shown: &str, kind: &str, bytes: Vec<u8>) -> Checked {
        self.check_with(Merge::default(), shown, kind, bytes)
    }

    /// [`Self::check`] of `division`'s file, compared with that division's projects of the
    /// previous round, when there is one: what `check` says of the file (a completed project
    /// gone back, less disbursed, a project of the last round missing), said to the sender.
    /// The previous round's places are named by file name only, marked as the previous round's:
    /// the sender is told where the project was (`รอบก่อน สรุปผล.xlsx › รายการโครงการ › B12`),
    /// not where the server keeps it, and not as if in the file just sent.
    fn check_division(&self, division: &str, shown: &str, kind: &str, bytes: Vec<u8>) -> Checked {
        let merge = match &self.previous {
            Some(previous) => {
                let mut earlier = previous.projects_of(division);
                for project in &mut earlier {
                    let file = Path::new(&*project.source.file).file_name();
                    if let Some(name) = file.and_then(|name| name.to_str()) {
                        project.source.file = format!("รอบก่อน {name}").into();
                    }
                }
                Merge::comparing_division(earlier).a_year_on(previous.a_year_before)
            }
            None => Merge::default(),
        };
        let mut checked = self.check_with(merge, shown, kind, bytes);
        // A file with no project read (an empty form, a file that cannot be opened) drops
        // nothing: "missing now" would be said of every project of the last round.
        if checked.projects.is_empty() {
            checked
                .issues
                .retain(|i| !matches!(i.problem, crate::issue::Problem::ProjectDropped { .. }));
        }
        checked
    }

    fn check_with(&self, mut merge: Merge, shown: &str, kind: &str, bytes: Vec<u8>) -> Checked {
        let mut projects = Vec::new();
        merge::read_bytes_parts(shown, kind, bytes, &self.options, &mut |part| {
            projects.extend(merge.take(part));
        });
        merge.compared();
        let input = merge
            .inputs
            .pop()
            .unwrap_or_else(|| InputFile::new(shown, String::new()));
        Checked {
            errors: merge.errors(),
            issues: merge.issues,
            input,
            projects,
            shared: 0,
            shared_with: Vec::new(),
        }
    }

    /// Adds to a division's check what only the other divisions' current files show: a
    /// project another division reports too (`project-duplicate`), or the very file another
    /// division sent (`file-duplicate`). The sender sees them, not only the coordinator; the
    /// other files are read once per version ([`peers::Peers`]). The division's own files (the
    /// one it sent before, a copy in the round folder) are not another division's; a copy in the
    /// folder is said (`division-two-files`), as merge says it, both being counted. A project
    /// another division sent first is counted for that division, so it leaves this file's
    /// projects and its count: a file of nothing but another division's projects counts none.
    fn add_cross_file_issues(&self, checked: &mut Checked, division: &str) {
        let mine = peers::keyed(&checked.projects);
        let read = |name: &str, kind: &str, bytes: Vec<u8>| {
            peers::keyed(&self.check(name, kind, bytes).projects)
        };
        let (mut others, _) = self.current();
        // The division's own workbook in the round folder counts beside this one, as merge
        // counts both: the sender is told, as merge tells the coordinator.
        let copies = others
            .iter()
            .filter(|c| c.division == division && c.origin == inbox::Origin::Folder);
        for copy in copies {
            let problem = Problem::DivisionTwoFiles {
                division: division.to_string(),
                other: round::names(std::slice::from_ref(&copy.path)),
            };
            let at = crate::model::Location::file(&checked.input.file);
            checked.issues.push(Issue::new(problem, at));
        }
        others.retain(|c| c.division != division);
        let issues = self
            .peers
            .issues((&checked.input.sha256, &mine), &others, &read);
        let before = checked.projects.len();
        let mut with = Vec::new();
        let mut places = std::collections::HashSet::new();
        for issue in &issues {
            let other = match &issue.problem {
                Problem::FileDuplicate { other } => other.as_str(),
                Problem::ProjectDuplicate { other } => {
                    places.insert(&issue.location);
                    &*other.file
                }
                _ => continue,
            };
            let named = crate::schema::division_of(Path::new(other));
            if !with.contains(&named) {
                with.push(named);
            }
        }
        let whole = issues
            .iter()
            .any(|i| matches!(i.problem, Problem::FileDuplicate { .. }));
        checked
            .projects
            .retain(|p| !whole && !places.contains(&p.source));
        checked.shared = before - checked.projects.len();
        checked.shared_with = with;
        checked.input.counted = checked.input.counted.saturating_sub(checked.shared);
        checked.errors += issues.iter().filter(|i| i.is_error()).count();
        checked.issues.extend(issues);
    }

    /// The file `division` sent before through the drop box, against the `projects` of the one
    /// just sent: what a replacing upload changes (27 projects → 1 is said, never silent).
    fn replaced(
        &self,
        division: &str,
        projects: &[crate::model::ProjectRow],
    ) -> Option<replaced::Replaced> {
        let before = self
            .inbox
            .current()
            .into_iter()
            .find(|c| c.division == division)?;
        let bytes = std::fs::read(&before.path).ok()?;
        let kind = inbox::spreadsheet_kind(&bytes)?;
        let name = before.path.file_name()?.to_string_lossy().into_owned();
        let earlier = self.check(&name, kind, bytes).projects;
        Some(replaced::Replaced::between(
            before.received,
            &earlier,
            projects,
        ))
    }

    /// Every division's current file, merged (and compared with the previous round): the
    /// report as it stands.
    fn standing(&self) -> Standing {
        let (current, folder) = self.current();
        // Read in the order received (a file in the folder itself: when it was put there): a
        // project (or a whole file) two divisions sent is counted for the one that sent it
        // first, and the later sender is told to mend it.
        let mut files: Vec<(std::time::SystemTime, PathBuf)> = current
            .iter()
            .map(|c| {
                let modified = std::fs::metadata(&c.path).and_then(|m| m.modified());
                (modified.unwrap_or(std::time::UNIX_EPOCH), c.path.clone())
            })
            .collect();
        files.sort();
        let files: Vec<PathBuf> = files.into_iter().map(|(_, path)| path).collect();
        let mut merge = match &self.previous {
            Some(p) => Merge::comparing(p.projects.clone())
                .a_year_on(p.a_year_before)
                .leaving_out(merge::left_over_forms(&files, &self.options, &p.projects)),
            None => Merge::default(),
        };
        let mut projects = Vec::new();
        merge::for_each_file(
            &files,
            &self.options,
            Readers::EveryCore,
            &|_| {},
            &mut |part| {
                projects.extend(merge.take(part));
            },
        );
        let changes = merge.compared();
        // A division's file in the folder beside the one it sent: both counted, said as merge
        // says it.
        merge.one_file_per_division();
        // A division that has sent nothing is said in the summary too, as `merge` says it.
        merge.expect_divisions(&self.divisions(&[]), crate::config::FILE_NAME);
        let totals = merge.final_totals(&self.config, crate::config::FILE_NAME);
        let merged = crate::Merged::from_merge(merge, projects);
        Standing {
            current,
            summaries: folder.summaries,
            unfilled: folder.unfilled,
            merged,
            totals,
            changes,
        }
    }

    /// Every division's current file: those sent through the drop box, then the workbooks in
    /// the round folder itself (as `merge FOLDER` reads them); and the folder's own files.
    fn current(&self) -> (Vec<inbox::Current>, round::FolderFiles) {
        let mut current = self.inbox.current();
        let folder = round::FolderFiles::of(&self.folder);
        let known = self.divisions(&current);
        current.extend(folder.current(&known));
        (current, folder)
    }

    /// The divisions to show: those configured (else the previous round's: a 12-month round
    /// expects every division of the 6-month one), then any other that has sent a file.
    fn divisions(&self, current: &[inbox::Current]) -> Vec<String> {
        let mut names = self.config.divisions.clone();
        if names.is_empty()
            && let Some(previous) = &self.previous
        {
            let earlier = previous.projects.iter().map(|p| p.division.to_string());
            names = crate::schema::distinct_divisions(earlier);
        }
        for c in current {
            if !names.contains(&c.division) {
                names.push(c.division.clone());
            }
        }
        names
    }
}

/// `serve` as asked on the command line.
pub struct ServeOptions {
    /// The round's folder.
    pub folder: PathBuf,
    /// Its report.toml.
    pub config: ReportConfig,
    /// Where to listen.
    pub listen: SocketAddr,
    /// Replace the access codes.
    pub new_codes: bool,
    /// The previous round to compare with, read.
    pub previous: Option<crate::compare::Previous>,
}

/// This machine's address on the office network (the one its default route leaves from), to
/// tell divisions when the server listens on every address (`0.0.0.0`). Nothing is sent: a
/// UDP socket is only pointed at a documentation address to learn the way out.
fn office_address() -> Option<std::net::IpAddr> {
    let socket = std::net::UdpSocket::bind("0.0.0.0:0").ok()?;
    socket.connect("192.0.2.1:9").ok()?;
    let ip = socket.local_addr().ok()?.ip();
    (!ip.is_unspecified() && !ip.is_loopback()).then_some(ip)
}

/// Whether an address is this machine only.
fn is_local(addr: &SocketAddr) -> bool {
    addr.ip().is_loopback()
}

/// Starts the server and serves until interrupted. Prints where it listens (and, when made, the
/// access codes) on `out` first.
pub fn run(options: ServeOptions, out: &mut dyn Write) -> std::io::Result<()> {
    let codes = if is_local(&options.listen) && !options.new_codes {
        None
    } else {
        let (codes, shown) = Codes::load_or_create(&options.folder, options.new_codes)?;
        match shown {
            Some([staff, coordinator]) => writeln!(
                out,
                "รหัสเข้าใช้ (แสดงครั้งเดียว) · access codes (shown once):\n  staff {staff}\n  coordinator {coordinator}"
            )?,
            None => writeln!(
                out,
                "ใช้รหัสเข้าใช้เดิม (ถ้าลืม ให้เริ่มใหม่ด้วย --new-codes) · the access codes are those made before (lost: --new-codes)"
            )?,
        }
        Some(codes)
    };
    let limit = options
        .config
        .serve
        .upload_limit_mib
        .saturating_mul(1024 * 1024);
    let rate = limits::RateLimiter::new(
        options.config.serve.requests_per_second,
        options.config.serve.burst,
    );
    for line in round::startup_lines(&round::FolderFiles::of(&options.folder)) {
        writeln!(out, "{line}")?;
    }
    let app = Arc::new(App {
        folder: options.folder.clone(),
        options: ReadOptions::of(&options.config).in_folders(std::slice::from_ref(&options.folder)),
        inbox: Inbox::new(&options.folder),
        config: options.config,
        codes,
        sessions: Sessions::default(),
        limit,
        store: tokio::sync::Mutex::new(()),
        rate,
        previous: options.previous,
        peers: peers::Peers::default(),
    });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(options.listen).await?;
        let addr = listener.local_addr()?;
        if addr.ip().is_unspecified()
            && let Some(ip) = office_address()
        {
            let shown = SocketAddr::new(ip, addr.port());
            writeln!(
                out,
                "ให้กองเปิด http://{shown}/ จากเครื่องในสำนักงาน · divisions open http://{shown}/"
            )?;
        }
        writeln!(
            out,
            "planmerge serve: http://{addr}/ · โฟลเดอร์ {} (Ctrl+C เพื่อหยุด · to stop)",
            options.folder.display()
        )?;
        out.flush()?;
        let router = routes::router(app);
        axum::serve(
            listener,
            router.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
    })
}

/// Counts of a list of issues: (errors, warnings).
fn counts(issues: &[&Issue]) -> (usize, usize) {
    let of = |s: Severity| issues.iter().filter(|i| i.severity() == s).count();
    (of(Severity::Error), of(Severity::Warning))
}

/// The folder a `serve` runs in, and its configuration (`-c`, else `FOLDER/report.toml`).
pub fn locate(folder: Option<&Path>, config: Option<&Path>) -> (PathBuf, PathBuf) {
    let folder = folder.map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let config = config.map_or_else(|| folder.join(crate::config::FILE_NAME), Path::to_path_buf);
    (folder, config)
}
