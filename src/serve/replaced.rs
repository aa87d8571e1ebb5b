//! What a division's upload changes from the file it sent before: when that one came, its
//! projects and completed projects against the new file's, and the projects gone from it. Said
//! to the sender, so a file of 1 project replacing one of 27 is not taken in silence. Pure: the
//! two files' projects in, the comparison out.

use crate::model::{ProjectRow, Status};
use crate::validate::name_key;
use serde::Serialize;

/// The projects named at most, of those gone (the count is always whole).
const NAMED: usize = 10;

/// The file sent before, against the one just sent.
#[derive(Debug, Clone, Serialize)]
pub struct Replaced {
    /// When the file sent before came, as the office clock reads it
    /// (`29 พฤศจิกายน 2569 เวลา 20:56 น.`).
    pub sent: String,
    /// Its projects, then the new file's.
    pub projects: (usize, usize),
    /// Its completed projects (ดำเนินการแล้วเสร็จ), then the new file's.
    pub completed: (usize, usize),
    /// How many of its projects the new file does not have.
    pub gone: usize,
    /// The first of those, by name.
    pub gone_named: Vec<String>,
}

impl Replaced {
    /// The file sent at `received` (seconds since the epoch) holding `before`, against `after`.
    pub fn between(received: u64, before: &[ProjectRow], after: &[ProjectRow]) -> Self {
        let completed = |projects: &[ProjectRow]| {
            projects
                .iter()
                .filter(|p| p.status == Status::Completed)
                .count()
        };
        let now: rustc_hash::FxHashSet<u128> = after.iter().map(|p| name_key(&p.name)).collect();
        let gone: Vec<&ProjectRow> = before
            .iter()
            .filter(|p| !now.contains(&name_key(&p.name)))
            .collect();
        Replaced {
            sent: crate::schema::time::thai_moment(&crate::schema::time::utc_time(received)),
            projects: (before.len(), after.len()),
            completed: (completed(before), completed(after)),
            gone: gone.len(),
            gone_named: gone
                .iter()
                .take(NAMED)
                .map(|p| p.name.to_string())
                .collect(),
        }
    }

    /// Whether projects of the file sent before are missing from the new one (a warning).
    pub fn lost(&self) -> bool {
        self.gone > 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project(name: &str, status: Status) -> ProjectRow {
        let source = crate::model::Location::file("กองคลัง.xlsx");
        ProjectRow::for_test(name, "กองคลัง", status, source)
    }

    #[test]
    fn a_smaller_file_names_the_projects_gone() {
        let before = [
            project("ก", Status::Completed),
            project("ข", Status::InProgress),
            project("ค", Status::Completed),
        ];
        let after = [project("ก", Status::InProgress)];
        let replaced = Replaced::between(0, &before, &after);
        assert_eq!(replaced.projects, (3, 1));
        assert_eq!(replaced.completed, (2, 0));
        assert_eq!(replaced.gone, 2);
        assert_eq!(replaced.gone_named, ["ข", "ค"]);
        assert!(replaced.lost());
        assert!(!Replaced::between(0, &after, &before).lost());
    }
}
