//! `bridgegen._native`: the Rust half of the `bridgegen` Python package. A thin layer over the
//! library crates (the CLI's schema loading and target registry, the generators, the Terraform
//! bridge): it converts arguments and results and releases the GIL while Rust works. The typed,
//! documented API is the Python package (`python/bridgegen/__init__.py`); this module's stub
//! is `python/bridgegen/_native.pyi`.

use std::ffi::OsString;
use std::path::PathBuf;

use bridgegen_cli::docs_cmd::DocsStyle;
use bridgegen_cli::LoadError;
use bridgegen_codegen::{GeneratedFile, Generator, Output, WriteOptions};
use bridgegen_model::{Package, Severity};
use pyo3::create_exception;
use pyo3::exceptions::{PyOSError, PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict};

create_exception!(
    bridgegen,
    SchemaError,
    PyValueError,
    "The schema (or the Terraform bridge's input) is invalid; `diagnostics` lists every problem."
);
create_exception!(bridgegen, GenerationError, PyRuntimeError, "A generator failed on a valid schema.");

/// One problem found in a schema, as `bridgegen schema check` prints it (`str(d)`).
#[pyclass(module = "bridgegen", frozen, eq)]
#[derive(Clone, PartialEq)]
pub struct Diagnostic {
    /// `"error"` or `"warning"`.
    #[pyo3(get)]
    severity: &'static str,
    /// The schema file, when the schema came from one.
    #[pyo3(get)]
    file: Option<String>,
    /// JSON pointer (RFC 6901) as a URI fragment, e.g. `#/resources/pkg:index:Res/properties`.
    #[pyo3(get)]
    pointer: String,
    /// 1-based line and column, where known (syntax errors).
    #[pyo3(get)]
    line: Option<usize>,
    #[pyo3(get)]
    column: Option<usize>,
    #[pyo3(get)]
    message: String,
    /// The CLI's rendering (`str(d)`).
    text: String,
}

#[pymethods]
impl Diagnostic {
    fn __str__(&self) -> &str {
        &self.text
    }

    fn __repr__(&self) -> String {
        format!(
            "Diagnostic(severity={:?}, file={:?}, pointer={:?}, line={:?}, column={:?}, message={:?})",
            self.severity, self.file, self.pointer, self.line, self.column, self.message
        )
    }
}

impl From<&bridgegen_model::Diagnostic> for Diagnostic {
    fn from(d: &bridgegen_model::Diagnostic) -> Self {
        Diagnostic {
            severity: match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            },
            file: d.file.as_ref().map(|f| f.display().to_string()),
            pointer: d.pointer.clone(),
            line: d.position.map(|p| p.0),
            column: d.position.map(|p| p.1),
            message: d.message.clone(),
            text: d.to_string(),
        }
    }
}

/// What `bridgegen.write` did in one output folder.
#[pyclass(module = "bridgegen", frozen, get_all)]
pub struct WriteReport {
    written: usize,
    unchanged: usize,
    /// Files a previous run generated there that this one no longer does (now removed).
    removed: Vec<String>,
}

/// A Pulumi package schema bridged from a Terraform provider (JSON texts, as the CLI writes them).
#[pyclass(module = "bridgegen", frozen, get_all)]
pub struct BridgeResult {
    schema_json: String,
    metadata_json: String,
    report_json: String,
    /// The coverage summary `bridgegen tf bridge` prints on stderr.
    summary: String,
}

/// A schema given as a file path (`str`) or as JSON text (`bytes`).
enum Source {
    Path(PathBuf),
    Text(Vec<u8>),
}

impl<'a, 'py> FromPyObject<'a, 'py> for Source {
    type Error = PyErr;

    fn extract(ob: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        if let Ok(b) = ob.cast::<PyBytes>() {
            return Ok(Source::Text(b.as_bytes().to_vec()));
        }
        Ok(Source::Path(ob.extract()?))
    }
}

/// Why a call failed, built without the GIL and raised with it.
enum Failure {
    Schema(String, Vec<bridgegen_model::Diagnostic>),
    Io(String),
    Generation(String),
    Usage(String),
}

impl Failure {
    fn into_py(self, py: Python<'_>) -> PyErr {
        match self {
            Failure::Schema(message, diags) => {
                let err = SchemaError::new_err(message);
                let list: Vec<Diagnostic> = diags.iter().map(Diagnostic::from).collect();
                if let Err(e) = err.value(py).setattr("diagnostics", list) {
                    return e;
                }
                err
            }
            Failure::Io(m) => PyOSError::new_err(m),
            Failure::Generation(m) => GenerationError::new_err(m),
            Failure::Usage(m) => PyValueError::new_err(m),
        }
    }
}

/// Loads and binds a schema; `Ok` carries the warnings.
fn load(source: &Source) -> Result<(Package, Vec<bridgegen_model::Diagnostic>), LoadError> {
    match source {
        Source::Path(p) => bridgegen_cli::read_schema(p),
        Source::Text(t) => bridgegen_cli::bind_schema_bytes(t, None),
    }
}

/// `load`, with an invalid schema as a `Failure::Schema` whose message is what the CLI prints.
fn load_or_fail(source: &Source) -> Result<(Package, Vec<bridgegen_model::Diagnostic>), Failure> {
    load(source).map_err(|e| match e {
        LoadError::Io(e) => Failure::Io(format!("{e:#}")),
        LoadError::NotUtf8(d) => Failure::Schema(d.to_string(), vec![d]),
        LoadError::Invalid(diags) => {
            let n = diags.iter().filter(|d| d.is_error()).count();
            let name = match source {
                Source::Path(p) => p.display().to_string(),
                Source::Text(_) => "schema".to_string(),
            };
            let text: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
            let message = format!("{name}: {n} error{}\n\n{}", if n == 1 { "" } else { "s" }, text.join("\n\n"));
            Failure::Schema(message, diags)
        }
    })
}

/// Every diagnostic of a schema: its warnings when valid, all problems when not.
#[pyfunction]
fn check(py: Python<'_>, schema: Source) -> PyResult<Vec<Diagnostic>> {
    let result = py.detach(|| match load(&schema) {
        Ok((_, warnings)) => Ok(warnings),
        Err(LoadError::NotUtf8(d)) => Ok(vec![d]),
        Err(LoadError::Invalid(diags)) => Ok(diags),
        Err(LoadError::Io(e)) => Err(Failure::Io(format!("{e:#}"))),
    });
    match result {
        Ok(diags) => Ok(diags.iter().map(Diagnostic::from).collect()),
        Err(f) => Err(f.into_py(py)),
    }
}

/// The generator of a language, through the CLI's target registry (`docs_style` only for docs).
fn generator(language: &str, docs_style: Option<&str>) -> Result<Box<dyn Generator>, Failure> {
    let languages = ["nodejs", "python", "go", "dotnet", "docs"];
    if !languages.contains(&language) {
        return Err(Failure::Usage(format!("unknown language `{language}`; expected one of {}", languages.join(", "))));
    }
    match (language, docs_style) {
        ("docs", Some("terraform")) => Ok(Box::new(bridgegen_cli::docs_cmd::generator(DocsStyle::Terraform))),
        ("docs", None | Some("pulumi")) => Ok(Box::new(bridgegen_cli::docs_cmd::generator(DocsStyle::Pulumi))),
        ("docs", Some(other)) => {
            Err(Failure::Usage(format!("unknown docs style `{other}`; expected one of pulumi, terraform")))
        }
        (_, Some(_)) => Err(Failure::Usage(format!("the `style` option is for docs only, not {language}"))),
        (_, None) => bridgegen_cli::targets::generator(language)
            .ok_or_else(|| Failure::Usage(format!("unknown language `{language}`"))),
    }
}

type Generated = (Vec<GeneratedFile>, Vec<bridgegen_model::Diagnostic>);

/// Loads and generates, all without the GIL.
fn generate_files(schema: &Source, language: &str, docs_style: Option<&str>) -> Result<Generated, Failure> {
    let generator = generator(language, docs_style)?;
    let (pkg, warnings) = load_or_fail(schema)?;
    let files = generator.generate(&pkg).map_err(|e| {
        let from = match schema {
            Source::Path(p) => format!(" ({})", p.display()),
            Source::Text(_) => String::new(),
        };
        Failure::Generation(format!("generating {language} for package `{}`{from}: {e}", pkg.name))
    })?;
    Ok((files, warnings))
}

/// Generates in memory: `({path: contents}, warnings)`.
#[pyfunction]
#[pyo3(signature = (schema, language, docs_style=None))]
fn generate<'py>(
    py: Python<'py>,
    schema: Source,
    language: &str,
    docs_style: Option<&str>,
) -> PyResult<(Bound<'py, PyDict>, Vec<Diagnostic>)> {
    let (files, warnings) = py.detach(|| generate_files(&schema, language, docs_style)).map_err(|f| f.into_py(py))?;
    let dict = PyDict::new(py);
    for f in &files {
        dict.set_item(&f.path, PyBytes::new(py, &f.contents))?;
    }
    Ok((dict, warnings.iter().map(Diagnostic::from).collect()))
}

/// Generates and writes one output folder as one transaction (as `bridgegen gen sdk` does).
#[pyfunction]
#[pyo3(signature = (schema, language, out_dir, docs_style=None, fsync=true))]
fn write(
    py: Python<'_>,
    schema: Source,
    language: &str,
    out_dir: PathBuf,
    docs_style: Option<&str>,
    fsync: bool,
) -> PyResult<(WriteReport, Vec<Diagnostic>)> {
    let result = py.detach(|| -> Result<_, Failure> {
        let (files, warnings) = generate_files(&schema, language, docs_style)?;
        let outputs = [Output { dir: &out_dir, files: &files }];
        let mut reports = bridgegen_codegen::write_outputs(&outputs, WriteOptions { fsync })
            .map_err(|e| Failure::Io(e.to_string()))?;
        let r = reports.pop().expect("one report per output");
        Ok((WriteReport { written: r.written, unchanged: r.unchanged, removed: r.removed }, warnings))
    });
    let (report, warnings) = result.map_err(|f| f.into_py(py))?;
    Ok((report, warnings.iter().map(Diagnostic::from).collect()))
}

/// The bridge's invalid-input errors as diagnostics (file + pointer, like the CLI prints them).
fn bridge_diagnostics(e: bridgegen_tf::BridgeError, out: &mut Vec<bridgegen_model::Diagnostic>) {
    match e {
        bridgegen_tf::BridgeError::Invalid { file, pointer, message } => {
            out.push(bridgegen_model::Diagnostic::error(format!("#{pointer}"), message).with_file(&file));
        }
        bridgegen_tf::BridgeError::Many(all) => all.into_iter().for_each(|e| bridge_diagnostics(e, out)),
        // Callers turn I/O errors into OSError before getting here.
        e @ bridgegen_tf::BridgeError::Io { .. } => {
            out.push(bridgegen_model::Diagnostic::error("#", e.to_string()));
        }
    }
}

/// Bridges a Terraform provider schema (+ docs, bridge.toml) into a Pulumi package schema, as
/// `bridgegen tf bridge` does; with `out`, also writes the schema, its metadata and the report.
#[pyfunction]
#[pyo3(signature = (tf_schema, config=None, docs=None, example_schemas=Vec::new(), out=None, report=None))]
fn tf_bridge(
    py: Python<'_>,
    tf_schema: PathBuf,
    config: Option<PathBuf>,
    docs: Option<PathBuf>,
    example_schemas: Vec<PathBuf>,
    out: Option<PathBuf>,
    report: Option<PathBuf>,
) -> PyResult<BridgeResult> {
    let result = py.detach(|| {
        let files = bridgegen_tf::BridgeFiles { tf_schema, docs, config, example_schemas };
        let b = match bridgegen_tf::bridge_files(&files) {
            Ok(b) => b,
            Err(e) if !e.is_invalid() => return Err(Failure::Io(e.to_string())),
            Err(e) => {
                let message = e.to_string();
                let mut diags = Vec::new();
                bridge_diagnostics(e, &mut diags);
                return Err(Failure::Schema(message, diags));
            }
        };
        if let Some(out) = &out {
            bridgegen_cli::tf::write_bridged(&b, out, report.as_deref()).map_err(|e| Failure::Io(format!("{e:#}")))?;
        } else if report.is_some() {
            return Err(Failure::Usage("`report` is written beside the schema: pass `out` too".into()));
        }
        Ok(BridgeResult {
            schema_json: bridgegen_tf::to_json_text(&b.schema),
            metadata_json: bridgegen_tf::to_json_text(&b.metadata),
            report_json: bridgegen_tf::to_json_text(&b.report),
            summary: b.report.summary(),
        })
    });
    result.map_err(|f| f.into_py(py))
}

/// Runs the `bridgegen` command line in this process (the package's console script) and
/// returns its exit code. The GIL is released: `cloud serve` runs until interrupted.
#[pyfunction]
fn cli_main(py: Python<'_>, argv: Vec<OsString>) -> u8 {
    py.detach(|| bridgegen_cli::main_with_args(argv))
}

/// The bridgegen version (the Rust workspace's).
#[pyfunction]
fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_class::<Diagnostic>()?;
    m.add_class::<WriteReport>()?;
    m.add_class::<BridgeResult>()?;
    m.add("SchemaError", py.get_type::<SchemaError>())?;
    m.add("GenerationError", py.get_type::<GenerationError>())?;
    m.add_function(wrap_pyfunction!(check, m)?)?;
    m.add_function(wrap_pyfunction!(generate, m)?)?;
    m.add_function(wrap_pyfunction!(write, m)?)?;
    m.add_function(wrap_pyfunction!(tf_bridge, m)?)?;
    m.add_function(wrap_pyfunction!(cli_main, m)?)?;
    m.add_function(wrap_pyfunction!(version, m)?)?;
    Ok(())
}
