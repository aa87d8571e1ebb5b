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
}
