//! The earlier round a 12-month (or next year's) report is compared with: a summary workbook
//! planmerge wrote, or a folder of division workbooks, and the figures it reported.

use super::{CommandError, workbooks};
use crate::compare::Previous;
use crate::config::ReportConfig;
use crate::model::ProjectRow;
use crate::read::{self, ReadOptions};
use std::io::Write;
use std::path::Path;

/// The previous round, when one is named (`--previous`, or `previous` in report.toml): a
/// summary workbook planmerge wrote (its project list read back exactly), or a folder (or file)
/// of division workbooks read as this round's are. Its figures are those it reported
/// ([`as_reported`]). Problems in it are said on `human`, not counted: they belong to a round
/// already reported.
pub(super) fn previous_round(
    path: Option<&Path>,
    config: &ReportConfig,
    options: &ReadOptions,
    human: &mut dyn Write,
) -> Result<Option<Previous>, CommandError> {
    let Some(path) = path else {
        return Ok(None);
    };
    let shown = path.display().to_string();
    if !path.exists() {
        return Err(CommandError::Previous(format!(
            "ไม่พบ {shown} — ตรวจ previous ใน report.toml หรือ --previous ให้ชี้ไปที่ไฟล์สรุปหรือโฟลเดอร์ของรอบก่อน · \
             {shown} does not exist; point previous (report.toml) or --previous at the earlier round's summary or folder"
        )));
    }
    let projects = if path.is_file() && read::is_summary_workbook(path) {
        summary_projects(path)?
    } else {
        let files = workbooks(&[path.to_path_buf()])?.files;
        let options = options.clone().in_folders(&[path.to_path_buf()]);
        let merged = crate::read_and_validate_with(&files, &options);
        let errors = merged.errors();
        if let Some(first) = merged.issues.iter().find(|i| i.is_error()) {
            writeln!(
                human,
                "รอบก่อน ({shown}) มีข้อผิดพลาด {errors} รายการ แถวที่ผิดไม่ได้นำมาเทียบ (รายการแรก: {}) · \
                 the previous round has {errors} error(s); rows with errors are not compared (the first: {})",
                first.location, first.location
            )?;
        }
        merged.projects
    };
    let (totals, round) = as_reported(path, &projects, config);
    let this = (config.fiscal_year, config.round);
    if let Some(found) = round.filter(|found| *found >= this) {
        return Err(CommandError::PreviousNotEarlier {
            previous: shown,
            found,
            this,
            expected: Previous::expected(this.0, this.1),
        });
    }
    Ok(Some(Previous {
        file: shown,
        projects,
        totals,
        round,
    }))
}

/// An earlier round's figures as it reported them, and the fiscal year and round it says it is
/// of: a summary's own figures and title, or its folder's projects computed with that folder's
/// report.toml (its `initial_projects`, its levels). Without either, the projects computed with
/// this round's configuration, and no round.
fn as_reported(
    path: &Path,
    projects: &[ProjectRow],
    config: &ReportConfig,
) -> (crate::compute::ReportTotals, Option<(u16, u8)>) {
    let summary = path
        .is_file()
        .then(|| std::fs::read(path).ok())
        .flatten()
        .and_then(|bytes| crate::mail::figures::read_figures(&bytes).ok());
    if let Some(figures) = summary {
        let round = crate::compare::round_in_title(&figures.title);
        return (figures.totals, round);
    }
    let own = path.is_dir().then(|| path.join(crate::config::FILE_NAME));
    match own.and_then(|file| ReportConfig::load(&file).ok()) {
        Some(own) => {
            let round = Some((own.fiscal_year, own.round));
            (crate::compute::compute(projects, &own), round)
        }
        None => (crate::compute::compute(projects, config), None),
    }
}

/// Every project of a summary workbook written by planmerge, read back.
pub(super) fn summary_projects(path: &Path) -> Result<Vec<ProjectRow>, CommandError> {
    read::summary::read_summary_projects(path).map_err(|problem| {
        let place = crate::model::Location::file(&path.display().to_string());
        CommandError::Previous(crate::issue::Issue::new(problem, place).message())
    })
}
