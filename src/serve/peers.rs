//! What the other divisions' current files hold, for telling a sender of a project or a file
//! another division has sent too (`project-duplicate`, `file-duplicate`): each file's SHA-256
//! and its projects' name keys with their places, read once per version of the file (an upload
//! does not read every other division's workbook again).

use super::inbox::{Current, hex, spreadsheet_kind};
use crate::issue::{Issue, Problem};
use crate::model::Location;
use crate::validate::name_key;
use rustc_hash::FxHashMap;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// A file's projects as far as duplicates go: each one's name key and place.
pub type Keyed = Vec<(u128, Location)>;

/// Checks another file's bytes (its name, its kind, the bytes) → its projects, [`Keyed`].
pub type ReadPeer<'a> = &'a dyn Fn(&str, &str, Vec<u8>) -> Keyed;

/// One current file, as far as duplicates go: its SHA-256, and the first place of each name.
#[derive(Debug)]
struct Known {
    sha256: String,
    first: FxHashMap<u128, Location>,
}

/// The known current files, by path.
#[derive(Debug, Default)]
pub struct Peers {
    known: Mutex<HashMap<PathBuf, Arc<Known>>>,
}

impl Peers {
    /// The issues of a file just checked (`sha256`, its projects' keys and places) that only the
    /// `others` (other divisions' current files) show; `read` checks another file's bytes (name,
    /// kind, bytes) → its projects, and is called only for a file not known in this version.
    pub fn issues(
        &self,
        mine: (&str, &[(u128, Location)]),
        others: &[Current],
        read: ReadPeer<'_>,
    ) -> Vec<Issue> {
        let (sha256, projects) = mine;
        let mut issues = Vec::new();
        for other in others {
            let Some(known) = self.known(other, read) else {
                continue;
            };
            let shown = other
                .path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if known.sha256 == sha256 {
                let at = projects
                    .first()
                    .map(|(_, place)| Location::file(&place.file))
                    .unwrap_or_else(|| Location::file(""));
                issues.push(Issue::new(Problem::FileDuplicate { other: shown }, at));
                continue;
            }
            for (key, place) in projects {
                if let Some(first) = known.first.get(key) {
                    let problem = Problem::ProjectDuplicate {
                        other: first.clone(),
                    };
                    issues.push(Issue::new(problem, place.clone()));
                }
            }
        }
        issues
    }

    /// The file as far as duplicates go, from the cache when its bytes are unchanged.
    fn known(&self, file: &Current, read: ReadPeer<'_>) -> Option<Arc<Known>> {
        let bytes = std::fs::read(&file.path).ok()?;
        let sha256 = hex(&Sha256::digest(&bytes));
        if let Ok(map) = self.known.lock()
            && let Some(known) = map.get(&file.path)
            && known.sha256 == sha256
        {
            return Some(Arc::clone(known));
        }
        let kind = spreadsheet_kind(&bytes)?;
        let name = file.path.file_name()?.to_string_lossy().into_owned();
        let mut first = FxHashMap::default();
        for (key, place) in read(&name, kind, bytes) {
            first.entry(key).or_insert(place);
        }
        let known = Arc::new(Known { sha256, first });
        if let Ok(mut map) = self.known.lock() {
            map.insert(file.path.clone(), Arc::clone(&known));
        }
        Some(known)
    }
}

/// A project's name key and place, as [`Peers`] keeps them.
pub fn keyed(projects: &[crate::model::ProjectRow]) -> Keyed {
    projects
        .iter()
        .map(|p| (name_key(&p.name), p.source.clone()))
        .collect()
}
