//! Go SDK generator: a Go module shaped like Pulumi's Go SDKs (one package per module,
//! `pulumiTypes*.go`, `pulumiEnums.go`, `init.go`, `internal/`, `config/`), building
//! against `github.com/pulumi/pulumi/sdk/v3`.
//!
//! Names come from [`names`] and [`naming`]; types from [`types`]; which forms of each type
//! exist (only those the schema reaches, as in Pulumi's SDKs) from [`reach`]; text layout
//! that must match gofmt from [`format`]. Templates in `templates/go/` only print.

pub mod docs;
pub mod format;
mod gen;
pub mod generic;
pub mod names;
pub mod naming;
pub mod reach;
pub mod types;

use bridgegen_codegen::{GenError, GeneratedFile, Generator, Package};

pub use docs::GoDocs;

/// The pinned Pulumi Go SDK the generated `go.mod` requires (kept in sync with
/// `tests/setup/go.sh`).
pub const PULUMI_SDK_VERSION: &str = "v3.274.1";
/// `github.com/blang/semver`, imported directly by `init.go` and `internal/`.
pub const SEMVER_VERSION: &str = "v3.5.1+incompatible";
/// The `go` directive: the minimum the pinned SDK requires.
pub const GO_DIRECTIVE: &str = "1.26.6";

/// Types per `pulumiTypes*.go` file; bounds the Go compiler's memory on big schemas.
pub const TYPES_PER_FILE: usize = 100;

pub struct GoGenerator;

impl Generator for GoGenerator {
    fn name(&self) -> &'static str {
        "go"
    }

    fn generate(&self, pkg: &Package) -> Result<Vec<GeneratedFile>, GenError> {
        gen::generate(pkg)
    }
}
