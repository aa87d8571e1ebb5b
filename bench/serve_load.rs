//! The load benchmark of `planmerge serve` (not a test): 20 concurrent clients send 400
//! workbooks of 100 projects each over loopback (40 divisions, 10 uploads each), one in ten
//! requests a status poll. Prints p50 / p95 / max upload-to-verdict latency, requests per
//! second, 5xx answers, the server's peak memory, and proves nothing was lost: the versions on
//! disk equal the uploads accepted, and every accepted upload's bytes are among them.
//!
//! `cargo build --release && cargo run --release --example serve_load` (see docs/serve.md).

#[path = "../examples/make_synthetic.rs"]
#[allow(dead_code)]
mod synthetic;

use sha2::{Digest, Sha256};
use std::collections::HashSet;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const CLIENTS: usize = 20;
const UPLOADS: usize = 400;
const DIVISIONS: usize = 40;
const ROWS: usize = 100;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let work = std::env::temp_dir().join(format!("planmerge-serve-load-{}", std::process::id()));
    let books = work.join("books");
    synthetic::write_folder(&books, DIVISIONS, ROWS)?;
    let round = work.join("round");
    std::fs::create_dir_all(&round)?;
    let toml = std::fs::read_to_string(books.join("report.toml"))?;
    // Every client is 127.0.0.1 here: the per-address limit is lifted for the benchmark.
    std::fs::write(
        round.join("report.toml"),
        format!("{toml}\n[serve]\nrequests_per_second = 100000\nburst = 100000\n"),
    )?;
    let mut files: Vec<PathBuf> = std::fs::read_dir(&books)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "xlsx"))
        .collect();
    files.sort();
    let binary = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/planmerge");
    let mut server = Command::new(&binary)
        .arg("serve")
        .arg(&round)
        .args(["--listen", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("{}: {e} (cargo build --release first)", binary.display()))?;
    let stdout = server.stdout.take().ok_or("no stdout")?;
    let line = BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .find(|l| l.starts_with("planmerge serve: http://"))
        .ok_or("the server did not say where it listens")?;
    let base = line
        .trim_start_matches("planmerge serve: ")
        .split('/')
        .take(3)
        .collect::<Vec<_>>()
        .join("/");
    let pid = server.id();

    let jobs: Arc<Mutex<Vec<usize>>> = Arc::new(Mutex::new((0..UPLOADS).rev().collect()));
    let latencies = Arc::new(Mutex::new(Vec::new()));
    let accepted = Arc::new(Mutex::new(Vec::new()));
    let failures = Arc::new(Mutex::new(0usize));
    let requests = Arc::new(Mutex::new(0usize));
    let peak = Arc::new(Mutex::new(0u64));
    let started = Instant::now();
    let watcher = {
        let peak = Arc::clone(&peak);
        std::thread::spawn(move || {
            while let Ok(status) = std::fs::read_to_string(format!("/proc/{pid}/status")) {
                let rss = status
                    .lines()
                    .find(|l| l.starts_with("VmHWM:"))
                    .and_then(|l| l.split_whitespace().nth(1))
                    .and_then(|kb| kb.parse::<u64>().ok())
                    .unwrap_or(0);
                if let Ok(mut p) = peak.lock() {
                    *p = (*p).max(rss);
                }
                std::thread::sleep(Duration::from_millis(100));
            }
        })
    };
    let workers: Vec<_> = (0..CLIENTS)
        .map(|_| {
            let (jobs, latencies, accepted) = (jobs.clone(), latencies.clone(), accepted.clone());
            let (failures, requests, files, base) = (
                failures.clone(),
                requests.clone(),
                files.clone(),
                base.clone(),
            );
            std::thread::spawn(move || {
                let agent = ureq::AgentBuilder::new().build();
                // The queue's lock is taken and released inside the closure, not held while
                // the job runs.
                let next = || jobs.lock().ok().and_then(|mut j| j.pop());
                while let Some(job) = next() {
                    let file = &files[job % files.len()];
                    let division = format!("กอง{:02}", job % DIVISIONS);
                    let bytes = std::fs::read(file).unwrap_or_default();
                    let (kind, body) = multipart(&division, &bytes);
                    let began = Instant::now();
                    let reply = agent
                        .post(&format!("{base}/api/upload"))
                        .set("X-Planmerge", "1")
                        .set("Content-Type", &kind)
                        .send_bytes(&body);
                    let took = began.elapsed();
                    if let Ok(mut r) = requests.lock() {
                        *r += 1;
                    }
                    match reply {
                        Ok(r) if r.status() == 200 => {
                            latencies.lock().map(|mut l| l.push(took)).ok();
                            accepted.lock().map(|mut a| a.push((division, bytes))).ok();
                        }
                        _ => {
                            failures.lock().map(|mut f| *f += 1).ok();
                        }
                    }
                    if job % 10 == 0 {
                        let status = agent
                            .get(&format!("{base}/api/status"))
                            .set("X-Planmerge", "1")
                            .call();
                        requests.lock().map(|mut r| *r += 1).ok();
                        if status.is_err() {
                            failures.lock().map(|mut f| *f += 1).ok();
                        }
                    }
                }
            })
        })
        .collect();
    for w in workers {
        let _ = w.join();
    }
    let elapsed = started.elapsed();
    let _ = server.kill();
    let _ = server.wait();
    let _ = watcher.join();

    let mut latencies = latencies.lock().map(|l| l.clone()).unwrap_or_default();
    latencies.sort();
    let at = |q: f64| {
        latencies
            .get(((latencies.len() as f64 * q).ceil() as usize).saturating_sub(1))
            .copied()
            .unwrap_or_default()
    };
    let accepted = accepted.lock().map(|a| a.clone()).unwrap_or_default();
    let kept = kept_versions(&round.join("inbox/.versions"))?;
    let lost = accepted
        .iter()
        .filter(|(_, bytes)| !kept.contains(&sha(bytes)))
        .count();
    let versions = count_versions(&round.join("inbox/.versions"))?;
    let requests = requests.lock().map(|r| *r).unwrap_or(0);
    println!(
        "planmerge serve under load: {CLIENTS} clients, {UPLOADS} uploads × {ROWS} projects, status polled every 10th"
    );
    println!(
        "  upload → verdict   p50 {:.0} ms   p95 {:.0} ms   max {:.0} ms",
        ms(at(0.50)),
        ms(at(0.95)),
        ms(at(1.0))
    );
    println!(
        "  requests           {requests} in {:.2} s = {:.0} per second",
        elapsed.as_secs_f64(),
        requests as f64 / elapsed.as_secs_f64()
    );
    println!(
        "  failed (5xx/other) {}",
        failures.lock().map(|f| *f).unwrap_or(0)
    );
    println!(
        "  server peak memory {:.1} MiB",
        peak.lock().map(|p| *p).unwrap_or(0) as f64 / 1024.0
    );
    println!(
        "  accepted {}   versions on disk {versions}   lost {lost}",
        accepted.len()
    );
    let _ = std::fs::remove_dir_all(&work);
    Ok(())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn sha(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The SHA-256 of every version kept.
fn kept_versions(dir: &Path) -> std::io::Result<HashSet<String>> {
    let mut out = HashSet::new();
    for division in std::fs::read_dir(dir)? {
        for version in std::fs::read_dir(division?.path())? {
            out.insert(sha(&std::fs::read(version?.path())?));
        }
    }
    Ok(out)
}

fn count_versions(dir: &Path) -> std::io::Result<usize> {
    let mut n = 0;
    for division in std::fs::read_dir(dir)? {
        n += std::fs::read_dir(division?.path())?.count();
    }
    Ok(n)
}

fn multipart(division: &str, bytes: &[u8]) -> (String, Vec<u8>) {
    let boundary = "----planmerge-load-boundary";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"division\"\r\n\r\n{division}\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"book.xlsx\"\r\n\r\n"
    )
    .into_bytes();
    body.extend(bytes);
    body.extend(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}
