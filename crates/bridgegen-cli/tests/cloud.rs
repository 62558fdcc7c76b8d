//! `bridgegen cloud ...` end to end: seed with the CLI, serve, talk HTTP, read back.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};

fn bridgegen(db: &std::path::Path, args: &[&str]) -> (bool, String, String) {
    let out =
        Command::new(env!("CARGO_BIN_EXE_bridgegen")).arg("cloud").arg("--db").arg(db).args(args).output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn json(db: &std::path::Path, args: &[&str]) -> serde_json::Value {
    let (ok, out, err) = bridgegen(db, args);
    assert!(ok, "bridgegen cloud {args:?} failed: {err}");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("not JSON ({e}): {out}"))
}

fn http_get(addr: &str, path: &str) -> String {
    let mut s = TcpStream::connect(addr).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    out
}

#[test]
fn seed_serve_and_list() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cloud.db");

    let owner = json(&db, &["account", "create", "--cloud", "alicloud", "--json"]);
    let owner_id = owner["account"]["id"].as_str().unwrap().to_string();
    assert!(owner_id.bytes().all(|b| b.is_ascii_digit()), "{owner}");
    assert!(owner["credential"]["key_id"].as_str().unwrap().starts_with("LTAI"));
    assert!(!owner["credential"]["secret"].as_str().unwrap().is_empty());

    let (ok, text, _) = bridgegen(&db, &["account", "create", "--cloud", "kakaocloud", "--id", "projecta"]);
    assert!(ok);
    assert!(text.contains("application credential secret:"), "{text}");

    let friend = json(&db, &["account", "create", "--cloud", "alicloud", "--id", "1234567890123456", "--json"]);
    let friend_id = friend["account"]["id"].as_str().unwrap().to_string();
    assert_eq!(friend_id, "1234567890123456");
    let img = json(
        &db,
        &["image", "create", "--cloud", "alicloud", "--owner", &owner_id, "--id", "m-seedimage0000000001", "--json"],
    );
    assert_eq!(img["owner"], owner_id.as_str());
    assert_eq!(img["system"], false);
    let sys = json(&db, &["image", "create", "--cloud", "kakaocloud", "--system", "--json"]);
    assert_eq!(sys["system"], true);
    assert!(sys["owner"].is_null());

    // refusals are errors with a message
    let (ok, _, err) = bridgegen(&db, &["image", "create", "--cloud", "alicloud", "--owner", "424242"]);
    assert!(!ok && err.contains("424242"), "{err}");
    let (ok, _, _) = bridgegen(&db, &["image", "create", "--cloud", "alicloud"]);
    assert!(!ok, "an owner or --system is required");
    let (ok, _, err) = bridgegen(
        &db,
        &["image", "create", "--cloud", "alicloud", "--owner", &owner_id, "--id", "m-seedimage0000000001"],
    );
    assert!(!ok && err.contains("already exists"), "{err}");

    let list = json(&db, &["image", "list", "--json"]);
    assert_eq!(list.as_array().unwrap().len(), 2);
    let (ok, table, _) = bridgegen(&db, &["image", "list"]);
    assert!(ok && table.contains("m-seedimage0000000001") && table.contains("system"), "{table}");

    // serve on a free port: the first stdout line is the endpoint
    let mut child = Command::new(env!("CARGO_BIN_EXE_bridgegen"))
        .args(["cloud", "serve", "--addr", "127.0.0.1:0", "--db"])
        .arg(&db)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let endpoint = line.trim().to_string();
    let addr = endpoint.strip_prefix("http://").unwrap_or_else(|| panic!("not an endpoint: {line:?}")).to_string();
    let health = http_get(&addr, "/_bridgegen/health");
    let unsigned =
        http_get(&addr, "/?Action=DescribeImageSharePermission&ImageId=m-seedimage0000000001&RegionId=cn-beijing");
    // a signed share, answered 200, then the server is SIGKILLed: the share must be on disk
    let mut params: std::collections::BTreeMap<String, String> = [
        ("Action", "ModifyImageSharePermission"),
        ("Version", "2014-05-26"),
        ("Format", "JSON"),
        ("AccessKeyId", owner["credential"]["key_id"].as_str().unwrap()),
        ("SignatureMethod", "HMAC-SHA1"),
        ("SignatureVersion", "1.0"),
        ("SignatureNonce", "cli-test-nonce"),
        ("Timestamp", &bridgegen_cloud::time::now_iso8601()),
        ("RegionId", "cn-beijing"),
        ("ImageId", "m-seedimage0000000001"),
        ("AddAccount.1", &friend_id),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    let secret = owner["credential"]["secret"].as_str().unwrap();
    let signature = bridgegen_cloud::sign::sign(secret, &bridgegen_cloud::sign::string_to_sign("GET", &params));
    params.insert("Signature".into(), signature);
    let q: Vec<String> = params
        .iter()
        .map(|(k, v)| {
            format!("{}={}", bridgegen_cloud::sign::percent_encode(k), bridgegen_cloud::sign::percent_encode(v))
        })
        .collect();
    let shared = http_get(&addr, &format!("/?{}", q.join("&")));
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    assert!(health.starts_with("HTTP/1.1 200") && health.ends_with("ok"), "{health}");
    assert!(unsigned.starts_with("HTTP/1.1 400") && unsigned.contains("IncompleteSignature"), "{unsigned}");
    assert!(shared.starts_with("HTTP/1.1 200") && shared.contains("RequestId"), "{shared}");
    let (ok, table, _) = bridgegen(&db, &["image", "list"]);
    assert!(ok);
    let row = table.lines().find(|l| l.contains("m-seedimage0000000001")).unwrap();
    assert!(row.trim_end().ends_with(" 1"), "one share survives SIGKILL: {row}");

    // the CLI sees the same state the server used
    let store = bridgegen_cloud::Store::open(&db).unwrap();
    assert_eq!(store.list_accounts(None).unwrap().len(), 3);
    assert_eq!(store.shares("m-seedimage0000000001").unwrap().len(), 1);
    let (ok, _, _) = bridgegen(&db, &["image", "delete", "m-seedimage0000000001"]);
    assert!(ok);
    assert!(store.image("m-seedimage0000000001").unwrap().is_none());
}
