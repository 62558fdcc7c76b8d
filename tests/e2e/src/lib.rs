//! Harness of the end-to-end tests: the real Pulumi CLI (built by `tests/setup/pulumi.sh`)
//! runs programs written against the generated SDKs, installed the way users install them,
//! with the provider plugins of this workspace, against `bridgegen cloud serve` on a free port
//! with a fresh database, on a local file backend with no network access to pulumi.com.
//!
//! - [`Tools`]: where the Pulumi CLI and this workspace's binaries are;
//! - [`Cloud`]: one embedded cloud process (start, stop, restart on the same port, faults);
//! - [`Stack`]: one Pulumi project + stack, and every CLI command the tests run on it;
//! - [`programs`]: the programs in TypeScript, Python, Go and YAML, and their installation.

pub mod programs;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use bridgegen_cloud::{Cloud as CloudKind, Store};

/// The Pulumi CLI folder and the folder holding `bridgegen` and the provider plugins.
#[derive(Clone, Debug)]
pub struct Tools {
    pub pulumi_bin: PathBuf,
    pub target_bin: PathBuf,
}

impl Tools {
    /// The tools, or why the end-to-end tests cannot run here (no `shared/` folder, CLI not
    /// built). Missing workspace binaries are a broken build, not a reason to skip: panics.
    pub fn find() -> Result<Tools, String> {
        let pulumi_bin = bridgegen_test_support::pulumi_cli()?;
        for tool in ["node", "npm", "go"] {
            bridgegen_test_support::tool(tool)?;
        }
        // target/<profile>/deps/<this test> -> target/<profile>
        let exe = std::env::current_exe().expect("current exe");
        let target_bin = exe.parent().and_then(Path::parent).expect("target dir").to_path_buf();
        for b in ["bridgegen", "pulumi-resource-alicloud", "pulumi-resource-kakaocloud"] {
            assert!(
                target_bin.join(b).is_file(),
                "{} is missing: build the workspace binaries first (`cargo build --workspace --bins`; \
                 `cargo test --workspace` does it)",
                target_bin.join(b).display()
            );
        }
        Ok(Tools { pulumi_bin, target_bin })
    }

    pub fn bridgegen(&self) -> PathBuf {
        self.target_bin.join("bridgegen")
    }
}

/// Prints a step of a test (shown with `--nocapture` and on failure).
pub fn step(what: &str) {
    eprintln!("== e2e {}: {what}", bridgegen_test_support::current_test());
}

/// One `bridgegen cloud serve` process on loopback with its own database.
pub struct Cloud {
    bin: PathBuf,
    dir: PathBuf,
    pub db: PathBuf,
    pub endpoint: String,
    child: Option<Child>,
    starts: u32,
}

impl Cloud {
    /// Starts a cloud with a fresh database in `dir`, on a free port.
    pub fn start(tools: &Tools, dir: &Path) -> Cloud {
        std::fs::create_dir_all(dir).unwrap();
        let mut cloud = Cloud {
            bin: tools.bridgegen(),
            dir: dir.to_path_buf(),
            db: dir.join("cloud.db"),
            endpoint: String::new(),
            child: None,
            starts: 0,
        };
        cloud.spawn("127.0.0.1:0");
        cloud
    }

    fn spawn(&mut self, addr: &str) {
        self.starts += 1;
        let out = self.dir.join(format!("cloud-{}.out", self.starts));
        let err = self.dir.join(format!("cloud-{}.err", self.starts));
        let child = Command::new(&self.bin)
            .args(["cloud", "serve", "--addr", addr, "--db"])
            .arg(&self.db)
            .stdin(Stdio::null())
            .stdout(std::fs::File::create(&out).unwrap())
            .stderr(std::fs::File::create(&err).unwrap())
            .spawn()
            .expect("start bridgegen cloud serve");
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let text = std::fs::read_to_string(&out).unwrap_or_default();
            if let Some(line) = text.lines().next().filter(|_| text.contains('\n')) {
                self.endpoint = line.trim().to_string();
                return;
            }
            if let Some(status) = self.child.as_mut().unwrap().try_wait().unwrap() {
                panic!("cloud serve exited ({status}): {}", std::fs::read_to_string(&err).unwrap_or_default());
            }
            assert!(Instant::now() < deadline, "cloud serve printed no endpoint within 60 s");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// `127.0.0.1:PORT` of the endpoint.
    pub fn addr(&self) -> String {
        self.endpoint.trim_start_matches("http://").trim_end_matches('/').to_string()
    }

    /// Stops the cloud process (the database stays).
    pub fn stop(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    /// Starts the cloud again on the same port and database.
    pub fn restart(&mut self) {
        self.stop();
        let addr = self.addr();
        let before = self.endpoint.clone();
        self.spawn(&addr);
        assert_eq!(self.endpoint, before, "the cloud came back on another address");
    }

    pub fn store(&self) -> Store {
        Store::open(&self.db).expect("open the cloud database")
    }

    /// Makes the next `count` cloud requests fail with HTTP `status` (`POST /_bridgegen/faults`).
    pub fn inject_faults(&self, count: u32, status: u16) {
        let body = serde_json::json!({ "count": count, "status": status });
        let url = format!("{}/_bridgegen/faults", self.endpoint);
        block_on(async {
            let r = reqwest::Client::new().post(&url).json(&body).send().await.expect("POST faults");
            assert!(r.status().is_success(), "POST {url}: {}", r.status());
        });
    }

    /// How many injected faults are still pending (`GET /_bridgegen/faults`).
    pub fn pending_faults(&self) -> u64 {
        let url = format!("{}/_bridgegen/faults", self.endpoint);
        block_on(async {
            let r = reqwest::Client::new().get(&url).send().await.expect("GET faults");
            let v: serde_json::Value = r.json().await.unwrap_or(serde_json::Value::Null);
            v.get("count").and_then(serde_json::Value::as_u64).unwrap_or(0)
        })
    }

    /// An owner account/project with one image, and `members` other accounts/projects.
    pub fn seed(&self, kind: CloudKind, members: usize) -> Seed {
        let store = self.store();
        let (owner, cred) = store.create_account(kind, None, None).expect("create owner");
        let image = store.create_image(kind, Some(&owner.id), false, None, None, None).expect("create image");
        let members =
            (0..members).map(|_| store.create_account(kind, None, None).expect("create member").0.id).collect();
        Seed { owner: owner.id, key_id: cred.key_id, secret: cred.secret, image: image.id, members }
    }

    /// Removes the share of `seed.image` with `member` through the cloud's HTTP API, as the
    /// image owner would outside Pulumi.
    pub fn remove_share_out_of_band(&self, kind: CloudKind, seed: &Seed, member: &str) {
        block_on(async {
            match kind {
                CloudKind::Alicloud => {
                    let c =
                        bridgegen_cloud::AliyunEcsClient::new(&self.endpoint, &seed.key_id, &seed.secret, "cn-beijing")
                            .unwrap();
                    c.modify_image_share_permission(&seed.image, &[], &[member]).await.expect("RemoveAccount");
                }
                CloudKind::Kakaocloud => {
                    let c = bridgegen_cloud::KakaoImageClient::new(&self.endpoint, &seed.key_id, &seed.secret).unwrap();
                    c.remove_member(&seed.image, member).await.expect("remove member");
                }
            }
        });
    }

    /// The accounts/projects `image` is shared with, as the cloud holds them.
    pub fn shares(&self, image: &str) -> Vec<String> {
        self.store().shares(image).expect("shares").into_iter().map(|s| s.member_id).collect()
    }
}

impl Drop for Cloud {
    fn drop(&mut self) {
        self.stop();
    }
}

/// What [`Cloud::seed`] created.
#[derive(Clone, Debug)]
pub struct Seed {
    pub owner: String,
    pub key_id: String,
    pub secret: String,
    pub image: String,
    pub members: Vec<String>,
}

pub fn block_on<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(f)
}

/// The result of one CLI command.
pub struct Run {
    pub ok: bool,
    /// stdout then stderr.
    pub text: String,
}

/// A Pulumi project (its program folder) with the stack `dev` on a file backend.
pub struct Stack {
    pub dir: PathBuf,
    pub project: String,
    state: PathBuf,
    home: PathBuf,
    tools: Tools,
    extra_env: Vec<(String, String)>,
}

impl Stack {
    /// A stack for the program in `dir` (written by [`programs`]); state and plugin cache
    /// live beside it under `work`.
    pub fn new(tools: &Tools, work: &Path, dir: &Path, project: &str, extra_env: Vec<(String, String)>) -> Stack {
        let state = work.join("state");
        let home = work.join("pulumi-home");
        std::fs::create_dir_all(&state).unwrap();
        std::fs::create_dir_all(&home).unwrap();
        let s = Stack {
            dir: dir.to_path_buf(),
            project: project.to_string(),
            state,
            home,
            tools: tools.clone(),
            extra_env,
        };
        s.ok(&["stack", "init", "dev"]);
        s
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new(self.tools.pulumi_bin.join("pulumi"));
        c.args(args).current_dir(&self.dir).stdin(Stdio::null());
        // The language hosts are found next to `pulumi`; node, python and go on PATH.
        let path = std::env::var_os("PATH").unwrap_or_default();
        let mut paths = vec![self.tools.pulumi_bin.clone()];
        paths.extend(std::env::split_paths(&path));
        c.env("PATH", std::env::join_paths(paths).unwrap());
        // Nothing from the caller's environment may point the providers elsewhere.
        for (k, _) in std::env::vars() {
            if k.starts_with("ALICLOUD_") || k.starts_with("KAKAOCLOUD_") || k.starts_with("PULUMI_") {
                c.env_remove(k);
            }
        }
        c.env_remove("BRIDGEGEN_CLOUD_ENDPOINT");
        c.envs([
            ("PULUMI_HOME", self.home.to_string_lossy().into_owned()),
            ("PULUMI_BACKEND_URL", format!("file://{}", self.state.display())),
            ("PULUMI_CONFIG_PASSPHRASE", "e2e-passphrase".into()),
            ("PULUMI_SKIP_UPDATE_CHECK", "true".into()),
            ("PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION", "true".into()),
            ("PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK", "true".into()),
            ("PULUMI_SKIP_CONFIRMATIONS", "true".into()),
            ("NO_COLOR", "1".into()),
        ]);
        c.envs(self.extra_env.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        c
    }

    /// Runs `pulumi ARGS` (with `--non-interactive`), returning success and output.
    pub fn run(&self, args: &[&str]) -> Run {
        let mut all: Vec<&str> = args.to_vec();
        all.push("--non-interactive");
        let started = Instant::now();
        let out = self.command(&all).output().expect("run pulumi");
        let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        // Secrets never reach the log: the value after `--secret KEY` is masked.
        let shown: Vec<&str> = args
            .iter()
            .enumerate()
            .map(|(i, a)| if i >= 2 && args[i - 2] == "--secret" { "[secret]" } else { *a })
            .collect();
        eprintln!(
            "   pulumi {} ({}, {:.1}s)",
            shown.join(" "),
            if out.status.success() { "ok" } else { "failed" },
            started.elapsed().as_secs_f64()
        );
        Run { ok: out.status.success(), text }
    }

    /// Runs a command that must succeed; returns its output.
    pub fn ok(&self, args: &[&str]) -> String {
        let r = self.run(args);
        assert!(r.ok, "`pulumi {}` failed in {}:\n{}", args.join(" "), self.dir.display(), r.text);
        r.text
    }

    /// Runs a command that must fail; returns its output.
    pub fn fails(&self, args: &[&str]) -> String {
        let r = self.run(args);
        assert!(!r.ok, "`pulumi {}` succeeded but must fail:\n{}", args.join(" "), r.text);
        r.text
    }

    pub fn config(&self, key: &str, value: &str) {
        self.ok(&["config", "set", key, value]);
    }

    pub fn config_secret(&self, key: &str, value: &str) {
        self.ok(&["config", "set", "--secret", key, value]);
    }

    pub fn up(&self) -> String {
        self.ok(&["up", "--yes", "--skip-preview"])
    }

    /// `pulumi preview --expect-no-changes` must pass.
    pub fn preview_clean(&self) {
        self.ok(&["preview", "--expect-no-changes"]);
    }

    pub fn outputs(&self) -> serde_json::Value {
        let text = self.ok(&["stack", "output", "--json"]);
        serde_json::from_str(json_part(&text)).unwrap_or_else(|e| panic!("stack output --json: {e}:\n{text}"))
    }

    /// `pulumi stack export` as JSON.
    pub fn export(&self) -> serde_json::Value {
        let text = self.ok(&["stack", "export"]);
        serde_json::from_str(json_part(&text)).unwrap_or_else(|e| panic!("stack export: {e}:\n{text}"))
    }

    /// The custom resources of type `token` in the stack, as (name, id).
    pub fn resources(&self, token: &str) -> Vec<(String, String)> {
        let export = self.export();
        let mut out: Vec<(String, String)> = export["deployment"]["resources"]
            .as_array()
            .map(|rs| {
                rs.iter()
                    .filter(|r| r["type"] == token)
                    .map(|r| {
                        let urn = r["urn"].as_str().unwrap_or_default();
                        let name = urn.rsplit("::").next().unwrap_or_default().to_string();
                        (name, r["id"].as_str().unwrap_or_default().to_string())
                    })
                    .collect()
            })
            .unwrap_or_default();
        out.sort();
        out
    }

    /// Every stack state file of the file backend, concatenated (including backups).
    pub fn state_files_text(&self) -> String {
        let mut out = String::new();
        let mut stack = vec![self.state.clone()];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else {
                    out.push_str(&String::from_utf8_lossy(&std::fs::read(&p).unwrap_or_default()));
                }
            }
        }
        out
    }

    /// The URN of resource `name` of type `token` in this stack.
    pub fn urn(&self, token: &str, name: &str) -> String {
        format!("urn:pulumi:dev::{}::{token}::{name}", self.project)
    }
}

/// The JSON document in a command's output (the CLI may print warnings before it).
fn json_part(text: &str) -> &str {
    let start = text.find(['{', '[']).unwrap_or(0);
    let end = text.rfind(['}', ']']).map(|i| i + 1).unwrap_or(text.len());
    &text[start..end]
}

/// Does `s` look like an ISO-8601 UTC timestamp (`2026-12-04T15:04:05Z`, fractions allowed)?
pub fn is_iso8601_utc(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r.clone()).is_some_and(|x| x.iter().all(u8::is_ascii_digit));
    s.len() >= 20
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && b[10] == b'T'
        && digits(11..13)
        && b[13] == b':'
        && digits(14..16)
        && b[16] == b':'
        && digits(17..19)
        && s.ends_with('Z')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_timestamps() {
        assert!(is_iso8601_utc("2026-12-04T15:04:05Z"));
        assert!(is_iso8601_utc("2026-12-04T15:04:05.123Z"));
        for bad in ["2026-12-04 15:04:05Z", "2026-12-04T15:04:05+09:00", "", "yesterday"] {
            assert!(!is_iso8601_utc(bad), "{bad}");
        }
    }

    #[test]
    fn json_after_warnings() {
        assert_eq!(json_part("warning: x\n{\"a\": [1]}\n"), "{\"a\": [1]}");
    }
}
