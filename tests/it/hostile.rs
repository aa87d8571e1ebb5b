//! Hostile workbooks, one test each: whatever a file holds, planmerge answers with a clear issue
//! or a correct result — never a panic, never a runaway allocation, never a lost row.

use crate::support::hostile::{self, fixture};
use crate::support::{FileRows, read_file};
use crate::support::{V, WORDS_HEADER, t, words_row, write_book};
use std::path::Path;

/// The codes of a read file's issues.
fn codes(read: &FileRows) -> Vec<&'static str> {
    read.issues.iter().map(|i| i.problem.code()).collect()
}

/// Makes the committed ods/xls fixtures from the builders (LibreOffice converts). Run with
/// `cargo test --test it -- --ignored hostile::regenerate_hostile_fixtures` after changing them.
#[test]
#[ignore = "needs LibreOffice; rewrites tests/fixtures/hostile"]
fn regenerate_hostile_fixtures() {
    let work = tempfile::tempdir().expect("tempdir");
    let dir = work.path();
    let seed = dir.join("seed.xlsx");
    std::fs::write(&seed, hostile::seed_xlsx_bytes()).expect("seed");
    let far_xls = dir.join("far-cell-iv65536.xlsx");
    hostile::far_cell_book(&far_xls, 65535, 255);
    let far_ods = dir.join("far-cell-xfd1048576.xlsx");
    hostile::far_cell_book(&far_ods, 1_048_575, 16_383);
    let near_ods = dir.join("far-cell-xfd6000.xlsx");
    hostile::far_cell_book(&near_ods, 5999, 16_383);
    let jobs = [
        (&seed, "ods"),
        (&seed, "xls"),
        (&far_xls, "xls"),
        (&far_ods, "ods"),
        (&near_ods, "ods"),
    ];
    for (src, ext) in jobs {
        let out = hostile::soffice_convert(src, ext, dir).expect("LibreOffice conversion");
        std::fs::copy(
            &out,
            fixture(&format!(
                "{}.{ext}",
                src.file_stem().and_then(|s| s.to_str()).unwrap_or("x")
            )),
        )
        .expect("copy fixture");
    }
    std::fs::copy(&seed, fixture("seed.xlsx")).expect("copy seed");
    regenerate_coded_fixtures();
}

/// Makes the encrypted, indented and far-formatted fixtures from the committed seeds, by code
/// (LibreOffice writes none of them):
/// `cargo test --test it -- --ignored hostile::regenerate_coded_fixtures`.
#[test]
#[ignore = "rewrites tests/fixtures/hostile"]
fn regenerate_coded_fixtures() {
    use crate::support::coded::{self, Cipher, encrypt_xls, indent_content_xml};
    let xls = std::fs::read(fixture("seed.xls")).expect("seed.xls");
    for (name, cipher) in [
        (
            "encrypted-rc4-velvetsweatshop.xls",
            Cipher::Rc4("VelvetSweatshop"),
        ),
        ("encrypted-rc4-secret.xls", Cipher::Rc4("secret")),
        (
            "encrypted-cryptoapi-velvetsweatshop.xls",
            Cipher::CryptoApi("VelvetSweatshop"),
        ),
        (
            "encrypted-cryptoapi-secret.xls",
            Cipher::CryptoApi("secret"),
        ),
        ("encrypted-xor.xls", Cipher::XorOther),
        ("encrypted-xor-velvetsweatshop.xls", Cipher::XorDefault),
    ] {
        std::fs::write(fixture(name), encrypt_xls(&xls, cipher)).expect("write");
    }
    let ods = std::fs::read(fixture("seed.ods")).expect("seed.ods");
    let indented = hostile::rezip_named(&ods, "content.xml", indent_content_xml);
    std::fs::write(fixture("indented.ods"), indented).expect("write");
    let far = hostile::rezip_named(&ods, "content.xml", coded::ods_with_far_format);
    std::fs::write(fixture("far-format-xfd1048576.ods"), far).expect("write");
    let far = coded::xls_with_far_format(&xls);
    std::fs::write(fixture("far-format-iv65536.xls"), far).expect("write");
}

/// read → validate for one file; (projects, issue codes with their cells).
fn merge_one(path: &Path) -> (usize, Vec<(String, String)>) {
    let merged = planmerge::read_and_validate(&[path.to_path_buf()]);
    let issues = merged
        .issues
        .iter()
        .map(|i| (i.problem.code().to_string(), i.location.a1()))
        .collect();
    (merged.projects.len(), issues)
}

fn has(issues: &[(String, String)], code: &str, cell: &str) -> bool {
    issues.iter().any(|(c, a1)| c == code && a1 == cell)
}

/// Peak memory allowed for reading one small hostile file (the binary itself needs ~5 MiB).
const PEAK_KIB: u64 = 200 * 1024;

/// `planmerge check FILE --json` under /usr/bin/time: (issue codes, peak KiB).
fn check_peak(path: &Path) -> Option<(Vec<String>, u64)> {
    let args = ["check".as_ref(), path.as_os_str(), "--json".as_ref()];
    let (output, kib) = hostile::peak_rss_kib(&args)?;
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    let codes = json["issues"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|i| i["code"].as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default();
    assert!(
        !String::from_utf8_lossy(&output.stderr).contains("panicked"),
        "no panic"
    );
    Some((codes, kib))
}

#[test]
fn far_cell_xfd1048576_beside_a_table_is_streamed_in_bounded_memory() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("กองไกล.xlsx");
    hostile::far_cell_book(&path, 1_048_575, 16_383);
    let read = read_file(&path);
    assert_eq!(read.rows.len(), 2, "the table is read");
    // The far value is a row under the header with nothing in a project column: reported, not lost.
    let far = read
        .issues
        .iter()
        .find(|i| i.problem.code() == "row-not-project")
        .expect("far cell reported");
    assert_eq!(far.location.a1(), "XFD1048576", "at the far cell itself");
    match check_peak(&path) {
        Some((_, kib)) => assert!(kib < PEAK_KIB, "peak {kib} KiB"),
        None => eprintln!("/usr/bin/time not installed; peak memory not measured"),
    }
}

/// (projects, completed, plan budget, issue codes) of one file, as the report counts them.
fn figures(path: &Path) -> (u32, u32, String, Vec<&'static str>) {
    let config =
        planmerge::config::ReportConfig::from_toml(crate::support::REPORT_TOML, "report.toml")
            .expect("config");
    let merged = planmerge::read_and_validate(&[path.to_path_buf()]);
    let totals = planmerge::compute::compute(&merged.projects, &config);
    let codes = merged.issues.iter().map(|i| i.problem.code()).collect();
    (
        totals.total.projects,
        totals.total.completed,
        totals.total.budget_plan.to_string(),
        codes,
    )
}

/// The seed's table as read: two projects, both completed, 300 baht planned.
fn seed_figures(codes: &[&'static str]) -> (u32, u32, String, Vec<&'static str>) {
    (2, 2, "300.00".to_string(), codes.to_vec())
}

/// A far value is a row under the header with nothing in a project column: reported, not lost.
const FAR_VALUE: [&str; 2] = ["ordinance-budget-assumed", "row-not-project"];
/// Far formatting holds no value: nothing to report.
const FAR_FORMAT: [&str; 1] = ["ordinance-budget-assumed"];

/// Reads `name` (a committed fixture) and checks the seed's figures, the far row's cell when
/// there is one, and the peak memory of `planmerge check` on it.
fn assert_seed_table_read(name: &str, codes: &[&'static str], far_row: Option<&str>) {
    let path = fixture(name);
    assert_eq!(figures(&path), seed_figures(codes), "{name}");
    if let Some(row) = far_row {
        let read = read_file(&path);
        let far = read
            .issues
            .iter()
            .find(|i| i.problem.code() == "row-not-project")
            .expect("far cell reported");
        assert_eq!(far.location.a1(), row, "{name}");
    }
    if let Some((_, kib)) = check_peak(&path) {
        assert!(kib < PEAK_KIB, "{name}: peak {kib} KiB");
    }
}

/// Issue 11: calamine allocated the IV65536 bounding box of this 6 KB file (~1 GiB), so it was
/// refused as `sheet-too-large`; read sparsely, it is the table plus one far value.
#[test]
fn far_cell_iv65536_in_xls_beside_a_table_is_read_as_the_table() {
    assert_seed_table_read("far-cell-iv65536.xls", &FAR_VALUE, Some("IV65536"));
}

/// Issue 11: calamine expanded XFD6000 to 98 million cells (~6 GiB); XFD1048576 is the last
/// cell an ods can hold. Both are the table plus one far value.
#[test]
fn far_cell_in_ods_beside_a_table_is_read_as_the_table() {
    assert_seed_table_read("far-cell-xfd6000.ods", &FAR_VALUE, Some("XFD6000"));
    assert_seed_table_read("far-cell-xfd1048576.ods", &FAR_VALUE, Some("XFD1048576"));
}

/// A clerk who coloured one far cell (formatting, no value) leaves nothing to report.
#[test]
fn far_formatting_beside_a_table_is_read_as_the_table() {
    assert_seed_table_read("far-format-iv65536.xls", &FAR_FORMAT, None);
    assert_seed_table_read("far-format-xfd1048576.ods", &FAR_FORMAT, None);
}

/// Only a table that truly holds more than 4,000,000 cells is refused — here one value
/// repeated 999,999,999 × 999,999,999 times (calamine's issue 594) — and the issue names it.
#[test]
fn an_ods_table_truly_too_large_is_refused_naming_it() {
    let content = concat!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content "#,
        r#"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" "#,
        r#"xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" "#,
        r#"xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">"#,
        r#"<office:body><office:spreadsheet><table:table table:name="แผน">"#,
        r#"<table:table-row table:number-rows-repeated="999999999">"#,
        r#"<table:table-cell table:number-columns-repeated="999999999" "#,
        r#"office:value-type="string"><text:p>X</text:p></table:table-cell>"#,
        r#"</table:table-row></table:table></office:spreadsheet></office:body>"#,
        r#"</office:document-content>"#
    );
    let ods = hostile::rezip_named(
        &std::fs::read(fixture("seed.ods")).expect("seed.ods"),
        "content.xml",
        |_| content.as_bytes().to_vec(),
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("กองล้น.ods");
    std::fs::write(&path, ods).expect("write");
    let read = read_file(&path);
    assert_eq!(codes(&read), ["sheet-too-large"]);
    assert_eq!(&*read.issues[0].location.sheet, "แผน");
    assert!(
        read.issues[0]
            .message()
            .contains("999,999,998,000,000,001 cells")
    );
    assert!(
        read.rows.is_empty(),
        "nothing handed on from a refused table"
    );
}

#[test]
fn seeds_in_every_format_read_the_same_two_projects() {
    for name in ["seed.xlsx", "seed.ods", "seed.xls"] {
        let (projects, issues) = merge_one(&fixture(name));
        assert_eq!(projects, 2, "{name}: {issues:?}");
        assert_eq!(issues.len(), 1, "{name}: {issues:?}");
        assert!(has(&issues, "ordinance-budget-assumed", ""), "{name}");
    }
}

/// calamine reserved rows × columns from the DIMENSIONS record, so a forged one was refused
/// as `sheet-too-large`; the sparse reader does not read DIMENSIONS at all.
#[test]
fn xls_with_a_forged_dimensions_record_is_read_without_believing_it() {
    let mut bytes = std::fs::read(fixture("seed.xls")).expect("seed.xls");
    let records = hostile::biff_records(&bytes, 0x0200, 14);
    assert!(!records.is_empty(), "seed.xls has a DIMENSIONS record");
    for at in records {
        // rows 0..4294967295, columns 0..65535: ~10^16 bytes if believed.
        bytes[at + 8..at + 12].copy_from_slice(&u32::MAX.to_le_bytes());
        bytes[at + 14..at + 16].copy_from_slice(&u16::MAX.to_le_bytes());
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("กองปลอม.xls");
    std::fs::write(&path, &bytes).expect("write");
    assert_eq!(figures(&path), seed_figures(&["ordinance-budget-assumed"]));
}

/// Issue 11: an encrypted xls was walked as if plain and refused as `sheet-too-large` with
/// nonsense ranges. Encrypted with a password (RC4), or XOR-obfuscated: named, not guessed.
#[test]
fn encrypted_xls_is_password_protected_never_too_large() {
    for name in [
        "encrypted-rc4-secret.xls",
        "encrypted-cryptoapi-secret.xls",
        "encrypted-xor.xls",
    ] {
        let read = read_file(&fixture(name));
        assert_eq!(codes(&read), ["file-password-protected"], "{name}");
    }
}

/// Excel encrypts a workbook with a protected structure with its built-in password
/// "VelvetSweatshop" and opens it without asking: planmerge reads it too (RC4, RC4 CryptoAPI,
/// and the XOR obfuscation of the Excel 95 format).
#[test]
fn xls_encrypted_with_excels_default_password_is_read() {
    for name in [
        "encrypted-rc4-velvetsweatshop.xls",
        "encrypted-cryptoapi-velvetsweatshop.xls",
        "encrypted-xor-velvetsweatshop.xls",
    ] {
        let path = fixture(name);
        let expected = seed_figures(&["ordinance-budget-assumed"]);
        assert_eq!(figures(&path), expected, "{name}");
    }
}

/// Issue 11: a pretty-printed content.xml (whitespace between cells) made calamine refuse a
/// valid ods ("Expecting 'table-cell', found Text").
#[test]
fn pretty_printed_ods_is_read() {
    let path = fixture("indented.ods");
    assert_eq!(figures(&path), seed_figures(&["ordinance-budget-assumed"]));
}

/// Issue 11: a panic inside calamine is the clean `file-unreadable` issue (saying where calamine
/// panicked), and the panic hook prints nothing.
#[test]
fn a_panic_inside_calamine_is_a_quiet_file_unreadable() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("กองพัง.xlsb");
    std::fs::write(&path, hostile::xlsb_with_dangling_sheet_relationship()).expect("write");
    let read = read_file(&path);
    assert_eq!(codes(&read), ["file-unreadable"]);
    // Where calamine panicked is for a bug report: in the issue's detail (JSON), not in the
    // message a clerk reads.
    let detail = read.issues[0].detail().unwrap_or_default();
    assert!(
        detail.starts_with(planmerge::read::READER_PANICKED),
        "{detail}"
    );
    assert!(detail.contains("xlsb/mod.rs"), "{detail}");
    assert_eq!(
        read.issues[0].message(),
        "เปิดไฟล์ไม่ได้: โปรแกรมอ่านโครงสร้างของไฟล์นี้ไม่ได้ · \
         cannot open the file: the reader could not follow its structure"
    );
    let output = assert_cmd::Command::cargo_bin("planmerge")
        .expect("binary")
        .args(["check".as_ref(), path.as_os_str(), "--json".as_ref()])
        .output()
        .expect("run");
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "",
        "nothing on stderr"
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    let issue = &json["issues"][0];
    assert!(
        issue["detail"]
            .as_str()
            .is_some_and(|d| d.contains("calamine panicked at")),
        "{issue}"
    );
    assert!(
        !issue["message"]
            .as_str()
            .unwrap_or_default()
            .contains("panicked"),
        "{issue}"
    );
}

#[test]
fn password_protected_xlsx_is_named_not_guessed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("กองรหัส.xlsx");
    crate::support::write_encrypted_xlsx(&path);
    assert_eq!(codes(&read_file(&path)), ["file-password-protected"]);
}

#[test]
fn truncated_files_are_unreadable_or_whole_in_every_format() {
    let dir = tempfile::tempdir().expect("tempdir");
    let seeds = [
        ("xlsx", hostile::seed_xlsx_bytes()),
        ("ods", std::fs::read(fixture("seed.ods")).expect("ods")),
        ("xls", std::fs::read(fixture("seed.xls")).expect("xls")),
    ];
    for (ext, bytes) in seeds {
        // Every 97th length, and the ends (the fuzz harness found a panic at 1010 bytes of xls).
        let cuts = (0..bytes.len())
            .step_by(97)
            .chain([1, 4, 1010, bytes.len() - 1]);
        for keep in cuts {
            let path = dir.path().join(format!("กองขาด{keep}.{ext}"));
            std::fs::write(&path, &bytes[..keep]).expect("write");
            let read = read_file(&path);
            // The last sector of an xls compound file ends in padding: losing it loses nothing.
            let whole = read.rows.len() == 2 && read.issues.iter().all(|i| !i.is_error());
            assert!(
                codes(&read) == ["file-unreadable"] || whole,
                "{ext} cut at {keep}: {:?}",
                codes(&read)
            );
            assert!(
                read.issues[0].detail().is_none(),
                "{ext} cut at {keep}: calamine panicked"
            );
        }
    }
}

/// Fuzz finding: calamine's own compound-file parser asserted (`to_u32`, len % 4 == 0) on an xls
/// cut inside a sector — a panic caught as "the reader failed", now a named damaged file.
#[test]
fn xls_cut_inside_a_sector_is_named_damaged_not_a_caught_panic() {
    let bytes = std::fs::read(fixture("seed.xls")).expect("seed.xls");
    let dir = tempfile::tempdir().expect("tempdir");
    for ext in ["xls", "xlsx", "ods", "xlsb"] {
        let path = dir.path().join(format!("กองขาด.{ext}"));
        std::fs::write(&path, &bytes[..1010]).expect("write");
        let read = read_file(&path);
        assert_eq!(codes(&read), ["file-unreadable"], "{ext}");
        let message = read.issues[0].message();
        assert!(
            message.contains("truncated compound file"),
            "{ext}: {message}"
        );
    }
}

/// Fuzz finding (an abort, not a panic): calamine reserves `uniqueCount` shared strings up front,
/// so a 6 KB xlsx announcing 2^32 of them asked for 103 GB and killed the process.
#[test]
fn xlsx_announcing_four_billion_shared_strings_is_refused_not_an_abort() {
    let forged = hostile::rezip_named(&hostile::seed_xlsx_bytes(), "sharedStrings.xml", |xml| {
        let text = String::from_utf8_lossy(xml);
        let at = text.find("uniqueCount=\"").expect("uniqueCount") + "uniqueCount=\"".len();
        let end = at + text[at..].find('"').expect("closing quote");
        format!("{}4294967296{}", &text[..at], &text[end..]).into_bytes()
    });
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("กองนับปลอม.xlsx");
    std::fs::write(&path, forged).expect("write");
    let read = read_file(&path);
    assert_eq!(codes(&read), ["file-unreadable"]);
    assert!(
        read.issues[0]
            .message()
            .contains("4294967296 shared strings")
    );
}

/// Fuzz finding (a hang): calamine's ods table loop has no end-of-file case, so a table whose
/// `</table:table>` is damaged spun forever. Read on a thread, so a regression fails instead of
/// hanging the suite.
#[test]
fn ods_with_a_table_never_closed_is_refused_not_a_hang() {
    let path = fixture("fuzz-ods-table-never-closed.bin");
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("กองค้าง.ods");
    std::fs::copy(&path, &file).expect("copy");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(codes(&read_file(&file)));
    });
    let codes = rx
        .recv_timeout(std::time::Duration::from_secs(20))
        .expect("read within 20 s, not a hang");
    assert_eq!(codes, ["file-unreadable"]);
}

/// Fuzz findings: calamine's xls record parsers sliced short records without checking (a NAME
/// record of 2 bytes, a BOF record of 1, the SST) and panicked. xls is now read by our own
/// reader, which names these files damaged (a short BOF; globals that never end).
#[test]
fn xls_with_short_records_is_named_damaged() {
    let dir = tempfile::tempdir().expect("tempdir");
    for name in [
        "fuzz-xls-short-record.bin",
        "fuzz-xls-short-name-record.bin",
    ] {
        let path = dir.path().join("กองสั้น.xls");
        std::fs::copy(fixture(name), &path).expect("copy");
        assert_eq!(codes(&read_file(&path)), ["file-unreadable"], "{name}");
    }
}

#[test]
fn corrupt_zip_entry_is_unreadable() {
    // Overwrite the compressed bytes of every entry after its local header: the CRC fails.
    let mut bytes = hostile::seed_xlsx_bytes();
    let headers: Vec<usize> = bytes
        .windows(4)
        .enumerate()
        .filter(|(_, w)| *w == b"PK\x03\x04")
        .map(|(i, _)| i)
        .collect();
    for at in headers {
        let name_len = usize::from(u16::from_le_bytes([bytes[at + 26], bytes[at + 27]]));
        let extra_len = usize::from(u16::from_le_bytes([bytes[at + 28], bytes[at + 29]]));
        let data = at + 30 + name_len + extra_len;
        for b in bytes.iter_mut().skip(data).take(8) {
            *b ^= 0x5A;
        }
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("กองเสีย.xlsx");
    std::fs::write(&path, &bytes).expect("write");
    assert_eq!(codes(&read_file(&path)), ["file-unreadable"]);
}

#[test]
fn a_file_that_is_not_a_spreadsheet_but_named_xlsx_is_unreadable() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, bytes) in [
        ("ภาพ.xlsx", &b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"[..]),
        ("ข้อความ.xlsx", "สวัสดี นี่ไม่ใช่ไฟล์ Excel".as_bytes()),
        ("ว่าง.xlsx", b""),
        (
            "หน้าเว็บ.xls",
            b"<html><body><table><tr><td>1</td></tr></table></body></html>",
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).expect("write");
        assert_eq!(codes(&read_file(&path)), ["file-unreadable"], "{name}");
    }
}

#[test]
fn an_xlsx_saved_as_xls_is_read_by_its_content() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("กองนามสกุลผิด.xls");
    std::fs::write(&path, hostile::seed_xlsx_bytes()).expect("write");
    let (projects, _) = merge_one(&path);
    assert_eq!(projects, 2);
}

#[test]
fn an_empty_workbook_has_no_project_table() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("กองว่าง.xlsx");
    book_empty(&path);
    assert_eq!(codes(&read_file(&path)), ["no-project-table"]);
}

fn book_empty(path: &Path) {
    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet();
    book.save(path).expect("save");
}

#[test]
fn headers_only_is_a_table_with_no_projects_and_says_so() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("กองหัวตาราง.xlsx");
    write_book(&path, "แผน", &WORDS_HEADER, &[]);
    let read = read_file(&path);
    assert_eq!(read.input.sheets, ["แผน"]);
    assert_eq!(read.input.rows, 0);
    assert_eq!(codes(&read), ["ordinance-budget-assumed", "table-empty"]);
    let merged = planmerge::read_and_validate(&[path]);
    assert_eq!(
        merged.errors(),
        0,
        "an empty table is a warning, not an error"
    );
}

#[test]
fn formula_errors_in_money_columns_are_refused_with_their_cells() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("กองสูตร.xlsx");
    let mut div0 = words_row(1, "โครงการหารศูนย์", 1.0, 0.0);
    div0[3] = V::F("=1/0", "#DIV/0!");
    let mut bad_ref = words_row(2, "โครงการอ้างอิงผิด", 1.0, 100.0);
    bad_ref[4] = V::F("=#REF!*2", "#REF!");
    write_book(&path, "แผน", &WORDS_HEADER, &[div0, bad_ref]);
    let (projects, issues) = merge_one(&path);
    assert_eq!(projects, 0);
    assert!(has(&issues, "formula-error", "D2"), "{issues:?}");
    assert!(has(&issues, "formula-error", "E3"), "{issues:?}");
}

#[test]
fn a_hidden_sheet_is_read_with_a_warning() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("กองซ่อน.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    hostile::put_table(
        book.add_worksheet(),
        0,
        &[words_row(1, "โครงการเปิด", 1.0, 0.0)],
    );
    let hidden = book.add_worksheet();
    hidden.set_name("ซ่อน").expect("name");
    hostile::put_table(hidden, 0, &[words_row(1, "โครงการซ่อน", 2.0, 0.0)]);
    hidden.set_hidden(true);
    book.save(&path).expect("save");
    let read = read_file(&path);
    assert_eq!(read.rows.len(), 2, "both sheets read");
    let warning = read
        .issues
        .iter()
        .find(|i| i.problem.code() == "sheet-hidden")
        .expect("sheet-hidden");
    assert_eq!(&*warning.location.sheet, "ซ่อน");
    assert!(!warning.is_error());
}

#[test]
fn nbsp_zero_width_and_two_character_sara_am_in_headers_and_status_words() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("กองพิมพ์แปลก.xlsx");
    let two_char_am = |s: &str| s.replace('\u{0E33}', "\u{0E4D}\u{0E32}");
    let header: Vec<String> = vec![
        two_char_am("ลำ\u{00A0}ดับ"),
        "รายการ\u{200B}โครงการ".into(),
        "มิติ\u{00A0}".into(),
        "งบ\u{200B}ประมาณ\n(บาท)".into(),
        "เบิก\u{FEFF}จ่าย".into(),
        "บรรจุ\u{200C}ในข้อบัญญัติ".into(),
        "\u{00A0}สถานะ\u{200D}".into(),
        "หมาย\u{2060}เหตุ".into(),
    ];
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let row = |n: u32, name: &str, status: String| {
        let mut r = words_row(n, name, 1.0, 10.0);
        r[6] = V::T(status);
        r
    };
    let rows = [
        row(
            1,
            "โครงการ ก",
            two_char_am("ด\u{200B}ำเนินการ\u{00A0}แล้วเสร็จ"),
        ),
        row(2, "โครงการ ข", two_char_am("อยู่ระหว่าง\nดำเนินการ")),
        row(3, "โครงการ ค", "รอ\u{00A0}รายงาน\u{200B}".into()),
    ];
    write_book(&path, "แผน", &header, &rows);
    let merged = planmerge::read_and_validate(&[path]);
    assert_eq!(merged.errors(), 0, "{:?}", merged.issues);
    let statuses: Vec<_> = merged.projects.iter().map(|p| p.status).collect();
    use planmerge::model::Status;
    assert_eq!(
        statuses,
        [Status::Completed, Status::InProgress, Status::Waiting]
    );
}

#[test]
fn extreme_and_ambiguous_numbers_are_refused_or_read_exactly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("กองตัวเลข.xlsx");
    let money = |n: u32, name: &str, budget: V| {
        let mut r = words_row(n, name, 1.0, 0.0);
        r[3] = budget;
        r
    };
    let rows = [
        money(1, "โครงการ 1e308", V::N(1e308)),
        money(2, "โครงการ ลบศูนย์", V::N(-0.0)),
        money(3, "โครงการ แสนแบบอินเดีย", t("1,00,000")),
        money(4, "โครงการ สามทศนิยม", V::N(100.125)),
        money(5, "โครงการ เกือบเกินDecimal", V::N(7.0e28)),
        money(6, "โครงการ ล้านล้าน", t("1,000,000,000,000.00")),
        money(7, "โครงการ สูงสุด", t("999,999,999,999.99")),
    ];
    write_book(&path, "แผน", &WORDS_HEADER, &rows);
    let merged = planmerge::read_and_validate(&[path]);
    let issues: Vec<(String, String)> = merged
        .issues
        .iter()
        .map(|i| (i.problem.code().to_string(), i.location.a1()))
        .collect();
    assert!(has(&issues, "money-not-number", "D2"), "1e308: {issues:?}");
    assert!(
        has(&issues, "money-not-number", "D4"),
        "1,00,000: {issues:?}"
    );
    assert!(has(&issues, "money-too-precise", "D5"), "{issues:?}");
    assert!(has(&issues, "money-too-large", "D6"), "7e28: {issues:?}");
    assert!(has(&issues, "money-too-large", "D7"), "10^12: {issues:?}");
    let names: Vec<&str> = merged.projects.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["โครงการ ลบศูนย์", "โครงการ สูงสุด"]);
    assert_eq!(
        merged.projects[0].budget_plan.to_string(),
        "0",
        "-0 reads as 0"
    );
    // Nothing left can overflow a sum or a percentage.
    let config =
        planmerge::config::ReportConfig::from_toml(crate::support::REPORT_TOML, "report.toml")
            .expect("config");
    let totals = planmerge::compute::compute(&merged.projects, &config);
    assert_eq!(totals.total.budget_plan.to_string(), "999999999999.99");
}

#[test]
fn duplicate_header_columns_are_an_error_at_the_second_column() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("กองหัวซ้ำ.xlsx");
    let mut header = WORDS_HEADER.to_vec();
    header.push("งบประมาณ");
    let mut row = words_row(1, "โครงการ ก", 1.0, 100.0);
    row.push(V::N(999.0));
    write_book(&path, "แผน", &header, &[row]);
    let (_, issues) = merge_one(&path);
    assert!(has(&issues, "header-duplicate", "I1"), "{issues:?}");
}

#[test]
#[ignore = "slow: cargo test --release --test it -- --ignored hostile::one_million --nocapture"]
fn one_million_rows_are_read_in_bounded_time_and_memory() {
    const ROWS: u32 = 1_000_000;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("กองล้านแถว.xlsx");
    let made = std::time::Instant::now();
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    for (c, h) in WORDS_HEADER.iter().enumerate() {
        ws.write_string(0, c as u16, *h).expect("header");
    }
    for n in 1..=ROWS {
        let row = words_row(n, &format!("โครงการที่ {n}"), f64::from(n % 4 + 1), 1000.5);
        for (c, v) in row.iter().enumerate() {
            hostile::put(ws, n, c as u16, v).expect("cell");
        }
    }
    book.save(&path).expect("save");
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    eprintln!("wrote {ROWS} rows ({size} bytes) in {:?}", made.elapsed());
    let started = std::time::Instant::now();
    let Some((codes, kib)) = check_peak(&path) else {
        eprintln!("/usr/bin/time not installed; not measured");
        return;
    };
    eprintln!(
        "check of {ROWS} rows: {:?}, peak {} MiB, issues {codes:?}",
        started.elapsed(),
        kib / 1024
    );
    assert_eq!(codes, ["ordinance-budget-assumed"]);
    assert!(kib < 2 * 1024 * 1024, "peak {kib} KiB");
}

/// Inputs the fuzzers found crashing (panics inside calamine, caught or not), kept as
/// regression tests: each must now be a named problem in every format, never a caught panic.
#[test]
fn fuzz_findings_are_named_problems_not_panics() {
    let dir = tempfile::tempdir().expect("tempdir");
    for name in ["fuzz-cfb-sector-past-end.bin", "fuzz-longrun-1.bin"] {
        let bytes = std::fs::read(fixture(name)).expect("finding");
        for ext in ["xlsx", "xls", "ods", "xlsb"] {
            let path = dir.path().join(format!("กองฟัซ.{ext}"));
            std::fs::write(&path, &bytes).expect("write");
            let read = read_file(&path);
            for issue in &read.issues {
                assert!(issue.detail().is_none(), "{name} as {ext}: {issue}");
            }
            assert!(read.issues.iter().any(|i| i.is_error()), "{name} as {ext}");
        }
    }
}
