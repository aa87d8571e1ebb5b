//! What is downloaded: the summary workbook of the round as it stands (`/summary`, built from
//! the files received) and a division's form (`/template/…`).

#![allow(clippy::result_large_err)]

// The parent's names: the app, its helpers (refuse, cookies, sessions) and axum's types.
use super::*;

/// The summary workbook of every current file (a draft when there are errors), as bytes.
pub(super) fn summary_bytes(app: &App) -> Result<(Vec<u8>, bool), String> {
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
pub(super) fn xlsx(bytes: Vec<u8>, name: &str, plain: &str) -> Response {
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

pub(super) async fn built_summary(app: &Arc<App>) -> Response {
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

pub(super) async fn summary_download(
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
pub(super) async fn template_chosen(Query(query): Query<HashMap<String, String>>) -> Response {
    let division = query
        .get("division")
        .map(String::as_str)
        .unwrap_or_default();
    Redirect::to(&format!("/template/{}", pages::urlencode(division.trim()))).into_response()
}

pub(super) async fn template_download(
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
            None => match &app2.previous {
                Some(previous) => spec.with_earlier_round(&previous.projects, previous.round),
                None => spec,
            },
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
