//! The routes: pages (`/`, `/upload`, `/status`, `/summary`, `/template/…`, `/login`), the API
//! for scripts (`/api/upload`, `/api/status`, `/api/summary.xlsx`), the two static files, and
//! the headers and limits every answer carries.
// A refusal is an HTTP answer, returned as it is made; boxing each would add noise, not speed.
#![allow(clippy::result_large_err)]

use super::access::{Role, same_token};
use super::inbox::{division_name, spreadsheet_kind};
use super::pages::{self, DivisionRow};
use super::{App, Checked, Standing, counts};
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
        .layer(axum::middleware::map_response(in_words))
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
async fn in_words(response: Response) -> Response {
    use axum::body::HttpBody;
    let status = response.status();
    if !status.is_client_error() && !status.is_server_error() {
        return response;
    }
    if response.body().size_hint().exact() != Some(0) {
        return response;
    }
    let message = match status {
        StatusCode::REQUEST_TIMEOUT => {
            "ส่งช้าเกินเวลาที่กำหนด (เครือข่ายช้าหรือไฟล์ใหญ่) — ลองส่งใหม่ หรือส่งจากเครื่องที่เครือข่ายเร็วกว่า · \
             the request took too long: send again"
        }
        StatusCode::METHOD_NOT_ALLOWED => {
            "หน้านี้เปิดแบบนี้ไม่ได้ — กลับไปหน้าส่งไฟล์ · not available this way"
        }
        StatusCode::PAYLOAD_TOO_LARGE => "ไฟล์ใหญ่เกินกำหนด · the file is too large",
        _ => "ทำรายการไม่สำเร็จ — ลองใหม่อีกครั้ง · the request failed, try again",
    };
    refuse(status, message)
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
    let known = app.divisions(&app.inbox.current());
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

/// An upload's fields, read with the body limit applied.
struct Upload {
    csrf: Option<String>,
    division: Option<String>,
    file: Option<Bytes>,
    /// The file's name on the sender's computer (never used to store it; see [`accept`]).
    file_name: Option<String>,
}

async fn read_upload(mut multipart: Multipart) -> Result<Upload, Response> {
    let mut upload = Upload {
        csrf: None,
        division: None,
        file: None,
        file_name: None,
    };
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(e) => return Err(body_refused(e.status())),
        };
        let name = field.name().unwrap_or_default().to_string();
        if name == "file" {
            upload.file_name = field.file_name().map(str::to_string);
        }
        let value = field.bytes().await.map_err(|e| body_refused(e.status()))?;
        match name.as_str() {
            "csrf" => upload.csrf = Some(String::from_utf8_lossy(&value).into_owned()),
            "division" => upload.division = Some(String::from_utf8_lossy(&value).into_owned()),
            "file" => upload.file = Some(value),
            _ => {}
        }
    }
    Ok(upload)
}

fn body_refused(status: StatusCode) -> Response {
    if status == StatusCode::PAYLOAD_TOO_LARGE {
        refuse(status, "ไฟล์ใหญ่เกินกำหนด · the file is too large")
    } else {
        refuse(
            StatusCode::BAD_REQUEST,
            "ส่งข้อมูลไม่ครบ · the upload is incomplete",
        )
    }
}

/// An upload checked: its division, what the check says, and whether it was kept (a file in
/// which no project is counted, an empty form or a file that cannot be read, is not: it would
/// displace the division's file sent before).
struct Accepted {
    division: String,
    checked: Checked,
    kept: bool,
}

/// Checks an upload's division and content and keeps it when it holds projects; the check
/// result, or the refusal.
async fn accept(app: &Arc<App>, upload: Upload) -> Result<Accepted, Response> {
    let typed = upload.division.unwrap_or_default();
    let Some(division) = division_name(&typed) else {
        return Err(refuse(
            StatusCode::BAD_REQUEST,
            "ชื่อกองไม่ถูกต้อง (ห้ามเว้นว่าง ยาวเกิน 60 ตัวอักษร หรือมี / \\ : * ? \" < > |) · invalid division name",
        ));
    };
    if !app.config.divisions.is_empty() && !app.config.divisions.contains(&division) {
        return Err(refuse(
            StatusCode::BAD_REQUEST,
            "ไม่มีกองนี้ในรายชื่อ · unknown division",
        ));
    }
    // Typed, not picked: a name a known division's begins with (`กองการศึกษาฯ` for กองการศึกษา
    // ศาสนาและวัฒนธรรม) would start a division of its own, its file compared with nothing.
    let known = app.divisions(&app.inbox.current());
    if app.config.divisions.is_empty()
        && let Some(meant) = near_division(&division, &known)
    {
        return Err(refuse(
            StatusCode::BAD_REQUEST,
            &format!(
                "ไม่มีกอง \"{division}\" — หมายถึง \"{meant}\" หรือไม่? เลือกชื่อจากรายการ แล้วส่งใหม่ (ไม่ได้เก็บไฟล์นี้) · \
                 no division \"{division}\"; did you mean \"{meant}\"? pick it from the list and send again (not kept)"
            ),
        ));
    }
    let chosen = upload.file_name.as_deref().filter(|n| !n.is_empty());
    let Some(bytes) = upload.file.filter(|b| !b.is_empty()) else {
        let message = match chosen {
            Some(_) => {
                "ไฟล์ว่างเปล่า (0 ไบต์) — เปิดไฟล์ใน Excel บันทึกใหม่ แล้วส่งอีกครั้ง · the file is empty (0 bytes): save it again from Excel and send it"
            }
            None => "ยังไม่ได้เลือกไฟล์ · no file chosen",
        };
        return Err(refuse(StatusCode::BAD_REQUEST, message));
    };
    if let Some(other) = chosen.and_then(|name| another_division(&known, name, &division)) {
        return Err(refuse(
            StatusCode::CONFLICT,
            &format!(
                "ไฟล์ที่เลือกชื่อ \"{name}\" เป็นของ{other} แต่เลือกส่งในนาม{division} — \
                 เลือกกองให้ตรงกับไฟล์ แล้วส่งใหม่ (ไม่ได้เก็บไฟล์นี้) · the file \"{name}\" is {other}'s, \
                 sent as {division}'s: choose the right division and send again (not kept)",
                name = chosen.unwrap_or_default()
            ),
        ));
    }
    if bytes.len() > app.limit {
        return Err(refuse(
            StatusCode::PAYLOAD_TOO_LARGE,
            "ไฟล์ใหญ่เกินกำหนด · the file is too large",
        ));
    }
    let Some(kind) = spreadsheet_kind(&bytes) else {
        // What it is instead, when that can be told: a web page, a PDF, a photo…
        let what = crate::read::what_it_is(&bytes).map_or(String::new(), |cause| {
            format!("{} · {} — ", cause.thai(), cause.english())
        });
        return Err(refuse(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            &format!(
                "{what}ไฟล์นี้ไม่ใช่ไฟล์ Excel หรือ ODS (ดูจากเนื้อไฟล์ ไม่ใช่ชื่อไฟล์) — บันทึกจาก Excel เป็น .xlsx แล้วส่งใหม่ · \
                 not a spreadsheet (judged by its content, not its name): save it from Excel as .xlsx"
            ),
        ));
    };
    let cannot_check = || {
        refuse(
            StatusCode::INTERNAL_SERVER_ERROR,
            "ตรวจไฟล์ไม่ได้ · cannot check the file",
        )
    };
    // Named as the sender named it: the issues point into the file they have.
    let shown = chosen
        .and_then(|name| std::path::Path::new(name).file_name())
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| format!("{division}.{kind}"));
    let (app2, division2, bytes2) = (Arc::clone(app), division.clone(), bytes.clone());
    let checked = tokio::task::spawn_blocking(move || {
        app2.check_division(&division2, &shown, kind, bytes2.to_vec())
    })
    .await
    .map_err(|_| cannot_check())?;
    if checked.projects.is_empty() {
        return Ok(Accepted {
            division,
            checked,
            kept: false,
        });
    }
    let app3 = Arc::clone(app);
    let division3 = division.clone();
    let stored = tokio::task::spawn_blocking(move || {
        let path = {
            let _guard = app3.store.blocking_lock();
            app3.inbox.store(&division3, kind, &bytes)
        };
        path.map(|path| {
            let mut checked = checked;
            app3.add_cross_file_issues(&mut checked, &path);
            checked
        })
    })
    .await
    .map_err(|_| cannot_check())?;
    match stored {
        Ok(checked) => Ok(Accepted {
            division,
            checked,
            kept: true,
        }),
        Err(_) => Err(refuse(
            StatusCode::INTERNAL_SERVER_ERROR,
            "เก็บไฟล์ไม่ได้ · cannot keep the file",
        )),
    }
}

/// The known division `typed` is another form of, when it is none of them itself: a known
/// name begins with it (or is it), once spaces and a closing ฯ are set aside (`สำนักปลัดฯ`). (A longer new name,
/// `กองช่างสุขาภิบาล` beside กองช่าง, is a division of its own.)
fn near_division(typed: &str, known: &[String]) -> Option<String> {
    use crate::schema::text::normalize;
    if known.iter().any(|k| k == typed) {
        return None;
    }
    let bare = |name: &str| normalize(name).trim_end_matches('ฯ').to_string();
    let mine = bare(typed);
    if mine.chars().count() < 4 {
        return None;
    }
    known.iter().find(|k| bare(k).starts_with(&mine)).cloned()
}

/// The division a file's own name says it is, when that is another than `division`: a file
/// named `สำนักปลัด.xlsx` sent as กองคลัง's would replace กองคลัง's file with สำนักปลัด's
/// projects. Only the divisions `known` (report.toml's, else the previous round's, and those
/// that have sent) are named.
fn another_division(known: &[String], file_name: &str, division: &str) -> Option<String> {
    let file = std::path::Path::new(file_name);
    let mine = crate::schema::text::normalize(division);
    if crate::schema::text::normalize(&crate::schema::division_of(file)).contains(mine.as_str()) {
        return None;
    }
    let named = crate::schema::division_listed(file, known);
    known.contains(&named).then_some(named)
}

async fn upload(State(app): AppState, headers: HeaderMap, multipart: Multipart) -> Response {
    let Some(s) = cookie(&headers, SESSION_COOKIE).and_then(|id| app.sessions.get(&id)) else {
        return refuse(
            StatusCode::FORBIDDEN,
            "หมดเวลาหรือไม่ได้เข้าใช้ — เปิดหน้าส่งไฟล์ใหม่ · no session: open the page again",
        );
    };
    let upload = match read_upload(multipart).await {
        Ok(upload) => upload,
        Err(response) => return response,
    };
    if !upload
        .csrf
        .as_deref()
        .is_some_and(|t| same_token(t, &s.csrf))
    {
        return refuse(
            StatusCode::FORBIDDEN,
            "แบบฟอร์มไม่ถูกต้อง — เปิดหน้าส่งไฟล์ใหม่ · invalid form token",
        );
    }
    match accept(&app, upload).await {
        Ok(Accepted {
            division,
            checked,
            kept,
        }) => {
            if kept && let Some(id) = cookie(&headers, SESSION_COOKIE) {
                app.sessions.record_sent(&id, &division);
            }
            // A score from the rows that passed would flatter a file with errors: none is shown.
            let totals = (checked.errors == 0)
                .then(|| crate::compute::compute(&checked.projects, &app.config));
            let page = pages::result(s.role.into(), &division, &checked, totals.as_ref(), kept);
            let status = match kept {
                true => StatusCode::OK,
                false => StatusCode::UNPROCESSABLE_ENTITY,
            };
            (status, Html(page.into_string())).into_response()
        }
        Err(response) => response,
    }
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
        .map(|p| crate::write::since_previous(&p.totals, totals));
    let page = pages::status(&s.csrf, &rows, totals, merged.errors(), since.as_deref());
    with_cookie(Html(page.into_string()).into_response(), new)
}

/// One row per division of the report as it stands: sent or not, when, rows, errors, warnings,
/// projects counted, and its issues.
fn division_rows<'a>(standing: &'a Standing, names: &'a [String]) -> Vec<DivisionRow<'a>> {
    let merged = &standing.merged;
    names
        .iter()
        .map(|name| {
            let file = standing.current.iter().find(|c| c.division == *name);
            let shown = file.map(|c| c.path.display().to_string());
            let issues: Vec<&crate::issue::Issue> = merged
                .issues
                .iter()
                .filter(|i| Some(&*i.location.file) == shown.as_deref())
                .collect();
            let input = merged
                .inputs
                .iter()
                .find(|i| Some(&i.file) == shown.as_ref());
            let (errors, warnings) = counts(&issues);
            DivisionRow {
                name,
                when: file.map(|c| thai_time(c.received)),
                rows: input.map_or(0, |i| i.rows),
                errors,
                warnings,
                counted: input.map_or(0, |i| i.counted),
                issues,
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

/// The summary workbook of every current file (a draft when there are errors), as bytes.
fn summary_bytes(app: &App) -> Result<(Vec<u8>, bool), String> {
    let Standing {
        merged,
        totals,
        changes,
        ..
    } = app.standing();
    let errors = merged.errors();
    let summary = Summary {
        config: &app.config,
        totals: &totals,
        inputs: &merged.inputs,
        issues: &merged.issues,
        errors,
        previous: app.previous.as_ref().map(|previous| crate::write::Rounds {
            previous,
            changes: &changes,
        }),
    };
    // Listed by division file, as `merge` lists them (they were read in the order received).
    let mut projects = merged.projects.clone();
    projects.sort_by(|a, b| a.source.file.cmp(&b.source.file));
    let book = SummaryBook::with_projects(&summary, projects).map_err(|e| e.to_string())?;
    let mut workbook = book.finish(&summary).map_err(|e| e.to_string())?;
    let bytes = workbook.save_to_buffer().map_err(|e| e.to_string())?;
    Ok((bytes, errors > 0))
}

/// A workbook to download, named `name`; `plain` is the ASCII name for a browser that does
/// not read the UTF-8 one (`summary.xlsx`, `form.xlsx`).
fn xlsx(bytes: Vec<u8>, name: &str, plain: &str) -> Response {
    let disposition = format!(
        "attachment; filename=\"{plain}\"; filename*=UTF-8''{}",
        pages::urlencode(name)
    );
    let mut response = (
        [(
            header::CONTENT_TYPE,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )],
        bytes,
    )
        .into_response();
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        response
            .headers_mut()
            .insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

async fn built_summary(app: &Arc<App>) -> Response {
    let app2 = Arc::clone(app);
    match tokio::task::spawn_blocking(move || summary_bytes(&app2)).await {
        Ok(Ok((bytes, draft))) => {
            let name = if draft {
                "ร่าง-สรุปผล.xlsx"
            } else {
                "สรุปผล.xlsx"
            };
            xlsx(bytes, name, "summary.xlsx")
        }
        _ => refuse(
            StatusCode::INTERNAL_SERVER_ERROR,
            "สร้างไฟล์สรุปไม่ได้ · cannot build the summary",
        ),
    }
}

async fn summary_download(
    State(app): AppState,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let s = match page_role(&app, &headers) {
        Ok(s) => s,
        Err(response) => return response,
    };
    let token_ok = form.get("csrf").is_some_and(|t| same_token(t, &s.csrf));
    if cookie(&headers, SESSION_COOKIE).is_none() || !token_ok {
        return refuse(StatusCode::FORBIDDEN, "แบบฟอร์มไม่ถูกต้อง · invalid form token");
    }
    if s.role != Role::Coordinator {
        return refuse(
            StatusCode::FORBIDDEN,
            "สำหรับผู้ประสานงาน · for the coordinator only",
        );
    }
    built_summary(&app).await
}

/// The upload page's "download the form" (a GET form, so it works without JavaScript): on to
/// `/template/<division>`.
async fn template_chosen(Query(query): Query<HashMap<String, String>>) -> Response {
    let division = query
        .get("division")
        .map(String::as_str)
        .unwrap_or_default();
    Redirect::to(&format!("/template/{}", pages::urlencode(division.trim()))).into_response()
}

async fn template_download(
    State(app): AppState,
    headers: HeaderMap,
    UrlPath(division): UrlPath<String>,
) -> Response {
    let Ok(session) = page_role(&app, &headers) else {
        return Redirect::to("/login").into_response();
    };
    let Some(division) = division_name(&division) else {
        return refuse(
            StatusCode::BAD_REQUEST,
            "ชื่อกองไม่ถูกต้อง · invalid division name",
        );
    };
    // A division's upload is shown to the coordinator and to the session that sent it; anyone
    // may have the previous round's projects (they were reported).
    let sees_upload = session.role == Role::Coordinator || session.sent.contains(&division);
    let app2 = Arc::clone(&app);
    let built = tokio::task::spawn_blocking(move || {
        let uploaded = sees_upload
            .then(|| app2.inbox.current())
            .into_iter()
            .flatten()
            .find(|c| c.division == division)
            .map(|c| {
                crate::read_and_validate_with(std::slice::from_ref(&c.path), &app2.options).projects
            });
        let spec = crate::template::TemplateSpec::new(Some(&app2.config), Some(&division));
        let spec = match uploaded {
            Some(projects) => spec.with_projects(projects),
            None => spec.with_projects_of(app2.previous.as_ref().map_or(&[], |p| &p.projects)),
        };
        let name = spec.default_file_name();
        crate::template::workbook(&spec)
            .and_then(|mut w| w.save_to_buffer())
            .map(|bytes| (bytes, name))
    })
    .await;
    match built {
        Ok(Ok((bytes, name))) => xlsx(bytes, &name, "form.xlsx"),
        _ => refuse(
            StatusCode::INTERNAL_SERVER_ERROR,
            "สร้างแบบฟอร์มไม่ได้ · cannot build the form",
        ),
    }
}

/// The role an API call has: it must say `X-Planmerge: 1` (a header a cross-site page cannot
/// send) and, off this machine, `Authorization: Bearer <code>`.
fn api_role(app: &App, headers: &HeaderMap) -> Result<Role, Response> {
    let marked = headers
        .get("x-planmerge")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim() == "1");
    if !marked {
        return Err(api_error(
            StatusCode::FORBIDDEN,
            "X-Planmerge: 1 is required",
        ));
    }
    let Some(codes) = &app.codes else {
        return Ok(Role::Coordinator);
    };
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    bearer.and_then(|code| codes.role(code)).ok_or_else(|| {
        api_error(
            StatusCode::UNAUTHORIZED,
            "an access code is required (Authorization: Bearer <code>)",
        )
    })
}

fn api_error(status: StatusCode, message: &str) -> Response {
    (
        status,
        axum::Json(serde_json::json!({ "ok": false, "error": message })),
    )
        .into_response()
}

fn json(doc: &impl serde::Serialize) -> Response {
    axum::Json(serde_json::to_value(doc).unwrap_or_default()).into_response()
}

async fn api_upload(State(app): AppState, headers: HeaderMap, multipart: Multipart) -> Response {
    if let Err(response) = api_role(&app, &headers) {
        return response;
    }
    let upload = match read_upload(multipart).await {
        Ok(upload) => upload,
        Err(response) => return api_error(response.status(), "the upload was refused"),
    };
    match accept(&app, upload).await {
        Ok(Accepted { checked, kept, .. }) => {
            let totals = crate::compute::compute(&checked.projects, &app.config);
            let inputs = [checked.input.clone()];
            let doc = JsonReport {
                ok: kept && checked.errors == 0,
                output: None,
                summary: Some(JsonSummary::from(&totals)),
                issues: &checked.issues,
                inputs: &inputs,
                previous: None,
                changes: None,
            };
            match kept {
                true => json(&doc),
                false => (StatusCode::UNPROCESSABLE_ENTITY, json(&doc)).into_response(),
            }
        }
        Err(response) => api_error(
            response.status(),
            "the upload was refused (division or file)",
        ),
    }
}

async fn api_status(State(app): AppState, headers: HeaderMap) -> Response {
    match api_role(&app, &headers) {
        Ok(Role::Coordinator) => {}
        Ok(Role::Staff) => return api_error(StatusCode::FORBIDDEN, "for the coordinator only"),
        Err(response) => return response,
    }
    let app2 = Arc::clone(&app);
    let Ok(standing) = tokio::task::spawn_blocking(move || app2.standing()).await else {
        return api_error(StatusCode::INTERNAL_SERVER_ERROR, "cannot read the files");
    };
    let (current, merged, totals) = (&standing.current, &standing.merged, &standing.totals);
    let names = app.divisions(current);
    let divisions: Vec<serde_json::Value> = division_rows(&standing, &names)
        .iter()
        .map(|row| {
            serde_json::json!({
                "name": row.name,
                "sent": row.when.is_some(),
                "when": row.when,
                "rows": row.rows,
                "errors": row.errors,
                "warnings": row.warnings,
            })
        })
        .collect();
    let doc = JsonReport {
        ok: merged.errors() == 0,
        output: None,
        summary: Some(JsonSummary::from(totals)),
        issues: &merged.issues,
        inputs: &merged.inputs,
        previous: app.previous.as_ref().map(JsonPrevious::from),
        changes: app.previous.as_ref().map(|_| standing.changes.as_slice()),
    };
    let mut value = serde_json::to_value(&doc).unwrap_or_default();
    if let Some(object) = value.as_object_mut() {
        object.insert("divisions".into(), serde_json::Value::Array(divisions));
    }
    axum::Json(value).into_response()
}

async fn api_summary(State(app): AppState, headers: HeaderMap) -> Response {
    match api_role(&app, &headers) {
        Ok(Role::Coordinator) => built_summary(&app).await,
        Ok(Role::Staff) => api_error(StatusCode::FORBIDDEN, "for the coordinator only"),
        Err(response) => response,
    }
}
