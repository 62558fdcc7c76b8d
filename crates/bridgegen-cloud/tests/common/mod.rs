//! Shared helpers: a server on a fresh temporary database.
#![allow(dead_code)]

use bridgegen_cloud::{Account, Cloud, CloudServer, Credential, Image};

pub struct Env {
    pub dir: tempfile::TempDir,
    pub server: CloudServer,
}

impl Env {
    pub async fn new() -> Env {
        let dir = tempfile::tempdir().unwrap();
        let server = CloudServer::open(dir.path().join("cloud.db"), "127.0.0.1:0").await.unwrap();
        Env { dir, server }
    }

    pub fn db(&self) -> std::path::PathBuf {
        self.dir.path().join("cloud.db")
    }

    pub fn account(&self, cloud: Cloud) -> (Account, Credential) {
        self.server.store().create_account(cloud, None, None).unwrap()
    }

    pub fn image(&self, cloud: Cloud, owner: &Account) -> Image {
        self.server.store().create_image(cloud, Some(&owner.id), false, None, None, None).unwrap()
    }
}
