//! Who may do what. On this machine only (`127.0.0.1`, the default) everyone is the coordinator.
//! On any other address two access codes are needed: a staff code (send files, see one's own
//! result) and a coordinator code (the status page, the summary, every file). They are
//! generated on first start into `FOLDER/.planmerge-access` (mode 0600, stored as SHA-256
//! hashes only), printed once, and replaced with `serve --new-codes`. A page session is a
//! random id in an HttpOnly, SameSite=Strict cookie, with its own CSRF token for every form.

use super::inbox::hex;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// What a caller may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A division's staff: send files, see the result of one's own upload.
    Staff,
    /// The coordinator: everything.
    Coordinator,
}

/// The access codes' hashes, as kept in `.planmerge-access`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Codes {
    staff: String,
    coordinator: String,
}

/// The file the codes' hashes live in.
pub const ACCESS_FILE: &str = ".planmerge-access";

/// Codes are made of capitals and digits; a code typed in small letters (a phone's keyboard)
/// is the same code.
fn hash(code: &str) -> String {
    hex(&Sha256::digest(code.trim().to_ascii_uppercase().as_bytes()))
}

/// A code a person can read aloud and type: 10 letters and digits without look-alikes.
fn new_code() -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    (0..10)
        .map(|_| char::from(ALPHABET[rand::random_range(0..ALPHABET.len())]))
        .collect()
}

impl Codes {
    /// The role a code gives, if any (compared by hash).
    pub fn role(&self, code: &str) -> Option<Role> {
        let h = hash(code);
        if h == self.coordinator {
            Some(Role::Coordinator)
        } else if h == self.staff {
            Some(Role::Staff)
        } else {
            None
        }
    }

    /// The codes kept in `folder`, or new ones (written, and returned in clear to be printed
    /// once) when there are none or `renew`.
    pub fn load_or_create(
        folder: &Path,
        renew: bool,
    ) -> std::io::Result<(Codes, Option<[String; 2]>)> {
        let path = folder.join(ACCESS_FILE);
        if !renew && let Ok(text) = std::fs::read_to_string(&path) {
            let mut lines = text.lines().filter_map(|l| l.split_once('='));
            let mut get = |key: &str| {
                lines
                    .find(|(k, _)| k.trim() == key)
                    .map(|(_, v)| v.trim().to_string())
            };
            if let (Some(staff), Some(coordinator)) = (get("staff"), get("coordinator")) {
                return Ok((Codes { staff, coordinator }, None));
            }
        }
        let (staff, coordinator) = (new_code(), new_code());
        let codes = Codes {
            staff: hash(&staff),
            coordinator: hash(&coordinator),
        };
        write_private(
            &path,
            &format!(
                "# SHA-256 of the access codes of planmerge serve\nstaff = {}\ncoordinator = {}\n",
                codes.staff, codes.coordinator
            ),
        )?;
        Ok((codes, Some([staff, coordinator])))
    }
}

/// Writes a file only its owner can read (0600).
fn write_private(path: &PathBuf, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path)?;
    file.write_all(text.as_bytes())
}

/// One page session: its role, the CSRF token its forms carry, and the divisions it has sent a
/// file for (a staff session's form is prefilled from those uploads only).
#[derive(Debug, Clone)]
pub struct Session {
    /// What it may do.
    pub role: Role,
    /// The token every form POST of this session carries.
    pub csrf: String,
    /// Divisions this session has sent a file for, at most [`SENT_KEPT`].
    pub sent: Vec<String>,
}

/// Divisions remembered per session (more than an office has).
const SENT_KEPT: usize = 64;

/// The page sessions, in memory (a restart asks for the code again; no data is lost).
#[derive(Debug, Default)]
pub struct Sessions {
    by_id: Mutex<HashMap<String, Session>>,
}

/// Sessions kept at most; the oldest are not tracked, so a flood of logins cannot grow memory.
const MAX_SESSIONS: usize = 10_000;

fn random_token() -> String {
    hex(&rand::random::<[u8; 32]>())
}

impl Sessions {
    /// Starts a session with `role`; returns its id.
    pub fn start(&self, role: Role) -> String {
        let id = random_token();
        if let Ok(mut map) = self.by_id.lock() {
            if map.len() >= MAX_SESSIONS {
                map.clear();
            }
            let csrf = random_token();
            let sent = Vec::new();
            map.insert(id.clone(), Session { role, csrf, sent });
        }
        id
    }

    /// The session of a cookie's id.
    pub fn get(&self, id: &str) -> Option<Session> {
        self.by_id.lock().ok()?.get(id).cloned()
    }

    /// Ends session `id` (log out).
    pub fn end(&self, id: &str) {
        if let Ok(mut map) = self.by_id.lock() {
            map.remove(id);
        }
    }

    /// Remembers that session `id` sent a file for `division`.
    pub fn record_sent(&self, id: &str, division: &str) {
        let Ok(mut map) = self.by_id.lock() else {
            return;
        };
        if let Some(session) = map.get_mut(id)
            && !session.sent.iter().any(|d| d == division)
            && session.sent.len() < SENT_KEPT
        {
            session.sent.push(division.to_string());
        }
    }
}

/// Whether `code` equals `expected` in time independent of where they differ.
pub fn same_token(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_kept_as_hashes_and_give_their_roles() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (codes, shown) = Codes::load_or_create(dir.path(), false).expect("codes");
        let [staff, coordinator] = shown.expect("new codes are shown once");
        let text = std::fs::read_to_string(dir.path().join(ACCESS_FILE)).expect("file");
        assert!(!text.contains(&staff) && !text.contains(&coordinator));
        assert_eq!(codes.role(&staff), Some(Role::Staff));
        assert_eq!(
            codes.role(&format!(" {coordinator} ")),
            Some(Role::Coordinator)
        );
        assert_eq!(
            codes.role(&staff.to_ascii_lowercase()),
            Some(Role::Staff),
            "typed in small letters"
        );
        assert_eq!(codes.role("WRONG"), None);
        let (again, shown) = Codes::load_or_create(dir.path(), false).expect("codes");
        assert_eq!(again, codes);
        assert!(shown.is_none(), "printed once");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join(ACCESS_FILE))
                .expect("meta")
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }
}
