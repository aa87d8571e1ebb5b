//! A small SMTP server for the mail tests, on 127.0.0.1 port 0, run on a thread of the test
//! itself: it speaks just enough SMTP for lettre (EHLO with AUTH PLAIN, AUTH, MAIL, RCPT, DATA,
//! RSET, NOOP, QUIT), records what it receives, and can refuse the login (535) or a recipient
//! (550). With [`Encryption`] it speaks STARTTLS or TLS from the first byte (rustls, with a
//! certificate made for the test by rcgen). It serves connections until dropped, and at most for
//! `LIFETIME`.

use rustls::pki_types::PrivateKeyDer;
use rustls::{ServerConfig, ServerConnection, StreamOwned};
use std::io::{BufRead, BufReader, Read, Write};
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

/// How the server protects the connection.
#[derive(Debug, Clone)]
pub enum Encryption {
    /// Plain text, no STARTTLS offered.
    None,
    /// Plain text, STARTTLS offered and honoured.
    StartTls(Arc<ServerConfig>),
    /// TLS from the first byte.
    Tls(Arc<ServerConfig>),
}

/// A certificate for 127.0.0.1 made for one test: the PEM to trust (the client's
/// `SSL_CERT_FILE`) and the server's TLS configuration.
pub fn test_certificate() -> (String, Arc<ServerConfig>) {
    let certified =
        rcgen::generate_simple_self_signed(vec!["127.0.0.1".to_string()]).expect("certificate");
    let key = PrivateKeyDer::Pkcs8(certified.signing_key.serialize_der().into());
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("TLS versions")
        .with_no_client_auth()
        .with_single_cert(vec![certified.cert.der().clone()], key)
        .expect("server certificate");
    (certified.cert.pem(), Arc::new(config))
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
    /// Whether it came over TLS.
    pub encrypted: bool,
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
        Self::start_with(behaviour, Encryption::None)
    }

    /// Starts a server that protects connections as `encryption` says.
    pub fn start_with(behaviour: Behaviour, encryption: Encryption) -> Self {
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
                        let _ = serve(stream, &encryption, &behaviour, &log);
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

/// One connection: TLS first if asked, the SMTP session, and the session again over TLS after
/// STARTTLS.
fn serve(
    stream: TcpStream,
    encryption: &Encryption,
    behaviour: &Behaviour,
    log: &Mutex<Vec<Received>>,
) -> std::io::Result<()> {
    stream.set_nonblocking(false)?;
    stream.set_read_timeout(Some(Duration::from_secs(20)))?;
    let mut state = State {
        behaviour,
        log,
        current: Received::default(),
        auth: None,
    };
    let greeting = b"220 planmerge-test ESMTP\r\n";
    match encryption {
        Encryption::None => {
            let mut reader = BufReader::new(stream);
            reader.get_mut().write_all(greeting)?;
            session(&mut reader, &mut state, false, false).map(|_| ())
        }
        Encryption::Tls(config) => {
            let mut reader = BufReader::new(tls(stream, config)?);
            reader.get_mut().write_all(greeting)?;
            session(&mut reader, &mut state, false, true).map(|_| ())
        }
        Encryption::StartTls(config) => {
            let mut reader = BufReader::new(stream);
            reader.get_mut().write_all(greeting)?;
            if session(&mut reader, &mut state, true, false)? {
                // The client waited for our 220 before its ClientHello: nothing is buffered.
                let mut reader = BufReader::new(tls(reader.into_inner(), config)?);
                session(&mut reader, &mut state, false, true)?;
            }
            Ok(())
        }
    }
}

/// The server side of TLS over `stream`.
fn tls(
    stream: TcpStream,
    config: &Arc<ServerConfig>,
) -> std::io::Result<StreamOwned<ServerConnection, TcpStream>> {
    let connection = ServerConnection::new(config.clone()).map_err(std::io::Error::other)?;
    Ok(StreamOwned::new(connection, stream))
}

/// What a session remembers between commands.
struct State<'a> {
    behaviour: &'a Behaviour,
    log: &'a Mutex<Vec<Received>>,
    current: Received,
    auth: Option<String>,
}

/// Commands until QUIT or the end of the stream (false), or until STARTTLS when
/// `offer_starttls` (true: the caller goes on over TLS).
fn session<S: Read + Write>(
    reader: &mut BufReader<S>,
    state: &mut State<'_>,
    offer_starttls: bool,
    encrypted: bool,
) -> std::io::Result<bool> {
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 {
            return Ok(false);
        }
        let command = line.trim_end().to_string();
        let upper = command.to_ascii_uppercase();
        let reply: String = if upper.starts_with("EHLO") {
            let offer = if offer_starttls {
                "250-STARTTLS\r\n"
            } else {
                ""
            };
            format!("250-planmerge-test\r\n{offer}250-AUTH PLAIN LOGIN\r\n250 8BITMIME\r\n")
        } else if upper == "STARTTLS" && offer_starttls {
            reader
                .get_mut()
                .write_all(b"220 2.0.0 ready to start TLS\r\n")?;
            return Ok(true);
        } else if upper.starts_with("HELO") || upper.starts_with("NOOP") {
            "250 ok\r\n".into()
        } else if upper.starts_with("AUTH") {
            match state.behaviour {
                Behaviour::RefuseLogin => "535 5.7.8 authentication credentials invalid\r\n".into(),
                _ => {
                    let encoded = command.split_whitespace().nth(2).unwrap_or("");
                    let decoded = base64_decode(encoded);
                    state.auth = Some(String::from_utf8_lossy(&decoded).into_owned());
                    "235 2.7.0 authenticated\r\n".into()
                }
            }
        } else if upper.starts_with("MAIL FROM:") {
            state.current = Received {
                mail_from: address(&command),
                auth: state.auth.clone(),
                encrypted,
                ..Received::default()
            };
            "250 ok\r\n".into()
        } else if upper.starts_with("RCPT TO:") {
            let to = address(&command);
            match state.behaviour {
                Behaviour::RejectRecipient(bad) if *bad == to => {
                    format!("550 5.1.1 <{to}>: recipient unknown\r\n")
                }
                _ => {
                    state.current.rcpt_to.push(to);
                    "250 ok\r\n".into()
                }
            }
        } else if upper == "DATA" {
            reader
                .get_mut()
                .write_all(b"354 end with <CRLF>.<CRLF>\r\n")?;
            state.current.data = read_data(reader)?;
            let received = std::mem::take(&mut state.current);
            state.log.lock().expect("lock").push(received);
            "250 2.0.0 queued\r\n".into()
        } else if upper == "RSET" {
            state.current = Received::default();
            "250 ok\r\n".into()
        } else if upper == "QUIT" {
            reader.get_mut().write_all(b"221 bye\r\n")?;
            reader.get_mut().flush()?;
            return Ok(false);
        } else {
            "502 command not implemented\r\n".into()
        };
        reader.get_mut().write_all(reply.as_bytes())?;
        reader.get_mut().flush()?;
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
