//! The Pulumi programs of the end-to-end tests, one per provider and language, and their
//! installation the way users install the generated SDKs:
//! - TypeScript: `npm install <sdks/PKG/nodejs> @pulumi/pulumi@3.270.0` (the SDK builds itself);
//! - Python: a venv with `pip install <sdks/PKG/python> pulumi==3.270.0`;
//! - Go: a module with `replace <sdk module> => <sdks/PKG/go>`;
//! - YAML: no SDK, the resource token.
//!
//! Every program reads the same stack config: `imageId`, `members` (a JSON list of account or
//! project ids, one resource each, named `share-<i>` / `member-<i>`) and, for kakaocloud,
//! `createTimeout` (optional, the resource's `timeouts.create`). They export `ids` and, for
//! kakaocloud, `statuses` and `createdAts`.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::Tools;

/// The version of the Node.js and Python Pulumi SDKs the programs use: the first release
/// served here at or above 3.269, the floor of the generated SDKs (their `exists` lookups
/// call `existsResource`). The CLI (3.259) runs newer SDKs, as it runs Go's v3.274.1.
pub const PULUMI_SDK_VERSION: &str = "3.270.0";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    TypeScript,
    Python,
    Go,
    Yaml,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Provider {
    Alicloud,
    Kakaocloud,
}

impl Provider {
    pub fn name(self) -> &'static str {
        match self {
            Provider::Alicloud => "alicloud",
            Provider::Kakaocloud => "kakaocloud",
        }
    }

    pub fn kind(self) -> bridgegen_cloud::Cloud {
        match self {
            Provider::Alicloud => bridgegen_cloud::Cloud::Alicloud,
            Provider::Kakaocloud => bridgegen_cloud::Cloud::Kakaocloud,
        }
    }

    /// The resource type token.
    pub fn token(self) -> &'static str {
        match self {
            Provider::Alicloud => "alicloud:ecs/imageSharePermission:ImageSharePermission",
            Provider::Kakaocloud => "kakaocloud:index/imageMember:ImageMember",
        }
    }

    /// Name of the `i`-th resource in the programs.
    pub fn resource_name(self, i: usize) -> String {
        match self {
            Provider::Alicloud => format!("share-{i}"),
            Provider::Kakaocloud => format!("member-{i}"),
        }
    }

    /// Stack config that points the provider at `endpoint` with the given credential; the
    /// secret part is set with `--secret`. Returns (plain, secret) pairs.
    pub fn provider_config(
        self,
        endpoint: &str,
        key_id: &str,
        secret: &str,
    ) -> (Vec<(String, String)>, (String, String)) {
        match self {
            Provider::Alicloud => (
                vec![("alicloud:ecsEndpoint".into(), endpoint.into()), ("alicloud:accessKey".into(), key_id.into())],
                ("alicloud:secretKey".into(), secret.into()),
            ),
            Provider::Kakaocloud => (
                vec![
                    ("kakaocloud:endpoint".into(), endpoint.into()),
                    ("kakaocloud:applicationCredentialId".into(), key_id.into()),
                ],
                ("kakaocloud:applicationCredentialSecret".into(), secret.into()),
            ),
        }
    }
}

/// A written and installed program.
pub struct Program {
    pub dir: PathBuf,
    pub project: String,
    /// Environment the language needs when `pulumi` runs it (the Go caches).
    pub env: Vec<(String, String)>,
}

fn repo(rel: &str) -> PathBuf {
    bridgegen_test_support::repo_path(rel)
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// Runs an installation step, panicking with its output when it fails.
fn run(what: &str, cmd: &mut Command) {
    let started = std::time::Instant::now();
    bridgegen_test_support::run_ok(cmd, what);
    eprintln!("   {what} ({:.1}s)", started.elapsed().as_secs_f64());
}

/// Writes the program for `provider` in `lang` under `work` and installs what it needs.
pub fn create(tools: &Tools, work: &Path, provider: Provider, lang: Lang) -> Program {
    let project = format!("e2e-{}-{}", provider.name(), format!("{lang:?}").to_lowercase());
    let dir = work.join("program");
    std::fs::create_dir_all(&dir).unwrap();
    let plugins = format!(
        "plugins:\n  providers:\n    - name: {}\n      path: {}\n",
        provider.name(),
        tools.target_bin.display()
    );
    let mut env = Vec::new();
    match lang {
        Lang::TypeScript => {
            let sdk = repo(&format!("sdks/{}/nodejs", provider.name()));
            install_typescript(&dir, &project, &plugins, &typescript(provider), &sdk);
        }
        Lang::Python => {
            let runtime = "runtime:\n  name: python\n  options:\n    virtualenv: venv\n";
            write(&dir.join("Pulumi.yaml"), &format!("name: {project}\n{runtime}{plugins}"));
            write(&dir.join("__main__.py"), &python(provider));
            run("python3 -m venv", Command::new("python3").args(["-m", "venv", "venv"]).current_dir(&dir));
            let sdk = repo(&format!("sdks/{}/python", provider.name()));
            run(
                "pip install <sdk> pulumi",
                Command::new(dir.join("venv/bin/python"))
                    .args(["-m", "pip", "install", "--quiet", "--disable-pip-version-check"])
                    .arg(&sdk)
                    .arg(format!("pulumi=={PULUMI_SDK_VERSION}"))
                    .current_dir(&dir),
            );
        }
        Lang::Go => {
            write(&dir.join("Pulumi.yaml"), &format!("name: {project}\nruntime: go\n{plugins}"));
            let (module, import, pulumi_sdk) = go_sdk(provider);
            let sdk = repo(&format!("sdks/{}/go", provider.name()));
            // The Pulumi Go SDK the generated module requires (and tests/setup/go.sh caches),
            // pinned: left to `go mod tidy`, it would pick the newest release.
            write(
                &dir.join("go.mod"),
                &format!(
                    "module e2e\n\ngo 1.24\n\nrequire github.com/pulumi/pulumi/sdk/v3 {pulumi_sdk}\n\n\
                     replace {module} => {}\n",
                    sdk.display()
                ),
            );
            write(&dir.join("main.go"), &go(provider, &import));
            // The caches tests/setup/go.sh fills (pulumi sdk/v3), shared with the Go SDK tests.
            let work_go = repo(".work/go");
            env = vec![
                ("GOMODCACHE".into(), work_go.join("modcache").display().to_string()),
                ("GOCACHE".into(), work_go.join("buildcache").display().to_string()),
                ("GOFLAGS".into(), "-mod=mod".into()),
                ("GOTOOLCHAIN".into(), "local".into()),
            ];
            let mut tidy = Command::new("go");
            tidy.args(["mod", "tidy"]).current_dir(&dir).envs(env.iter().map(|(k, v)| (k, v)));
            run("go mod tidy", &mut tidy);
        }
        Lang::Yaml => {
            assert_eq!(provider, Provider::Alicloud, "the YAML program is alicloud's");
            write(&dir.join("Pulumi.yaml"), &yaml(&project, &plugins));
        }
    }
    Program { dir, project, env }
}

/// Writes a TypeScript program (`index.ts` = `source`, the `plugins` section of `Pulumi.yaml`)
/// into `dir` and installs the generated Node.js SDK in `sdk` with npm, as users do.
pub fn install_typescript(dir: &Path, project: &str, plugins: &str, source: &str, sdk: &Path) {
    write(&dir.join("Pulumi.yaml"), &format!("name: {project}\nruntime: nodejs\n{plugins}"));
    write(&dir.join("package.json"), &format!(r#"{{ "name": "{project}", "private": true, "main": "index.ts" }}"#));
    write(
        &dir.join("tsconfig.json"),
        r#"{ "compilerOptions": { "strict": true, "target": "es2020", "module": "commonjs",
  "moduleResolution": "node", "skipLibCheck": true }, "files": ["index.ts"] }"#,
    );
    write(&dir.join("index.ts"), source);
    run(
        "npm install <sdk> @pulumi/pulumi",
        Command::new("npm")
            .args(["install", "--no-audit", "--no-fund", "--loglevel=error"])
            .arg(sdk)
            .arg(format!("@pulumi/pulumi@{PULUMI_SDK_VERSION}"))
            .args(["typescript@5.6.3", "@types/node@20.17.6"])
            .current_dir(dir),
    );
}

fn typescript(provider: Provider) -> String {
    let head = "import * as pulumi from \"@pulumi/pulumi\";\n\
                const config = new pulumi.Config();\n\
                const imageId = config.require(\"imageId\");\n\
                const members: string[] = JSON.parse(config.require(\"members\"));\n";
    match provider {
        Provider::Alicloud => format!(
            "{head}import * as alicloud from \"@pulumi/alicloud\";\n\
             const shares = members.map((accountId, i) =>\n    \
             new alicloud.ecs.ImageSharePermission(`share-${{i}}`, {{ imageId, accountId }}));\n\
             export const ids = shares.map((s) => s.id);\n"
        ),
        Provider::Kakaocloud => format!(
            "{head}import * as kakaocloud from \"@bridgegen/kakaocloud\";\n\
             const createTimeout = config.get(\"createTimeout\");\n\
             const timeouts = createTimeout === undefined ? undefined : {{ create: createTimeout }};\n\
             const created = members.map((memberId, i) =>\n    \
             new kakaocloud.ImageMember(`member-${{i}}`, {{ imageId, memberId, timeouts }}));\n\
             export const ids = created.map((m) => m.id);\n\
             export const statuses = created.map((m) => m.status);\n\
             export const createdAts = created.map((m) => m.createdAt);\n"
        ),
    }
}

fn python(provider: Provider) -> String {
    let head = "import json\n\nimport pulumi\n\n\
                config = pulumi.Config()\n\
                image_id = config.require(\"imageId\")\n\
                members = json.loads(config.require(\"members\"))\n";
    match provider {
        Provider::Alicloud => format!(
            "{head}import pulumi_alicloud as alicloud\n\n\
             shares = [\n    \
             alicloud.ecs.ImageSharePermission(f\"share-{{i}}\", image_id=image_id, account_id=a)\n    \
             for i, a in enumerate(members)\n]\n\
             pulumi.export(\"ids\", [s.id for s in shares])\n"
        ),
        Provider::Kakaocloud => format!(
            "{head}import pulumi_kakaocloud as kakaocloud\n\n\
             create_timeout = config.get(\"createTimeout\")\n\
             timeouts = None if create_timeout is None else {{\"create\": create_timeout}}\n\
             created = [\n    \
             kakaocloud.ImageMember(f\"member-{{i}}\", image_id=image_id, member_id=m, timeouts=timeouts)\n    \
             for i, m in enumerate(members)\n]\n\
             pulumi.export(\"ids\", [m.id for m in created])\n\
             pulumi.export(\"statuses\", [m.status for m in created])\n\
             pulumi.export(\"createdAts\", [m.created_at for m in created])\n"
        ),
    }
}

/// (module path of the generated Go SDK, import path of the package the program uses, the
/// version of the Pulumi Go SDK it requires)
fn go_sdk(provider: Provider) -> (String, String, String) {
    let go_mod = std::fs::read_to_string(repo(&format!("sdks/{}/go/go.mod", provider.name()))).unwrap();
    let module = go_mod.lines().find_map(|l| l.strip_prefix("module ")).expect("module line").trim().to_string();
    let pulumi = go_mod
        .lines()
        .find_map(|l| l.trim().strip_prefix("github.com/pulumi/pulumi/sdk/v3 "))
        .expect("the SDK requires github.com/pulumi/pulumi/sdk/v3")
        .trim()
        .to_string();
    let import = match provider {
        Provider::Alicloud => format!("{module}/ecs"),
        Provider::Kakaocloud => module.clone(),
    };
    (module, import, pulumi)
}

fn go(provider: Provider, import: &str) -> String {
    let body = match provider {
        Provider::Alicloud => "\t\tvar ids pulumi.StringArray\n\
             \t\tfor i, m := range members {\n\
             \t\t\tr, err := sdk.NewImageSharePermission(ctx, fmt.Sprintf(\"share-%d\", i), &sdk.ImageSharePermissionArgs{\n\
             \t\t\t\tImageId: pulumi.String(imageID), AccountId: pulumi.String(m)})\n\
             \t\t\tif err != nil {\n\t\t\t\treturn err\n\t\t\t}\n\
             \t\t\tids = append(ids, r.ID().ToStringOutput())\n\
             \t\t}\n\
             \t\tctx.Export(\"ids\", ids)\n"
            .to_string(),
        Provider::Kakaocloud => "\t\tvar ids, statuses, createdAts pulumi.StringArray\n\
             \t\tfor i, m := range members {\n\
             \t\t\targs := &sdk.ImageMemberArgs{ImageId: pulumi.String(imageID), MemberId: pulumi.String(m)}\n\
             \t\t\tif t, err := cfg.Try(\"createTimeout\"); err == nil {\n\
             \t\t\t\targs.Timeouts = &sdk.ImageMemberTimeoutsArgs{Create: pulumi.String(t)}\n\
             \t\t\t}\n\
             \t\t\tr, err := sdk.NewImageMember(ctx, fmt.Sprintf(\"member-%d\", i), args)\n\
             \t\t\tif err != nil {\n\t\t\t\treturn err\n\t\t\t}\n\
             \t\t\tids = append(ids, r.ID().ToStringOutput())\n\
             \t\t\tstatuses = append(statuses, r.Status)\n\
             \t\t\tcreatedAts = append(createdAts, r.CreatedAt)\n\
             \t\t}\n\
             \t\tctx.Export(\"ids\", ids)\n\
             \t\tctx.Export(\"statuses\", statuses)\n\
             \t\tctx.Export(\"createdAts\", createdAts)\n"
            .to_string(),
    };
    format!(
        "package main\n\nimport (\n\t\"encoding/json\"\n\t\"fmt\"\n\n\
         \tsdk \"{import}\"\n\
         \t\"github.com/pulumi/pulumi/sdk/v3/go/pulumi\"\n\
         \t\"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config\"\n)\n\n\
         func main() {{\n\
         \tpulumi.Run(func(ctx *pulumi.Context) error {{\n\
         \t\tcfg := config.New(ctx, \"\")\n\
         \t\timageID := cfg.Require(\"imageId\")\n\
         \t\tvar members []string\n\
         \t\tif err := json.Unmarshal([]byte(cfg.Require(\"members\")), &members); err != nil {{\n\
         \t\t\treturn err\n\t\t}}\n\
         {body}\
         \t\treturn nil\n\t}})\n}}\n"
    )
}

/// The YAML program: the account id comes from stack config, where Pulumi YAML turns a
/// digit-only string into a number (the provider's Check must take it as the string it is).
fn yaml(project: &str, plugins: &str) -> String {
    format!(
        "name: {project}\nruntime: yaml\n{plugins}\
         config:\n  imageId:\n    type: string\n  accountId:\n    type: string\n\
         resources:\n  share:\n    type: alicloud:ecs:ImageSharePermission\n    properties:\n      \
         imageId: ${{imageId}}\n      accountId: ${{accountId}}\n\
         outputs:\n  shareId: ${{share.id}}\n"
    )
}
