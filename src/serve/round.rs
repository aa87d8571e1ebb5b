//! The round folder's own files: the workbooks put in it by hand (copied from an email or a USB
//! stick) rather than sent through the drop box. `merge FOLDER` reads them, so the drop box
//! counts them too and says so; planmerge's own summaries are left out (merge skips them as
//! `summary-skipped`), and so is the inbox, which [`super::inbox`] reads. Nothing here writes.

use super::inbox::{Current, Origin, modified};
use std::path::{Path, PathBuf};

/// The folder's own files, as `merge FOLDER` would read them.
#[derive(Debug, Default, Clone)]
pub struct FolderFiles {
    /// Counted: division workbooks (and what was put there instead of one, a PDF, a CSV: merge
    /// names those in a warning), in merge's order.
    pub counted: Vec<PathBuf>,
    /// Not counted: summaries written by planmerge.
    pub summaries: Vec<PathBuf>,
    /// Not counted: planmerge's own forms with nothing filled in (`template -o <round>/` wrote
    /// them there), which are no division's file (merge says `form-unfilled`).
    pub unfilled: Vec<PathBuf>,
    /// The round folder they were found in.
    pub folder: PathBuf,
}

impl FolderFiles {
    /// The files of `folder` outside its inbox (hidden files, lock files and `.versions` are
    /// passed over, as merge passes them over).
    pub fn of(folder: &Path) -> Self {
        let inbox = folder.join("inbox");
        // `merge .` names files without `./`; the inbox is recognised either way.
        let bare = inbox.strip_prefix(".").unwrap_or(&inbox).to_path_buf();
        let in_inbox = |p: &Path| p.starts_with(&inbox) || p.starts_with(&bare);
        let all = crate::read::collect_inputs(&[folder.to_path_buf()]).unwrap_or_default();
        let (summaries, counted): (Vec<PathBuf>, Vec<PathBuf>) = all
            .files
            .into_iter()
            .filter(|p| !in_inbox(p))
            .partition(|p| crate::read::is_summary_workbook(p));
        let (unfilled, counted) = counted.into_iter().partition(|p| unfilled_form(p));
        FolderFiles {
            counted,
            summaries,
            unfilled,
            folder: folder.to_path_buf(),
        }
    }

    /// The counted files as a division's current files: each named after the division its
    /// file name holds (one of `known` when it holds one, else when the folder it sits in
    /// names one, as merge names it).
    pub fn current(&self, known: &[String]) -> Vec<Current> {
        self.counted
            .iter()
            .map(|path| Current {
                division: crate::schema::division_placed(path, known, &self.folder).0,
                received: modified(path),
                path: path.clone(),
                origin: Origin::Folder,
            })
            .collect()
    }
}

/// Whether the file at `path` is planmerge's own form with nothing under its header: only a
/// form (told by a look at its first rows) is read through.
fn unfilled_form(path: &Path) -> bool {
    crate::read::form_of(path).is_some() && {
        let options = crate::read::ReadOptions::default();
        crate::read::read_file_into(path, &options, &mut |_| {})
            .input
            .rows
            == 0
    }
}

/// The file names of `paths`, joined for a sentence (`กองคลัง.xlsx, สรุป.xlsx`).
pub fn names(paths: &[PathBuf]) -> String {
    let name = |p: &PathBuf| {
        p.file_name().map_or_else(
            || p.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    };
    paths.iter().map(name).collect::<Vec<_>>().join(", ")
}

/// What is said of the folder's unfilled forms (start-up lines, the status page), Thai.
pub const UNFILLED_THAI: &str = "ไม่นับ (แบบฟอร์มที่ planmerge เขียนไว้ ยังไม่ได้กรอก ไม่ใช่ไฟล์ของกอง)";
/// The same, English.
pub const UNFILLED_ENGLISH: &str =
    "not counted (forms planmerge wrote, not filled in: no division's file)";

/// What the start-up lines say of the folder's own files: those counted beside the inbox, and
/// the summaries not counted; nothing when there are none.
pub fn startup_lines(found: &FolderFiles) -> Vec<String> {
    let mut lines = Vec::new();
    if !found.counted.is_empty() {
        lines.push(format!(
            "นับไฟล์ที่อยู่ในโฟลเดอร์รอบเองด้วย (ไม่ได้ส่งทางหน้าเว็บ นับเหมือน planmerge merge): {} · \
             also counted, as merge counts them (in the round folder itself, not sent through the drop box)",
            names(&found.counted)
        ));
    }
    if !found.summaries.is_empty() {
        lines.push(format!(
            "ไม่นับ (ไฟล์สรุปที่ planmerge สร้าง): {} · not counted (summaries written by planmerge)",
            names(&found.summaries)
        ));
    }
    if !found.unfilled.is_empty() {
        lines.push(format!(
            "{}: {} · {}",
            UNFILLED_THAI,
            names(&found.unfilled),
            UNFILLED_ENGLISH
        ));
    }
    lines
}
