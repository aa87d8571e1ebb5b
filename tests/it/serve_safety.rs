//! The drop box guards a clerk's mistakes and a shared PC: a file named after another division is
//! not kept under the one chosen, an empty file is called empty, codes typed in small letters
//! work, a session can be ended, another site cannot log a browser in, and a 12-month round
//! without `divisions` expects every division of the round before.

use crate::serve::{Server, agent, answer, api_upload, samples, start};
use crate::serve_forms::twelve_month_folder;
use crate::support::folder;

/// `POST /upload` from the page, the file sent under `file_name`.
fn page_upload(server: &Server, division: &str, file_name: &str, bytes: &[u8]) -> (u16, String) {
    let page = answer(agent().get(&format!("{}/", server.base)).call());
    let cookie = page.cookie.clone().expect("a session cookie");
    let csrf = page.csrf();
    let boundary = "----planmerge-safety-boundary";
    let mut body = Vec::new();
    for (name, value) in [("csrf", csrf.as_str()), ("division", division)] {
        body.extend(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    body.extend(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\n\
             Content-Type: application/octet-stream\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend(bytes);
    body.extend(format!("\r\n--{boundary}--\r\n").as_bytes());
    let reply = answer(
        agent()
            .post(&format!("{}/upload", server.base))
            .set("Cookie", &cookie)
            .set(
                "Content-Type",
                &format!("multipart/form-data; boundary={boundary}"),
            )
            .send_bytes(&body),
    );
    (reply.status, reply.text())
}

fn sample(name: &str) -> Vec<u8> {
    let path = samples()
        .into_iter()
        .find(|p| p.file_name().is_some_and(|n| n == name))
        .expect("a sample");
    std::fs::read(path).expect("sample")
}

#[test]
fn a_file_named_after_another_division_is_not_kept_under_the_one_chosen() {
    let dir = folder();
    let server = start(dir.path(), "127.0.0.1:0");
    let (status, _) = page_upload(&server, "กองคลัง", "กองคลัง.xlsx", &sample("กองคลัง.xlsx"));
    assert_eq!(status, 200);
    let kept = std::fs::read(dir.path().join("inbox/กองคลัง.xlsx")).expect("kept");
    // สำนักปลัด's workbook, sent with กองคลัง left chosen in the list.
    let (status, text) = page_upload(&server, "กองคลัง", "สำนักปลัด.xlsx", &sample("สำนักปลัด.xlsx"));
    assert_eq!(status, 200, "สำนักปลัด is not known yet: {text}");
    // Its owner then sends it, named for itself: kept (the file under กองคลัง is the one
    // misplaced), nothing of it counted twice, and the owner told why none is counted yet.
    let (status, text) = page_upload(&server, "สำนักปลัด", "สำนักปลัด.xlsx", &sample("สำนักปลัด.xlsx"));
    assert_eq!(status, 200, "{text}");
    assert!(text.contains("ไฟล์นั้นอาจเป็นไฟล์ของสำนักปลัดที่ส่งผิดกอง"), "{text}");
    assert!(text.contains("นับเป็นโครงการ 0 โครงการ"), "{text}");
    std::fs::write(dir.path().join("inbox/กองคลัง.xlsx"), &kept).expect("restore");
    let (status, text) = page_upload(
        &server,
        "กองคลัง",
        "สำนักปลัด (1).xlsx",
        &sample("สำนักปลัด.xlsx"),
    );
    assert_eq!(status, 409, "{text}");
    assert!(text.contains("เป็นของสำนักปลัด แต่เลือกส่งในนามกองคลัง"), "{text}");
    assert_eq!(
        std::fs::read(dir.path().join("inbox/กองคลัง.xlsx")).expect("still there"),
        kept,
        "กองคลัง's file is not replaced"
    );
    // Its own file under another name is taken; an empty file is called empty.
    let (status, _) = page_upload(&server, "กองคลัง", "กองคลัง (แก้ไข).xlsx", &kept);
    assert_eq!(status, 200);
    let (status, text) = page_upload(&server, "กองคลัง", "กองคลัง.xlsx", b"");
    assert_eq!(status, 400);
    assert!(text.contains("ไฟล์ว่างเปล่า (0 ไบต์)"), "{text}");
}

#[test]
fn codes_in_small_letters_log_in_a_session_ends_and_another_site_cannot_log_in() {
    let dir = folder();
    let server = start(dir.path(), "0.0.0.0:0");
    let (_, coordinator) = server.codes.clone().expect("codes");
    let login = |code: &str, origin: Option<&str>| {
        let mut request = agent().post(&format!("{}/login", server.base));
        if let Some(origin) = origin {
            request = request.set("Origin", origin);
        }
        answer(request.send_form(&[("code", code)]))
    };
    let foreign = login(&coordinator, Some("http://evil.example"));
    assert_eq!(foreign.status, 403);
    assert!(foreign.cookie.is_none());
    let reply = login(&coordinator.to_ascii_lowercase(), None);
    assert_eq!(reply.status, 303);
    let cookie = reply.cookie.expect("a session");
    let status = |cookie: &str| {
        answer(
            agent()
                .get(&format!("{}/status", server.base))
                .set("Cookie", cookie)
                .call(),
        )
        .status
    };
    assert_eq!(status(&cookie), 200);
    let out = answer(
        agent()
            .get(&format!("{}/logout", server.base))
            .set("Cookie", &cookie)
            .call(),
    );
    assert_eq!(out.location.as_deref(), Some("/login"));
    assert_eq!(status(&cookie), 303, "the session is over");
    // A result page's address opened again goes back to the form, not to a blank 405.
    let again = answer(agent().get(&format!("{}/upload", server.base)).call());
    assert_eq!((again.status, again.location.as_deref()), (303, Some("/")));
}

#[test]
fn a_twelve_month_round_without_divisions_expects_those_of_the_round_before() {
    let dir = twelve_month_folder();
    let server = start(dir.path(), "127.0.0.1:0");
    let (status, _) = page_upload(&server, "กองคลัง", "กองคลัง.xlsx", &sample("กองคลัง.xlsx"));
    assert_eq!(status, 200);
    let page = answer(agent().get(&format!("{}/status", server.base)).call());
    let text = page.text();
    assert_eq!(text.matches("ยังไม่ส่ง").count(), 7, "{text}");
    assert!(text.contains("สำนักปลัด"), "{text}");
    assert!(text.contains("เวลาไทย"), "{text}");
    assert!(text.contains("ยังส่งไม่ครบ ขาดอีก 7 กอง"), "{text}");
}

#[test]
fn the_sender_is_told_of_a_project_or_file_another_division_sent_too() {
    let dir = folder();
    let server = start(dir.path(), "127.0.0.1:0");
    let first = api_upload(&server, "กองคลัง", &sample("กองคลัง.xlsx"), None);
    assert_eq!(first.json()["ok"], true);
    // The same workbook sent again for another division: that division's sender is told, and
    // the file is not kept (nothing of it would count).
    let again = api_upload(&server, "กองช่าง", &sample("กองคลัง.xlsx"), None);
    assert_eq!(again.status, 422, "{}", again.text());
    assert!(!dir.path().join("inbox/กองช่าง.xlsx").exists(), "not kept");
    let json = again.json();
    assert_eq!(json["ok"], false, "{json}");
    assert_eq!(json["inputs"][0]["counted"], 0, "{json}");
    let codes: Vec<&str> = json["issues"]
        .as_array()
        .expect("issues")
        .iter()
        .filter_map(|i| i["code"].as_str())
        .collect();
    assert_eq!(
        codes,
        ["file-duplicate"],
        "one error naming the other division's file"
    );
    let message = json["issues"][0]["message"].as_str().unwrap_or_default();
    assert!(message.contains("กองคลัง.xlsx"), "{message}");
}
