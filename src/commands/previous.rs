//! The earlier round a 12-month (or next year's) report is compared with: a summary workbook
//! planmerge wrote, or a folder of division workbooks, and the figures it reported.

use super::{CommandError, workbooks};
use crate::compare::Previous;
use crate::compute::ReportTotals;
use crate::config::ReportConfig;
use crate::issue::{Issue, Problem};
use crate::model::{Location, ProjectRow};
use crate::read::{self, ReadOptions};
use crate::schema::two_dp;
use std::io::Write;
use std::path::Path;

/// The previous round, when one is named (`--previous`, or `previous` in report.toml): a
/// summary workbook planmerge wrote (its project list read back exactly), or a folder of
/// division workbooks read as this round's are (a file of any other kind is refused:
/// [`refuse_unless_summary`]). Its figures are those it reported
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
    if path.is_file() {
        refuse_unless_summary(path, &shown)?;
    }
    let projects = if path.is_file() {
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
    let Reported {
        totals,
        round,
        issues,
    } = as_reported(path, &projects, config);
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
        a_year_before: Previous::is_a_year_before(round, this.0, this.1),
        issues,
    }))
}

/// A previous round given as one file must be a summary planmerge wrote, as an .xlsx: a
/// division's workbook is one division's projects, and every other division's would read as
/// new (`0 → 74`); a summary saved again as .ods or .xls has lost what reads it back exactly.
fn refuse_unless_summary(path: &Path, shown: &str) -> Result<(), CommandError> {
    if !read::is_summary_workbook(path) {
        return Err(CommandError::Previous(format!(
            "{shown} ไม่ใช่ไฟล์สรุปที่ planmerge เขียน (อาจเป็นไฟล์ของกองเดียว) — ชี้ previous หรือ --previous ไปที่ไฟล์สรุปของรอบก่อน (.xlsx) หรือโฟลเดอร์ของรอบก่อน · \
             {shown} is no summary planmerge wrote (one division's workbook?); point previous (report.toml) or --previous at the earlier round's summary (.xlsx) or its folder"
        )));
    }
    Ok(())
}

/// An earlier round's figures as it reported them, the round it says it is of, and what is
/// to be said of them.
struct Reported {
    totals: ReportTotals,
    round: Option<(u16, u8)>,
    issues: Vec<Issue>,
}

/// An earlier round's figures as it reported them, and the fiscal year and round it says it is
/// of: a summary's own figures and title, or its folder's projects computed with that folder's
/// report.toml (its `initial_projects`, its levels). Without either, the projects computed with
/// this round's configuration, and no round. A summary that was a draft or missing divisions
/// is said (`previous-incomplete`); one whose project list no longer gives its own figures
/// (edited after it was written) is said, and the list's figures are taken
/// (`previous-edited`), so that the comparison adds up.
fn as_reported(path: &Path, projects: &[ProjectRow], config: &ReportConfig) -> Reported {
    let summary = path
        .is_file()
        .then(|| std::fs::read(path).ok())
        .flatten()
        .and_then(|bytes| crate::mail::figures::read_figures(&bytes).ok());
    if let Some(figures) = summary {
        let round = crate::compare::round_in_title(&figures.title);
        let at = Location::file(&path.display().to_string());
        let mut issues = Vec::new();
        if let Some(banner) = figures.banner {
            issues.push(Issue::new(
                Problem::PreviousIncomplete { banner },
                at.clone(),
            ));
        }
        let mut own = config.clone();
        own.initial_projects = figures.totals.status.initial;
        if let Some((fiscal_year, round)) = round {
            (own.fiscal_year, own.round) = (fiscal_year, round);
        }
        let listed = crate::compute::compute(projects, &own);
        if gives_other_figures(&listed, &figures.totals) {
            let count = |t: &ReportTotals| (t.total.projects, t.total.completed);
            let problem = Problem::PreviousEdited {
                listed: count(&listed),
                reported: count(&figures.totals),
            };
            issues.push(Issue::new(problem, at));
            return Reported {
                totals: listed,
                round,
                issues,
            };
        }
        return Reported {
            totals: figures.totals,
            round,
            issues,
        };
    }
    let own = path.is_dir().then(|| path.join(crate::config::FILE_NAME));
    let (totals, round) = match own.and_then(|file| ReportConfig::load(&file).ok()) {
        Some(own) => {
            let round = Some((own.fiscal_year, own.round));
            (crate::compute::compute(projects, &own), round)
        }
        None => (crate::compute::compute(projects, config), None),
    };
    Reported {
        totals,
        round,
        issues: Vec::new(),
    }
}

/// Whether a summary's project list (`listed`, computed) gives other figures than its สรุปผล
/// sheet (`reported`): per dimension and in all, projects, completed, plan budget and
/// disbursed.
fn gives_other_figures(listed: &ReportTotals, reported: &ReportTotals) -> bool {
    fn rows(t: &ReportTotals) -> impl Iterator<Item = &crate::compute::DimensionTotals> {
        t.dimensions.iter().chain(std::iter::once(&t.total))
    }
    listed.status.total != reported.status.total
        || listed.status.completed != reported.status.completed
        || rows(listed).zip(rows(reported)).any(|(l, r)| {
            l.projects != r.projects
                || l.completed != r.completed
                || two_dp(l.budget_plan) != two_dp(r.budget_plan)
                || two_dp(l.disbursed) != two_dp(r.disbursed)
        })
}

/// Every project of a summary workbook written by planmerge, read back. A summary saved again
/// as .ods or .xls is refused, saying so: it is read back from the .xlsx planmerge wrote.
pub(super) fn summary_projects(path: &Path) -> Result<Vec<ProjectRow>, CommandError> {
    let is_xlsx = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    if !is_xlsx {
        let shown = path.display();
        return Err(CommandError::Previous(format!(
            "{shown} เป็นไฟล์สรุปที่บันทึกใหม่เป็นรูปแบบอื่น — ใช้ไฟล์สรุป .xlsx ฉบับที่ planmerge เขียน (หรือเปิดแล้วบันทึกเป็น .xlsx) หรือโฟลเดอร์ของรอบก่อน · \
             {shown} is a summary saved again in another format; use the .xlsx planmerge wrote (or save it as .xlsx), or the earlier round's folder"
        )));
    }
    read::summary::read_summary_projects(path).map_err(|problem| {
        let place = crate::model::Location::file(&path.display().to_string());
        let (fix_thai, fix_english) = (problem.fix_thai(), problem.fix_english());
        let message = crate::issue::Issue::new(problem, place).message();
        CommandError::Previous(format!("{message} — {fix_thai} · {fix_english}"))
    })
}
