//! KakaoCloud image members, authenticated the KakaoCloud (OpenStack Keystone) way.
//!
//! Authentication: `POST /identity/v3/auth/tokens` with
//! `{"auth": {"identity": {"methods": ["application_credential"],
//!   "application_credential": {"id": ID, "secret": SECRET}}}}` answers `201` with the token in
//! the `X-Subject-Token` header (and `{"token": {"expires_at", "project": {"id"}, ...}}`).
//! Image calls send it as `X-Auth-Token`; a missing, unknown or expired token gets `401`.
//!
//! Members (`image_id`: UUID, `member_id`: project id; timestamps ISO-8601 UTC):
//! - `POST /api/v1/images/{image_id}/members/{member_id}` -> `200` member (status `pending`);
//!   `409 MemberAlreadyExists`, `413 MemberQuotaExceeded` (50 per image), `400 ProjectNotFound`.
//! - `DELETE .../members/{member_id}` -> `204`; `404 MemberNotFound` when absent.
//! - `GET .../members/{member_id}` -> member; `GET .../members` -> `{"members": [...], "schema"}`.
//! - `PUT .../members/{member_id}` with `{"status": "accepted"|"rejected"|"pending"}` by the member project.
//! - Image errors: `404 ImageNotFound`; `403 Forbidden` when the caller's project does not own the
//!   image or it is a public (system) image.
//!
//! A member document is `{"image_id", "member_id", "status", "created_at", "updated_at", "schema"}`.
//! Errors are `{"error": {"code": <HTTP status>, "title": <error name>, "message": ...}}`.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use serde_json::json;

use super::{blocking, request_id, AppState};
use crate::store::{OpError, Refusal, Share, SHARE_LIMIT};
use crate::time::iso8601;

pub(crate) fn error(status: StatusCode, title: &str, message: &str) -> Response {
    let mut r = (status, Json(json!({ "error": { "code": status.as_u16(), "title": title, "message": message } })))
        .into_response();
    if let Ok(v) = HeaderValue::from_str(&format!("req-{}", request_id().to_lowercase())) {
        r.headers_mut().insert("x-openstack-request-id", v);
    }
    r
}

fn refusal(e: OpError, image_id: &str, member_id: &str) -> Response {
    match e {
        OpError::Refused(r) => match r {
            Refusal::ImageNotFound => {
                error(StatusCode::NOT_FOUND, "ImageNotFound", &format!("No image found with ID {image_id}"))
            }
            Refusal::NotOwner => error(
                StatusCode::FORBIDDEN,
                "Forbidden",
                &format!("Only the project that owns image {image_id} can manage its members"),
            ),
            Refusal::SystemImage => error(
                StatusCode::FORBIDDEN,
                "Forbidden",
                "Public images cannot have members; only private images can be shared",
            ),
            Refusal::AccountNotFound(p) => {
                error(StatusCode::BAD_REQUEST, "ProjectNotFound", &format!("Project {p} does not exist"))
            }
            Refusal::SelfShare => error(
                StatusCode::BAD_REQUEST,
                "InvalidMember",
                "An image cannot be shared with the project that owns it",
            ),
            Refusal::QuotaExceeded => error(
                StatusCode::PAYLOAD_TOO_LARGE,
                "MemberQuotaExceeded",
                &format!("Image {image_id} already has the maximum of {SHARE_LIMIT} members"),
            ),
            Refusal::AlreadyMember => error(
                StatusCode::CONFLICT,
                "MemberAlreadyExists",
                &format!("Project {member_id} is already a member of image {image_id}"),
            ),
            Refusal::MemberNotFound => error(
                StatusCode::NOT_FOUND,
                "MemberNotFound",
                &format!("Project {member_id} is not a member of image {image_id}"),
            ),
            Refusal::Invalid(m) => error(StatusCode::BAD_REQUEST, "BadRequest", &m),
        },
        OpError::Store(e) => error(StatusCode::INTERNAL_SERVER_ERROR, "InternalServerError", &e.to_string()),
    }
}

fn member_json(s: &Share) -> serde_json::Value {
    json!({
        "image_id": s.image_id,
        "member_id": s.member_id,
        "status": s.status,
        "created_at": s.created_at,
        "updated_at": s.updated_at,
        "schema": "/v2/schemas/member",
    })
}

/// The project of the `X-Auth-Token`, or a 401 response.
async fn project(st: &AppState, headers: &HeaderMap) -> Result<String, Response> {
    let unauthorized = |m: &str| error(StatusCode::UNAUTHORIZED, "Unauthorized", m);
    let Some(token) = headers.get("x-auth-token").and_then(|v| v.to_str().ok()).map(str::to_string) else {
        return Err(unauthorized("The request you have made requires authentication: send X-Auth-Token"));
    };
    match blocking(&st.store, move |s| s.token_project(&token)).await {
        Ok(Some(p)) => Ok(p),
        Ok(None) => Err(unauthorized("The token is invalid or expired")),
        Err(e) => Err(error(StatusCode::INTERNAL_SERVER_ERROR, "InternalServerError", &e.to_string())),
    }
}

#[derive(Deserialize)]
pub(crate) struct AuthRequest {
    auth: AuthBody,
}
#[derive(Deserialize)]
struct AuthBody {
    identity: Identity,
}
#[derive(Deserialize)]
struct Identity {
    methods: Vec<String>,
    application_credential: Option<AppCred>,
}
#[derive(Deserialize)]
struct AppCred {
    id: String,
    secret: String,
}

pub(crate) async fn issue_token(State(st): State<AppState>, body: axum::body::Bytes) -> Response {
    let req: AuthRequest = match serde_json::from_slice(&body) {
        Ok(r) => r,
        Err(e) => {
            return error(StatusCode::BAD_REQUEST, "BadRequest", &format!("Malformed authentication request: {e}"))
        }
    };
    let id = &req.auth.identity;
    let Some(cred) =
        id.application_credential.as_ref().filter(|_| id.methods.iter().any(|m| m == "application_credential"))
    else {
        return error(StatusCode::BAD_REQUEST, "BadRequest", "Only the application_credential method is supported");
    };
    let (key, secret) = (cred.id.clone(), cred.secret.clone());
    match blocking(&st.store, move |s| s.issue_token(&key, &secret)).await {
        Ok(Some((token, project, expires))) => {
            let now = chrono::Utc::now();
            let exp = chrono::DateTime::from_timestamp(expires, 0).unwrap_or(now);
            let body = json!({ "token": {
                "methods": ["application_credential"],
                "issued_at": iso8601(now),
                "expires_at": iso8601(exp),
                "project": { "id": project, "name": project },
                "application_credential": { "id": cred.id },
            }});
            let mut r = (StatusCode::CREATED, Json(body)).into_response();
            if let Ok(v) = HeaderValue::from_str(&token) {
                r.headers_mut().insert("x-subject-token", v);
            }
            r
        }
        Ok(None) => error(
            StatusCode::UNAUTHORIZED,
            "Unauthorized",
            "The request you have made requires authentication: invalid application credential",
        ),
        Err(e) => refusal(e, "", ""),
    }
}

pub(crate) async fn add_member(
    State(st): State<AppState>,
    headers: HeaderMap,
    Path((image, member)): Path<(String, String)>,
) -> Response {
    let caller = match project(&st, &headers).await {
        Ok(p) => p,
        Err(r) => return r,
    };
    let (i, m) = (image.clone(), member.clone());
    match blocking(&st.store, move |s| s.add_kakao_member(&caller, &i, &m)).await {
        Ok(share) => (StatusCode::OK, Json(member_json(&share))).into_response(),
        Err(e) => refusal(e, &image, &member),
    }
}

pub(crate) async fn remove_member(
    State(st): State<AppState>,
    headers: HeaderMap,
    Path((image, member)): Path<(String, String)>,
) -> Response {
    let caller = match project(&st, &headers).await {
        Ok(p) => p,
        Err(r) => return r,
    };
    let (i, m) = (image.clone(), member.clone());
    match blocking(&st.store, move |s| s.remove_kakao_member(&caller, &i, &m)).await {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(e) => refusal(e, &image, &member),
    }
}

pub(crate) async fn get_member(
    State(st): State<AppState>,
    headers: HeaderMap,
    Path((image, member)): Path<(String, String)>,
) -> Response {
    let caller = match project(&st, &headers).await {
        Ok(p) => p,
        Err(r) => return r,
    };
    let (i, m) = (image.clone(), member.clone());
    match blocking(&st.store, move |s| s.kakao_member(&caller, &i, &m)).await {
        Ok(share) => Json(member_json(&share)).into_response(),
        Err(e) => refusal(e, &image, &member),
    }
}

pub(crate) async fn list_members(
    State(st): State<AppState>,
    headers: HeaderMap,
    Path(image): Path<String>,
) -> Response {
    let caller = match project(&st, &headers).await {
        Ok(p) => p,
        Err(r) => return r,
    };
    let i = image.clone();
    match blocking(&st.store, move |s| s.kakao_members(&caller, &i)).await {
        Ok(shares) => Json(json!({
            "members": shares.iter().map(member_json).collect::<Vec<_>>(),
            "schema": "/v2/schemas/members",
        }))
        .into_response(),
        Err(e) => refusal(e, &image, ""),
    }
}

#[derive(Deserialize)]
pub(crate) struct StatusBody {
    status: String,
}

pub(crate) async fn update_member(
    State(st): State<AppState>,
    headers: HeaderMap,
    Path((image, member)): Path<(String, String)>,
    body: axum::body::Bytes,
) -> Response {
    let caller = match project(&st, &headers).await {
        Ok(p) => p,
        Err(r) => return r,
    };
    let status = match serde_json::from_slice::<StatusBody>(&body) {
        Ok(b) => b.status,
        Err(e) => return error(StatusCode::BAD_REQUEST, "BadRequest", &format!("expected {{\"status\": ...}}: {e}")),
    };
    let (i, m) = (image.clone(), member.clone());
    match blocking(&st.store, move |s| s.set_kakao_member_status(&caller, &i, &m, &status)).await {
        Ok(share) => Json(member_json(&share)).into_response(),
        Err(e) => refusal(e, &image, &member),
    }
}
