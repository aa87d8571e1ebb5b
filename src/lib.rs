//! planmerge: merge the divisions' anti-corruption action-plan workbooks into the monitoring
//! report. The data flows one way: read → validate → compute → write, and the modules are
//! layered the same way — each uses only those listed before it:
//!
//! `model` → `schema` → `issue` → `config` → `read` → `validate` → `compute` → `merge` →
//! `write` → `template` → (`output`, `progress`, `cli`, `commands`: the command line).
//!
//! ```no_run
//! use std::path::PathBuf;
//! let inputs = [PathBuf::from("samples/6-month")];
//! let config = planmerge::config::ReportConfig::load("samples/6-month/report.toml".as_ref())?;
//! let merged = planmerge::read_and_validate(&planmerge::read::collect_files(&inputs)?);
//! let totals = planmerge::compute::compute(&merged.projects, &config);
//! assert_eq!(totals.total.projects, 81);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![warn(missing_docs)]

pub mod compare;
pub mod compute;
pub mod config;
pub mod issue;
pub mod mail;
pub mod merge;
pub mod model;
pub mod read;
pub mod schema;
pub mod template;
pub mod validate;
pub mod write;

mod cli;
mod commands;
mod output;
mod progress;
mod serve;

pub use commands::{CommandError, Failure, Outcome, Terminals, run, usage_in_thai};
pub use merge::FileDone;
pub use output::{JsonReport, JsonSummary};

use issue::Issue;
use model::ProjectRow;
use read::InputFile;
use std::path::PathBuf;

/// What reading and validating a set of files gives, the whole list kept: the result a test,
/// `template --from` or a page needs. A merge that only writes the list streams it through
/// [`merge::for_each_file`] instead.
#[derive(Debug, Default)]
pub struct Merged {
    /// Every file read, in order.
    pub inputs: Vec<InputFile>,
    /// Validated projects, in merge order.
    pub projects: Vec<ProjectRow>,
    /// Every issue kept, in file order (see [`issue::KEPT_PER_CODE`]).
    pub issues: Vec<Issue>,
    errors: usize,
}

impl Merged {
    /// The whole result of a merge that has taken every file, with the projects it kept.
    pub fn from_merge(merge: merge::Merge, projects: Vec<ProjectRow>) -> Self {
        Merged {
            errors: merge.errors(),
            inputs: merge.inputs,
            projects,
            issues: merge.issues,
        }
    }

    /// Number of errors, those beyond the issues kept included (a summary is written only when
    /// this is 0, or as a draft).
    pub fn errors(&self) -> usize {
        self.errors
    }
}

/// read → validate for the given spreadsheet files, keeping the merged list, without a report's
/// configuration (no fiscal year, no added header words): see [`read_and_validate_with`].
pub fn read_and_validate(files: &[PathBuf]) -> Merged {
    read_and_validate_with(files, &read::ReadOptions::default())
}

/// read → validate for the given spreadsheet files, keeping the merged list: a thin adapter over
/// the one pipeline ([`merge::for_each_file`] and [`merge::Merge`]).
pub fn read_and_validate_with(files: &[PathBuf], options: &read::ReadOptions) -> Merged {
    let mut merge = merge::Merge::default();
    let mut projects = Vec::new();
    merge::for_each_file(
        files,
        options,
        merge::Readers::EveryCore,
        &|_| {},
        &mut |part| {
            projects.extend(merge.take(part));
        },
    );
    Merged::from_merge(merge, projects)
}
