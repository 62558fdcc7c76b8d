//! Alibaba Cloud ECS API of the embedded cloud, driven through `AliyunEcsClient`.

mod common;

use bridgegen_cloud::{AliyunEcsClient, Cloud, CloudError, FaultPlan, SHARE_LIMIT};
use common::Env;

fn client(env: &Env, key: &str, secret: &str) -> AliyunEcsClient {
    AliyunEcsClient::new(&env.server.endpoint(), key, secret, "cn-beijing").unwrap()
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
    assert_eq!(page.accounts[0].aliyun_id, friend.id);
    let t = page.accounts[0].shared_time.as_deref().unwrap();
    assert!(bridgegen_cloud::time::is_iso8601_utc(t), "{t}");
    // adding again is idempotent
    ecs.modify_image_share_permission(&img.id, &[friend.id.as_str()], &[]).await.unwrap();
    assert_eq!(ecs.shared_accounts(&img.id).await.unwrap().len(), 1);

    ecs.modify_image_share_permission(&img.id, &[], &[friend.id.as_str()]).await.unwrap();
    assert!(ecs.find_share(&img.id, &friend.id).await.unwrap().is_none());
}
