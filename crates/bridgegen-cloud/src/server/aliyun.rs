//! Alibaba Cloud ECS RPC API (`Version=2014-05-26`): `ModifyImageSharePermission` and
//! `DescribeImageSharePermission`, signed with RPC signature v1 (see [`crate::sign`]).
//!
//! Parameters come from the query string (GET) or a form body (POST). Errors are JSON
//! `{"RequestId", "HostId", "Code", "Message", "Recommend"}` with these codes:
//!
//! | HTTP | Code | When |
//! |---|---|---|
//! | 400 | `MissingParameter` | a required parameter (`ImageId`, `RegionId`, ...) is absent |
//! | 400 | `IncompleteSignature` | a signature parameter is missing or `SignatureMethod`/`SignatureVersion` is not `HMAC-SHA1`/`1.0` |
//! | 404 | `InvalidAccessKeyId.NotFound` | unknown `AccessKeyId` |
//! | 400 | `SignatureDoesNotMatch` | the signature is wrong |
//! | 400 | `InvalidTimeStamp.Expired` / `InvalidTimeStamp.Format` | `Timestamp` more than 15 minutes off / not ISO-8601 UTC |
//! | 400 | `SignatureNonceUsed` | `SignatureNonce` reused within 15 minutes |
//! | 400 | `InvalidVersion` / `InvalidParameter.Format` | `Version` is not `2014-05-26` / `Format` is not `JSON` |
//! | 404 | `InvalidAction.NotFound` | unknown `Action` |
//! | 404 | `InvalidImageId.NotFound` | no such image in `RegionId` |
//! | 403 | `InvalidImageId.NotOwned` | the image belongs to another account (emulator's code) |
//! | 403 | `InvalidImageType.NotSupported` | system images cannot be shared |
//! | 400 | `InvalidAccount.NotFound` | an `AddAccount.N` account does not exist |
//! | 400 | `InvalidAccount.Malformed` | an account id is not numeric, or is the image owner itself |
//! | 403 | `QuotaExceed.ShareImageUser` | the image would be shared with more than 50 accounts |
//! | 429 | `Throttling.User` | injected by the fault hook |

use std::collections::BTreeMap;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

use super::{blocking, request_id, AppState};
use crate::sign;
use crate::store::{Cloud, OpError, Refusal, SHARE_LIMIT};
use crate::time::parse_iso8601;

pub const API_VERSION: &str = "2014-05-26";
/// Maximum clock skew / nonce memory.
pub const SIGNATURE_WINDOW: Duration = Duration::from_secs(15 * 60);
/// At most this many `AddAccount.N` / `RemoveAccount.N` values are processed per call.
pub const ACCOUNTS_PER_CALL: usize = 10;

pub(crate) fn error_response(status: StatusCode, code: &str, message: &str, host: &str) -> Response {
    let host = if host.is_empty() { "ecs.aliyuncs.com" } else { host };
    let body = json!({
        "RequestId": request_id(),
        "HostId": host,
        "Code": code,
        "Message": message,
        "Recommend": format!("https://api.aliyun.com/troubleshoot?q={code}&product=Ecs"),
    });
    (status, Json(body)).into_response()
}

struct ApiError(StatusCode, String, String);

fn err(status: u16, code: &str, message: impl Into<String>) -> ApiError {
    ApiError(StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_REQUEST), code.to_string(), message.into())
}

fn missing(name: &str) -> ApiError {
    err(
        400,
        "MissingParameter",
        format!("The input parameter \"{name}\" that is mandatory for processing this request is not supplied."),
    )
}

fn store_failure(e: OpError, image_id: &str) -> ApiError {
    match e {
        OpError::Refused(r) => match r {
            Refusal::ImageNotFound => err(404, "InvalidImageId.NotFound", format!("The specified ImageId \"{image_id}\" does not exist.")),
            Refusal::NotOwner => err(403, "InvalidImageId.NotOwned", format!("The specified image \"{image_id}\" is not owned by the caller; only your own custom images can be shared.")),
            Refusal::SystemImage => err(403, "InvalidImageType.NotSupported", "The specified image type is not supported: system images cannot be shared."),
            Refusal::AccountNotFound(a) => err(400, "InvalidAccount.NotFound", format!("The specified account \"{a}\" does not exist.")),
            Refusal::SelfShare => err(400, "InvalidAccount.Malformed", "An image cannot be shared with the account that owns it."),
            Refusal::QuotaExceeded => err(403, "QuotaExceed.ShareImageUser", format!("The number of accounts the image is shared with would exceed the quota of {SHARE_LIMIT}.")),
            Refusal::Invalid(m) => err(400, "InvalidParameter", m),
            Refusal::AlreadyMember | Refusal::MemberNotFound => err(500, "InternalError", "The request processing has failed due to some unknown error."),
        },
        OpError::Store(e) => err(500, "InternalError", format!("The request processing has failed due to some unknown error: {e}")),
    }
}

/// Decodes `a=b&c=d` (percent-decoding, `+` as space) into a map; later duplicates win.
fn decode_params(s: &str, into: &mut BTreeMap<String, String>) {
    for (k, v) in form_urlencoded::parse(s.as_bytes()) {
        into.insert(k.into_owned(), v.into_owned());
    }
}

/// `Prefix.1`, `Prefix.2`, ... in numeric order; at most [`ACCOUNTS_PER_CALL`].
fn numbered(params: &BTreeMap<String, String>, prefix: &str) -> Result<Vec<String>, ApiError> {
    let mut items: Vec<(u32, String)> = Vec::new();
    for (k, v) in params {
        let Some(n) = k.strip_prefix(prefix).and_then(|r| r.strip_prefix('.')) else { continue };
        let n: u32 =
            n.parse().map_err(|_| err(400, "InvalidParameter", format!("The parameter \"{k}\" is not valid.")))?;
        if v.is_empty() {
            continue;
        }
        if !v.bytes().all(|b| b.is_ascii_digit()) || v.len() > 32 {
            return Err(err(400, "InvalidAccount.Malformed", format!("The specified account \"{v}\" is malformed.")));
        }
        items.push((n, v.clone()));
    }
    items.sort();
    let mut out: Vec<String> = Vec::new();
    for (_, v) in items {
        if !out.contains(&v) {
            out.push(v);
        }
    }
    out.truncate(ACCOUNTS_PER_CALL);
    Ok(out)
}

/// Verifies the RPC v1 signature and returns the calling account id.
async fn authenticate(st: &AppState, method: &Method, params: &BTreeMap<String, String>) -> Result<String, ApiError> {
    for p in ["AccessKeyId", "Signature", "SignatureMethod", "SignatureVersion", "SignatureNonce", "Timestamp"] {
        if params.get(p).is_none() || params[p].is_empty() {
            return Err(err(
                400,
                "IncompleteSignature",
                format!("The request signature does not conform to Aliyun standards: missing \"{p}\"."),
            ));
        }
    }
    if params["SignatureMethod"] != "HMAC-SHA1" {
        return Err(err(
            400,
            "IncompleteSignature",
            "The request signature does not conform to Aliyun standards: SignatureMethod must be HMAC-SHA1.",
        ));
    }
    if params["SignatureVersion"] != "1.0" {
        return Err(err(
            400,
            "IncompleteSignature",
            "The request signature does not conform to Aliyun standards: SignatureVersion must be 1.0.",
        ));
    }
    let key_id = params["AccessKeyId"].clone();
    let cred = blocking(&st.store, move |s| s.credential(Cloud::Alicloud, &key_id))
        .await
        .map_err(|e| err(500, "InternalError", e.to_string()))?
        .ok_or_else(|| err(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found."))?;
    let sts = sign::string_to_sign(method.as_str(), params);
    if !sign::verify(&cred.secret, &sts, &params["Signature"]) {
        return Err(err(
            400,
            "SignatureDoesNotMatch",
            format!("Specified signature is not matched with our calculation. server string to sign is:{sts}"),
        ));
    }
    let ts = &params["Timestamp"];
    if !crate::time::is_iso8601_utc(ts) {
        return Err(err(
            400,
            "InvalidTimeStamp.Format",
            format!("Specified time stamp \"{ts}\" is not in the format YYYY-MM-DDThh:mm:ssZ (UTC)."),
        ));
    }
    let t = parse_iso8601(ts).expect("checked above");
    let skew = (chrono::Utc::now() - t).num_seconds().unsigned_abs();
    if skew > SIGNATURE_WINDOW.as_secs() {
        return Err(err(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired."));
    }
    let nonce = params["SignatureNonce"].clone();
    let fresh = blocking(&st.store, move |s| s.use_nonce(&nonce, SIGNATURE_WINDOW))
        .await
        .map_err(|e| err(500, "InternalError", e.to_string()))?;
    if !fresh {
        return Err(err(400, "SignatureNonceUsed", "Specified signature nonce was used already."));
    }
    Ok(cred.account_id)
}

/// Entry point for `GET|POST /`.
pub(crate) async fn handle(
    State(st): State<AppState>,
    method: Method,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    body: Bytes,
) -> Response {
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("").to_string();
    match dispatch(&st, &method, &headers, query.as_deref().unwrap_or(""), &body).await {
        Ok(r) => r,
        Err(ApiError(status, code, message)) => error_response(status, &code, &message, &host),
    }
}

async fn dispatch(
    st: &AppState,
    method: &Method,
    headers: &HeaderMap,
    query: &str,
    body: &[u8],
) -> Result<Response, ApiError> {
    if method != Method::GET && method != Method::POST {
        return Err(err(
            400,
            "UnsupportedHTTPMethod",
            format!("Specified HTTP method {method} is not supported; use GET or POST."),
        ));
    }
    let mut params = BTreeMap::new();
    decode_params(query, &mut params);
    let is_form = headers
        .get(header::CONTENT_TYPE)
        .and_then(|h| h.to_str().ok())
        .is_some_and(|c| c.starts_with("application/x-www-form-urlencoded"));
    if method == Method::POST && is_form {
        decode_params(&String::from_utf8_lossy(body), &mut params);
    }
    let caller = authenticate(st, method, &params).await?;
    match params.get("Version").map(String::as_str) {
        Some(API_VERSION) => {}
        None => return Err(missing("Version")),
        Some(v) => {
            return Err(err(
                400,
                "InvalidVersion",
                format!("Specified parameter Version \"{v}\" is not valid; ECS supports {API_VERSION}."),
            ))
        }
    }
    match params.get("Format").map(String::as_str) {
        None | Some("JSON") | Some("json") => {}
        Some(f) => {
            return Err(err(
                400,
                "InvalidParameter.Format",
                format!("Format \"{f}\" is not supported by the embedded cloud; use JSON."),
            ))
        }
    }
    let action = params.get("Action").cloned().ok_or_else(|| missing("Action"))?;
    match action.as_str() {
        "ModifyImageSharePermission" => modify(st, caller, &params).await,
        "DescribeImageSharePermission" => describe(st, caller, &params).await,
        other => Err(err(
            404,
            "InvalidAction.NotFound",
            format!("Specified api \"{other}\" is not found, please check your url and method."),
        )),
    }
}

fn required<'a>(params: &'a BTreeMap<String, String>, name: &str) -> Result<&'a str, ApiError> {
    params.get(name).map(String::as_str).filter(|v| !v.is_empty()).ok_or_else(|| missing(name))
}

async fn modify(st: &AppState, caller: String, params: &BTreeMap<String, String>) -> Result<Response, ApiError> {
    let region = required(params, "RegionId")?.to_string();
    let image = required(params, "ImageId")?.to_string();
    let add = numbered(params, "AddAccount")?;
    let remove = numbered(params, "RemoveAccount")?;
    let img = image.clone();
    blocking(&st.store, move |s| s.modify_alicloud_shares(&caller, &img, &region, &add, &remove))
        .await
        .map_err(|e| store_failure(e, &image))?;
    Ok(Json(json!({ "RequestId": request_id() })).into_response())
}

async fn describe(st: &AppState, caller: String, params: &BTreeMap<String, String>) -> Result<Response, ApiError> {
    let region = required(params, "RegionId")?.to_string();
    let image = required(params, "ImageId")?.to_string();
    let page_number: usize = match params.get("PageNumber").filter(|v| !v.is_empty()) {
        None => 1,
        Some(v) => v.parse().ok().filter(|n| *n >= 1).ok_or_else(|| {
            err(400, "InvalidParameter.PageNumber", format!("The specified PageNumber \"{v}\" is invalid."))
        })?,
    };
    let page_size: usize = match params.get("PageSize").filter(|v| !v.is_empty()) {
        None => 10,
        Some(v) => v.parse().ok().filter(|n| (1..=100).contains(n)).ok_or_else(|| {
            err(
                400,
                "InvalidParameter.PageSize",
                format!("The specified PageSize \"{v}\" is invalid; it must be 1 to 100."),
            )
        })?,
    };
    let (img, reg) = (image.clone(), region.clone());
    let shares = blocking(&st.store, move |s| s.alicloud_shares(&caller, &img, &reg))
        .await
        .map_err(|e| store_failure(e, &image))?;
    let total = shares.len();
    let accounts: Vec<_> = shares
        .iter()
        .skip((page_number - 1).saturating_mul(page_size))
        .take(page_size)
        .map(|s| json!({ "AliyunId": s.member_id, "SharedTime": s.created_at }))
        .collect();
    Ok(Json(json!({
        "RequestId": request_id(),
        "RegionId": region,
        "ImageId": image,
        "PageNumber": page_number,
        "PageSize": page_size,
        "TotalCount": total,
        "ShareGroups": { "ShareGroup": [] },
        "Accounts": { "Account": accounts },
    }))
    .into_response())
}
