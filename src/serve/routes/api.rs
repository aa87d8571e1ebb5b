//! The API for scripts: `/api/upload`, `/api/status`, `/api/summary.xlsx`, with the access
//! code as a bearer token and the `X-Planmerge` header (a cross-site page cannot send it).

#![allow(clippy::result_large_err)]

// The parent's names: the app, its helpers (refuse, cookies, sessions) and axum's types.
use super::downloads::built_summary;
use super::upload::{accept, read_upload};
use super::*;
use crate::serve::Accepted;

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
            "ต้องส่งส่วนหัว X-Planmerge: 1 · X-Planmerge: 1 is required",
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
            "ต้องใช้รหัสเข้าใช้ (Authorization: Bearer <รหัส>) · an access code is required (Authorization: Bearer <code>)",
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

pub(super) async fn api_upload(
    State(app): AppState,
    headers: HeaderMap,
    multipart: Multipart,
) -> Response {
    if let Err(response) = api_role(&app, &headers) {
        return response;
    }
    let upload = match read_upload(&app, multipart).await {
        Ok(upload) => upload,
        Err(refusal) => return api_error(refusal.status, &refusal.message),
    };
    match accept(&app, upload).await {
        Ok(Accepted {
            checked,
            kept,
            replaced,
            similar,
            ..
        }) => {
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
                failure: None,
            };
            // Beside `check --json`'s keys: the file sent before against this one, and a
            // division named alike.
            let mut value = serde_json::to_value(&doc).unwrap_or_default();
            if let Some(object) = value.as_object_mut() {
                object.insert("replaced".into(), serde_json::json!(replaced));
                object.insert("similar_division".into(), serde_json::json!(similar));
            }
            let status = match kept {
                true => StatusCode::OK,
                false => StatusCode::UNPROCESSABLE_ENTITY,
            };
            (status, axum::Json(value)).into_response()
        }
        // The reason in the page's words, Thai then English.
        Err(refusal) => api_error(refusal.status, &refusal.message),
    }
}

pub(super) async fn api_status(State(app): AppState, headers: HeaderMap) -> Response {
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
                "in_folder": row.in_folder,
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
        failure: None,
    };
    let mut value = serde_json::to_value(&doc).unwrap_or_default();
    if let Some(object) = value.as_object_mut() {
        object.insert("divisions".into(), serde_json::Value::Array(divisions));
    }
    axum::Json(value).into_response()
}

pub(super) async fn api_summary(State(app): AppState, headers: HeaderMap) -> Response {
    match api_role(&app, &headers) {
        Ok(Role::Coordinator) => built_summary(&app).await,
        Ok(Role::Staff) => api_error(StatusCode::FORBIDDEN, "for the coordinator only"),
        Err(response) => response,
    }
}
