"""bridgegen: Pulumi SDKs (TypeScript, Python, Go, C#) and docs from a Pulumi Package Schema.

A typed layer over the Rust library (``bridgegen._native``); every function does what the
``bridgegen`` CLI command named in its docstring does, with the GIL released while Rust works,
so several schemas generate in parallel from Python threads.

A *schema* argument is a path (``str`` or ``os.PathLike``), JSON text (``bytes``, or a ``str``
whose first non-blank character is ``{``) or an already-parsed JSON object (a ``Mapping``).
"""

from __future__ import annotations

import collections.abc
import json
import os
import warnings
from typing import Any, Iterable, Literal, Mapping, Optional, TypedDict, Union

from ._native import BridgeResult, Diagnostic, GenerationError, SchemaError, WriteReport
from . import _native

__all__ = [
    "BridgeResult",
    "Diagnostic",
    "GenerateOptions",
    "GenerationError",
    "LANGUAGES",
    "Language",
    "SchemaError",
    "SchemaSource",
    "SchemaWarning",
    "WriteReport",
    "check",
    "generate",
    "tf_bridge",
    "write",
]

__version__: str = _native.version()

SchemaSource = Union[str, bytes, "os.PathLike[str]", Mapping[str, Any]]
"""A schema file's path, its JSON text, or the parsed JSON object."""

Language = Literal["nodejs", "python", "go", "dotnet", "docs"]
LANGUAGES: tuple[Language, ...] = ("nodejs", "python", "go", "dotnet", "docs")


class GenerateOptions(TypedDict, total=False):
    """Options of :func:`generate` and :func:`write`."""

    style: Literal["pulumi", "terraform"]
    """Docs page layout (``docs`` only; default ``pulumi``), as ``bridgegen gen docs --style``."""


class SchemaWarning(UserWarning):
    """A schema warning (the schema is valid); the message is the diagnostic as the CLI prints it."""


def _source(schema: SchemaSource) -> Union[str, bytes]:
    """The native form: ``str`` is a path, ``bytes`` is JSON text."""
    if isinstance(schema, (bytes, bytearray, memoryview)):
        return bytes(schema)
    if isinstance(schema, str):
        return schema.encode("utf-8") if schema.lstrip().startswith("{") else schema
    if isinstance(schema, os.PathLike):
        return os.fsdecode(os.fspath(schema))
    if isinstance(schema, collections.abc.Mapping):
        return json.dumps(schema).encode("utf-8")
    raise TypeError(f"schema must be a path, JSON text or a mapping, not {type(schema).__name__}")


def _docs_style(language: str, options: Optional[GenerateOptions]) -> Optional[str]:
    if not options:
        return None
    unknown = set(options) - {"style"}
    if unknown:
        raise ValueError(f"unknown option(s) {', '.join(sorted(unknown))}; expected: style")
    return options.get("style")


def _warn(diagnostics: list[Diagnostic]) -> None:
    for d in diagnostics:
        warnings.warn(str(d), SchemaWarning, stacklevel=3)


def check(path_or_json: SchemaSource) -> list[Diagnostic]:
    """Validates a schema (``bridgegen schema check``): every error and warning, each with its file,
    JSON pointer, line/column where known, message and severity. An empty list means valid and
    clean. Raises ``OSError`` if the file cannot be read."""
    return _native.check(_source(path_or_json))


def generate(
    schema: SchemaSource, language: Language, *, options: Optional[GenerateOptions] = None
) -> dict[str, bytes]:
    """Generates one SDK (or the docs) in memory: ``{relative path: contents}``, the same bytes
    ``bridgegen gen sdk --lang LANGUAGE`` (``gen docs``) writes. Raises :class:`SchemaError`
    if the schema is invalid and :class:`GenerationError` if a generator fails; schema warnings
    are issued as :class:`SchemaWarning`."""
    files, diagnostics = _native.generate(_source(schema), language, _docs_style(language, options))
    _warn(diagnostics)
    return files


def write(
    schema: SchemaSource,
    language: Language,
    out_dir: Union[str, "os.PathLike[str]"],
    *,
    options: Optional[GenerateOptions] = None,
    fsync: bool = True,
) -> WriteReport:
    """Generates and writes into ``out_dir`` as ``bridgegen gen sdk``/``gen docs --out`` does: all
    files or none, unchanged files untouched, files generated there before and no longer
    generated removed. ``fsync=False`` skips the final flush to disk (``--no-fsync``)."""
    report, diagnostics = _native.write(
        _source(schema), language, os.fsdecode(os.fspath(out_dir)), _docs_style(language, options), fsync
    )
    _warn(diagnostics)
    return report


def tf_bridge(
    tf_schema: Union[str, "os.PathLike[str]"],
    *,
    config: Union[str, "os.PathLike[str]", None] = None,
    docs: Union[str, "os.PathLike[str]", None] = None,
    example_schemas: Iterable[Union[str, "os.PathLike[str]"]] = (),
    out: Union[str, "os.PathLike[str]", None] = None,
    report: Union[str, "os.PathLike[str]", None] = None,
) -> BridgeResult:
    """Turns a Terraform provider schema (``terraform providers schema -json`` format), its docs
    folder and ``bridge.toml`` into a Pulumi package schema (``bridgegen tf bridge``). Without
    ``config`` the package is named after the provider with every default. With ``out`` the
    schema, ``<stem>.bridge-metadata.json`` beside it and (with ``report``) the coverage report
    are written too. Raises :class:`SchemaError` on invalid input and ``OSError`` on I/O errors."""

    def path(p: Union[str, "os.PathLike[str]"]) -> str:
        return os.fsdecode(os.fspath(p))

    return _native.tf_bridge(
        path(tf_schema),
        None if config is None else path(config),
        None if docs is None else path(docs),
        [path(p) for p in example_schemas],
        None if out is None else path(out),
        None if report is None else path(report),
    )
