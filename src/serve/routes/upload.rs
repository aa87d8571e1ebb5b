//! Receiving a division's file (`/upload`, and `/api/upload` through [`accept`]): the form's
//! fields read within the body limit, the division's name judged, the file checked, and kept
//! when it holds projects.

#![allow(clippy::result_large_err)]

// The parent's names: the app, its helpers (refuse, cookies, sessions) and axum's types.
use super::*;
use crate::serve::{Accepted, names};

/// An upload's fields, read with the body limit applied.
pub(super) struct Upload {
    pub(super) csrf: Option<String>,
    pub(super) division: Option<String>,
    pub(super) file: Option<Bytes>,
    /// The file's name on the sender's computer (never used to store it; see [`accept`]).
    pub(super) file_name: Option<String>,
}

/// An upload refused, and why: the page shows it as a page, the API as `{"error": …}`, the
/// same words in both.
pub(super) struct Refusal {
    pub(super) status: StatusCode,
    pub(super) message: String,
}

impl Refusal {
    fn new(status: StatusCode, message: &str) -> Self {
        Refusal {
            status,
            message: message.to_string(),
        }
    }

    /// As a page.
    pub(super) fn page(&self) -> Response {
        refuse(self.status, &self.message)
    }
}

pub(super) async fn read_upload(app: &App, mut multipart: Multipart) -> Result<Upload, Refusal> {
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
            Err(e) => return Err(body_refused(app, e.status())),
        };
        let name = field.name().unwrap_or_default().to_string();
        if name == "file" {
            upload.file_name = field.file_name().map(str::to_string);
        }
        let value = field
            .bytes()
            .await
            .map_err(|e| body_refused(app, e.status()))?;
        match name.as_str() {
            "csrf" => upload.csrf = Some(String::from_utf8_lossy(&value).into_owned()),
            "division" => upload.division = Some(String::from_utf8_lossy(&value).into_owned()),
            "file" => upload.file = Some(value),
            _ => {}
        }
    }
    Ok(upload)
}

fn body_refused(app: &App, status: StatusCode) -> Refusal {
    if status == StatusCode::PAYLOAD_TOO_LARGE {
        Refusal::new(status, &super::too_large(app))
    } else {
        Refusal::new(
            StatusCode::BAD_REQUEST,
            "ส่งข้อมูลไม่ครบ · the upload is incomplete",
        )
    }
}

/// Checks an upload's division and content and keeps it when it holds projects; the check
/// result, or the refusal.
pub(super) async fn accept(app: &Arc<App>, upload: Upload) -> Result<Accepted, Refusal> {
    let typed = upload.division.unwrap_or_default();
    let Some(division) = division_name(&typed) else {
        return Err(Refusal::new(
            StatusCode::BAD_REQUEST,
            "ชื่อกองไม่ถูกต้อง (ห้ามเว้นว่าง ยาวเกิน 60 ตัวอักษร หรือมี / \\ : * ? \" < > |) · invalid division name",
        ));
    };
    if !app.config.divisions.is_empty() && !app.config.divisions.contains(&division) {
        let refusal = unlisted(&division, &app.config.divisions);
        return Err(Refusal::new(StatusCode::BAD_REQUEST, &refusal));
    }
    // Typed, not picked: a shortened name (`กองการศึกษาฯ` for กองการศึกษา ศาสนาและวัฒนธรรม)
    // would start a division of its own, its file compared with nothing. A name typed in full
    // is taken as typed, even when like another's (`กองช่าง`, `กองช่างสุขาภิบาล`).
    let known = app.divisions(&app.current().0);
    if app.config.divisions.is_empty()
        && let Some(meant) = names::abbreviated(&division, &known)
    {
        return Err(Refusal::new(
            StatusCode::BAD_REQUEST,
            &format!(
                "ชื่อย่อ \"{division}\" — หมายถึง \"{meant}\" หรือไม่? ถ้าใช่ เลือกชื่อนั้นจากรายการ ถ้าเป็นกองอื่น พิมพ์ชื่อเต็มของกอง (ไม่มี ฯ) \
                 แล้วส่งใหม่ (ไม่ได้เก็บไฟล์นี้) · \"{division}\" is shortened: did you mean \"{meant}\"? If so, pick it from the list; \
                 if another division, type its name in full; then send again (not kept)"
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
        return Err(Refusal::new(StatusCode::BAD_REQUEST, message));
    };
    if let Some(other) = chosen.and_then(|name| names::another_division(&known, name, &division)) {
        return Err(Refusal::new(
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
        return Err(Refusal::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            &super::too_large(app),
        ));
    }
    let Some(kind) = spreadsheet_kind(&bytes) else {
        // What it is instead, when that can be told: a web page, a PDF, a photo…
        let what = crate::read::what_it_is(&bytes).map_or(String::new(), |cause| {
            format!("{} · {} — ", cause.thai(), cause.english())
        });
        return Err(Refusal::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            &format!(
                "{what}ไฟล์นี้ไม่ใช่ไฟล์ Excel หรือ ODS (ดูจากเนื้อไฟล์ ไม่ใช่ชื่อไฟล์) — บันทึกจาก Excel เป็น .xlsx แล้วส่งใหม่ · \
                 not a spreadsheet (judged by its content, not its name): save it from Excel as .xlsx"
            ),
        ));
    };
    let cannot_check = || {
        Refusal::new(
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
    // Weighed against the other divisions' files before it is kept: a file of nothing but
    // their projects (สำนักปลัด's sent as กองคลัง's) must not displace the division's own.
    // And against the division's own file sent before: what replacing it changes.
    let (checked, replaced) = tokio::task::spawn_blocking(move || {
        let mut checked = app2.check_division(&division2, &shown, kind, bytes2.to_vec());
        let replaced = app2.replaced(&division2, &checked.projects);
        if !checked.projects.is_empty() {
            app2.add_cross_file_issues(&mut checked, &division2);
        }
        (checked, replaced)
    })
    .await
    .map_err(|_| cannot_check())?;
    // Every project another division's: refused, unless the file's own name is this division's
    // (`สำนักปลัด.xlsx` sent as สำนักปลัด's): then the file sent first under another division
    // is the one misplaced, and this one is kept, its duplicates said.
    let own_name = chosen.is_some_and(|name| names::named_for(name, &division));
    if checked.projects.is_empty() && !(checked.shared > 0 && own_name) {
        return Ok(Accepted {
            division,
            checked,
            kept: false,
            similar: None,
            replaced,
        });
    }
    let app3 = Arc::clone(app);
    let division3 = division.clone();
    let stored = tokio::task::spawn_blocking(move || {
        let _guard = app3.store.blocking_lock();
        app3.inbox.store(&division3, kind, &bytes)
    })
    .await
    .map_err(|_| cannot_check())?;
    match stored {
        Ok(_) => Ok(Accepted {
            // A name like another's, taken as typed: the sender is told of the other.
            similar: match app.config.divisions.is_empty() {
                true => names::similar(&division, &known),
                false => None,
            },
            division,
            checked,
            kept: true,
            replaced,
        }),
        Err(_) => Err(Refusal::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "เก็บไฟล์ไม่ได้ · cannot keep the file",
        )),
    }
}

/// The refusal of a division not on report.toml's list: the name it most likely meant, and
/// every name on the list.
fn unlisted(division: &str, listed: &[String]) -> String {
    let all = listed.join(", ");
    match names::nearest_listed(division, listed) {
        Some(meant) => format!(
            "ไม่มีกอง \"{division}\" ในรายชื่อ — หมายถึง \"{meant}\" หรือไม่? เลือกจากรายการแล้วส่งใหม่ (ไม่ได้เก็บไฟล์นี้) \
             ชื่อที่ใช้ได้: {all} · no division \"{division}\" on the list; did you mean \"{meant}\"? \
             Pick it and send again (not kept). The names: {all}"
        ),
        None => format!(
            "ไม่มีกอง \"{division}\" ในรายชื่อ เลือกจากรายการแล้วส่งใหม่ (ไม่ได้เก็บไฟล์นี้) ชื่อที่ใช้ได้: {all} \
             (ถ้าเป็นกองใหม่ ให้ผู้ประสานงานเพิ่มใน divisions ของ report.toml) · no division \"{division}\" on the list; \
             pick one and send again (not kept). The names: {all} (a new division: the coordinator adds it to divisions in report.toml)"
        ),
    }
}

pub(super) async fn upload(
    State(app): AppState,
    headers: HeaderMap,
    multipart: Multipart,
) -> Response {
    let Some(s) = cookie(&headers, SESSION_COOKIE).and_then(|id| app.sessions.get(&id)) else {
        return refuse(
            StatusCode::FORBIDDEN,
            "หมดเวลาหรือไม่ได้เข้าใช้ — เปิดหน้าส่งไฟล์ใหม่ · no session: open the page again",
        );
    };
    let upload = match read_upload(&app, multipart).await {
        Ok(upload) => upload,
        Err(refusal) => return refusal.page(),
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
        Ok(accepted) => {
            if accepted.kept
                && let Some(id) = cookie(&headers, SESSION_COOKIE)
            {
                app.sessions.record_sent(&id, &accepted.division);
            }
            // A score from the rows that passed would flatter a file with errors, and a file
            // not kept counts nothing: no figures for either.
            let checked = &accepted.checked;
            let totals = (accepted.kept && checked.errors == 0)
                .then(|| crate::compute::compute(&checked.projects, &app.config));
            let page = pages::result(s.role.into(), &accepted, totals.as_ref());
            let kept = accepted.kept;
            let status = match kept {
                true => StatusCode::OK,
                false => StatusCode::UNPROCESSABLE_ENTITY,
            };
            (status, Html(page.into_string())).into_response()
        }
        Err(refusal) => refusal.page(),
    }
}
