//! The division template (แบบฟอร์มของกอง): the workbook a division fills in, laid out so that the
//! right entry is the easy one — the header planmerge reads best, dropdowns and checks on every
//! input column, the header protected, and a คำชี้แจง sheet in Thai. Optionally prefilled with the
//! division's projects from an earlier round.
//!
//! This module only writes a workbook. It does not read one (`read` does, for the prefill) and
//! it never judges data (`validate` does, when the filled template comes back).

mod instructions;
mod sheet;
mod styles;

use crate::config::{NEWEST_PLAN, ReportConfig, default_dimension_names};
use crate::model::ProjectRow;
use crate::schema::text::normalize;
use rust_xlsxwriter::{DocProperties, Workbook, XlsxError};
use std::path::Path;

pub use sheet::{Column, DATA_SHEET, FIRST_DATA_ROW, HEADER_ROW, columns};

/// Name of the instructions sheet.
pub const INSTRUCTIONS_SHEET: &str = crate::schema::FORM_INSTRUCTIONS_SHEET;

/// Prefix of the default output name: `แบบฟอร์ม-กองคลัง.xlsx`. The reader strips it again, so a
/// returned template still counts for its division.
pub const FILE_PREFIX: &str = crate::schema::TEMPLATE_FILE_PREFIX;

/// Blank data rows in a template without projects; a prefilled one gets its projects plus
/// [`SPARE_ROWS`].
pub const BLANK_ROWS: u32 = 100;

/// Empty rows left under the projects of a prefilled template, for new projects.
pub const SPARE_ROWS: u32 = 30;

/// What goes into one division's template.
#[derive(Debug, Clone, PartialEq)]
pub struct TemplateSpec {
    /// ชื่อ อปท.; empty for a generic template (a line to fill in is printed instead).
    pub organization: String,
    /// กอง/สำนัก; `None` for a template any division can use.
    pub division: Option<String>,
    /// ปีงบประมาณ, B.E.; `None` when no configuration was found.
    pub fiscal_year: Option<u16>,
    /// รอบ 6 or 12 months; `None` when no configuration was found.
    pub round: Option<u8>,
    /// Names of dimensions 1-4 (the input message of the มิติ dropdown).
    pub dimension_names: [String; 4],
    /// Projects to list already (prefill); empty for a blank template.
    pub projects: Vec<ProjectRow>,
    /// The fiscal year the listed projects were reported in, when the form is for another
    /// (next year's 6-month round, listed from this year's 12-month one): only the list is
    /// carried over — name, มิติ (and its sub-code), and the budgets as a starting point to
    /// check — and each project's status, disbursed amount, บรรจุ tick and remark are left
    /// blank, to be filled in for the new year. `None`: the next round of the same year, whose
    /// projects keep all they had.
    pub carried_from: Option<u16>,
}

impl TemplateSpec {
    /// The template for a report configuration, or a generic one without it.
    pub fn new(config: Option<&ReportConfig>, division: Option<&str>) -> Self {
        TemplateSpec {
            organization: config.map(|c| c.organization.clone()).unwrap_or_default(),
            division: division.map(str::to_string),
            fiscal_year: config.map(|c| c.fiscal_year),
            round: config.map(|c| c.round),
            dimension_names: config
                .map(|c| c.dimension_names.clone())
                .unwrap_or_else(|| default_dimension_names(NEWEST_PLAN)),
            projects: Vec::new(),
            carried_from: None,
        }
    }

    /// The same template for `division` (`None`: any division's).
    pub fn for_division(&self, division: Option<&str>) -> Self {
        TemplateSpec {
            division: division.map(str::to_string),
            ..self.clone()
        }
    }

    /// The same template with these projects listed.
    pub fn with_projects(mut self, projects: Vec<ProjectRow>) -> Self {
        self.projects = projects;
        self
    }

    /// The same template listing the projects of its division among `projects` (every
    /// division's, as an earlier round holds them), in their order; none without a division.
    pub fn with_projects_of(self, projects: &[ProjectRow]) -> Self {
        let wanted = self.division.as_deref().map(normalize);
        let mine = projects
            .iter()
            .filter(|p| wanted.as_deref() == Some(normalize(&p.division).as_str()))
            .cloned()
            .collect();
        self.with_projects(mine)
    }

    /// The same template listing its division's projects of an earlier round whose fiscal year
    /// and round are `of` (when known): a form for another fiscal year than that round's (the
    /// round after a 12-month round is the next year's 6-month one) carries over only the list
    /// ([`TemplateSpec::carried_from`]); a form for the same year keeps every project's status,
    /// amounts, tick and remark. A form of no known year from a 12-month round is the next
    /// year's; from a round of no known year, the projects keep all they had.
    pub fn with_earlier_round(self, projects: &[ProjectRow], of: Option<(u16, u8)>) -> Self {
        let carried_from = match (self.fiscal_year, of) {
            (Some(year), Some((earlier, _))) if year != earlier => Some(earlier),
            (None, Some((earlier, 12))) => Some(earlier),
            _ => None,
        };
        TemplateSpec {
            carried_from,
            ..self.with_projects_of(projects)
        }
    }

    /// Data rows prepared (formatted, validated, unlocked).
    pub fn data_rows(&self) -> u32 {
        let listed = u32::try_from(self.projects.len()).unwrap_or(u32::MAX / 2);
        if listed == 0 {
            BLANK_ROWS
        } else {
            (listed + SPARE_ROWS).max(50)
        }
    }

    /// `แบบฟอร์ม-กองคลัง.xlsx`, or `template.xlsx` without a division (characters a file name
    /// cannot hold become `-`).
    pub fn default_file_name(&self) -> String {
        match &self.division {
            Some(d) => {
                let safe: String = d
                    .chars()
                    .map(|c| if r#"/\:*?"<>|"#.contains(c) { '-' } else { c })
                    .collect();
                format!("{FILE_PREFIX}{safe}.xlsx")
            }
            None => "template.xlsx".to_string(),
        }
    }
}

/// A failure to build or save the template.
#[derive(Debug, thiserror::Error)]
pub enum TemplateError {
    /// rust_xlsxwriter refused a value.
    #[error("เขียนแบบฟอร์ม {path} ไม่ได้ · cannot write the template {path}: {source}")]
    Xlsx {
        /// The file.
        path: String,
        /// Why.
        source: XlsxError,
    },
    /// The file could not be saved.
    #[error(transparent)]
    Save(#[from] crate::write::WriteError),
}

/// The template as a workbook (not yet saved): the data sheet first, then คำชี้แจง; marked as
/// planmerge's form by the custom document property [`crate::schema::FORM_PROPERTY`] (Excel
/// and LibreOffice keep it when the form is saved again), so that a form left blank in a
/// round's folder is told from a division's file.
pub fn workbook(spec: &TemplateSpec) -> Result<Workbook, XlsxError> {
    let styles = styles::Styles::new();
    let mut book = Workbook::new();
    book.set_properties(
        &DocProperties::new()
            .set_custom_property(crate::schema::FORM_PROPERTY, env!("CARGO_PKG_VERSION")),
    );
    sheet::add(&mut book, spec, &styles)?;
    instructions::add(&mut book, spec, &styles)?;
    Ok(book)
}

/// Writes the template to `path`, atomically as the summary is (temp file + rename): an
/// interrupted run never leaves half a form.
pub fn write_template(path: &Path, spec: &TemplateSpec) -> Result<(), TemplateError> {
    let mut book = workbook(spec).map_err(|source| TemplateError::Xlsx {
        path: path.display().to_string(),
        source,
    })?;
    Ok(crate::write::save_atomically(&mut book, path)?)
}

pub use crate::schema::time::round_period;

/// When the file is due: round 6 in April, round 12 in October (of the fiscal year, B.E.).
pub fn due_month(fiscal_year: Option<u16>, round: Option<u8>) -> String {
    match (round, fiscal_year) {
        (Some(12), Some(y)) => format!("ภายในเดือนตุลาคม {y}"),
        (Some(_), Some(y)) => format!("ภายในเดือนเมษายน {y}"),
        _ => "รอบ 6 เดือน ภายในเดือนเมษายน และรอบ 12 เดือน ภายในเดือนตุลาคม".to_string(),
    }
}

#[cfg(test)]
mod tests;
