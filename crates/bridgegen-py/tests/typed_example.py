# pyright: strict
"""A small program using the typed API; tests/wheel.rs type-checks it with pyright (strict) and runs it."""

import sys
import tempfile
import threading

import bridgegen


def main(schema_paths: list[str]) -> None:
    outputs: dict[str, dict[str, bytes]] = {}

    def run(path: str) -> None:
        outputs[path] = bridgegen.generate(path, "python")

    threads = [threading.Thread(target=run, args=(p,)) for p in schema_paths]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for path, files in outputs.items():
        size = sum(len(b) for b in files.values())
        print(f"{path}: {len(files)} files, {size} bytes")
        assert files, path

    docs = bridgegen.generate(schema_paths[0], "docs", options={"style": "terraform"})
    assert any(p.endswith(".md") for p in docs)

    diags: list[bridgegen.Diagnostic] = bridgegen.check({"name": "", "resources": {}})
    errors = [d for d in diags if d.severity == "error"]
    assert errors and errors[0].pointer.startswith("#"), diags
    line: int | None = errors[0].line
    print(f"{len(errors)} error(s), first at {errors[0].pointer} (line {line})")
    try:
        bridgegen.generate('{"name": 1}', "go")
    except bridgegen.SchemaError as e:
        print("SchemaError:", [d.message for d in e.diagnostics])
    else:
        raise AssertionError("no SchemaError")

    with tempfile.TemporaryDirectory() as out:
        report: bridgegen.WriteReport = bridgegen.write(schema_paths[0], "nodejs", out, fsync=False)
        print(f"wrote {report.written} files, {report.unchanged} unchanged, removed {report.removed}")


if __name__ == "__main__":
    main(sys.argv[1:])
