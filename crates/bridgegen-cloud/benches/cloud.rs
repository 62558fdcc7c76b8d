//! Throughput of the embedded cloud through the real clients (signed Alibaba calls, Kakao
//! token-authenticated calls), on a temporary database with `synchronous=FULL`.
//! Run: `cargo bench -p bridgegen-cloud --bench cloud`.

use std::time::Instant;

use bridgegen_cloud::{AliyunEcsClient, Cloud, CloudServer, KakaoImageClient};

fn report(what: &str, n: usize, started: Instant) {
    let s = started.elapsed().as_secs_f64();
    println!("{what:<55} {n:>5} ops {:>8.1} ms {:>9.0} ops/s {:>7.2} ms/op", s * 1e3, n as f64 / s, s * 1e3 / n as f64);
}

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    rt.block_on(async {
        let dir = tempfile::tempdir().unwrap();
        let server = CloudServer::open(dir.path().join("cloud.db"), "127.0.0.1:0").await.unwrap();
        let store = server.store().clone();
        let (owner, cred) = store.create_account(Cloud::Alicloud, None, None).unwrap();
        let friends: Vec<String> =
            (0..50).map(|_| store.create_account(Cloud::Alicloud, None, None).unwrap().0.id).collect();
        let images: Vec<String> = (0..4)
            .map(|_| store.create_image(Cloud::Alicloud, Some(&owner.id), false, None, None, None).unwrap().id)
            .collect();
        let ecs = AliyunEcsClient::new(&server.endpoint(), &cred.key_id, &cred.secret, "cn-beijing").unwrap();

        let t = Instant::now();
        for f in &friends {
            ecs.modify_image_share_permission(&images[0], &[f.as_str()], &[]).await.unwrap();
        }
        report("alicloud ModifyImageSharePermission (sequential)", friends.len(), t);

        let t = Instant::now();
        for _ in 0..200 {
            ecs.describe_image_share_permission(&images[0], 1, 100).await.unwrap();
        }
        report("alicloud DescribeImageSharePermission 50 accts (seq)", 200, t);

        let t = Instant::now();
        let mut set = tokio::task::JoinSet::new();
        for (i, f) in friends.iter().enumerate() {
            let (c, img, f) = (ecs.clone(), images[1 + i % 3].clone(), f.clone());
            set.spawn(async move { c.modify_image_share_permission(&img, &[f.as_str()], &[]).await.unwrap() });
        }
        while set.join_next().await.is_some() {}
        report("alicloud ModifyImageSharePermission (50 parallel)", friends.len(), t);

        let (kowner, kcred) = store.create_account(Cloud::Kakaocloud, None, None).unwrap();
        let members: Vec<String> =
            (0..50).map(|_| store.create_account(Cloud::Kakaocloud, None, None).unwrap().0.id).collect();
        let kimg = store.create_image(Cloud::Kakaocloud, Some(&kowner.id), false, None, None, None).unwrap().id;
        let k = KakaoImageClient::new(&server.endpoint(), &kcred.key_id, &kcred.secret).unwrap();
        k.authenticate().await.unwrap();
        let t = Instant::now();
        for m in &members {
            k.add_member(&kimg, m).await.unwrap();
        }
        report("kakaocloud add_member (sequential)", members.len(), t);
        let t = Instant::now();
        for m in &members {
            k.get_member(&kimg, m).await.unwrap();
        }
        report("kakaocloud get_member (sequential)", members.len(), t);
        let t = Instant::now();
        for m in &members {
            k.remove_member(&kimg, m).await.unwrap();
        }
        report("kakaocloud remove_member (sequential)", members.len(), t);
        server.shutdown().await.unwrap();
    });
}
