"""Stub of the Rust extension module (crates/bridgegen-py/src/lib.rs)."""

from typing import Literal, Optional, Union, final

@final
class Diagnostic:
    """One problem found in a schema; ``str(d)`` is how ``bridgegen schema check`` prints it."""

    @property
    def severity(self) -> Literal["error", "warning"]: ...
    @property
    def file(self) -> Optional[str]: ...
    @property
    def pointer(self) -> str:
        """JSON pointer (RFC 6901) as a URI fragment, e.g. ``#/resources/pkg:index:Res``."""
    @property
    def line(self) -> Optional[int]: ...
    @property
    def column(self) -> Optional[int]: ...
    @property
    def message(self) -> str: ...

@final
class WriteReport:
    """What :func:`bridgegen.write` did in its output folder."""

    @property
    def written(self) -> int: ...
    @property
    def unchanged(self) -> int: ...
    @property
    def removed(self) -> list[str]: ...

@final
class BridgeResult:
    """A Pulumi package schema bridged from a Terraform provider: the JSON texts the CLI writes."""

    @property
    def schema_json(self) -> str: ...
    @property
    def metadata_json(self) -> str: ...
    @property
    def report_json(self) -> str: ...
    @property
    def summary(self) -> str: ...

class SchemaError(ValueError):
    """The schema (or the Terraform bridge's input) is invalid; ``diagnostics`` lists every problem."""

    diagnostics: list[Diagnostic]

class GenerationError(RuntimeError):
    """A generator failed on a valid schema."""

def check(schema: Union[str, bytes]) -> list[Diagnostic]: ...
def generate(
    schema: Union[str, bytes], language: str, docs_style: Optional[str] = None
) -> tuple[dict[str, bytes], list[Diagnostic]]: ...
def write(
    schema: Union[str, bytes], language: str, out_dir: str, docs_style: Optional[str] = None, fsync: bool = True
) -> tuple[WriteReport, list[Diagnostic]]: ...
def tf_bridge(
    tf_schema: str,
    config: Optional[str] = None,
    docs: Optional[str] = None,
    example_schemas: list[str] = ...,
    out: Optional[str] = None,
    report: Optional[str] = None,
) -> BridgeResult: ...
def cli_main(argv: list[str]) -> int: ...
def version() -> str: ...
