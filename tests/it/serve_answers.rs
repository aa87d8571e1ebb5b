//! What the drop box answers, in words a clerk can act on: a division not on the list is given
//! the name it most likely meant and the names there are; a script is told the same reason the
//! page shows; a file over the limit is told the limit; a refused empty form shows no figures;
//! every error page keeps the header with ออกจากระบบ; a division that has sent nothing shows
//! dashes, not zeros.

use crate::serve::{Server, agent, answer, page_upload, start};
use crate::support::folder;

/// A round's folder whose report.toml lists `divisions`.
fn listed_folder(divisions: &[&str]) -> tempfile::TempDir {
    let dir = folder();
    let list: Vec<String> = divisions.iter().map(|d| format!("\"{d}\"")).collect();
    let toml = format!(
        "{}\ndivisions = [{}]\n",
        crate::support::REPORT_TOML,
        list.join(", ")
    );
    std::fs::write(dir.path().join("report.toml"), toml).expect("toml");
    dir
}

/// A page session: (cookie, CSRF token).
fn session(server: &Server) -> (String, String) {
    let page = answer(agent().get(&format!("{}/", server.base)).call());
    (page.cookie.clone().expect("a session cookie"), page.csrf())
}

/// The bytes of a bundled 6-month sample.
fn sample(name: &str) -> Vec<u8> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::read(root.join("samples/6-month").join(name)).expect("sample")
}

#[test]
fn a_division_not_on_the_list_is_given_the_name_it_meant_and_the_list() {
    let dir = listed_folder(&["กองคลัง", "กองช่าง", "สำนักปลัด"]);
    let server = start(dir.path(), "127.0.0.1:0");
    let (cookie, csrf) = session(&server);
    let reply = page_upload(&server, &cookie, &csrf, "กองคลง", &sample("กองคลัง.xlsx"));
    assert_eq!(reply.status, 400);
    let text = reply.text();
    assert!(text.contains("หมายถึง &quot;กองคลัง&quot; หรือไม่?"), "{text}");
    assert!(text.contains("ชื่อที่ใช้ได้: กองคลัง, กองช่าง, สำนักปลัด"), "{text}");
    let reply = page_upload(
        &server,
        &cookie,
        &csrf,
        "หน่วยตรวจสอบภายใน",
        &sample("กองคลัง.xlsx"),
    );
    assert_eq!(reply.status, 400);
    assert!(
        reply.text().contains("ผู้ประสานงานเพิ่มใน divisions"),
        "{}",
        reply.text()
    );
    assert!(!dir.path().join("inbox").exists(), "nothing kept");
}

/// `POST /api/upload` of `bytes` as the file `file_name`, sent as `division`'s.
fn api_send(
    server: &Server,
    division: &str,
    file_name: &str,
    bytes: &[u8],
) -> crate::serve::Answer {
    let boundary = "----planmerge-answers-boundary";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"division\"\r\n\r\n{division}\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\n\
         Content-Type: application/octet-stream\r\n\r\n"
    )
    .into_bytes();
    body.extend(bytes);
    body.extend(format!("\r\n--{boundary}--\r\n").as_bytes());
    answer(
        agent()
            .post(&format!("{}/api/upload", server.base))
            .set("X-Planmerge", "1")
            .set(
                "Content-Type",
                &format!("multipart/form-data; boundary={boundary}"),
            )
            .send_bytes(&body),
    )
}

#[test]
fn a_script_is_told_the_same_reason_the_page_shows() {
    let dir = listed_folder(&["กองคลัง", "กองช่าง", "สำนักปลัด"]);
    let server = start(dir.path(), "127.0.0.1:0");
    let error = |reply: &crate::serve::Answer| {
        reply.json()["error"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    // Not a spreadsheet (415).
    let html = b"<html><body><table><tr><td>x</td></tr></table></body></html>";
    let reply = api_send(&server, "กองคลัง", "กองคลัง.xlsx", html);
    assert_eq!(reply.status, 415);
    assert!(
        error(&reply).contains("ไม่ใช่ไฟล์ Excel หรือ ODS"),
        "{}",
        reply.text()
    );
    assert!(
        error(&reply).contains("not a spreadsheet"),
        "{}",
        reply.text()
    );
    // Another division's file by its name (409).
    assert_eq!(
        api_send(&server, "สำนักปลัด", "สำนักปลัด.xlsx", &sample("สำนักปลัด.xlsx")).status,
        200
    );
    let reply = api_send(&server, "กองคลัง", "สำนักปลัด.xlsx", &sample("สำนักปลัด.xlsx"));
    assert_eq!(reply.status, 409);
    assert!(
        error(&reply).contains("เป็นของสำนักปลัด แต่เลือกส่งในนามกองคลัง"),
        "{}",
        reply.text()
    );
    // A division not on the list (400).
    let reply = api_send(&server, "กองคลง", "book.xlsx", &sample("กองคลัง.xlsx"));
    assert_eq!(reply.status, 400);
    assert!(
        error(&reply).contains("หมายถึง \"กองคลัง\" หรือไม่?"),
        "{}",
        reply.text()
    );
}

/// A workbook of `rows` (words layout), as bytes.
fn book(rows: &[Vec<crate::support::V>]) -> Vec<u8> {
    let scratch = tempfile::tempdir().expect("scratch");
    let path = scratch.path().join("book.xlsx");
    crate::support::write_book(&path, "แผน", &crate::support::WORDS_HEADER, rows);
    std::fs::read(path).expect("book")
}

#[test]
fn only_a_file_kept_offers_its_prefilled_form_and_figures() {
    let dir = folder();
    let server = start(dir.path(), "127.0.0.1:0");
    let (cookie, csrf) = session(&server);
    // Kept, one row of two refused: the form prefilled from it, and the row it lacks said.
    let mixed = book(&[
        crate::support::words_row(1, "โครงการ ก", 1.0, 100.0),
        crate::support::words_row(2, "โครงการ ข", 5.0, 100.0),
    ]);
    let reply = page_upload(&server, &cookie, &csrf, "กองคลัง", &mixed);
    assert_eq!(reply.status, 200, "{}", reply.text());
    let text = reply.text();
    assert!(text.contains("download your form, prefilled"), "{text}");
    assert!(text.contains("แถวที่ผิด 1 แถวไม่ได้ใส่ไว้ในแบบฟอร์ม"), "{text}");
    // An empty form: refused, no table of zeros, no link to a form "filled from it".
    let reply = page_upload(&server, &cookie, &csrf, "กองคลัง", &book(&[]));
    assert_eq!(reply.status, 422);
    let text = reply.text();
    assert!(text.contains("ไม่ได้รับไฟล์นี้"), "{text}");
    assert!(!text.contains("<table"), "{text}");
    assert!(!text.contains("/template/"), "{text}");
}

#[test]
fn every_error_page_keeps_the_header_with_log_out() {
    let dir = folder();
    let server = start(dir.path(), "127.0.0.1:0");
    let (cookie, _) = session(&server);
    let header = |reply: &crate::serve::Answer| {
        let text = reply.text();
        assert!(text.contains("<header>"), "{} {text}", reply.status);
        assert!(text.contains("href=\"/logout\""), "{} {text}", reply.status);
        assert!(text.contains("ออกจากระบบ"), "{} {text}", reply.status);
    };
    // 404: no such page.
    let reply = answer(
        agent()
            .get(&format!("{}/no-such-page", server.base))
            .set("Cookie", &cookie)
            .call(),
    );
    assert_eq!(reply.status, 404);
    header(&reply);
    // 405: a page asked for in a way it is not offered.
    let reply = answer(
        agent()
            .request("DELETE", &format!("{}/status", server.base))
            .set("Cookie", &cookie)
            .call(),
    );
    assert_eq!(reply.status, 405);
    header(&reply);
    // 403: a form without its token.
    let (kind, body) = crate::serve::multipart(&[("division", "กองคลัง")], Some(b"x"));
    let reply = answer(
        agent()
            .post(&format!("{}/upload", server.base))
            .set("Cookie", &cookie)
            .set("Content-Type", &kind)
            .send_bytes(&body),
    );
    assert_eq!(reply.status, 403);
    header(&reply);
}

#[test]
fn a_division_that_has_sent_nothing_shows_dashes_not_zeros() {
    let dir = listed_folder(&["กองคลัง", "กองช่าง"]);
    let server = start(dir.path(), "127.0.0.1:0");
    let (cookie, csrf) = session(&server);
    let sent = page_upload(&server, &cookie, &csrf, "กองคลัง", &sample("กองคลัง.xlsx"));
    assert_eq!(sent.status, 200, "{}", sent.text());
    let page = answer(
        agent()
            .get(&format!("{}/status", server.base))
            .set("Cookie", &cookie)
            .call(),
    );
    let text = page.text();
    let missing = text
        .split("<tr class=\"missing\">")
        .nth(1)
        .and_then(|row| row.split("</tr>").next())
        .expect("กองช่าง's row");
    assert!(
        missing.contains("กองช่าง") && missing.contains("ยังไม่ส่ง"),
        "{missing}"
    );
    for label in ["แถว", "ผิด", "เตือน", "โครงการ"] {
        assert!(
            missing.contains(&format!("data-label=\"{label}\">—</td>")),
            "{label}: {missing}"
        );
    }
    // The division that sent shows its real counts.
    let ok = text
        .split("<tr class=\"ok\">")
        .nth(1)
        .and_then(|row| row.split("</tr>").next())
        .expect("กองคลัง's row");
    assert!(ok.contains("data-label=\"ผิด\">0</td>"), "{ok}");
}
