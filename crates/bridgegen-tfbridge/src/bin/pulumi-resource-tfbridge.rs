//! The bridge plugin binary; see `--help`.

use std::path::PathBuf;
use std::process::ExitCode;

use bridgegen_tfbridge::{BridgeOptions, ENV_PROVIDER, ENV_SCHEMA};

const HELP: &str = "\
pulumi-resource-tfbridge: run a Terraform provider as a Pulumi resource provider plugin

USAGE:
    pulumi-resource-tfbridge [ENGINE-ADDRESS]
        Plugin mode (started by the Pulumi engine): starts the Terraform provider binary named by
        $BRIDGEGEN_TF_PROVIDER, serves the Pulumi package schema $BRIDGEGEN_TF_SCHEMA (written by
        `bridgegen tf bridge`, with <stem>.bridge-metadata.json beside it), prints its port on
        stdout and serves until SIGTERM/SIGINT, then stops the Terraform provider. Go-style
        flags the engine passes (--logtostderr, -v=N, --tracing ADDR) are ignored.

    pulumi-resource-tfbridge install --provider BIN --schema FILE --out DIR
        Writes DIR/pulumi-resource-<package> (a shell launcher setting the two variables above)
        so the engine finds the bridged provider by its package name: put DIR on PATH.

EXIT CODES: 0 ok, 2 usage, 3 start-up or I/O failure.
";

fn install(args: &[String]) -> ExitCode {
    let (mut provider, mut schema, mut out) = (None, None, None);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let slot = match a.as_str() {
            "--provider" => &mut provider,
            "--schema" => &mut schema,
            "--out" => &mut out,
            "-h" | "--help" => {
                print!("{HELP}");
                return ExitCode::SUCCESS;
            }
            other => {
                eprintln!("error: unexpected argument `{other}`\n\n{HELP}");
                return ExitCode::from(2);
            }
        };
        *slot = it.next().map(PathBuf::from);
    }
    let (Some(provider), Some(schema), Some(out)) = (provider, schema, out) else {
        eprintln!("error: install needs --provider BIN --schema FILE --out DIR\n\n{HELP}");
        return ExitCode::from(2);
    };
    let me = match std::env::current_exe() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("error: cannot locate this binary: {e}");
            return ExitCode::from(3);
        }
    };
    match bridgegen_tfbridge::launcher::write_launcher(&me, &provider, &schema, &out) {
        Ok(p) => {
            eprintln!("wrote {}", p.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(3)
        }
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("-h" | "--help" | "help") => {
            print!("{HELP}");
            return ExitCode::SUCCESS;
        }
        Some("install") => return install(&args[1..]),
        _ => {}
    }
    let env = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty()).map(PathBuf::from);
    let (Some(provider), Some(schema)) = (env(ENV_PROVIDER), env(ENV_SCHEMA)) else {
        eprintln!("error: set {ENV_PROVIDER} and {ENV_SCHEMA} (or use a launcher from `install`)\n\n{HELP}");
        return ExitCode::from(2);
    };
    let engine = bridgegen_provider::PluginArgs::parse(args).engine_address;
    let rt = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::from(3);
        }
    };
    let opts = BridgeOptions { provider, schema, provider_env: Vec::new() };
    match rt.block_on(bridgegen_tfbridge::run(opts, engine.as_deref())) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(3)
        }
    }
}
