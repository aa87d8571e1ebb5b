//! Sending one message through the configured SMTP server, with lettre's SMTP client (no SMTP
//! is spoken here). One connection, step by step — connect, STARTTLS, login, envelope and data —
//! so a failure names its step: the server cannot be reached, TLS failed, the login was
//! refused, or the server rejected a recipient or the message.

use crate::config::mail::{MailConfig, TlsMode};
use crate::mail::MailError;
use lettre::Message;
use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{SmtpConnection, TlsParameters};
use lettre::transport::smtp::extension::ClientId;
use std::time::Duration;

/// How long to wait for the server at each step.
const TIMEOUT: Duration = Duration::from_secs(30);

/// Sends `message` to its envelope's recipients; `password` is used when a username is set.
pub fn send(mail: &MailConfig, password: Option<&str>, message: &Message) -> Result<(), MailError> {
    let server = format!("{}:{}", mail.smtp_host, mail.smtp_port);
    let tls = |detail: String| MailError::Tls {
        server: server.clone(),
        detail,
    };
    let hello = ClientId::default();
    let parameters = match mail.tls {
        TlsMode::None => None,
        TlsMode::Starttls | TlsMode::Tls => {
            Some(TlsParameters::new(mail.smtp_host.clone()).map_err(|e| tls(e.to_string()))?)
        }
    };
    let wrapper = parameters.as_ref().filter(|_| mail.tls == TlsMode::Tls);
    let address = (mail.smtp_host.as_str(), mail.smtp_port);
    let mut connection = SmtpConnection::connect(address, Some(TIMEOUT), &hello, wrapper, None)
        .map_err(|e| connect_error(&server, mail.tls, &e))?;
    if let (TlsMode::Starttls, Some(parameters)) = (mail.tls, &parameters) {
        if !connection.can_starttls() {
            connection.abort();
            return Err(tls("the server does not offer STARTTLS".into()));
        }
        connection
            .starttls(parameters, &hello)
            .map_err(|e| tls(e.to_string()))?;
    }
    if let Some(user) = &mail.username {
        let credentials = Credentials::new(user.clone(), password.unwrap_or("").to_string());
        if let Err(e) = connection.auth(&[Mechanism::Plain, Mechanism::Login], &credentials) {
            connection.abort();
            return Err(MailError::LoginRefused {
                user: user.clone(),
                server,
                detail: e.to_string(),
            });
        }
    }
    if let Err(e) = connection.send(message.envelope(), &message.formatted()) {
        connection.abort();
        return Err(if e.status().is_some() {
            MailError::Rejected {
                server,
                detail: e.to_string(),
            }
        } else {
            MailError::Unreachable {
                server,
                detail: e.to_string(),
            }
        });
    }
    // The message is accepted; a failed goodbye changes nothing.
    let _ = connection.quit();
    Ok(())
}

/// A failure before the server greeted us: TLS, a refusal in the greeting, or no connection.
fn connect_error(server: &str, mode: TlsMode, e: &lettre::transport::smtp::Error) -> MailError {
    let (server, detail) = (server.to_string(), e.to_string());
    if e.is_tls() || (mode == TlsMode::Tls && is_bad_data(e)) {
        MailError::Tls { server, detail }
    } else if e.status().is_some() {
        MailError::Rejected { server, detail }
    } else {
        MailError::Unreachable { server, detail }
    }
}

/// True when the connection was made but what came back did not decode: with TLS from the first
/// byte, a failed handshake (a plain-text server, an untrusted certificate) surfaces in lettre
/// as an I/O error of kind `InvalidData` on reading the greeting.
fn is_bad_data(e: &lettre::transport::smtp::Error) -> bool {
    let mut source = std::error::Error::source(e);
    while let Some(error) = source {
        if let Some(io) = error.downcast_ref::<std::io::Error>()
            && io.kind() == std::io::ErrorKind::InvalidData
        {
            return true;
        }
        source = error.source();
    }
    false
}
