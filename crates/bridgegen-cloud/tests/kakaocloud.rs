//! KakaoCloud image-member API of the embedded cloud, driven through `KakaoImageClient`.

mod common;

use bridgegen_cloud::time::is_iso8601_utc;
use bridgegen_cloud::{Cloud, CloudError, CloudServer, FaultPlan, KakaoImageClient, SHARE_LIMIT};
use common::Env;

fn client(env: &Env, id: &str, secret: &str) -> KakaoImageClient {
    KakaoImageClient::new(&env.server.endpoint(), id, secret).unwrap()
}

fn code(e: &CloudError) -> &str {
    e.code().unwrap_or_else(|| panic!("expected an API error, got {e}"))
}

#[tokio::test]
async fn add_get_list_remove() {
    let env = Env::new().await;
    let (owner, cred) = env.account(Cloud::Kakaocloud);
    let (friend, fcred) = env.account(Cloud::Kakaocloud);
    let img = env.image(Cloud::Kakaocloud, &owner);
    let k = client(&env, &cred.key_id, &cred.secret);
    assert_eq!(k.authenticate().await.unwrap(), owner.id);

    let m = k.add_member(&img.id, &friend.id).await.unwrap();
    assert_eq!(
        (m.image_id.as_str(), m.member_id.as_str(), m.status.as_str()),
        (img.id.as_str(), friend.id.as_str(), "pending")
    );
    assert!(is_iso8601_utc(&m.created_at) && is_iso8601_utc(&m.updated_at), "{m:?}");
    assert_eq!(k.get_member(&img.id, &friend.id).await.unwrap(), m);
    assert_eq!(k.list_members(&img.id).await.unwrap(), vec![m.clone()]);

    // the member project sees (only) itself and can accept
    let f = client(&env, &fcred.key_id, &fcred.secret);
    assert_eq!(f.list_members(&img.id).await.unwrap(), vec![m.clone()]);
    let accepted = f.set_member_status(&img.id, &friend.id, "accepted").await.unwrap();
    assert_eq!(accepted.status, "accepted");
    assert!(is_iso8601_utc(&accepted.updated_at));
    let e = f.set_member_status(&img.id, &friend.id, "maybe").await.unwrap_err();
    assert_eq!(e.status(), Some(400));

    let e = k.add_member(&img.id, &friend.id).await.unwrap_err();
    assert_eq!((code(&e), e.status()), ("MemberAlreadyExists", Some(409)));

    k.remove_member(&img.id, &friend.id).await.unwrap();
    let e = k.remove_member(&img.id, &friend.id).await.unwrap_err();
    assert_eq!((code(&e), e.status()), ("MemberNotFound", Some(404)));
    assert!(e.is_not_found());
    assert!(matches!(&e, CloudError::Api { request_id: Some(r), .. } if r.starts_with("req-")), "{e:?}");
    let e = k.get_member(&img.id, &friend.id).await.unwrap_err();
    assert!(e.is_not_found());
    assert!(k.list_members(&img.id).await.unwrap().is_empty());
}

#[tokio::test]
async fn only_the_owning_project_shares_private_images() {
    let env = Env::new().await;
    let (owner, _) = env.account(Cloud::Kakaocloud);
    let (other, ocred) = env.account(Cloud::Kakaocloud);
    let (friend, _) = env.account(Cloud::Kakaocloud);
    let img = env.image(Cloud::Kakaocloud, &owner);
    let public =
        env.server.store().create_image(Cloud::Kakaocloud, None, true, None, Some("Ubuntu 22.04"), None).unwrap();
    let k = client(&env, &ocred.key_id, &ocred.secret);

    let e = k.add_member(&img.id, &friend.id).await.unwrap_err();
    assert_eq!((code(&e), e.status()), ("Forbidden", Some(403)));
    let e = k.add_member(&public.id, &friend.id).await.unwrap_err();
    assert_eq!((code(&e), e.status()), ("Forbidden", Some(403)));
    let e = k.list_members(&img.id).await.unwrap_err();
    assert_eq!(e.status(), Some(403));
    assert!(env.server.store().shares(&img.id).unwrap().is_empty());

    let e = k.add_member("00000000-0000-4000-a000-000000000000", &friend.id).await.unwrap_err();
    assert_eq!((code(&e), e.status()), ("ImageNotFound", Some(404)));
    let e = k.remove_member("00000000-0000-4000-a000-000000000000", &friend.id).await.unwrap_err();
    assert!(e.is_not_found());

    let own = env.image(Cloud::Kakaocloud, &other);
    let e = k.add_member(&own.id, "ffffffffffffffffffffffffffffffff").await.unwrap_err();
    assert_eq!((code(&e), e.status()), ("ProjectNotFound", Some(400)));
    let e = k.add_member(&own.id, &other.id).await.unwrap_err();
    assert_eq!(e.status(), Some(400));
}

#[tokio::test]
async fn authentication() {
    let env = Env::new().await;
    let (owner, cred) = env.account(Cloud::Kakaocloud);
    let img = env.image(Cloud::Kakaocloud, &owner);
    let e = client(&env, &cred.key_id, "wrong").list_members(&img.id).await.unwrap_err();
    assert_eq!((code(&e), e.status()), ("Unauthorized", Some(401)));
    let e = client(&env, "0123456789abcdef0123456789abcdef", &cred.secret).list_members(&img.id).await.unwrap_err();
    assert_eq!(e.status(), Some(401));

    let http = reqwest::Client::new();
    let url = format!("{}/api/v1/images/{}/members", env.server.endpoint(), img.id);
    assert_eq!(http.get(&url).send().await.unwrap().status().as_u16(), 401);
    let r = http.get(&url).header("X-Auth-Token", "gAAAAAforged").send().await.unwrap();
    assert_eq!(r.status().as_u16(), 401);

    // a real token works on raw requests too
    let r = http
        .post(format!("{}/identity/v3/auth/tokens", env.server.endpoint()))
        .json(&serde_json::json!({"auth": {"identity": {"methods": ["application_credential"],
            "application_credential": {"id": cred.key_id, "secret": cred.secret}}}}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 201);
    let token = r.headers()["x-subject-token"].to_str().unwrap().to_string();
    let body: serde_json::Value = r.json().await.unwrap();
    assert_eq!(body["token"]["project"]["id"], owner.id.as_str());
    assert!(is_iso8601_utc(body["token"]["expires_at"].as_str().unwrap()));
    let r = http.get(&url).header("X-Auth-Token", &token).send().await.unwrap();
    assert_eq!(r.status().as_u16(), 200);
    let list: serde_json::Value = r.json().await.unwrap();
    assert!(list["members"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn fifty_members_at_most_even_in_parallel() {
    let env = Env::new().await;
    let second = CloudServer::open(env.db(), "127.0.0.1:0").await.unwrap();
    let (owner, cred) = env.account(Cloud::Kakaocloud);
    let img = env.image(Cloud::Kakaocloud, &owner);
    let projects: Vec<String> = (0..64).map(|_| env.account(Cloud::Kakaocloud).0.id).collect();
    let a = std::sync::Arc::new(client(&env, &cred.key_id, &cred.secret));
    let b = std::sync::Arc::new(KakaoImageClient::new(&second.endpoint(), &cred.key_id, &cred.secret).unwrap());

    let mut tasks = tokio::task::JoinSet::new();
    for (i, p) in projects.iter().enumerate() {
        let c = if i % 2 == 0 { a.clone() } else { b.clone() };
        let (img, p) = (img.id.clone(), p.clone());
        tasks.spawn(async move { c.add_member(&img, &p).await });
    }
    let (mut ok, mut quota) = (0, 0);
    while let Some(r) = tasks.join_next().await {
        match r.unwrap() {
            Ok(_) => ok += 1,
            Err(e) if e.status() == Some(413) && e.code() == Some("MemberQuotaExceeded") => quota += 1,
            Err(e) => panic!("unexpected error: {e}"),
        }
    }
    assert_eq!((ok, quota), (SHARE_LIMIT, 64 - SHARE_LIMIT));
    assert_eq!(a.list_members(&img.id).await.unwrap().len(), SHARE_LIMIT);
    second.shutdown().await.unwrap();
}

#[tokio::test]
async fn injected_429_then_success_and_restart() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cloud.db");
    let server = CloudServer::open(&db, "127.0.0.1:0").await.unwrap();
    let (owner, cred) = server.store().create_account(Cloud::Kakaocloud, None, None).unwrap();
    let (friend, _) = server.store().create_account(Cloud::Kakaocloud, None, None).unwrap();
    let img = server.store().create_image(Cloud::Kakaocloud, Some(&owner.id), false, None, None, None).unwrap();
    let k = KakaoImageClient::new(&server.endpoint(), &cred.key_id, &cred.secret).unwrap();
    k.authenticate().await.unwrap();

    server.inject_faults(FaultPlan { count: 3, status: 429, path_prefix: Some("/api/".into()) });
    for _ in 0..3 {
        let e = k.add_member(&img.id, &friend.id).await.unwrap_err();
        assert!(e.is_throttled() && e.is_retryable(), "{e}");
        assert_eq!(code(&e), "TooManyRequests");
    }
    let m = k.add_member(&img.id, &friend.id).await.unwrap();
    let addr = server.addr();
    server.shutdown().await.unwrap();

    let e = k.get_member(&img.id, &friend.id).await.unwrap_err();
    assert!(matches!(e, CloudError::Unreachable { .. }), "{e:?}");

    // same address, same database: the share and the issued token survive
    let server = CloudServer::open(&db, &addr.to_string()).await.unwrap();
    assert_eq!(k.get_member(&img.id, &friend.id).await.unwrap(), m);
    server.shutdown().await.unwrap();
}
