//! A small SMTP server for the mail tests, on 127.0.0.1 port 0, run on a thread of the test
//! itself: it speaks just enough SMTP for lettre (EHLO with AUTH PLAIN, AUTH, MAIL, RCPT, DATA,
//! RSET, NOOP, QUIT), records what it receives, and can refuse the login (535) or a recipient
//! (550). It serves connections until dropped, and at most for `LIFETIME`.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// The server stops by itself after this long, whatever happens.
const LIFETIME: Duration = Duration::from_secs(120);

/// How the server answers.
#[derive(Debug, Clone)]
pub enum Behaviour {
    /// Accept every login, recipient and message.
    Accept,
    /// Answer every AUTH with 535.
    RefuseLogin,
    /// Answer RCPT TO for this address with 550.
    RejectRecipient(String),
}

/// One message received.
#[derive(Debug, Clone, Default)]
pub struct Received {
    /// The envelope sender.
    pub mail_from: String,
    /// The envelope recipients accepted.
    pub rcpt_to: Vec<String>,
    /// The decoded AUTH PLAIN credentials (`\0user\0password`), if any.
    pub auth: Option<String>,
    /// The message as sent after DATA (dot-stuffing removed).
    pub data: Vec<u8>,
}

/// A running test server.
pub struct SmtpServer {
    port: u16,
    received: Arc<Mutex<Vec<Received>>>,
    stop: Arc<AtomicBool>,
    handle: Option<JoinHandle<()>>,
}

impl SmtpServer {
    /// Starts a server on 127.0.0.1, port chosen by the system.
    pub fn start(behaviour: Behaviour) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        let port = listener.local_addr().expect("local addr").port();
        listener.set_nonblocking(true).expect("nonblocking");
        let received = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let (log, flag) = (received.clone(), stop.clone());
        let handle = std::thread::spawn(move || {
            let started = Instant::now();
            while !flag.load(Ordering::Relaxed) && started.elapsed() < LIFETIME {
                match listener.accept() {
                    Ok((stream, _)) => {
                        let _ = serve(stream, &behaviour, &log);
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(10)),
                }
            }
        });
        SmtpServer {
            port,
            received,
            stop,
            handle: Some(handle),
        }
    }

    /// The port it listens on.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// Every message received so far.
    pub fn received(&self) -> Vec<Received> {
        self.received.lock().expect("lock").clone()
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(handle) = self.handle.take() {
            let _ = handle.join();
        }
    }
}

/// One SMTP session.
fn serve(
    stream: TcpStream,
    behaviour: &Behaviour,
    log: &Mutex<Vec<Received>>,
) -> std::io::Result<()> {
    stream.set_nonblocking(false)?;
    stream.set_read_timeout(Some(Duration::from_secs(20)))?;
    let mut out = stream.try_clone()?;
    let mut reader = BufReader::new(stream);
    let mut current = Received::default();
    let mut auth = None;
    out.write_all(b"220 planmerge-test ESMTP\r\n")?;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 {
            return Ok(());
        }
        let command = line.trim_end().to_string();
        let upper = command.to_ascii_uppercase();
        let reply: String = if upper.starts_with("EHLO") {
            "250-planmerge-test\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME\r\n".into()
        } else if upper.starts_with("HELO") || upper.starts_with("NOOP") {
            "250 ok\r\n".into()
        } else if upper.starts_with("AUTH") {
            match behaviour {
                Behaviour::RefuseLogin => "535 5.7.8 authentication credentials invalid\r\n".into(),
                _ => {
                    let encoded = command.split_whitespace().nth(2).unwrap_or("");
                    auth = Some(String::from_utf8_lossy(&base64_decode(encoded)).into_owned());
                    "235 2.7.0 authenticated\r\n".into()
                }
            }
        } else if upper.starts_with("MAIL FROM:") {
            current = Received {
                mail_from: address(&command),
                auth: auth.clone(),
                ..Received::default()
            };
            "250 ok\r\n".into()
        } else if upper.starts_with("RCPT TO:") {
            let to = address(&command);
            match behaviour {
                Behaviour::RejectRecipient(bad) if *bad == to => {
                    format!("550 5.1.1 <{to}>: recipient unknown\r\n")
                }
                _ => {
                    current.rcpt_to.push(to);
                    "250 ok\r\n".into()
                }
            }
        } else if upper == "DATA" {
            out.write_all(b"354 end with <CRLF>.<CRLF>\r\n")?;
            current.data = read_data(&mut reader)?;
            log.lock().expect("lock").push(std::mem::take(&mut current));
            "250 2.0.0 queued\r\n".into()
        } else if upper == "RSET" {
            current = Received::default();
            "250 ok\r\n".into()
        } else if upper == "QUIT" {
            out.write_all(b"221 bye\r\n")?;
            return Ok(());
        } else {
            "502 command not implemented\r\n".into()
        };
        out.write_all(reply.as_bytes())?;
    }
}

/// The message after DATA, up to the line holding only a dot; leading dots unstuffed.
fn read_data(reader: &mut impl BufRead) -> std::io::Result<Vec<u8>> {
    let mut data = Vec::new();
    loop {
        let mut line = Vec::new();
        if reader.read_until(b'\n', &mut line)? == 0 || line == b".\r\n" {
            return Ok(data);
        }
        let line = line.strip_prefix(b".").unwrap_or(&line);
        data.extend_from_slice(line);
    }
}

/// `x@y` from `MAIL FROM:<x@y> SIZE=…` or `RCPT TO:<x@y>`.
fn address(command: &str) -> String {
    let start = command.find('<').map_or(0, |i| i + 1);
    let end = command.find('>').unwrap_or(command.len());
    command.get(start..end).unwrap_or("").to_string()
}

/// Standard base64, padding optional.
fn base64_decode(text: &str) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = Vec::new();
    let (mut buffer, mut bits) = (0u32, 0);
    for byte in text.bytes().filter(|b| *b != b'=') {
        let Some(value) = ALPHABET.iter().position(|a| *a == byte) else {
            continue;
        };
        buffer = buffer << 6 | value as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
        }
    }
    out
}

#[test]
fn base64_decodes_auth_plain() {
    assert_eq!(base64_decode("AHVzZXIAcGFzcw=="), b"\0user\0pass");
}
