//! The drop box and the round as a whole: the coordinator's overview counts what `merge FOLDER`
//! counts (workbooks put in the round folder by hand too, not planmerge's own summaries), and a
//! division's upload is weighed against what is already there (another division's projects,
//! the division's own file sent before).

use crate::serve::{api_get, api_upload, samples, start};
use crate::support::{folder, run_json};

/// The bundled 6-month sample of `division`.
fn sample_of(division: &str) -> Vec<u8> {
    let file = samples()
        .into_iter()
        .find(|f| planmerge::schema::division_of(f) == division)
        .expect("the division's sample");
    std::fs::read(file).expect("sample")
}

/// A division's sample file's projects, as planmerge reads them.
fn sample_projects(division: &str) -> Vec<planmerge::model::ProjectRow> {
    let files: Vec<_> = samples()
        .into_iter()
        .filter(|f| planmerge::schema::division_of(f) == division)
        .collect();
    planmerge::read_and_validate(&files).projects
}

#[test]
fn a_workbook_in_the_round_folder_is_counted_as_merge_counts_it_and_named() {
    let dir = folder();
    // กองคลัง's workbook copied into the round folder by hand (from an email), and a summary
    // planmerge wrote there before.
    std::fs::write(dir.path().join("กองคลัง.xlsx"), sample_of("กองคลัง")).expect("copy");
    crate::support::hostile::fake_summary(&dir.path().join("สรุปผล-เก่า.xlsx"));
    let server = start(dir.path(), "127.0.0.1:0");
    let said = server.said.join("\n");
    assert!(
        said.contains("นับไฟล์ที่อยู่ในโฟลเดอร์รอบเองด้วย") && said.contains("กองคลัง.xlsx"),
        "{said}"
    );
    assert!(
        said.contains("ไม่นับ (ไฟล์สรุปที่ planmerge สร้าง): สรุปผล-เก่า.xlsx"),
        "{said}"
    );
    // The 7 other divisions send theirs.
    for file in samples() {
        let division = planmerge::schema::division_of(&file);
        if division != "กองคลัง" {
            let reply = api_upload(&server, &division, &std::fs::read(&file).expect("f"), None);
            assert_eq!(reply.status, 200, "{division}: {}", reply.text());
        }
    }
    let status = api_get(&server, "/api/status", None).json();
    assert_eq!(status["summary"]["total"]["projects"], 81, "{status}");
    assert_eq!(status["summary"]["status"]["implementation_pct"], "67.78");
    let treasury = status["divisions"]
        .as_array()
        .and_then(|all| all.iter().find(|d| d["name"] == "กองคลัง"))
        .expect("กองคลัง's row");
    assert_eq!(treasury["sent"], true);
    assert_eq!(treasury["in_folder"], serde_json::json!(["กองคลัง.xlsx"]));
    // `merge FOLDER` gives the very same figures.
    let scratch = tempfile::tempdir().expect("scratch");
    let out = scratch.path().join("summary.xlsx");
    let (code, merged, stderr) = run_json(
        dir.path(),
        &["merge", ".", "-o", &out.display().to_string()],
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(status["summary"], merged["summary"]);
    // The coordinator's page names the file counted from the folder and the summary not.
    let page = crate::serve::answer(
        crate::serve::agent()
            .get(&format!("{}/status", server.base))
            .call(),
    );
    let text = page.text();
    assert!(
        text.contains("ไฟล์ในโฟลเดอร์รอบ · in the round folder: กองคลัง.xlsx"),
        "{text}"
    );
    assert!(
        text.contains("ไม่นับ (ไฟล์สรุปที่ planmerge สร้าง): สรุปผล-เก่า.xlsx"),
        "{text}"
    );
    assert!(!text.contains("ยังไม่ส่ง"), "{text}");
    // กองคลัง then sends its file too: told the folder's copy counts beside it, as merge says.
    let reply = api_upload(&server, "กองคลัง", &sample_of("กองคลัง"), None).json();
    let two = crate::support::issue_coded(&reply, "division-two-files");
    assert!(
        two["message"]
            .as_str()
            .unwrap_or_default()
            .contains("กองคลัง.xlsx"),
        "{two}"
    );
    // And the overview still agrees with merge (the copy byte for byte counted once).
    let status = api_get(&server, "/api/status", None).json();
    let (_, merged, _) = run_json(
        dir.path(),
        &["merge", ".", "-o", &out.display().to_string()],
    );
    assert_eq!(status["summary"], merged["summary"]);
    assert_eq!(status["summary"]["total"]["projects"], 81);
}

/// A page's cookie and form token, for `page_upload`.
fn page_session(server: &crate::serve::Server) -> (String, String) {
    let page = crate::serve::answer(
        crate::serve::agent()
            .get(&format!("{}/", server.base))
            .call(),
    );
    (page.cookie.clone().expect("a session cookie"), page.csrf())
}

#[test]
fn a_file_of_nothing_but_another_divisions_projects_does_not_displace_the_divisions_own() {
    let dir = folder();
    let server = start(dir.path(), "127.0.0.1:0");
    let treasury = sample_of("กองคลัง");
    let office = sample_of("สำนักปลัด");
    assert_eq!(api_upload(&server, "กองคลัง", &treasury, None).status, 200);
    assert_eq!(api_upload(&server, "สำนักปลัด", &office, None).status, 200);
    let before = api_get(&server, "/api/status", None).json()["summary"].clone();
    let theirs = sample_projects("สำนักปลัด");
    assert_eq!(theirs.len(), 27, "สำนักปลัด's sample");
    // สำนักปลัด's very file, sent as กองคลัง's from the page (under a name that says nothing).
    let (cookie, csrf) = page_session(&server);
    let reply = crate::serve::page_upload(&server, &cookie, &csrf, "กองคลัง", &office);
    assert_eq!(reply.status, 422, "{}", reply.text());
    let text = reply.text();
    assert!(
        text.contains("ไม่ได้รับไฟล์นี้: โครงการทั้ง 27 โครงการเป็นของสำนักปลัด"),
        "{text}"
    );
    assert!(text.contains("นับเป็นโครงการ 0 โครงการ"), "{text}");
    assert!(!text.contains("นับเป็นโครงการ 27"), "{text}");
    // The same projects typed into a workbook of its own: each a duplicate, none counted.
    let scratch = tempfile::tempdir().expect("scratch");
    let copy = scratch.path().join("copy.xlsx");
    let rows: Vec<_> = theirs
        .iter()
        .take(3)
        .enumerate()
        .map(|(i, p)| crate::support::words_row(i as u32 + 1, &p.name, 1.0, 100.0))
        .collect();
    crate::support::write_book(&copy, "แผน", &crate::support::WORDS_HEADER, &rows);
    let reply = api_upload(
        &server,
        "กองคลัง",
        &std::fs::read(&copy).expect("copy"),
        None,
    );
    assert_eq!(reply.status, 422, "{}", reply.text());
    let json = reply.json();
    assert_eq!(json["ok"], false);
    assert_eq!(json["inputs"][0]["counted"], 0, "{json}");
    let duplicates = json["issues"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|i| i["code"] == "project-duplicate")
        .count();
    assert_eq!(duplicates, 3, "{json}");
    // กองคลัง's own file still counts, and the overview is as it was.
    let kept = std::fs::read(dir.path().join("inbox/กองคลัง.xlsx")).expect("kept");
    assert!(kept == treasury, "กองคลัง's file is not replaced");
    let after = api_get(&server, "/api/status", None).json()["summary"].clone();
    assert_eq!(before, after);
}

/// A workbook of one project per name in `names`, as bytes (made outside any round folder).
fn book_of(names: &[&str]) -> Vec<u8> {
    let scratch = tempfile::tempdir().expect("scratch");
    let path = scratch.path().join("book.xlsx");
    let rows: Vec<_> = names
        .iter()
        .enumerate()
        .map(|(i, name)| crate::support::words_row(i as u32 + 1, name, 1.0, 100.0))
        .collect();
    crate::support::write_book(&path, "แผน", &crate::support::WORDS_HEADER, &rows);
    std::fs::read(path).expect("book")
}

#[test]
fn a_division_named_like_one_that_sent_first_is_a_division_of_its_own() {
    let dir = folder();
    let server = start(dir.path(), "127.0.0.1:0");
    let sanitation = book_of(&["ขุดลอกคูคลอง", "ซ่อมท่อระบายน้ำ"]);
    assert_eq!(
        api_upload(&server, "กองช่างสุขาภิบาล", &sanitation, None).status,
        200
    );
    // กองช่าง types its own name in full: taken, not refused for กองช่างสุขาภิบาล's sake, and
    // told of the other.
    let (cookie, csrf) = page_session(&server);
    let works = book_of(&["ซ่อมถนนลูกรัง"]);
    let reply = crate::serve::page_upload(&server, &cookie, &csrf, "กองช่าง", &works);
    assert_eq!(reply.status, 200, "{}", reply.text());
    let text = reply.text();
    assert!(
        text.contains("มีกองชื่อคล้ายกัน &quot;กองช่างสุขาภิบาล&quot;"),
        "{text}"
    );
    assert_eq!(
        std::fs::read(dir.path().join("inbox/กองช่าง.xlsx")).expect("กองช่าง's"),
        works
    );
    assert_eq!(
        std::fs::read(dir.path().join("inbox/กองช่างสุขาภิบาล.xlsx")).expect("untouched"),
        sanitation
    );
    let status = api_get(&server, "/api/status", None).json();
    assert_eq!(status["summary"]["total"]["projects"], 3, "{status}");
    // A shortened name is still asked about, with a way out for another division.
    let reply = api_upload(&server, "กองช่างฯ", &works, None);
    assert_eq!(reply.status, 400, "{}", reply.text());
    assert!(!dir.path().join("inbox/กองช่างฯ.xlsx").exists());
}

#[test]
fn a_file_replacing_the_divisions_own_says_what_it_changes_and_warns_of_projects_gone() {
    let dir = folder();
    let server = start(dir.path(), "127.0.0.1:0");
    let office = sample_of("สำนักปลัด");
    let theirs = sample_projects("สำนักปลัด");
    let completed = theirs
        .iter()
        .filter(|p| p.status == planmerge::model::Status::Completed)
        .count();
    assert_eq!((theirs.len(), completed), (27, 18), "สำนักปลัด's sample");
    let first = api_upload(&server, "สำนักปลัด", &office, None).json();
    assert_eq!(
        first["replaced"],
        serde_json::Value::Null,
        "nothing sent before"
    );
    // One of its projects only (completed, as `words_row` writes it).
    let one = book_of(&[&theirs[0].name]);
    let (cookie, csrf) = page_session(&server);
    let reply = crate::serve::page_upload(&server, &cookie, &csrf, "สำนักปลัด", &one);
    assert_eq!(reply.status, 200, "{}", reply.text());
    let text = reply.text();
    assert!(!text.contains("✓ ใช้ได้"), "{text}");
    assert!(
        text.contains("⚠ ได้รับไฟล์แล้ว แต่ไม่มีโครงการ 26 โครงการที่อยู่ในไฟล์ที่ส่งเมื่อ"),
        "{text}"
    );
    assert!(text.contains("โครงการ 27 → 1 · แล้วเสร็จ 18 → 1"), "{text}");
    assert!(
        text.contains(&*theirs[1].name),
        "a project gone, by name: {text}"
    );
    // The overview falls with it, as it should: the verdict said so.
    let status = api_get(&server, "/api/status", None).json();
    assert_eq!(status["summary"]["total"]["projects"], 1);
    // Sent again in full by the API: the comparison is there for scripts too.
    let back = api_upload(&server, "สำนักปลัด", &office, None).json();
    assert_eq!(
        back["replaced"]["projects"],
        serde_json::json!([1, 27]),
        "{back}"
    );
    assert_eq!(back["replaced"]["gone"], 0);
    // An empty form is not kept: the page says which file still counts.
    let empty = book_of(&[]);
    let reply = crate::serve::page_upload(&server, &cookie, &csrf, "สำนักปลัด", &empty);
    assert_eq!(reply.status, 422);
    assert!(
        reply.text().contains("(27 โครงการ) ยังใช้อยู่"),
        "{}",
        reply.text()
    );
}

/// The blank forms `template -o <round>/` wrote into the round's folder, where the drop box
/// runs: not counted as the divisions' files (the overview says กองช่าง has not sent, as merge
/// says it is missing), named as not counted on the start-up lines and on the overview.
#[test]
fn blank_forms_in_the_round_folder_are_not_a_divisions_file_on_the_overview() {
    let dir = folder();
    let toml = format!(
        "{}\ndivisions = [\"กองคลัง\", \"กองช่าง\"]\n",
        crate::support::REPORT_TOML
    );
    std::fs::write(dir.path().join("report.toml"), toml).expect("toml");
    for division in ["กองคลัง", "กองช่าง"] {
        assert_cmd::Command::cargo_bin("planmerge")
            .expect("binary")
            .args(["template", "--division", division, "-o"])
            .arg(format!("{}/", dir.path().display()))
            .assert()
            .success();
    }
    std::fs::write(dir.path().join("กองคลัง.xlsx"), sample_of("กองคลัง")).expect("copy");
    let server = start(dir.path(), "127.0.0.1:0");
    let said = server.said.join("\n");
    assert!(
        said.contains(
            "ไม่นับ (แบบฟอร์มที่ planmerge เขียนไว้ ยังไม่ได้กรอก ไม่ใช่ไฟล์ของกอง): \
             แบบฟอร์ม-กองคลัง.xlsx, แบบฟอร์ม-กองช่าง.xlsx"
        ),
        "{said}"
    );
    let status = api_get(&server, "/api/status", None).json();
    let row = |name: &str| {
        status["divisions"]
            .as_array()
            .and_then(|all| all.iter().find(|d| d["name"] == name))
            .cloned()
            .unwrap_or_else(|| panic!("{name}'s row: {status}"))
    };
    assert_eq!(row("กองคลัง")["sent"], true);
    assert_eq!(
        row("กองคลัง")["in_folder"],
        serde_json::json!(["กองคลัง.xlsx"])
    );
    assert_eq!(row("กองช่าง")["sent"], false, "{status}");
    let missing: Vec<&serde_json::Value> = status["issues"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|i| i["code"] == "division-missing")
        .collect();
    assert_eq!(missing.len(), 1, "{status}");
    let page = crate::serve::answer(
        crate::serve::agent()
            .get(&format!("{}/status", server.base))
            .call(),
    );
    let text = page.text();
    assert!(text.contains("ยังไม่ส่ง"), "{text}");
    assert!(
        text.contains("แบบฟอร์ม-กองช่าง.xlsx · not counted (forms planmerge wrote"),
        "{text}"
    );
}
