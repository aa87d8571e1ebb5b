//! planmerge: merge the divisions' anti-corruption action-plan workbooks into the monitoring
//! report. The data flows one way: read → validate → compute → write.
//!
//! ```no_run
//! use std::path::PathBuf;
//! let inputs = [PathBuf::from("samples")];
//! let config = planmerge::config::ReportConfig::load("samples/report.toml".as_ref())?;
//! let merged = planmerge::read_and_validate(&planmerge::read::collect_files(&inputs)?);
//! let totals = planmerge::compute::compute(&merged.projects, &config);
//! assert_eq!(totals.total.projects, 81);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![warn(missing_docs)]

pub mod cli;
pub mod commands;
pub mod compute;
pub mod config;
pub mod issue;
pub mod model;
pub mod output;
pub mod read;
pub mod template;
pub mod validate;
pub mod write;

use issue::Issue;
use model::ProjectRow;
use read::InputFile;
use std::path::PathBuf;

/// What reading and validating a set of files gives.
#[derive(Debug, Default)]
pub struct Merged {
    /// Every file read, in order.
    pub inputs: Vec<InputFile>,
    /// Validated projects, in merge order.
    pub projects: Vec<ProjectRow>,
    /// Every issue, in file order.
    pub issues: Vec<Issue>,
}

impl Merged {
    /// Number of errors (a summary is written only when this is 0, or as a draft).
    pub fn errors(&self) -> usize {
        issue::error_count(&self.issues)
    }
}

/// read → validate, for the given spreadsheet files.
pub fn read_and_validate(files: &[PathBuf]) -> Merged {
    let read: Vec<read::FileRows> = files.iter().map(|f| read::read_file(f)).collect();
    let inputs = read.iter().map(|f| f.input.clone()).collect();
    let validated = validate::validate(read);
    Merged {
        inputs,
        projects: validated.projects,
        issues: validated.issues,
    }
}
