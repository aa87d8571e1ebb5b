//! `planmerge serve` over real HTTP: the binary is started on 127.0.0.1 (port 0) in a folder of
//! its own, and spoken to as a browser and a script would. The samples sent one by one give the
//! seed's figures, the summary downloaded holds them, a bad workbook is answered with its cell,
//! every upload is kept, and every security rule holds.

use crate::common::ReadBack;
use crate::support::{REPORT_TOML, folder, words_row, write_book};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// The folder of the bundled samples of one round.
const SAMPLES: &str = "samples/6-month";

/// A running `planmerge serve`, stopped when dropped.
pub(crate) struct Server {
    child: Child,
    /// `http://127.0.0.1:PORT`.
    pub(crate) base: String,
    /// (staff, coordinator) when it listens beyond this machine.
    pub(crate) codes: Option<(String, String)>,
    /// The lines it printed on starting, up to where it listens.
    pub(crate) said: Vec<String>,
}

impl Server {
    /// The server's peak resident memory so far, KiB (Linux).
    fn peak_kib(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        status
            .lines()
            .find(|l| l.starts_with("VmHWM:"))?
            .split_whitespace()
            .nth(1)?
            .parse()
            .ok()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `planmerge serve FOLDER --listen ADDR` and waits for the line saying where it listens.
pub(crate) fn start(folder: &Path, listen: &str) -> Server {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("planmerge"))
        .arg("serve")
        .arg(folder)
        .args(["--listen", listen])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start planmerge serve");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout).lines();
    let (mut staff, mut coordinator, mut base) = (None, None, None);
    let mut said = Vec::new();
    for line in lines.by_ref() {
        let line = line.expect("a line");
        said.push(line.clone());
        if let Some(code) = line.trim().strip_prefix("staff ") {
            staff = Some(code.to_string());
        }
        if let Some(code) = line.trim().strip_prefix("coordinator ") {
            coordinator = Some(code.to_string());
        }
        if let Some(rest) = line.strip_prefix("planmerge serve: http://") {
            let addr = rest.split('/').next().expect("an address");
            let port = addr.rsplit(':').next().expect("a port");
            base = Some(format!("http://127.0.0.1:{port}"));
            break;
        }
    }
    Server {
        child,
        base: base.expect("the server says where it listens"),
        codes: staff.zip(coordinator),
        said,
    }
}

/// An HTTP answer: status, Set-Cookie, body.
pub(crate) struct Answer {
    pub(crate) status: u16,
    pub(crate) cookie: Option<String>,
    pub(crate) location: Option<String>,
    csp: Option<String>,
    pub(crate) body: Vec<u8>,
}

impl Answer {
    pub(crate) fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub(crate) fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).expect("JSON")
    }

    /// The CSRF token of the page's form.
    pub(crate) fn csrf(&self) -> String {
        let text = self.text();
        let at = text.find("name=\"csrf\" value=\"").expect("a CSRF field") + 19;
        text[at..at + 64].to_string()
    }
}

pub(crate) fn agent() -> ureq::Agent {
    ureq::AgentBuilder::new().redirects(0).build()
}

pub(crate) fn answer(result: Result<ureq::Response, ureq::Error>) -> Answer {
    let response = match result {
        Ok(r) => r,
        Err(ureq::Error::Status(_, r)) => r,
        Err(e) => panic!("transport: {e}"),
    };
    let cookie = response
        .header("set-cookie")
        .and_then(|c| c.split(';').next())
        .map(str::to_string);
    let location = response.header("location").map(str::to_string);
    let csp = response
        .header("content-security-policy")
        .map(str::to_string);
    let status = response.status();
    let mut body = Vec::new();
    let _ = std::io::Read::read_to_end(&mut response.into_reader(), &mut body);
    Answer {
        status,
        cookie,
        location,
        csp,
        body,
    }
}

/// A multipart body: text fields, then the file (if any).
pub(crate) fn multipart(fields: &[(&str, &str)], file: Option<&[u8]>) -> (String, Vec<u8>) {
    let boundary = "----planmerge-test-boundary-7d9c";
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    if let Some(bytes) = file {
        body.extend(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"book.xlsx\"\r\nContent-Type: application/octet-stream\r\n\r\n").as_bytes());
        body.extend(bytes);
        body.extend(b"\r\n");
    }
    body.extend(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// `POST /api/upload` with `X-Planmerge: 1` (and a bearer code when given).
pub(crate) fn api_upload(
    server: &Server,
    division: &str,
    bytes: &[u8],
    code: Option<&str>,
) -> Answer {
    let (kind, body) = multipart(&[("division", division)], Some(bytes));
    let mut request = agent()
        .post(&format!("{}/api/upload", server.base))
        .set("X-Planmerge", "1")
        .set("Content-Type", &kind);
    if let Some(code) = code {
        request = request.set("Authorization", &format!("Bearer {code}"));
    }
    answer(request.send_bytes(&body))
}

/// `POST /upload` from the page: a session's cookie and form token, the division and the file.
pub(crate) fn page_upload(
    server: &Server,
    cookie: &str,
    csrf: &str,
    division: &str,
    bytes: &[u8],
) -> Answer {
    let (kind, body) = multipart(&[("csrf", csrf), ("division", division)], Some(bytes));
    answer(
        agent()
            .post(&format!("{}/upload", server.base))
            .set("Cookie", cookie)
            .set("Content-Type", &kind)
            .send_bytes(&body),
    )
}

pub(crate) fn api_get(server: &Server, path: &str, code: Option<&str>) -> Answer {
    let mut request = agent()
        .get(&format!("{}{path}", server.base))
        .set("X-Planmerge", "1");
    if let Some(code) = code {
        request = request.set("Authorization", &format!("Bearer {code}"));
    }
    answer(request.call())
}

pub(crate) fn samples() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLES);
    planmerge::read::collect_files(&[dir]).expect("samples")
}

/// A round's folder with the samples' report.toml.
fn round_folder() -> tempfile::TempDir {
    folder()
}

#[test]
fn a_listed_division_that_has_sent_nothing_is_said_in_the_standing_report() {
    let dir = round_folder();
    let toml = format!(
        "{}\ndivisions = [\"กองคลัง\", \"กองช่าง\"]\n",
        crate::support::REPORT_TOML
    );
    std::fs::write(dir.path().join("report.toml"), toml).expect("toml");
    let server = start(dir.path(), "127.0.0.1:0");
    let sample = samples()
        .into_iter()
        .find(|f| planmerge::schema::division_of(f) == "กองคลัง")
        .expect("กองคลัง's sample");
    let reply = api_upload(
        &server,
        "กองคลัง",
        &std::fs::read(sample).expect("file"),
        None,
    );
    assert_eq!(reply.status, 200, "{}", reply.text());
    let json = api_get(&server, "/api/status", None).json();
    let missing: Vec<&str> = json["issues"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|i| i["code"] == "division-missing")
        .filter_map(|i| i["message"].as_str())
        .collect();
    assert_eq!(missing.len(), 1, "{json}");
    assert!(missing[0].contains("กองช่าง"), "{missing:?}");
}

/// A project two divisions send is counted for the one that sent it first, and the later
/// sender is the one told (its row is the duplicate), whichever name sorts first.
#[test]
fn a_duplicate_is_the_later_senders_to_mend() {
    let dir = round_folder();
    let server = start(dir.path(), "127.0.0.1:0");
    let office = samples()
        .into_iter()
        .find(|f| planmerge::schema::division_of(f) == "สำนักปลัด")
        .expect("สำนักปลัด's sample");
    let theirs = planmerge::read_and_validate(std::slice::from_ref(&office)).projects;
    let reply = api_upload(
        &server,
        "สำนักปลัด",
        &std::fs::read(&office).expect("file"),
        None,
    );
    assert_eq!(reply.status, 200, "{}", reply.text());
    std::thread::sleep(std::time::Duration::from_millis(1100));
    // กองการเจ้าหน้าที่ (which sorts before สำนักปลัด) later sends one of สำนักปลัด's projects.
    // Made outside the round folder (a workbook in it would be counted, as merge counts it).
    let scratch = tempfile::tempdir().expect("scratch");
    let copy = scratch.path().join("copy.xlsx");
    let rows = [
        words_row(1, &theirs[0].name, 1.0, 100.0),
        words_row(2, "โครงการของกองการเจ้าหน้าที่เอง", 1.0, 100.0),
    ];
    write_book(&copy, "แผน", &crate::support::WORDS_HEADER, &rows);
    let bytes = std::fs::read(&copy).expect("copy");
    let reply = api_upload(&server, "กองการเจ้าหน้าที่", &bytes, None);
    assert_eq!(reply.status, 200, "{}", reply.text());
    // Its own project is counted, the other is สำนักปลัด's.
    assert_eq!(reply.json()["inputs"][0]["counted"], 1, "{}", reply.text());
    let json = api_get(&server, "/api/status", None).json();
    let errors = |name: &str| {
        json["divisions"]
            .as_array()
            .and_then(|all| all.iter().find(|d| d["name"] == name))
            .map(|d| d["errors"].clone())
    };
    assert_eq!(errors("สำนักปลัด"), Some(0.into()), "{json}");
    assert_eq!(errors("กองการเจ้าหน้าที่"), Some(1.into()), "{json}");
}

#[test]
fn the_samples_sent_one_by_one_give_the_seed_figures_and_the_summary_holds_them() {
    let dir = round_folder();
    let server = start(dir.path(), "127.0.0.1:0");
    for file in samples() {
        let division = planmerge::schema::division_of(&file);
        let bytes = std::fs::read(&file).expect("sample");
        let reply = api_upload(&server, &division, &bytes, None);
        assert_eq!(reply.status, 200, "{}", reply.text());
        assert_eq!(reply.json()["ok"], true, "{}", reply.text());
    }
    let status = api_get(&server, "/api/status", None);
    assert_eq!(status.status, 200);
    let json = status.json();
    let s = &json["summary"];
    assert_eq!(s["total"]["projects"], 81);
    assert_eq!(s["total"]["completed"], 41);
    assert_eq!(s["total"]["budget_plan"], "8536600.00");
    assert_eq!(s["status"]["implementation_pct"], "67.78");
    assert_eq!(s["status"]["level"], "มาก");
    let divisions = json["divisions"].as_array().expect("divisions");
    assert_eq!(divisions.len(), 8);
    assert!(
        divisions
            .iter()
            .all(|d| d["sent"] == true && d["errors"] == 0)
    );
    let summary = api_get(&server, "/api/summary.xlsx", None);
    assert_eq!(summary.status, 200);
    let path = dir.path().join("downloaded.xlsx");
    std::fs::write(&path, &summary.body).expect("write");
    let mut book = ReadBack::open(&path);
    let text = book.sheet_text("สรุปผล");
    for figure in ["81", "41", "50.62", "67.78", "มาก"] {
        assert!(text.contains(figure), "{figure} in {text}");
    }
}

#[test]
fn a_page_upload_answers_with_the_verdict_and_a_bad_workbook_with_its_cell() {
    let dir = round_folder();
    let server = start(dir.path(), "127.0.0.1:0");
    let page = answer(agent().get(&format!("{}/", server.base)).call());
    assert_eq!(page.status, 200);
    assert_eq!(page.csp.as_deref(), Some("default-src 'self'"));
    let cookie = page.cookie.clone().expect("a session cookie");
    let csrf = page.csrf();
    let scratch = tempfile::tempdir().expect("scratch");
    let bad = scratch.path().join("bad.xlsx");
    write_book(
        &bad,
        "แผน",
        &crate::support::WORDS_HEADER,
        &[words_row(1, "โครงการ ก", 5.0, 0.0)],
    );
    let bad_bytes = std::fs::read(&bad).expect("bad");
    // No project counted in it: answered with its cells, and not kept (422).
    let reply = page_upload(&server, &cookie, &csrf, "กองคลัง", &bad_bytes);
    assert_eq!(reply.status, 422);
    let text = reply.text();
    assert!(text.contains("ไม่ได้รับไฟล์นี้"), "{text}");
    // Its cells in the file the sender has, by the name they sent it under.
    assert!(text.contains("ผิด · book.xlsx › แผน › C2"), "{text}");
    assert!(text.contains("มิติต้องเป็น 1–4"), "{text}");
    // Not kept, so nothing to prefill a form from.
    assert!(!text.contains("download your form, prefilled"), "{text}");
    assert!(!dir.path().join("inbox/กองคลัง.xlsx").exists(), "not kept");
    let api = api_upload(&server, "กองคลัง", &std::fs::read(&bad).expect("bad"), None);
    assert_eq!(api.status, 422, "no project: not kept");
    assert_eq!(api.json()["ok"], false);
    let json = api.json();
    let invalid = json["issues"]
        .as_array()
        .and_then(|i| i.iter().find(|i| i["code"] == "dimension-invalid"))
        .expect("the dimension's issue");
    assert_eq!(invalid["cell"], "C2");
    // A good file: the division's own score (as on the รายกอง sheet), not the organization's
    // implementation figure over every division's initial projects.
    let good = scratch.path().join("good.xlsx");
    let mut in_progress = words_row(2, "โครงการ ข", 2.0, 100.0);
    in_progress[6] = crate::support::t("อยู่ระหว่างดำเนินการ");
    write_book(
        &good,
        "แผน",
        &crate::support::WORDS_HEADER,
        &[words_row(1, "โครงการ ก", 1.0, 100.0), in_progress],
    );
    let good_bytes = std::fs::read(&good).expect("good");
    let text = page_upload(&server, &cookie, &csrf, "กองคลัง", &good_bytes).text();
    assert!(text.contains("คะแนนของกอง ร้อยละ 75.00"), "{text}");
    // A receipt: the file as the sender named it, and when (Thai time, B.E.).
    assert!(
        text.contains("ได้รับไฟล์ <strong>book.xlsx</strong> ของกองคลัง เมื่อ"),
        "{text}"
    );
    assert!(text.contains(" น. · received"), "{text}");
    assert!(!text.contains("ผลการนำแผนฯ ไปปฏิบัติ"), "{text}");
    // An empty form sent after it does not displace it.
    let empty = scratch.path().join("empty.xlsx");
    write_book(&empty, "แผน", &crate::support::WORDS_HEADER, &[]);
    let empty_bytes = std::fs::read(&empty).expect("empty");
    let reply = page_upload(&server, &cookie, &csrf, "กองคลัง", &empty_bytes);
    assert_eq!(reply.status, 422, "{}", reply.text());
    // Nothing counted, so no table of zeros and no form "prefilled" from it.
    let text = reply.text();
    assert!(!text.contains("class=\"figures\""), "{text}");
    assert!(!text.contains("/template/"), "{text}");
    let kept = std::fs::read(dir.path().join("inbox/กองคลัง.xlsx")).expect("kept");
    assert!(kept == good_bytes, "the good file still counts");
}

#[test]
fn a_division_sent_twice_keeps_both_uploads_and_the_later_is_current() {
    let dir = round_folder();
    let server = start(dir.path(), "127.0.0.1:0");
    let scratch = tempfile::tempdir().expect("scratch");
    let make = |name: &str| {
        let path = scratch.path().join(format!("{name}.xlsx"));
        write_book(
            &path,
            "แผน",
            &crate::support::WORDS_HEADER,
            &[words_row(1, name, 1.0, 0.0)],
        );
        std::fs::read(path).expect("book")
    };
    let (first, second) = (make("โครงการแรก"), make("โครงการที่สอง"));
    assert_eq!(api_upload(&server, "กองคลัง", &first, None).status, 200);
    assert_eq!(api_upload(&server, "กองคลัง", &second, None).status, 200);
    let versions: Vec<_> = std::fs::read_dir(dir.path().join("inbox/.versions/กองคลัง"))
        .expect("versions")
        .collect();
    assert_eq!(versions.len(), 2, "both uploads kept");
    let current = std::fs::read(dir.path().join("inbox/กองคลัง.xlsx")).expect("current");
    assert_eq!(current, second);
    // A restarted server knows it all.
    drop(server);
    let server = start(dir.path(), "127.0.0.1:0");
    let status = api_get(&server, "/api/status", None).json();
    assert_eq!(status["summary"]["total"]["projects"], 1);
}

#[test]
fn off_this_machine_codes_are_needed_and_each_role_gets_only_its_own() {
    let dir = round_folder();
    let server = start(dir.path(), "0.0.0.0:0");
    let (staff, coordinator) = server.codes.clone().expect("codes printed once");
    let stored = std::fs::read_to_string(dir.path().join(".planmerge-access")).expect("codes file");
    assert!(
        !stored.contains(&staff) && !stored.contains(&coordinator),
        "kept as hashes"
    );
    // No code: the page asks for one, the API refuses.
    let page = answer(agent().get(&format!("{}/status", server.base)).call());
    assert_eq!(page.status, 303);
    assert_eq!(page.location.as_deref(), Some("/login"));
    assert_eq!(api_get(&server, "/api/status", None).status, 401);
    assert_eq!(
        api_get(&server, "/api/status", Some("WRONGCODE1")).status,
        401
    );
    // The staff code sends files but sees no status.
    let sample = std::fs::read(&samples()[0]).expect("sample");
    assert_eq!(
        api_upload(&server, "กองคลัง", &sample, Some(&staff)).status,
        200
    );
    assert_eq!(api_get(&server, "/api/status", Some(&staff)).status, 403);
    let login = |code: &str| {
        let reply = answer(
            agent()
                .post(&format!("{}/login", server.base))
                .send_form(&[("code", code)]),
        );
        reply.cookie.expect("a session")
    };
    let staff_cookie = login(&staff);
    let status = answer(
        agent()
            .get(&format!("{}/status", server.base))
            .set("Cookie", &staff_cookie)
            .call(),
    );
    assert_eq!(status.status, 403);
    // Staff are not offered the page they would be refused; the coordinator is.
    let upload_page = |cookie: &str| {
        let page = answer(
            agent()
                .get(&format!("{}/", server.base))
                .set("Cookie", cookie)
                .call(),
        );
        assert_eq!(page.status, 200);
        page.text()
    };
    let staff_page = upload_page(&staff_cookie);
    assert!(
        !staff_page.contains("href=\"/status\"") && staff_page.contains("href=\"/logout\""),
        "{staff_page}"
    );
    // The coordinator sees it all.
    let coordinator_cookie = login(&coordinator);
    assert!(upload_page(&coordinator_cookie).contains("href=\"/status\""));
    let status = answer(
        agent()
            .get(&format!("{}/status", server.base))
            .set("Cookie", &coordinator_cookie)
            .call(),
    );
    assert_eq!(status.status, 200);
    assert!(status.text().contains("กองคลัง"));
    assert_eq!(
        api_get(&server, "/api/status", Some(&coordinator)).status,
        200
    );
    // Without X-Planmerge the API refuses even the coordinator (a cross-site page cannot send it).
    let plain = answer(
        agent()
            .get(&format!("{}/api/status", server.base))
            .set("Authorization", &format!("Bearer {coordinator}"))
            .call(),
    );
    assert_eq!(plain.status, 403);
}

#[test]
fn forms_without_their_token_too_large_files_bad_names_and_non_spreadsheets_are_refused() {
    let dir = round_folder();
    std::fs::write(
        dir.path().join("report.toml"),
        format!("{REPORT_TOML}\n[serve]\nupload_limit_mib = 1\n"),
    )
    .expect("toml");
    let server = start(dir.path(), "127.0.0.1:0");
    let page = answer(agent().get(&format!("{}/", server.base)).call());
    let cookie = page.cookie.clone().expect("cookie");
    let sample = std::fs::read(&samples()[0]).expect("sample");
    let post = |fields: &[(&str, &str)], file: Option<&[u8]>| {
        let (kind, body) = multipart(fields, file);
        answer(
            agent()
                .post(&format!("{}/upload", server.base))
                .set("Cookie", &cookie)
                .set("Content-Type", &kind)
                .send_bytes(&body),
        )
    };
    // A form POST without its CSRF token (as a cross-site page would send).
    assert_eq!(post(&[("division", "กองคลัง")], Some(&sample)).status, 403);
    let csrf = page.csrf();
    // Over the limit (1 MiB here; 20 MiB by default).
    let big = vec![b'x'; 1024 * 1024 + 10];
    assert_eq!(
        post(&[("csrf", &csrf), ("division", "กองคลัง")], Some(&big)).status,
        413
    );
    // A division that would leave the inbox.
    for name in ["../../etc", "กอง/คลัง", "กอง\0คลัง", &"ก".repeat(300)]
    {
        let reply = post(&[("csrf", &csrf), ("division", name)], Some(&sample));
        assert_eq!(reply.status, 400, "{name}");
    }
    // An HTML page named .xlsx: judged by its content.
    let html = b"<!DOCTYPE html><html><body>login</body></html>";
    let reply = post(&[("csrf", &csrf), ("division", "กองคลัง")], Some(html));
    assert_eq!(reply.status, 415);
    assert!(reply.text().contains("ไม่ใช่ไฟล์ Excel"), "{}", reply.text());
    assert!(
        reply.text().contains("ไฟล์นี้เป็นหน้าเว็บ (HTML)"),
        "says what it is: {}",
        reply.text()
    );
    assert!(
        !dir.path().join("inbox/กองคลัง.xlsx").exists(),
        "nothing kept"
    );
    // The server still answers.
    assert_eq!(api_get(&server, "/api/status", None).status, 200);
}

#[test]
fn with_a_previous_round_the_status_compares_with_it() {
    let dir = round_folder();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let toml = crate::support::twelve_month_toml();
    std::fs::write(dir.path().join("report.toml"), toml).expect("toml");
    let server = start(dir.path(), "127.0.0.1:0");
    let twelve = planmerge::read::collect_files(&[root.join("samples/12-month")]).expect("12");
    let mut told_dropped = Vec::new();
    for file in &twelve {
        let division = planmerge::schema::division_of(file);
        let reply = api_upload(
            &server,
            &division,
            &std::fs::read(file).expect("file"),
            None,
        );
        assert_eq!(reply.status, 200);
        let issues = reply.json()["issues"].clone();
        let dropped = issues.as_array().into_iter().flatten();
        for issue in dropped.filter(|i| i["code"] == "project-dropped") {
            told_dropped.push((division.clone(), issue["message"].to_string()));
            // Where the project was, by file name: not the server's folders.
            let file = issue["file"].as_str().unwrap_or_default();
            assert!(!file.contains('/'), "{file}");
            assert!(file.ends_with(".xlsx"), "{file}");
        }
    }
    // The division whose project of the last round is missing is told so when it sends its
    // file, as `check` would tell it; no other division is told of it.
    assert_eq!(told_dropped.len(), 1, "{told_dropped:?}");
    assert_eq!(told_dropped[0].0, "สำนักปลัด");
    assert!(told_dropped[0].1.contains("ยกย่องและเชิดชูเกียรติ"));
    let json = api_get(&server, "/api/status", None).json();
    assert_eq!(json["summary"]["total"]["completed"], 74);
    assert_eq!(json["previous"]["summary"]["total"]["completed"], 41);
    let changes = json["changes"].as_array().expect("changes");
    assert_eq!(changes.iter().filter(|c| c["kind"] == "new").count(), 2);
    assert_eq!(changes.iter().filter(|c| c["kind"] == "dropped").count(), 1);
}

#[test]
fn a_division_typed_short_in_the_twelve_month_round_is_asked_which_it_means() {
    let dir = round_folder();
    std::fs::write(
        dir.path().join("report.toml"),
        crate::support::twelve_month_toml(),
    )
    .expect("toml");
    let server = start(dir.path(), "127.0.0.1:0");
    // The page offers the previous round's divisions as the name is typed.
    let page = answer(agent().get(&format!("{}/", server.base)).call());
    assert!(page.text().contains("<datalist"), "{}", page.text());
    assert!(page.text().contains("กองการศึกษา ศาสนาและวัฒนธรรม"));
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let file = root.join("samples/12-month/กองการศึกษา ศาสนาและวัฒนธรรม.xlsx");
    let bytes = std::fs::read(file).expect("sample");
    // Shortened, or the full name with ฯ added.
    for typed in ["กองการศึกษาฯ", "กองการศึกษา ศาสนาและวัฒนธรรมฯ"]
    {
        let reply = api_upload(&server, typed, &bytes, None);
        assert_eq!(reply.status, 400, "{typed}: {}", reply.text());
    }
    let reply = page_upload(
        &server,
        &page.cookie.clone().expect("cookie"),
        &page.csrf(),
        "กองการศึกษาฯ",
        &bytes,
    );
    assert!(
        reply
            .text()
            .contains("หมายถึง &quot;กองการศึกษา ศาสนาและวัฒนธรรม&quot;"),
        "{}",
        reply.text()
    );
    assert!(
        !dir.path().join("inbox/กองการศึกษาฯ.xlsx").exists(),
        "not kept"
    );
}

/// A round's folder whose `[serve]` limits are `limits` (TOML lines).
fn limited_folder(limits: &str) -> tempfile::TempDir {
    let dir = round_folder();
    std::fs::write(
        dir.path().join("report.toml"),
        format!("{REPORT_TOML}\n[serve]\n{limits}\n"),
    )
    .expect("toml");
    dir
}

#[test]
fn a_body_trickled_in_slowly_is_cut_off_and_the_server_goes_on() {
    use std::io::{Read, Write};
    let dir = limited_folder("request_timeout_secs = 2");
    let server = start(dir.path(), "127.0.0.1:0");
    let addr = server.base.trim_start_matches("http://").to_string();
    let mut stream = std::net::TcpStream::connect(&addr).expect("connect");
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .expect("timeout");
    let head = "POST /api/upload HTTP/1.1\r\nHost: x\r\nX-Planmerge: 1\r\n\
                Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 100000\r\n\r\n";
    stream.write_all(head.as_bytes()).expect("head");
    let started = std::time::Instant::now();
    // One byte every 200 ms: a slow-loris client.
    let trickle = std::thread::spawn(move || {
        let mut stream = stream;
        for _ in 0..40 {
            if stream.write_all(b"x").is_err() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(200));
        }
        stream
    });
    let mut stream = trickle.join().expect("trickle");
    let mut reply = String::new();
    let _ = stream.read_to_string(&mut reply);
    assert!(reply.starts_with("HTTP/1.1 408"), "{reply}");
    assert!(started.elapsed().as_secs() < 10);
    assert_eq!(
        api_get(&server, "/api/status", None).status,
        200,
        "still serving"
    );
}

#[test]
fn a_flood_from_one_address_is_refused_and_the_server_recovers() {
    // One request a second refills: a busy machine's pause between two requests below (a test
    // run beside the others) does not refill the flooding address before it is asked again.
    let dir = limited_folder("requests_per_second = 1\nburst = 20");
    let server = start(dir.path(), "127.0.0.1:0");
    let agent = agent();
    let url = format!("{}/static/style.css", server.base);
    let statuses: Vec<u16> = (0..1000)
        .map(|_| answer(agent.get(&url).call()).status)
        .collect();
    let refused = statuses.iter().filter(|s| **s == 429).count();
    let served = statuses.iter().filter(|s| **s == 200).count();
    assert!(refused > 900, "429 for the flood ({refused} of 1000)");
    assert!(
        (20..30).contains(&served),
        "the burst and the refill ({served})"
    );
    // While 127.0.0.1 is refused, another address (all of 127/8 is this machine) is answered.
    let addr = server.base.trim_start_matches("http://");
    assert_eq!(
        status_from("127.0.0.2", addr, "/static/style.css"),
        200,
        "another address still answered"
    );
    assert_eq!(
        answer(agent.get(&url).call()).status,
        429,
        "the flooding address still refused"
    );
    std::thread::sleep(std::time::Duration::from_millis(1100));
    assert_eq!(
        answer(agent.get(&url).call()).status,
        200,
        "answering again"
    );
}

/// The status of `GET path` sent to `addr` from the local address `source` (a plain HTTP/1.1
/// request on a socket bound before it connects).
fn status_from(source: &str, addr: &str, path: &str) -> u16 {
    use std::io::{Read, Write};
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .build()
        .expect("runtime");
    let stream = runtime.block_on(async {
        let socket = tokio::net::TcpSocket::new_v4().expect("socket");
        let from: std::net::SocketAddr = format!("{source}:0").parse().expect("source");
        socket.bind(from).expect("bind the source address");
        let to: std::net::SocketAddr = addr.parse().expect("server address");
        socket.connect(to).await.expect("connect")
    });
    let mut stream = stream.into_std().expect("a std stream");
    stream.set_nonblocking(false).expect("blocking");
    let request = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).expect("send");
    let mut reply = Vec::new();
    stream.read_to_end(&mut reply).expect("read");
    String::from_utf8_lossy(&reply)
        .split(' ')
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or(0)
}

#[test]
fn a_forged_session_cookie_is_no_session() {
    let dir = round_folder();
    let server = start(dir.path(), "0.0.0.0:0");
    let forged = format!("pm_session={}", "ab".repeat(32));
    let page = answer(
        agent()
            .get(&format!("{}/status", server.base))
            .set("Cookie", &forged)
            .call(),
    );
    assert_eq!(page.status, 303);
    assert_eq!(page.location.as_deref(), Some("/login"));
    let sample = std::fs::read(&samples()[0]).expect("sample");
    let (kind, body) = multipart(
        &[("csrf", &"cd".repeat(32)), ("division", "กองคลัง")],
        Some(&sample),
    );
    let post = answer(
        agent()
            .post(&format!("{}/upload", server.base))
            .set("Cookie", &forged)
            .set("Content-Type", &kind)
            .send_bytes(&body),
    );
    assert_eq!(post.status, 403);
    assert!(!dir.path().join("inbox").exists(), "nothing kept");
}

#[test]
fn a_workbook_with_a_far_cell_is_read_as_its_table() {
    let dir = round_folder();
    let server = start(dir.path(), "127.0.0.1:0");
    let far =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile/far-cell-iv65536.xls");
    let reply = api_upload(
        &server,
        "กองคลัง",
        &std::fs::read(far).expect("fixture"),
        None,
    );
    assert_eq!(reply.status, 200);
    let json = reply.json();
    assert_eq!(json["summary"]["total"]["projects"], 2, "{json}");
    assert_eq!(api_get(&server, "/api/status", None).status, 200);
}

#[test]
fn an_upload_of_21_mib_is_refused_at_the_default_limit() {
    let dir = round_folder();
    let server = start(dir.path(), "127.0.0.1:0");
    let big = vec![b'x'; 21 * 1024 * 1024];
    let reply = api_upload(&server, "กองคลัง", &big, None);
    assert_eq!(reply.status, 413);
    // The limit, and what to do, for a script and on the page alike. (A file one byte over
    // is read whole before it is refused: the answer cannot race the sending.)
    let over = vec![b'x'; 20 * 1024 * 1024 + 1];
    let reply = api_upload(&server, "กองคลัง", &over, None);
    assert_eq!(reply.status, 413);
    let error = reply.json()["error"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(error.contains("ไม่เกิน 20 MiB"), "{error}");
    assert!(error.contains("over the 20 MiB limit"), "{error}");
    let page = answer(agent().get(&format!("{}/", server.base)).call());
    let cookie = page.cookie.clone().expect("a session cookie");
    let reply = page_upload(&server, &cookie, &page.csrf(), "กองคลัง", &over);
    assert_eq!(reply.status, 413);
    let text = reply.text();
    assert!(text.contains("ไม่เกิน 20 MiB) — ลบแผ่นงาน รูปภาพ"), "{text}");
    assert!(
        text.contains("href=\"/logout\""),
        "log out on every page: {text}"
    );
    assert_eq!(
        api_get(&server, "/api/status", None).status,
        200,
        "still serving"
    );
}

/// An xlsx whose sheet unpacks to `mib` MiB (blank space inside the sheet's data) from a few
/// hundred KiB: a zip bomb that is still a valid workbook.
fn zip_bomb(mib: usize) -> Vec<u8> {
    use std::io::{Read, Write};
    let seed = crate::support::hostile::seed_xlsx_bytes();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(seed)).expect("a zip");
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).expect("entry");
        let name = file.name().expect("name").to_string();
        let mut data = Vec::new();
        file.read_to_end(&mut data).expect("read");
        out.start_file(&name, deflated).expect("start");
        if name.ends_with("sheet1.xml") {
            let text = String::from_utf8_lossy(&data).into_owned();
            let at = text.find("<sheetData>").expect("sheet data") + "<sheetData>".len();
            out.write_all(&text.as_bytes()[..at]).expect("head");
            let blank = vec![b' '; 1024 * 1024];
            for _ in 0..mib {
                out.write_all(&blank).expect("blank");
            }
            out.write_all(&text.as_bytes()[at..]).expect("tail");
        } else {
            out.write_all(&data).expect("entry");
        }
    }
    out.finish().expect("finish").into_inner()
}

#[test]
fn a_zip_bomb_is_answered_and_memory_stays_bounded() {
    let dir = round_folder();
    let server = start(dir.path(), "127.0.0.1:0");
    let bomb = zip_bomb(300);
    assert!(
        bomb.len() < 2 * 1024 * 1024,
        "small on the wire: {}",
        bomb.len()
    );
    let reply = api_upload(&server, "กองคลัง", &bomb, None);
    assert_eq!(reply.status, 422, "answered, not kept: {}", reply.text());
    let json = reply.json();
    let issue = &json["issues"][0];
    assert_eq!(issue["code"], "file-unreadable");
    let message = issue["message"].as_str().unwrap_or_default();
    assert!(message.contains("zip bomb"), "{issue}");
    let peak = server.peak_kib().expect("the server's memory");
    assert!(peak < 100 * 1024, "peak {} MiB", peak / 1024);
    assert_eq!(
        api_get(&server, "/api/status", None).status,
        200,
        "still serving"
    );
}
