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
pub mod mail;
pub mod merge;
pub mod model;
pub mod output;
pub mod progress;
pub mod read;
pub mod template;
pub mod validate;
pub mod write;

use issue::Issue;
pub use merge::FileDone;
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

/// read → validate, for the given spreadsheet files, keeping the merged list.
pub fn read_and_validate(files: &[PathBuf]) -> Merged {
    read_and_validate_with(files, &|_| {})
}

/// read → validate, calling `progress` after each file (from any thread). Files are read and
/// validated in parallel; the result is in file order, as if read one after another. The whole
/// list is kept: a merge that only writes it streams through [`merge::for_each_file`] instead.
pub fn read_and_validate_with(files: &[PathBuf], progress: &(dyn Fn(&FileDone) + Sync)) -> Merged {
    let mut merge = merge::Merge::default();
    let mut projects = Vec::new();
    merge::for_each_file(files, progress, &mut |part| {
        projects.extend(merge.take(part));
    });
    Merged {
        inputs: merge.inputs,
        projects,
        issues: merge.issues,
    }
}
