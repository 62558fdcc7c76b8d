//! Alibaba Cloud ECS API of the embedded cloud, driven through `AliyunEcsClient` and raw
//! signed requests.

mod common;

use std::collections::BTreeMap;

use bridgegen_cloud::{sign, AliyunEcsClient, Cloud, CloudError, CloudServer, FaultPlan, SHARE_LIMIT};
use common::Env;

fn client(env: &Env, key: &str, secret: &str) -> AliyunEcsClient {
    AliyunEcsClient::new(&env.server.endpoint(), key, secret, "cn-beijing").unwrap()
}

fn code(e: &CloudError) -> &str {
    e.code().unwrap_or_else(|| panic!("expected an API error, got {e}"))
}

#[tokio::test]
async fn share_describe_unshare() {
    let env = Env::new().await;
    let (owner, cred) = env.account(Cloud::Alicloud);
    let (friend, _) = env.account(Cloud::Alicloud);
    let img = env.image(Cloud::Alicloud, &owner);
    let ecs = client(&env, &cred.key_id, &cred.secret);

    let rid = ecs.modify_image_share_permission(&img.id, &[friend.id.as_str()], &[]).await.unwrap();
    assert_eq!(rid.len(), 36, "RequestId looks like a UUID: {rid}");
    let page = ecs.describe_image_share_permission(&img.id, 1, 10).await.unwrap();
    assert_eq!(page.total_count, 1);
    assert_eq!(page.image_id, img.id);
    assert_eq!(page.region_id, "cn-beijing");
    assert_eq!(page.accounts[0].aliyun_id, friend.id);
    let t = page.accounts[0].shared_time.as_deref().unwrap();
    assert!(bridgegen_cloud::time::is_iso8601_utc(t), "{t}");
    // adding again is idempotent
    ecs.modify_image_share_permission(&img.id, &[friend.id.as_str()], &[]).await.unwrap();
    assert_eq!(ecs.shared_accounts(&img.id).await.unwrap().len(), 1);

    ecs.modify_image_share_permission(&img.id, &[], &[friend.id.as_str()]).await.unwrap();
    assert!(ecs.find_share(&img.id, &friend.id).await.unwrap().is_none());
    assert!(env.server.store().shares(&img.id).unwrap().is_empty());
}

#[tokio::test]
async fn fifty_first_share_is_refused_and_changes_nothing() {
    let env = Env::new().await;
    let (owner, cred) = env.account(Cloud::Alicloud);
    let img = env.image(Cloud::Alicloud, &owner);
    let ecs = client(&env, &cred.key_id, &cred.secret);
    let friends: Vec<String> = (0..SHARE_LIMIT + 2).map(|_| env.account(Cloud::Alicloud).0.id).collect();

    for chunk in friends[..SHARE_LIMIT - 1].chunks(10) {
        let ids: Vec<&str> = chunk.iter().map(String::as_str).collect();
        ecs.modify_image_share_permission(&img.id, &ids, &[]).await.unwrap();
    }
    // 49 + 2 = 51: the whole call is refused, the 50th is not added either
    let two = [friends[49].as_str(), friends[50].as_str()];
    let e = ecs.modify_image_share_permission(&img.id, &two, &[]).await.unwrap_err();
    assert_eq!(code(&e), "QuotaExceed.ShareImageUser");
    assert_eq!(e.status(), Some(403));
    assert_eq!(ecs.shared_accounts(&img.id).await.unwrap().len(), SHARE_LIMIT - 1);

    ecs.modify_image_share_permission(&img.id, &[friends[49].as_str()], &[]).await.unwrap();
    let e = ecs.modify_image_share_permission(&img.id, &[friends[50].as_str()], &[]).await.unwrap_err();
    assert_eq!(code(&e), "QuotaExceed.ShareImageUser");
    // removing one in the same call makes room
    ecs.modify_image_share_permission(&img.id, &[friends[50].as_str()], &[friends[0].as_str()]).await.unwrap();
    let all = ecs.shared_accounts(&img.id).await.unwrap();
    assert_eq!(all.len(), SHARE_LIMIT);
    assert!(all.iter().any(|a| a.aliyun_id == friends[50]));
    assert!(!all.iter().any(|a| a.aliyun_id == friends[0]));

    // paging: 50 accounts in pages of 20
    let p3 = ecs.describe_image_share_permission(&img.id, 3, 20).await.unwrap();
    assert_eq!((p3.total_count, p3.page_number, p3.page_size, p3.accounts.len()), (50, 3, 20, 10));
}

#[tokio::test]
async fn ownership_system_images_and_missing_things() {
    let env = Env::new().await;
    let (owner, _) = env.account(Cloud::Alicloud);
    let (intruder, icred) = env.account(Cloud::Alicloud);
    let (friend, _) = env.account(Cloud::Alicloud);
    let img = env.image(Cloud::Alicloud, &owner);
    let sys = env
        .server
        .store()
        .create_image(Cloud::Alicloud, None, true, Some("ubuntu_22_04_x64_20G_alibase_20240101.vhd"), None, None)
        .unwrap();
    let own = env.image(Cloud::Alicloud, &intruder);
    let ecs = client(&env, &icred.key_id, &icred.secret);

    let e = ecs.modify_image_share_permission(&img.id, &[friend.id.as_str()], &[]).await.unwrap_err();
    assert_eq!((code(&e), e.status()), ("InvalidImageId.NotOwned", Some(403)));
    let e = ecs.describe_image_share_permission(&img.id, 1, 10).await.unwrap_err();
    assert_eq!(code(&e), "InvalidImageId.NotOwned");
    let e = ecs.modify_image_share_permission(&sys.id, &[friend.id.as_str()], &[]).await.unwrap_err();
    assert_eq!((code(&e), e.status()), ("InvalidImageType.NotSupported", Some(403)));
    assert!(env.server.store().shares(&img.id).unwrap().is_empty());
    assert!(env.server.store().shares(&sys.id).unwrap().is_empty());

    let e = ecs.modify_image_share_permission("m-doesnotexist0000000", &[friend.id.as_str()], &[]).await.unwrap_err();
    assert_eq!((code(&e), e.status()), ("InvalidImageId.NotFound", Some(404)));
    assert!(e.is_not_found() && !e.is_retryable());
    // the image lives in cn-beijing; another region does not see it
    let other_region =
        AliyunEcsClient::new(&env.server.endpoint(), &icred.key_id, &icred.secret, "cn-hangzhou").unwrap();
    let e = other_region.describe_image_share_permission(&own.id, 1, 10).await.unwrap_err();
    assert_eq!(code(&e), "InvalidImageId.NotFound");

    let e = ecs.modify_image_share_permission(&own.id, &["1999999999999999"], &[]).await.unwrap_err();
    assert_eq!((code(&e), e.status()), ("InvalidAccount.NotFound", Some(400)));
    let e = ecs.modify_image_share_permission(&own.id, &["not-a-number"], &[]).await.unwrap_err();
    assert_eq!(code(&e), "InvalidAccount.Malformed");
    let e = ecs.modify_image_share_permission(&own.id, &[intruder.id.as_str()], &[]).await.unwrap_err();
    assert_eq!(code(&e), "InvalidAccount.Malformed");
    let e = ecs.call("DeleteEverything", &[]).await.unwrap_err();
    assert_eq!((code(&e), e.status()), ("InvalidAction.NotFound", Some(404)));
    let e = ecs.call("ModifyImageSharePermission", &[("ImageId", own.id.as_str())]).await.unwrap_err();
    assert_eq!(code(&e), "MissingParameter");
}

/// Signs `params` (plus common parameters built by the test) with `secret`.
fn signed(method: &str, secret: &str, params: &[(&str, &str)]) -> BTreeMap<String, String> {
    let mut all: BTreeMap<String, String> = params.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    let sig = sign::sign(secret, &sign::string_to_sign(method, &all));
    all.insert("Signature".into(), sig);
    all
}

fn query(params: &BTreeMap<String, String>) -> String {
    params
        .iter()
        .map(|(k, v)| format!("{}={}", sign::percent_encode(k), sign::percent_encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

async fn raw_get(env: &Env, params: &BTreeMap<String, String>) -> (u16, serde_json::Value) {
    let r = reqwest::get(format!("{}/?{}", env.server.endpoint(), query(params))).await.unwrap();
    (r.status().as_u16(), r.json().await.unwrap())
}

#[tokio::test]
async fn signatures_are_verified() {
    let env = Env::new().await;
    let (owner, cred) = env.account(Cloud::Alicloud);
    let img = env.image(Cloud::Alicloud, &owner);
    let now = bridgegen_cloud::time::now_iso8601();
    let base = |nonce: &'static str, ts: String| {
        vec![
            ("Action", "DescribeImageSharePermission".to_string()),
            ("Version", "2014-05-26".to_string()),
            ("Format", "JSON".to_string()),
            ("AccessKeyId", cred.key_id.clone()),
            ("SignatureMethod", "HMAC-SHA1".to_string()),
            ("SignatureVersion", "1.0".to_string()),
            ("SignatureNonce", nonce.to_string()),
            ("Timestamp", ts),
            ("RegionId", "cn-beijing".to_string()),
            ("ImageId", img.id.clone()),
        ]
    };
    let as_refs = |v: &Vec<(&'static str, String)>| v.iter().map(|(k, v)| (*k, v.clone())).collect::<Vec<_>>();
    let sign_with = |secret: &str, v: &Vec<(&'static str, String)>| {
        let pairs = as_refs(v);
        let refs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
        signed("GET", secret, &refs)
    };

    // correct signature: accepted; the same nonce again: refused
    let good = sign_with(&cred.secret, &base("n-1", now.clone()));
    let (s, body) = raw_get(&env, &good).await;
    assert_eq!(s, 200, "{body}");
    assert_eq!(body["ImageId"], img.id.as_str());
    assert!(body["Accounts"]["Account"].is_array());
    let (s, body) = raw_get(&env, &good).await;
    assert_eq!((s, body["Code"].as_str()), (400, Some("SignatureNonceUsed")));

    // wrong secret
    let (s, body) = raw_get(&env, &sign_with("wrong-secret", &base("n-2", now.clone()))).await;
    assert_eq!((s, body["Code"].as_str()), (400, Some("SignatureDoesNotMatch")), "{body}");
    assert!(body["RequestId"].is_string() && body["HostId"].is_string() && body["Message"].is_string());

    // a parameter changed after signing
    let mut tampered = sign_with(&cred.secret, &base("n-3", now.clone()));
    tampered.insert("ImageId".into(), "m-someoneelsesimage00".into());
    let (s, body) = raw_get(&env, &tampered).await;
    assert_eq!((s, body["Code"].as_str()), (400, Some("SignatureDoesNotMatch")));

    // signature missing
    let mut unsigned = sign_with(&cred.secret, &base("n-4", now.clone()));
    unsigned.remove("Signature");
    let (s, body) = raw_get(&env, &unsigned).await;
    assert_eq!((s, body["Code"].as_str()), (400, Some("IncompleteSignature")));

    // unknown access key
    let mut v = base("n-5", now.clone());
    v[3].1 = "LTAIunknownunknownunkn".into();
    let (s, body) = raw_get(&env, &sign_with(&cred.secret, &v)).await;
    assert_eq!((s, body["Code"].as_str()), (404, Some("InvalidAccessKeyId.NotFound")));

    // wrong signature method
    let mut v = base("n-6", now.clone());
    v[4].1 = "HMAC-SHA256".into();
    let (s, body) = raw_get(&env, &sign_with(&cred.secret, &v)).await;
    assert_eq!((s, body["Code"].as_str()), (400, Some("IncompleteSignature")));

    // timestamp an hour old
    let old = bridgegen_cloud::time::iso8601(chrono_like_hour_ago());
    let (s, body) = raw_get(&env, &sign_with(&cred.secret, &base("n-7", old))).await;
    assert_eq!((s, body["Code"].as_str()), (400, Some("InvalidTimeStamp.Expired")));

    // POST with a form body, signed with POST
    let pairs = as_refs(&base("n-8", now.clone()));
    let refs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let form = signed("POST", &cred.secret, &refs);
    let r = reqwest::Client::new()
        .post(format!("{}/", env.server.endpoint()))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(query(&form))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    // a POST signature replayed as GET does not verify
    let mut as_get = form.clone();
    as_get.insert("SignatureNonce".into(), "n-9".into());
    let (s, _) = raw_get(&env, &as_get).await;
    assert_eq!(s, 400);

    // the client with a wrong secret gets the typed error
    let e = client(&env, &cred.key_id, "nope").describe_image_share_permission(&img.id, 1, 10).await.unwrap_err();
    assert_eq!(code(&e), "SignatureDoesNotMatch");
}

fn chrono_like_hour_ago() -> chrono::DateTime<chrono::Utc> {
    chrono::Utc::now() - chrono::Duration::hours(1)
}

#[tokio::test]
async fn parallel_shares_from_two_servers_never_exceed_fifty() {
    let env = Env::new().await;
    // a second server process-equivalent on the same database file
    let second = CloudServer::open(env.db(), "127.0.0.1:0").await.unwrap();
    let (owner, cred) = env.account(Cloud::Alicloud);
    let img = env.image(Cloud::Alicloud, &owner);
    let friends: Vec<String> = (0..70).map(|_| env.account(Cloud::Alicloud).0.id).collect();
    let a = client(&env, &cred.key_id, &cred.secret);
    let b = AliyunEcsClient::new(&second.endpoint(), &cred.key_id, &cred.secret, "cn-beijing").unwrap();

    let mut tasks = tokio::task::JoinSet::new();
    for (i, f) in friends.iter().enumerate() {
        let c = if i % 2 == 0 { a.clone() } else { b.clone() };
        let (img, f) = (img.id.clone(), f.clone());
        tasks.spawn(async move { c.modify_image_share_permission(&img, &[f.as_str()], &[]).await });
    }
    let (mut ok, mut quota) = (0, 0);
    while let Some(r) = tasks.join_next().await {
        match r.unwrap() {
            Ok(_) => ok += 1,
            Err(e) if e.code() == Some("QuotaExceed.ShareImageUser") => quota += 1,
            Err(e) => panic!("unexpected error: {e}"),
        }
    }
    assert_eq!((ok, quota), (SHARE_LIMIT, 70 - SHARE_LIMIT));
    assert_eq!(a.shared_accounts(&img.id).await.unwrap().len(), SHARE_LIMIT);
    assert_eq!(env.server.store().shares(&img.id).unwrap().len(), SHARE_LIMIT);
    second.shutdown().await.unwrap();
}

#[tokio::test]
async fn state_survives_restart() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("nested/dir/cloud.db");
    let server = CloudServer::open(&db, "127.0.0.1:0").await.unwrap();
    let (owner, cred) = server.store().create_account(Cloud::Alicloud, None, None).unwrap();
    let (friend, _) = server.store().create_account(Cloud::Alicloud, None, None).unwrap();
    let img = server.store().create_image(Cloud::Alicloud, Some(&owner.id), false, None, None, None).unwrap();
    let ecs = AliyunEcsClient::new(&server.endpoint(), &cred.key_id, &cred.secret, "cn-beijing").unwrap();
    ecs.modify_image_share_permission(&img.id, &[friend.id.as_str()], &[]).await.unwrap();
    let before = ecs.shared_accounts(&img.id).await.unwrap();
    server.shutdown().await.unwrap();

    // the cloud is down: a clear, retryable error
    let e = ecs.shared_accounts(&img.id).await.unwrap_err();
    assert!(matches!(e, CloudError::Unreachable { .. }) && e.is_retryable(), "{e:?}");

    let server = CloudServer::open(&db, "127.0.0.1:0").await.unwrap();
    let ecs = AliyunEcsClient::new(&server.endpoint(), &cred.key_id, &cred.secret, "cn-beijing").unwrap();
    assert_eq!(ecs.shared_accounts(&img.id).await.unwrap(), before);
    let images = server.store().list_images(Some(Cloud::Alicloud)).unwrap();
    assert_eq!(images.len(), 1);
    assert_eq!((images[0].owner.as_deref(), images[0].share_count), (Some(owner.id.as_str()), 1));
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn injected_429_then_success() {
    let env = Env::new().await;
    let (owner, cred) = env.account(Cloud::Alicloud);
    let img = env.image(Cloud::Alicloud, &owner);
    let ecs = client(&env, &cred.key_id, &cred.secret);
    env.server.inject_faults(FaultPlan { count: 2, status: 429, path_prefix: None });
    for _ in 0..2 {
        let e = ecs.describe_image_share_permission(&img.id, 1, 10).await.unwrap_err();
        assert_eq!(e.status(), Some(429));
        assert!(e.is_throttled() && e.is_retryable());
        assert_eq!(code(&e), "Throttling.User");
    }
    assert!(env.server.pending_faults().is_none());
    ecs.describe_image_share_permission(&img.id, 1, 10).await.unwrap();

    // the same through the admin endpoint, and only for the Kakao paths
    let http = reqwest::Client::new();
    let r = http
        .post(format!("{}/_bridgegen/faults", env.server.endpoint()))
        .json(&serde_json::json!({"count": 1, "path_prefix": "/api/"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    ecs.describe_image_share_permission(&img.id, 1, 10).await.unwrap();
    let pending: serde_json::Value =
        http.get(format!("{}/_bridgegen/faults", env.server.endpoint())).send().await.unwrap().json().await.unwrap();
    assert_eq!(pending["count"], 1);
    assert_eq!(pending["status"], 429);
}
