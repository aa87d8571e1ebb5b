//! Safe output: the output never replaces a division's workbook, a summary left in the input
//! folder is not read back as a division file, a failed run leaves nothing behind, and failing to
//! write is exit 3.

use crate::support::hostile;
use crate::support::{folder_with_rows, words_row};
use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

fn planmerge() -> Command {
    Command::cargo_bin("planmerge").expect("binary")
}

/// Runs planmerge in `dir` with `args`: (exit code, stdout JSON or Null, stderr).
fn run(dir: &Path, args: &[&str]) -> (i32, Value, String) {
    let out = planmerge()
        .current_dir(dir)
        .args(args)
        .output()
        .expect("run");
    let json = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    (out.status.code().unwrap_or(-1), json, stderr)
}

/// The names in a folder, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("list")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn codes(json: &Value) -> Vec<String> {
    json["issues"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|i| i["code"].as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_summary_in_the_input_folder_is_skipped_not_read_back() {
    let (dir, _) = folder_with_rows(&[words_row(1, "โครงการ ก", 1.0, 100.0)]);
    // A fake summary: the two marker sheets, the first holding a project-like table.
    hostile::fake_summary(&dir.path().join("summary.xlsx"));
    let files = planmerge::read::collect_files(&[dir.path().to_path_buf()]).expect("files");
    let merged = planmerge::read_and_validate(&files);
    assert_eq!(
        merged.projects.len(),
        1,
        "the summary's rows are not counted"
    );
    let skipped = merged
        .issues
        .iter()
        .find(|i| i.problem.code() == "summary-skipped")
        .expect("summary-skipped");
    assert!(skipped.location.file.ends_with("summary.xlsx"));
    assert!(!skipped.is_error());
    let (status, json, stderr) = run(dir.path(), &["check", ".", "--json"]);
    assert_eq!(status, 0, "{stderr}");
    assert!(codes(&json).contains(&"summary-skipped".to_string()));
}

#[test]
fn a_workbook_with_only_one_marker_sheet_is_still_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("กองสรุปผล.xlsx");
    hostile::book_with(&path, "สรุปผล", |ws| {
        hostile::put_table(ws, 0, &[words_row(1, "โครงการ ก", 1.0, 0.0)])
    });
    let read = crate::support::read_file(&path);
    assert_eq!(read.rows.len(), 1, "a division may name its sheet สรุปผล");
}

#[test]
fn output_spelled_differently_from_an_input_is_still_refused() {
    let (dir, file) = folder_with_rows(&[words_row(1, "โครงการ ก", 1.0, 0.0)]);
    std::fs::create_dir(dir.path().join("sub")).expect("sub");
    let before = std::fs::read(&file).expect("read");
    let absolute = file.display().to_string();
    for output in ["./sub/../กองทดสอบ.xlsx", absolute.as_str()] {
        let (status, _, stderr) = run(dir.path(), &["merge", ".", "-o", output]);
        assert_eq!(status, 2, "{output}: {stderr}");
        assert!(stderr.contains("กองทดสอบ.xlsx"), "{stderr}");
    }
    // The input named as a file rather than found in a folder.
    let (status, _, _) = run(
        dir.path(),
        &[
            "merge",
            "กองทดสอบ.xlsx",
            "-c",
            "report.toml",
            "-o",
            "กองทดสอบ.xlsx",
        ],
    );
    assert_eq!(status, 2);
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(&file, dir.path().join("ลิงก์.xlsx")).expect("symlink");
        let (status, _, stderr) = run(
            dir.path(),
            &[
                "merge",
                "กองทดสอบ.xlsx",
                "-c",
                "report.toml",
                "-o",
                "ลิงก์.xlsx",
            ],
        );
        assert_eq!(status, 2, "a symlink to an input: {stderr}");
    }
    assert_eq!(
        std::fs::read(&file).expect("read"),
        before,
        "input untouched"
    );
}

#[test]
fn a_refused_merge_leaves_nothing_behind() {
    let (dir, _) = folder_with_rows(&[words_row(1, "โครงการติดลบ", 1.0, -1.0)]);
    let before = names(dir.path());
    let (status, json, _) = run(dir.path(), &["merge", ".", "--json"]);
    assert_eq!(status, 1);
    assert!(json["output"].is_null());
    assert_eq!(names(dir.path()), before, "no summary, no temporary file");
}

#[test]
fn a_rerun_does_not_read_its_own_summary_back() {
    let (dir, _) = folder_with_rows(&[words_row(1, "โครงการ ก", 1.0, 100.0)]);
    let (first, json1, stderr) = run(dir.path(), &["merge", ".", "--json"]);
    assert_eq!(first, 0, "{stderr}");
    let first_bytes = std::fs::read(dir.path().join("summary.xlsx")).expect("summary");
    assert_eq!(
        names(dir.path()),
        ["report.toml", "summary.xlsx", "กองทดสอบ.xlsx"],
        "only the summary was added: no temporary file left"
    );
    let (second, json2, stderr) = run(dir.path(), &["merge", ".", "--json"]);
    assert_eq!(
        second, 0,
        "the old summary is replaced, not refused: {stderr}"
    );
    assert_eq!(json2["summary"]["total"], json1["summary"]["total"]);
    assert!(codes(&json2).contains(&"summary-skipped".to_string()));
    // The skipped summary leaves no trace in the next: a rerun writes the same file (so a
    // retried `merge --mail` is known as already sent).
    let second_bytes = std::fs::read(dir.path().join("summary.xlsx")).expect("summary");
    assert!(first_bytes == second_bytes, "a rerun changed the summary");
}

#[test]
fn the_previous_rounds_summary_is_never_the_output() {
    let (dir, _) = folder_with_rows(&[words_row(1, "โครงการ ก", 1.0, 100.0)]);
    std::fs::create_dir(dir.path().join("รอบก่อน")).expect("folder");
    let (first, _, stderr) = run(dir.path(), &["merge", ".", "-o", "รอบก่อน/รอบ6.xlsx"]);
    assert_eq!(first, 0, "{stderr}");
    let earlier = dir.path().join("รอบก่อน/รอบ6.xlsx");
    let before = std::fs::read(&earlier).expect("the 6-month summary");
    let again = [
        "merge",
        ".",
        "--previous",
        "รอบก่อน/รอบ6.xlsx",
        "-o",
        "รอบก่อน/รอบ6.xlsx",
    ];
    let (status, _, stderr) = run(dir.path(), &again);
    assert_eq!(status, 2, "{stderr}");
    assert!(stderr.contains("เป็นของรอบก่อน"), "{stderr}");
    assert!(
        std::fs::read(&earlier).expect("kept") == before,
        "overwritten"
    );
    // The previous round as a folder: its own summary in it is not replaced either.
    let again = ["merge", ".", "--previous", "รอบก่อน", "-o", "รอบก่อน/"];
    let (status, _, stderr) = run(dir.path(), &again);
    assert_eq!(status, 2, "{stderr}");
    let kept = std::fs::read(&earlier).expect("kept");
    assert!(kept == before, "overwritten");
}

#[test]
fn an_output_that_cannot_be_written_is_exit_three() {
    let (dir, _) = folder_with_rows(&[words_row(1, "โครงการ ก", 1.0, 100.0)]);
    let (status, _, stderr) = run(
        dir.path(),
        &["merge", ".", "-o", "ไม่มีโฟลเดอร์นี้/summary.xlsx"],
    );
    assert_eq!(status, 3, "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn an_existing_workbook_that_is_not_a_summary_is_never_the_output() {
    let (dir, _) = folder_with_rows(&[words_row(1, "โครงการ ก", 1.0, 100.0)]);
    // Another division's workbook beside the input, not named as an input, and a file of notes.
    let other = dir.path().join("สำนักปลัด.xlsx");
    hostile::book_with(&other, "แผน", |ws| {
        hostile::put_table(ws, 0, &[words_row(1, "โครงการ ข", 2.0, 50.0)])
    });
    std::fs::write(dir.path().join("notes.xlsx"), "บันทึก").expect("notes");
    for output in ["สำนักปลัด.xlsx", "notes.xlsx"] {
        let path = dir.path().join(output);
        let before = std::fs::read(&path).expect("read");
        let args = [
            "merge",
            "กองทดสอบ.xlsx",
            "-c",
            "report.toml",
            "-o",
            output,
            "--json",
        ];
        let (status, json, stderr) = run(dir.path(), &args);
        assert_eq!(status, 2, "{output}: {stderr}");
        assert!(
            stderr.contains(&format!(
                "มีไฟล์ {output} อยู่แล้ว และไม่ใช่ไฟล์สรุปที่ planmerge เขียน"
            )),
            "Thai first, naming the file: {stderr}"
        );
        assert!(stderr.contains("-o"), "another -o name suggested: {stderr}");
        assert_eq!(json["failure"]["exit_code"], 2);
        assert!(
            std::fs::read(&path).expect("kept") == before,
            "{output} overwritten"
        );
    }
    // A summary planmerge wrote is replaced, as before.
    let first = [
        "merge",
        "กองทดสอบ.xlsx",
        "-c",
        "report.toml",
        "-o",
        "สรุป.xlsx",
    ];
    assert_eq!(run(dir.path(), &first).0, 0);
    let (again, _, stderr) = run(dir.path(), &first);
    assert_eq!(again, 0, "a summary is replaced: {stderr}");
}

#[cfg(unix)]
#[test]
fn a_read_only_summary_is_not_replaced_and_keeps_its_mode() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, _) = folder_with_rows(&[words_row(1, "โครงการ ก", 1.0, 100.0)]);
    let args = [
        "merge",
        "กองทดสอบ.xlsx",
        "-c",
        "report.toml",
        "-o",
        "สรุป.xlsx",
    ];
    assert_eq!(run(dir.path(), &args).0, 0);
    let summary = dir.path().join("สรุป.xlsx");
    std::fs::set_permissions(&summary, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let before = std::fs::read(&summary).expect("read");
    let (status, json, stderr) = run(dir.path(), &[&args[..], &["--json"]].concat());
    assert_eq!(status, 3, "{stderr}");
    assert!(
        stderr.contains("ไฟล์ สรุป.xlsx ตั้งไว้เป็นอ่านอย่างเดียว") && stderr.contains("is read-only"),
        "{stderr}"
    );
    assert_eq!(json["failure"]["exit_code"], 3);
    assert!(std::fs::read(&summary).expect("kept") == before, "replaced");
    let mode = std::fs::metadata(&summary)
        .expect("meta")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o444, "the read-only mode is kept");
}

/// A stream whose reader has gone away (`… | head`): every write is a broken pipe.
struct ClosedPipe;

impl std::io::Write for ClosedPipe {
    fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
        Err(std::io::ErrorKind::BrokenPipe.into())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Err(std::io::ErrorKind::BrokenPipe.into())
    }
}

#[test]
fn a_closed_stdout_changes_no_exit_code_and_the_run_goes_to_its_end() {
    let (dir, _) = folder_with_rows(&[
        words_row(1, "โครงการ ก", 1.0, 100.0),
        words_row(2, "โครงการติดลบ", 1.0, -1.0),
    ]);
    let folder = dir.path().display().to_string();
    let draft = dir.path().join("ร่าง.xlsx").display().to_string();
    let runs: [&[&str]; 4] = [
        &["check", &folder],
        &["check", &folder, "--json"],
        &["merge", &folder, "-o", &draft, "--json"],
        &["merge", &folder, "-o", &draft, "--draft"],
    ];
    for args in runs {
        let line = [&["planmerge"], args].concat();
        let ended = planmerge::run(&line, &mut ClosedPipe, &mut ClosedPipe, Default::default());
        assert!(
            matches!(ended, Ok(planmerge::Outcome::DataErrors)),
            "{args:?}: {ended:?}"
        );
    }
    assert!(
        Path::new(&draft).is_file(),
        "the draft is written all the same"
    );
}

#[test]
fn a_reader_gone_from_the_pipe_does_not_turn_exit_one_into_zero() {
    use std::process::Stdio;
    let (dir, _) = folder_with_rows(&[words_row(1, "โครงการติดลบ", 1.0, -1.0)]);
    let binary = assert_cmd::cargo::cargo_bin("planmerge");
    for (args, closed) in [(["check", "."], "stdout"), (["merge", "."], "stderr")] {
        let mut command = std::process::Command::new(&binary);
        command.current_dir(dir.path()).args(args);
        // The other stream is kept to see that nothing panicked.
        let mut child = match closed {
            "stdout" => command.stdout(Stdio::piped()).stderr(Stdio::piped()),
            _ => command.stderr(Stdio::piped()).stdout(Stdio::piped()),
        }
        .spawn()
        .expect("spawn");
        // Closed before the program has read a file, so its first line finds no reader.
        match closed {
            "stdout" => drop(child.stdout.take()),
            _ => drop(child.stderr.take()),
        }
        let out = child.wait_with_output().expect("wait");
        let kept = String::from_utf8_lossy(match closed {
            "stdout" => &out.stderr,
            _ => &out.stdout,
        })
        .into_owned();
        assert_eq!(
            out.status.code(),
            Some(1),
            "{args:?}, {closed} closed: {kept}"
        );
        assert!(!kept.contains("panicked"), "{kept}");
    }
}

#[test]
fn a_summary_that_cannot_be_saved_still_gives_the_figures_and_the_issues() {
    let (dir, _) = folder_with_rows(&[words_row(1, "โครงการ ก", 1.0, 100.0)]);
    let output = "ไม่มีโฟลเดอร์นี้/summary.xlsx";
    let (status, json, stderr) = run(dir.path(), &["merge", ".", "-o", output, "--json"]);
    assert_eq!(status, 3, "{stderr}");
    assert_eq!(json["ok"], false);
    assert!(json["output"].is_null());
    assert_eq!(json["summary"]["total"]["projects"], 1, "{json}");
    assert_eq!(json["inputs"].as_array().map(Vec::len), Some(1));
    assert!(json["issues"].is_array());
    assert_eq!(json["failure"]["exit_code"], 3);
    let message = json["failure"]["message"].as_str().unwrap_or_default();
    assert!(
        message.starts_with(&format!("บันทึกไฟล์ {output} ไม่ได้: ไม่มีโฟลเดอร์หรือไฟล์นี้")),
        "{message}"
    );
    assert!(stderr.contains(message), "said on stderr too: {stderr}");
    assert_eq!(stderr.matches(message).count(), 1, "said once: {stderr}");
}

/// `merge -o` onto a full disk: a tmpfs a page larger than the summary already on it, mounted
/// in a namespace of its own (`unshare`), so the test needs no root. Skipped (said) where
/// `unshare` or the mount is not allowed.
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_keeps_the_old_summary_and_says_the_disk_is_full() {
    let (dir, _) = folder_with_rows(&[words_row(1, "โครงการ ก", 1.0, 100.0)]);
    assert_eq!(run(dir.path(), &["merge", ".", "-o", "old.xlsx"]).0, 0);
    let old = dir.path().join("old.xlsx");
    let pages = std::fs::metadata(&old).expect("old").len().div_ceil(4096) + 1;
    let mount = dir.path().join("เต็ม");
    std::fs::create_dir(&mount).expect("mount point");
    let script = format!(
        "mount -t tmpfs -o size={} tmpfs \"$1\" || exit 99; cp \"$2\" \"$1/summary.xlsx\"; \
         \"$3\" merge . -o \"$1/summary.xlsx\" --json; code=$?; \
         cmp -s \"$2\" \"$1/summary.xlsx\" && echo KEPT >&2; ls -A \"$1\" >&2; exit $code",
        pages * 4096
    );
    let binary = assert_cmd::cargo::cargo_bin("planmerge");
    let out = std::process::Command::new("unshare")
        .args(["-rm", "sh", "-c", &script, "sh"])
        .arg(&mount)
        .arg(&old)
        .arg(&binary)
        .current_dir(dir.path())
        .output();
    let out = match out {
        Ok(out)
            if !matches!(out.status.code(), Some(99) | None) && out.status.code() != Some(1) =>
        {
            out
        }
        _ => {
            eprintln!("skipped: unshare -rm and a tmpfs mount are not allowed here");
            return;
        }
    };
    let stderr = String::from_utf8_lossy(&out.stderr);
    let json: Value = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    let message = json["failure"]["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("summary.xlsx ไม่ได้: ดิสก์เต็ม"),
        "names the file, says the disk is full: {message}"
    );
    assert_eq!(json["summary"]["total"]["projects"], 1, "{json}");
    assert!(json["inputs"].is_array() && json["issues"].is_array());
    assert!(stderr.contains("KEPT"), "the old summary is kept: {stderr}");
    assert!(
        !stderr.contains(".tmp-"),
        "no temporary file left: {stderr}"
    );
}
