//! The drop box's forms (`/template/<division>`) for the next round: a division downloads its
//! form before sending anything, listing its projects of the previous round; a division's upload
//! prefills a form only for the coordinator and for the session that sent it.

use crate::serve::{Answer, agent, answer, page_upload, start};
use crate::support::folder;
use planmerge::read_and_validate;
use std::path::Path;

/// The round's folder: the 12-month samples' report.toml, its `previous` pointing at the
/// bundled 6-month samples.
pub(crate) fn twelve_month_folder() -> tempfile::TempDir {
    let dir = folder();
    let toml = crate::support::twelve_month_toml();
    std::fs::write(dir.path().join("report.toml"), toml).expect("toml");
    dir
}

/// The names and statuses of a workbook's projects, in order.
fn listed(path: &Path) -> Vec<(String, String)> {
    let merged = read_and_validate(&[path.to_path_buf()]);
    assert!(
        merged
            .issues
            .iter()
            .all(|i| i.severity() != planmerge::issue::Severity::Error)
    );
    merged
        .projects
        .iter()
        .map(|p| (p.name.to_string(), format!("{:?}", p.status)))
        .collect()
}

/// The division's form as a session with `cookie` downloads it, saved into `dir`.
fn form(base: &str, cookie: &str, division_path: &str, dir: &Path) -> std::path::PathBuf {
    let reply = answer(
        agent()
            .get(&format!("{base}{division_path}"))
            .set("Cookie", cookie)
            .call(),
    );
    assert_eq!(reply.status, 200, "{}", reply.text());
    let path = dir.join(format!("form-{}.xlsx", rand_suffix()));
    std::fs::write(&path, &reply.body).expect("form");
    path
}

fn rand_suffix() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    N.fetch_add(1, Ordering::Relaxed)
}

#[test]
fn a_form_lists_the_previous_round_and_an_upload_only_for_the_session_that_sent_it() {
    let dir = twelve_month_folder();
    let scratch = folder();
    let server = start(dir.path(), "0.0.0.0:0");
    let (staff, _) = server.codes.clone().expect("codes");
    let login = || -> String {
        let reply = answer(
            agent()
                .post(&format!("{}/login", server.base))
                .send_form(&[("code", &staff)]),
        );
        reply.cookie.expect("a session")
    };
    let (sender, other) = (login(), login());
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let six = listed(&root.join("samples/6-month/กองคลัง.xlsx"));
    let twelve_file = root.join("samples/12-month/กองคลัง.xlsx");
    let twelve = listed(&twelve_file);
    assert_ne!(
        six, twelve,
        "the rounds differ for this test to mean anything"
    );

    // The upload page offers the form, saying it lists the previous round.
    let page = answer(
        agent()
            .get(&format!("{}/", server.base))
            .set("Cookie", &sender)
            .call(),
    );
    let text = page.text();
    assert!(text.contains("id=\"form-download\""), "{text}");
    assert!(text.contains("จากรอบก่อน"), "{text}");
    // Its GET form lands on the division's form.
    let chosen: Answer = answer(
        agent()
            .get(&format!("{}/template?division=กองคลัง", server.base))
            .set("Cookie", &sender)
            .call(),
    );
    assert_eq!(chosen.status, 303);
    let to = chosen.location.expect("a redirect");
    assert_eq!(
        to,
        "/template/%E0%B8%81%E0%B8%AD%E0%B8%87%E0%B8%84%E0%B8%A5%E0%B8%B1%E0%B8%87"
    );

    // Nothing sent yet: the form lists the division's projects of the previous round.
    assert_eq!(
        listed(&form(&server.base, &sender, &to, scratch.path())),
        six
    );

    // One session sends the 12-month file through the page.
    let csrf = page.csrf();
    let twelve_bytes = std::fs::read(&twelve_file).expect("file");
    let sent = page_upload(&server, &sender, &csrf, "กองคลัง", &twelve_bytes);
    assert_eq!(sent.status, 200, "{}", sent.text());

    // Its form now lists what it sent; another staff session still gets the previous round's.
    assert_eq!(
        listed(&form(&server.base, &sender, &to, scratch.path())),
        twelve
    );
    assert_eq!(
        listed(&form(&server.base, &other, &to, scratch.path())),
        six
    );
}

/// Next year's 6-month round, its `previous` this year's 12-month round: the form a division
/// downloads lists its projects of that round, but not their results — last year's statuses
/// and amounts are never this year's.
#[test]
fn a_form_for_the_next_fiscal_year_lists_the_projects_without_their_results() {
    let dir = folder();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let toml = crate::support::REPORT_TOML
        .replace("fiscal_year = 2565", "fiscal_year = 2566")
        .replace("as_of = \"2022-04-21\"", "as_of = \"2023-04-10\"");
    let previous = root.join("samples/12-month").display().to_string();
    let toml = format!("{toml}\nprevious = {previous:?}\n");
    std::fs::write(dir.path().join("report.toml"), toml).expect("toml");
    let scratch = folder();
    let server = start(dir.path(), "127.0.0.1:0");
    let page = answer(agent().get(&format!("{}/", server.base)).call());
    let cookie = page.cookie.expect("a session");
    let path = form(
        &server.base,
        &cookie,
        "/template/%E0%B8%81%E0%B8%AD%E0%B8%87%E0%B8%84%E0%B8%A5%E0%B8%B1%E0%B8%87",
        scratch.path(),
    );
    let last_year = read_and_validate(&[root.join("samples/12-month/กองคลัง.xlsx")]);
    let merged = read_and_validate(&[path]);
    assert!(
        merged.projects.is_empty(),
        "no project has this year's status"
    );
    let missing: Vec<String> = merged
        .issues
        .iter()
        .filter(|i| i.problem.code() == "status-missing")
        .map(|i| i.location.to_string())
        .collect();
    assert_eq!(missing.len(), last_year.projects.len());
    assert!(missing[0].ends_with("› โครงการ › H7"), "{missing:?}");
}
