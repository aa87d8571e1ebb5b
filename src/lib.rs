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
pub mod progress;
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
    read_and_validate_with(files, &|_| {})
}

/// read → validate, calling `progress` after each file (from any thread). Files are read and
/// validated in parallel; the result is in file order, as if read one after another.
pub fn read_and_validate_with(files: &[PathBuf], progress: &(dyn Fn(&FileDone) + Sync)) -> Merged {
    use rayon::prelude::*;
    let per_file: Vec<(InputFile, validate::Validated)> = files
        .par_iter()
        .map(|path| {
            let (file, validated) = validate::read_and_validate_file(path);
            progress(&FileDone {
                rows: file.input.rows,
                errors: issue::error_count(&validated.issues),
            });
            (file.input, validated)
        })
        .collect();
    let mut merged = Merged::default();
    let mut all = validate::Validated::default();
    // Reserved exactly, and each file's rows freed as they are moved: no doubling of the list.
    all.projects
        .reserve_exact(per_file.iter().map(|(_, v)| v.projects.len()).sum());
    for (input, validated) in per_file {
        merged.inputs.push(input);
        all.projects.extend(validated.projects);
        all.issues.extend(validated.issues);
    }
    validate::remove_duplicates(&mut all);
    merged.projects = all.projects;
    merged.issues = all.issues;
    merged
}

/// What one finished file reports to a progress display.
#[derive(Debug, Clone, Copy)]
pub struct FileDone {
    /// Rows read under headers.
    pub rows: usize,
    /// Errors found in the file.
    pub errors: usize,
}
