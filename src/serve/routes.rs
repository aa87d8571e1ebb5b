//! The routes: pages (`/`, `/upload`, `/status`, `/summary`, `/template/…`, `/login`), the API
//! for scripts (`/api/upload`, `/api/status`, `/api/summary.xlsx`), the two static files, and
//! the headers and limits every answer carries.
// A refusal is an HTTP answer, returned as it is made; boxing each would add noise, not speed.
#![allow(clippy::result_large_err)]

mod api;
mod downloads;
mod upload;

use api::{api_status, api_summary, api_upload};
use downloads::{summary_download, template_chosen, template_download};
use upload::upload;

use super::access::{Role, same_token};
use super::inbox::{division_name, spreadsheet_kind};
use super::pages::{self, DivisionRow};
use super::{App, Standing, counts};
use crate::output::{JsonPrevious, JsonReport, JsonSummary};
use crate::write::{Summary, SummaryBook};
use axum::Router;
use axum::body::Bytes;
use axum::extract::{
    ConnectInfo, DefaultBodyLimit, Form, Multipart, Path as UrlPath, Query, Request, State,
};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;

type AppState = State<Arc<App>>;

/// Every route, with the headers and the body limit.
pub fn router(app: Arc<App>) -> Router {
    // The body may be a little over the file itself (the multipart framing and fields).
    let body_limit = app.limit + 64 * 1024;
    let timeout = std::time::Duration::from_secs(app.config.serve.request_timeout_secs.max(1));
    let limited = axum::middleware::from_fn_with_state(Arc::clone(&app), rate_limit);
    Router::new()
        .route("/", get(upload_page))
        // A result page reloaded or its address pasted: back to where the form is.
        .route("/upload", post(upload).get(|| async { Redirect::to("/") }))
        .route("/status", get(status_page))
        .route(
            "/summary",
            post(summary_download).get(|| async { Redirect::to("/status") }),
        )
        .route("/logout", get(logout))
        .route("/template", get(template_chosen))
        .route("/template/{division}", get(template_download))
        .route("/login", get(login_page).post(login))
        .route("/api/upload", post(api_upload))
        .route("/api/status", get(api_status))
        .route("/api/summary.xlsx", get(api_summary))
        .route(
            "/static/style.css",
            get(|| async { text("text/css", pages::STYLE) }),
        )
        .route(
            "/static/app.js",
            get(|| async { text("text/javascript", pages::SCRIPT) }),
        )
        .fallback(|| async {
            refuse(StatusCode::NOT_FOUND, "ไม่พบหน้านี้ · no such page")
        })
        .layer(DefaultBodyLimit::max(body_limit))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            timeout,
        ))
        .layer(axum::middleware::map_response_with_state(
            Arc::clone(&app),
            in_words,
        ))
        .layer(limited)
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'self'"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ))
        .with_state(app)
}

/// An answer the framework gives without a body (a request too slow, a method not taken) as
/// a page in words, so the browser shows Thai rather than a blank page or its own English.
async fn in_words(State(app): AppState, response: Response) -> Response {
    use axum::body::HttpBody;
    let status = response.status();
    if !status.is_client_error() && !status.is_server_error() {
        return response;
    }
    if response.body().size_hint().exact() != Some(0) {
        return response;
    }
    let too_large = too_large(&app);
    let message = match status {
        StatusCode::REQUEST_TIMEOUT => {
            "ส่งช้าเกินเวลาที่กำหนด (เครือข่ายช้าหรือไฟล์ใหญ่) — ลองส่งใหม่ หรือส่งจากเครื่องที่เครือข่ายเร็วกว่า · \
             the request took too long: send again"
        }
        StatusCode::METHOD_NOT_ALLOWED => {
            "หน้านี้เปิดแบบนี้ไม่ได้ — กลับไปหน้าส่งไฟล์ · not available this way"
        }
        StatusCode::PAYLOAD_TOO_LARGE => too_large.as_str(),
        _ => "ทำรายการไม่สำเร็จ — ลองใหม่อีกครั้ง · the request failed, try again",
    };
    refuse(status, message)
}

/// A file over the upload limit, said with the limit and what to do.
fn too_large(app: &App) -> String {
    let mib = app.config.serve.upload_limit_mib;
    format!(
        "ไฟล์ใหญ่เกินกำหนด (ไม่เกิน {mib} MiB) — ลบแผ่นงาน รูปภาพ หรือแถวว่างที่ไม่ใช้ออก บันทึกเป็น .xlsx แล้วส่งใหม่ \
         (ถ้ายังใหญ่ ส่งให้ผู้ประสานงานทางอื่น) · the file is over the {mib} MiB limit: remove unused sheets, pictures \
         or blank rows, save it as .xlsx and send again (still too large: give it to the coordinator another way)"
    )
}

/// Refuses a request beyond its address's rate (429), before any work is done for it.
async fn rate_limit(
    State(app): AppState,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    request: Request,
    next: Next,
) -> Response {
    if app.rate.allow(peer.ip()) {
        next.run(request).await
    } else {
        refuse(
            StatusCode::TOO_MANY_REQUESTS,
            "ส่งคำขอถี่เกินไป รอสักครู่แล้วลองใหม่ · too many requests: wait a moment",
        )
    }
}

fn text(kind: &'static str, body: &'static str) -> Response {
    ([(header::CONTENT_TYPE, kind)], body).into_response()
}

/// An error page with its status (no stack trace, ever).
fn refuse(status: StatusCode, message: &str) -> Response {
    (status, Html(pages::error(message).into_string())).into_response()
}

const SESSION_COOKIE: &str = "pm_session";

fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

/// The page session of a request: the cookie's, or — on this machine only, where everyone is
/// the coordinator — a new one (with the cookie to set).
fn session(app: &App, headers: &HeaderMap) -> Option<(super::access::Session, Option<String>)> {
    if let Some(s) = cookie(headers, SESSION_COOKIE).and_then(|id| app.sessions.get(&id)) {
        return Some((s, None));
    }
    if app.codes.is_none() {
        let id = app.sessions.start(Role::Coordinator);
        let s = app.sessions.get(&id)?;
        return Some((s, Some(id)));
    }
    None
}

fn set_cookie(response: &mut Response, id: &str) {
    let value = format!("{SESSION_COOKIE}={id}; Path=/; HttpOnly; SameSite=Strict");
    if let Ok(value) = HeaderValue::from_str(&value) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
}

fn with_cookie(mut response: Response, new: Option<String>) -> Response {
    if let Some(id) = new {
        set_cookie(&mut response, &id);
    }
    response
}

async fn upload_page(State(app): AppState, headers: HeaderMap) -> Response {
    let Some((s, new)) = session(&app, &headers) else {
        return Redirect::to("/login").into_response();
    };
    let known = app.divisions(&app.current().0);
    let page = pages::upload_form(
        s.role.into(),
        &s.csrf,
        &app.config.divisions,
        &known,
        app.previous.is_some(),
    );
    with_cookie(Html(page.into_string()).into_response(), new)
}

async fn login_page() -> Response {
    Html(pages::login(None).into_string()).into_response()
}

/// Ends the page session and asks for the code again (a coordinator on a colleague's PC).
async fn logout(State(app): AppState, headers: HeaderMap) -> Response {
    if let Some(id) = cookie(&headers, SESSION_COOKIE) {
        app.sessions.end(&id);
    }
    let mut response = Redirect::to("/login").into_response();
    let expired = format!("{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
    if let Ok(value) = HeaderValue::from_str(&expired) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

/// Whether a form was sent from this site's own page: a browser names the page's origin, and
/// another site's page may not log a browser in here (a missing Origin, from tools, is let be).
fn same_origin(headers: &HeaderMap) -> bool {
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return true;
    };
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    let origin_host = origin.split_once("://").map_or(origin, |(_, rest)| rest);
    host.is_some_and(|h| h.eq_ignore_ascii_case(origin_host))
}

async fn login(
    State(app): AppState,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    if !same_origin(&headers) {
        return refuse(
            StatusCode::FORBIDDEN,
            "เข้าใช้ได้จากหน้านี้เท่านั้น · log in from this site's own page",
        );
    }
    let code = form.get("code").map(String::as_str).unwrap_or_default();
    let role = match &app.codes {
        Some(codes) => codes.role(code),
        None => Some(Role::Coordinator),
    };
    let Some(role) = role else {
        let page = pages::login(Some("รหัสไม่ถูกต้อง · wrong code"));
        return (StatusCode::UNAUTHORIZED, Html(page.into_string())).into_response();
    };
    let id = app.sessions.start(role);
    let target = if role == Role::Coordinator {
        "/status"
    } else {
        "/"
    };
    let mut response = Redirect::to(target).into_response();
    set_cookie(&mut response, &id);
    response
}

/// The role a page request has, or the refusal.
fn page_role(app: &App, headers: &HeaderMap) -> Result<super::access::Session, Response> {
    match session(app, headers) {
        Some((s, _)) => Ok(s),
        None => Err(Redirect::to("/login").into_response()),
    }
}

async fn status_page(State(app): AppState, headers: HeaderMap) -> Response {
    let (s, new) = match session(&app, &headers) {
        Some(found) => found,
        None => return Redirect::to("/login").into_response(),
    };
    if s.role != Role::Coordinator {
        return refuse(
            StatusCode::FORBIDDEN,
            "หน้านี้สำหรับผู้ประสานงาน · for the coordinator only",
        );
    }
    let app2 = Arc::clone(&app);
    let Ok(standing) = tokio::task::spawn_blocking(move || app2.standing()).await else {
        return refuse(
            StatusCode::INTERNAL_SERVER_ERROR,
            "อ่านไฟล์ไม่ได้ · cannot read the files",
        );
    };
    let (current, merged, totals) = (&standing.current, &standing.merged, &standing.totals);
    let divisions = app.divisions(current);
    let rows = division_rows(&standing, &divisions);
    let since = app
        .previous
        .as_ref()
        .map(|p| crate::write::since_previous(p, totals));
    let page = pages::status(
        &s.csrf,
        &rows,
        (totals, merged.errors()),
        since.as_deref(),
        (&standing.summaries, &standing.unfilled),
    );
    with_cookie(Html(page.into_string()).into_response(), new)
}

/// One row per division of the report as it stands: sent or not, when, rows, errors, warnings,
/// projects counted, and its issues — of every file it has (the one it sent, and any in the
/// round folder itself, named).
fn division_rows<'a>(standing: &'a Standing, names: &'a [String]) -> Vec<DivisionRow<'a>> {
    let merged = &standing.merged;
    names
        .iter()
        .map(|name| {
            let files: Vec<&super::inbox::Current> = standing
                .current
                .iter()
                .filter(|c| c.division == *name)
                .collect();
            let shown: Vec<String> = files.iter().map(|c| c.path.display().to_string()).collect();
            let issues: Vec<&crate::issue::Issue> = merged
                .issues
                .iter()
                .filter(|i| shown.iter().any(|s| **s == *i.location.file))
                .collect();
            let inputs = merged.inputs.iter().filter(|i| shown.contains(&i.file));
            let (rows, counted) = inputs.fold((0, 0), |(r, c), i| (r + i.rows, c + i.counted));
            let (errors, warnings) = counts(&issues);
            let in_folder = files
                .iter()
                .filter(|c| c.origin == super::inbox::Origin::Folder)
                .map(|c| super::round::names(std::slice::from_ref(&c.path)))
                .collect();
            DivisionRow {
                name,
                when: files.iter().map(|c| c.received).max().map(thai_time),
                rows,
                errors,
                warnings,
                counted,
                issues,
                in_folder,
            }
        })
        .collect()
}

/// `2022-04-21 15:30`, Thai time, for seconds since the epoch: the clock on the office wall.
fn thai_time(secs: u64) -> String {
    crate::schema::time::thai_time(secs)
        .get(..16)
        .unwrap_or_default()
        .replace('T', " ")
}
