//! The real Pulumi engine end to end (issue 12): programs in TypeScript, Python, Go and YAML
//! using the generated SDKs, the provider plugins of this workspace and the embedded cloud.
//!
//! The whole lifecycle (up, no-change preview, replace, refresh after an out-of-band delete,
//! import, secrets in state, faults, quota, destroy, and kakaocloud's timeouts) runs once per
//! provider: alicloud in TypeScript, kakaocloud in Python. The other languages run a shorter
//! up / preview / destroy. Each test has its own cloud, database, state and plugin folder, so
//! libtest runs them in parallel. Skipped (with the reason) where the Pulumi CLI is not built:
//! see `tests/setup/pulumi.sh`.

use bridgegen_e2e::programs::{self, Lang, Provider};
use bridgegen_e2e::{is_iso8601_utc, step, Cloud, Seed, Stack, Tools};
use bridgegen_test_support::require;

/// Member accounts/projects seeded for the full lifecycle: m0..m50 for the quota step, and
/// more for the replace and timeout steps.
const FULL_MEMBERS: usize = 53;

struct Env {
    // Field order: the stack and the cloud go before the folder they live in.
    stack: Stack,
    cloud: Cloud,
    seed: Seed,
    provider: Provider,
    _work: tempfile::TempDir,
}

fn setup(tools: &Tools, provider: Provider, lang: Lang, members: usize) -> Env {
    let work = tempfile::Builder::new().prefix("bridgegen-e2e-").tempdir().unwrap();
    step(&format!("{} in {lang:?}, workdir {}", provider.name(), work.path().display()));
    let cloud = Cloud::start(tools, &work.path().join("cloud"));
    let seed = cloud.seed(provider.kind(), members);
    let program = programs::create(tools, work.path(), provider, lang);
    let stack = Stack::new(tools, work.path(), &program.dir, &program.project, program.env.clone());
    let (plain, (secret_key, secret)) = provider.provider_config(&cloud.endpoint, &seed.key_id, &seed.secret);
    for (k, v) in &plain {
        stack.config(k, v);
    }
    stack.config_secret(&secret_key, &secret);
    stack.config("imageId", &seed.image);
    Env { stack, cloud, seed, provider, _work: work }
}

impl Env {
    fn set_members(&self, members: &[String]) {
        self.stack.config("members", &serde_json::to_string(members).unwrap());
    }

    fn id(&self, member: &str) -> String {
        format!("{}:{member}", self.seed.image)
    }

    fn token(&self) -> &'static str {
        self.provider.token()
    }

    /// The cloud's shares of the image, sorted.
    fn shares(&self) -> Vec<String> {
        let mut s = self.cloud.shares(&self.seed.image);
        s.sort();
        s
    }

    fn sorted(members: &[String]) -> Vec<String> {
        let mut m = members.to_vec();
        m.sort();
        m
    }

    /// Outputs `ids` (and for kakaocloud `statuses`, `createdAts`) match `members`.
    fn check_outputs(&self, members: &[String]) {
        let out = self.stack.outputs();
        let ids: Vec<String> = members.iter().map(|m| self.id(m)).collect();
        assert_eq!(out["ids"], serde_json::json!(ids), "{out}");
        if self.provider == Provider::Kakaocloud {
            let statuses = out["statuses"].as_array().expect("statuses output");
            let created = out["createdAts"].as_array().expect("createdAts output");
            assert_eq!(statuses.len(), members.len(), "{out}");
            for (s, c) in statuses.iter().zip(created) {
                assert_eq!(s, "pending", "a new member is pending: {out}");
                assert!(c.as_str().is_some_and(is_iso8601_utc), "createdAt is not ISO-8601 UTC: {out}");
            }
        }
    }

    /// Up with `members`, then the cloud and the outputs hold exactly them; a preview right
    /// after shows no changes.
    fn up_with(&self, members: &[String]) -> String {
        self.set_members(members);
        let text = self.stack.up();
        assert_eq!(self.shares(), Self::sorted(members), "cloud after up:\n{text}");
        self.check_outputs(members);
        self.stack.preview_clean();
        text
    }

    fn destroy(&self) {
        step("destroy");
        self.stack.ok(&["destroy", "--yes", "--skip-preview"]);
        assert!(self.shares().is_empty(), "shares left in the cloud after destroy: {:?}", self.shares());
        let export = self.stack.export();
        let left = export["deployment"]["resources"].as_array().map(Vec::len).unwrap_or(0);
        assert_eq!(left, 0, "resources left in the stack after destroy: {export}");
    }
}

/// Up, a no-change preview, destroy.
fn short(provider: Provider, lang: Lang) {
    let tools = require!(Tools::find());
    let env = setup(&tools, provider, lang, 1);
    step("up");
    env.up_with(&env.seed.members[..1]);
    env.destroy();
}

/// Steps 1-10 of the issue.
fn full_lifecycle(provider: Provider, lang: Lang) {
    let tools = require!(Tools::find());
    let mut env = setup(&tools, provider, lang, FULL_MEMBERS);
    let m = env.seed.members.clone();
    let token = env.token();
    let first = provider.resource_name(0);

    step("1-2, 10: up creates the share; preview shows no changes; outputs");
    let text = env.up_with(&m[..1]);
    assert!(text.contains("created"), "{text}");

    step("3: a new account/project id replaces the share");
    let text = env.up_with(&m[1..2]);
    assert!(text.contains("replaced"), "the engine did not replace:\n{text}");

    step("4: out-of-band delete, refresh drops it, up recreates it (through injected 429s)");
    env.cloud.remove_share_out_of_band(provider.kind(), &env.seed, &m[1]);
    let text = env.stack.ok(&["refresh", "--yes", "--skip-preview"]);
    assert!(text.contains("deleted"), "refresh did not drop the share:\n{text}");
    assert!(env.stack.resources(token).is_empty(), "refresh kept the deleted share");
    env.cloud.inject_faults(3, 429);
    let text = env.up_with(&m[1..2]);
    assert!(text.contains("created"), "{text}");
    assert_eq!(env.cloud.pending_faults(), 0, "the injected 429s were not all met");

    step("5: import by id, unprotected, previews clean");
    env.stack.ok(&["state", "delete", &env.stack.urn(token, &first), "--yes"]);
    assert!(env.stack.resources(token).is_empty());
    assert_eq!(env.shares(), vec![m[1].clone()], "state delete must not touch the cloud");
    env.stack.ok(&["import", token, &first, &env.id(&m[1]), "--yes", "--protect=false"]);
    assert_eq!(env.stack.resources(token), vec![(first.clone(), env.id(&m[1]))]);
    env.stack.preview_clean();

    step("7: the credential secret is not in plain text in the state or the export");
    let state = env.stack.state_files_text();
    let export = env.stack.ok(&["stack", "export"]);
    let (_, (secret_key, _)) = provider.provider_config("", "", "");
    assert!(state.contains(&env.seed.image) && state.contains("ciphertext"), "no state written?");
    assert!(export.contains("ciphertext"), "the export holds no encrypted value:\n{export}");
    assert!(!state.contains(&env.seed.secret), "{secret_key} is in plain text in the state file");
    assert!(!export.contains(&env.seed.secret), "{secret_key} is in plain text in `pulumi stack export`");

    step("8: cloud stopped: up fails naming the endpoint; state consistent; restart converges");
    env.cloud.stop();
    env.set_members(&m[1..3]);
    let text = env.stack.fails(&["up", "--yes", "--skip-preview"]);
    assert!(text.contains(&env.cloud.addr()), "the error does not name the endpoint {}:\n{text}", env.cloud.addr());
    let export = env.stack.export();
    let pending = export["deployment"]["pending_operations"].as_array().map(Vec::len).unwrap_or(0);
    assert_eq!(pending, 0, "pending operations left: {export}");
    assert_eq!(env.stack.resources(token), vec![(first.clone(), env.id(&m[1]))]);
    env.cloud.restart();
    env.up_with(&m[1..3]);

    step("8: 50 shares, then a 51st fails with the quota message; the 50 are untouched");
    env.up_with(&m[1..51]);
    let before = env.shares();
    env.set_members(&m[1..52]);
    let text = env.stack.fails(&["up", "--yes", "--skip-preview"]);
    assert!(text.contains("maximum of 50"), "no quota message:\n{text}");
    assert!(text.contains(&m[51]), "the message does not name the 51st account:\n{text}");
    assert_eq!(env.shares(), before, "the first 50 shares changed");
    assert_eq!(env.stack.resources(token).len(), 50);
    env.set_members(&m[1..51]);
    env.stack.preview_clean();

    step("6: destroy leaves nothing in the cloud and nothing in the stack");
    env.destroy();

    if provider == Provider::Kakaocloud {
        step("9: timeouts.create = 1ms fails naming the timeout; an invalid duration fails at preview");
        env.set_members(&m[52..53]);
        env.stack.config("createTimeout", "1ms");
        let text = env.stack.fails(&["up", "--yes", "--skip-preview"]);
        assert!(text.contains("timeout of 1ms"), "the timeout is not named:\n{text}");
        let export = env.stack.export();
        let pending = export["deployment"]["pending_operations"].as_array().map(Vec::len).unwrap_or(0);
        assert_eq!(pending, 0, "pending operations left: {export}");
        env.stack.config("createTimeout", "ten minutes");
        let text = env.stack.fails(&["preview"]);
        assert!(text.contains("timeouts.create"), "the failure does not name the property path:\n{text}");
    }
}

#[test]
fn alicloud_typescript_full_lifecycle() {
    full_lifecycle(Provider::Alicloud, Lang::TypeScript);
}

#[test]
fn kakaocloud_python_full_lifecycle() {
    full_lifecycle(Provider::Kakaocloud, Lang::Python);
}

#[test]
fn alicloud_python() {
    short(Provider::Alicloud, Lang::Python);
}

#[test]
fn alicloud_go() {
    short(Provider::Alicloud, Lang::Go);
}

#[test]
fn kakaocloud_typescript() {
    short(Provider::Kakaocloud, Lang::TypeScript);
}

#[test]
fn kakaocloud_go() {
    short(Provider::Kakaocloud, Lang::Go);
}

/// Pulumi YAML delivers a digit-only config string as a number; the provider's Check takes
/// it as the string the schema says it is.
#[test]
fn alicloud_yaml_with_a_digit_only_account_id_in_config() {
    let tools = require!(Tools::find());
    let env = setup(&tools, Provider::Alicloud, Lang::Yaml, 1);
    let account = env.seed.members[0].clone();
    assert!(account.chars().all(|c| c.is_ascii_digit()), "{account}");
    env.stack.config("accountId", &account);
    step("up");
    env.stack.up();
    assert_eq!(env.shares(), vec![account.clone()]);
    assert_eq!(env.stack.outputs()["shareId"], env.id(&account).as_str());
    env.stack.preview_clean();
    env.destroy();
}
