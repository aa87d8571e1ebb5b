//! `planmerge serve` used in a real browser: headless Chromium driven over WebDriver
//! (chromedriver, started here on a free port). A division sends a workbook through the file
//! input and reads its verdict; a faulty workbook shows its cell and fix; the coordinator logs in
//! with the code, sees every division's row, clicks the summary button and the downloaded file
//! holds the seed's figures; drag-and-drop works; and with JavaScript off the page still works.
//! Without chromedriver and chromium (Debian: `chromium`, `chromium-driver`; `.ci/run` installs
//! them) each test says it was skipped. `PLANMERGE_SCREENSHOTS=1` saves the pages it sees under
//! `docs/` at phone and desktop widths.

use crate::common::ReadBack;
use crate::serve::{Server, api_upload, samples, start};
use crate::support::{folder, words_row, write_book};
use fantoccini::{Client, ClientBuilder, Locator};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

const CHROMIUM: &str = "/usr/bin/chromium";

/// A chromedriver on a free port, stopped when dropped.
struct Driver {
    child: Child,
    url: String,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts chromedriver, or says why the browser tests are skipped.
fn driver(test: &str) -> Option<Driver> {
    let found = Command::new("chromedriver")
        .arg("--version")
        .output()
        .is_ok();
    if !found || !Path::new(CHROMIUM).exists() {
        eprintln!("SKIPPED (no chromedriver/chromium): browser::{test}");
        return None;
    }
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .ok()?;
    let child = Command::new("chromedriver")
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let url = format!("http://127.0.0.1:{port}");
    for _ in 0..100 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Some(Driver { child, url });
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    eprintln!("SKIPPED (chromedriver did not start): browser::{test}");
    None
}

/// A headless Chromium session: `javascript` on or off, `downloads` where files go.
async fn browser(driver: &Driver, javascript: bool, downloads: &Path) -> Client {
    // chromedriver is spoken to over plain HTTP, but the client is built with rustls: choose
    // its crypto provider once (a second call is refused, harmlessly).
    let _ = rustls::crypto::ring::default_provider().install_default();
    let profile = tempfile::tempdir().expect("profile").keep();
    let args = [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,1000",
    ]
    .iter()
    .map(|a| a.to_string())
    .chain([format!("--user-data-dir={}", profile.display())])
    .collect::<Vec<_>>();
    let mut prefs = serde_json::json!({
        "download.default_directory": downloads.display().to_string(),
        "download.prompt_for_download": false,
    });
    if !javascript {
        prefs["profile.managed_default_content_settings.javascript"] = 2.into();
    }
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({ "binary": CHROMIUM, "args": args, "prefs": prefs }),
    );
    ClientBuilder::rustls()
        .expect("tls")
        .capabilities(caps)
        .connect(&driver.url)
        .await
        .expect("a browser session")
}

/// Saves what the browser shows, at desktop and phone width, when asked to.
async fn screenshot(client: &Client, name: &str) {
    if std::env::var_os("PLANMERGE_SCREENSHOTS").is_none() {
        return;
    }
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs");
    for (width, label) in [(1280, "desktop"), (390, "phone")] {
        let _ = client.set_window_size(width, 1000).await;
        if let Ok(png) = client.screenshot().await {
            let _ = std::fs::write(docs.join(format!("browser-{name}-{label}.png")), png);
        }
    }
    let _ = client.set_window_size(1280, 1000).await;
}

/// Clicks the element `css` picks.
async fn click(client: &Client, css: &str) {
    let element = client.find(Locator::Css(css)).await.expect(css);
    element.click().await.expect("click");
}

/// Types `text` into the element `css` picks (a file input takes a path).
async fn type_into(client: &Client, css: &str, text: &str) {
    let element = client.find(Locator::Css(css)).await.expect(css);
    element.send_keys(text).await.expect("type");
}

/// Sends `file` as `division` through the form, as a person would, and waits for the answer.
async fn send(client: &Client, server: &Server, division: &str, file: &Path) -> String {
    client
        .goto(&format!("{}/", server.base))
        .await
        .expect("open");
    screenshot(client, "upload").await;
    let name = client
        .find(Locator::Css("#division"))
        .await
        .expect("division");
    name.send_keys(division).await.expect("type");
    let input = client
        .find(Locator::Css("#file"))
        .await
        .expect("file input");
    input
        .send_keys(&file.display().to_string())
        .await
        .expect("choose");
    client
        .find(Locator::Css("#upload button"))
        .await
        .expect("button")
        .click()
        .await
        .expect("send");
    verdict(client).await
}

/// The answer page's text, once its verdict is there.
async fn verdict(client: &Client) -> String {
    client
        .wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Css("p.ok, p.bad, p.warn"))
        .await
        .expect("a verdict");
    client
        .find(Locator::Css("main"))
        .await
        .expect("main")
        .text()
        .await
        .expect("text")
}

/// A workbook whose one row has dimension 5, in `dir` (never the round folder: a workbook there
/// is counted, as `merge FOLDER` counts it).
fn faulty(dir: &Path) -> PathBuf {
    let path = dir.join("faulty.xlsx");
    write_book(
        &path,
        "แผน",
        &crate::support::WORDS_HEADER,
        &[words_row(1, "โครงการ ก", 5.0, 0.0)],
    );
    path
}

#[tokio::test(flavor = "multi_thread")]
async fn a_division_sends_its_workbook_and_reads_the_verdict() {
    let Some(driver) = driver("a_division_sends_its_workbook_and_reads_the_verdict") else {
        return;
    };
    let dir = folder();
    let server = start(dir.path(), "127.0.0.1:0");
    let client = browser(&driver, true, dir.path()).await;
    let sample = &samples()[0];
    let division = planmerge::schema::division_of(sample);
    let text = send(&client, &server, &division, sample).await;
    assert!(text.contains("ใช้ได้"), "{text}");
    // Sent by the page's script: the answer replaced the page, which stayed at /.
    let url = client.current_url().await.expect("url");
    assert_eq!(url.path(), "/");
    screenshot(&client, "verdict").await;
    let scratch = tempfile::tempdir().expect("scratch");
    let text = send(&client, &server, "กองคลัง", &faulty(scratch.path())).await;
    assert!(
        text.contains("C2") && text.contains("มิติต้องเป็น 1–4"),
        "{text}"
    );
    assert!(text.contains("แก้เป็นเลข 1–4"), "the fix is shown: {text}");
    screenshot(&client, "faulty").await;
    let _ = client.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_coordinator_logs_in_sees_every_division_and_downloads_the_summary() {
    let Some(driver) =
        driver("the_coordinator_logs_in_sees_every_division_and_downloads_the_summary")
    else {
        return;
    };
    let dir = folder();
    let server = start(dir.path(), "0.0.0.0:0");
    let (_, coordinator) = server.codes.clone().expect("codes");
    for file in samples() {
        let division = planmerge::schema::division_of(&file);
        let bytes = std::fs::read(&file).expect("sample");
        assert_eq!(
            api_upload(&server, &division, &bytes, Some(&coordinator)).status,
            200
        );
    }
    let downloads = tempfile::tempdir().expect("downloads");
    let client = browser(&driver, true, downloads.path()).await;
    client
        .goto(&format!("{}/status", server.base))
        .await
        .expect("open");
    let code = client
        .find(Locator::Css("#code"))
        .await
        .expect("asks for the code");
    code.send_keys(&coordinator).await.expect("type");
    client
        .find(Locator::Css("form button"))
        .await
        .expect("button")
        .click()
        .await
        .expect("enter");
    client
        .wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Css("table.divisions"))
        .await
        .expect("the status page");
    let rows = client
        .find_all(Locator::Css("table.divisions tbody tr"))
        .await
        .expect("rows");
    assert_eq!(rows.len(), 8, "every division's row");
    // On a phone the table is cards: nothing to scroll sideways.
    client
        .set_window_size(390, 1000)
        .await
        .expect("phone width");
    let overflow = client
        .execute(
            "var t=document.querySelector('table.divisions');return t.scrollWidth-t.clientWidth;",
            vec![],
        )
        .await
        .expect("measure the table");
    assert!(
        overflow.as_i64().is_some_and(|px| px <= 1),
        "the status table scrolls sideways on a phone by {overflow} px"
    );
    client
        .set_window_size(1280, 1000)
        .await
        .expect("desktop width");
    screenshot(&client, "status").await;
    click(&client, "form[action='/summary'] button").await;
    let summary = wait_for_xlsx(downloads.path())
        .await
        .expect("a downloaded summary");
    let mut book = ReadBack::open(&summary);
    let text = book.sheet_text("สรุปผล");
    for figure in ["81", "41", "50.62", "67.78", "มาก"] {
        assert!(text.contains(figure), "{figure} in {text}");
    }
    let _ = client.close().await;
}

/// The first finished .xlsx in `dir` (a download in progress ends in .crdownload).
async fn wait_for_xlsx(dir: &Path) -> Option<PathBuf> {
    for _ in 0..100 {
        let found = std::fs::read_dir(dir)
            .ok()?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|e| e == "xlsx"));
        if found.is_some() {
            tokio::time::sleep(Duration::from_millis(200)).await;
            return found;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    None
}

#[tokio::test(flavor = "multi_thread")]
async fn a_workbook_dropped_on_the_page_is_sent() {
    let Some(driver) = driver("a_workbook_dropped_on_the_page_is_sent") else {
        return;
    };
    let dir = folder();
    let server = start(dir.path(), "127.0.0.1:0");
    let client = browser(&driver, true, dir.path()).await;
    client
        .goto(&format!("{}/", server.base))
        .await
        .expect("open");
    let sample = &samples()[0];
    let bytes: Vec<u64> = std::fs::read(sample)
        .expect("sample")
        .into_iter()
        .map(u64::from)
        .collect();
    // A drop as the browser makes one: a DataTransfer holding the file, on the drop area.
    let script = "const bytes = new Uint8Array(arguments[0]);\
        const file = new File([bytes], 'book.xlsx');\
        const data = new DataTransfer(); data.items.add(file);\
        const drop = document.getElementById('drop');\
        drop.dispatchEvent(new DragEvent('drop', {dataTransfer: data, bubbles: true, cancelable: true}));\
        return document.getElementById('file').files.length;";
    let count = client
        .execute(script, vec![serde_json::json!(bytes)])
        .await
        .expect("drop");
    assert_eq!(count, 1, "the dropped file is the form's file");
    let division = planmerge::schema::division_of(sample);
    type_into(&client, "#division", &division).await;
    click(&client, "#upload button").await;
    let text = verdict(&client).await;
    assert!(text.contains("ใช้ได้"), "{text}");
    let _ = client.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn without_javascript_the_page_still_sends_and_answers() {
    let Some(driver) = driver("without_javascript_the_page_still_sends_and_answers") else {
        return;
    };
    let dir = folder();
    let server = start(dir.path(), "127.0.0.1:0");
    let client = browser(&driver, false, dir.path()).await;
    let scratch = tempfile::tempdir().expect("scratch");
    let text = send(&client, &server, "กองคลัง", &faulty(scratch.path())).await;
    assert!(text.contains("C2"), "{text}");
    // The form itself was posted (with JavaScript the answer replaces the page at /).
    let url = client.current_url().await.expect("url");
    assert_eq!(url.path(), "/upload");
    let _ = client.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_long_file_name_in_the_verdict_fits_a_phone() {
    let Some(driver) = driver("a_long_file_name_in_the_verdict_fits_a_phone") else {
        return;
    };
    let dir = folder();
    let server = start(dir.path(), "127.0.0.1:0");
    let scratch = tempfile::tempdir().expect("scratch");
    // A name without a space to break at, as saved copies are named.
    let long = scratch
        .path()
        .join("กองคลัง_action_plan_fiscal_year_2565_revision_3_final_final_checked_by_head.xlsx");
    let sample = samples()
        .into_iter()
        .find(|f| planmerge::schema::division_of(f) == "กองคลัง")
        .expect("กองคลัง's sample");
    std::fs::copy(sample, &long).expect("copy");
    let client = browser(&driver, true, scratch.path()).await;
    client
        .set_window_size(390, 1000)
        .await
        .expect("phone width");
    let text = send(&client, &server, "กองคลัง", &long).await;
    assert!(text.contains("revision_3"), "the name is shown: {text}");
    let overflow = client
        .execute(
            "var e=document.documentElement;return e.scrollWidth-e.clientWidth;",
            vec![],
        )
        .await
        .expect("measure the page");
    assert!(
        overflow.as_i64().is_some_and(|px| px <= 1),
        "the verdict scrolls sideways on a phone by {overflow} px"
    );
    let _ = client.close().await;
}
