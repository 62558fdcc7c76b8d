"""Runs the installed bridgegen package for tests/wheel.rs, which compares with the CLI.

    driver.py check FILE                 print str(d) of every diagnostic, each followed by a blank line
    driver.py generate SCHEMA LANG DIR   write generate()'s files under DIR (raw bytes, no manifest)
    driver.py write SCHEMA LANG DIR      bridgegen.write()
    driver.py bridge TF_SCHEMA CONFIG OUT
"""

import os
import sys

import bridgegen


def main() -> None:
    cmd, *args = sys.argv[1:]
    if cmd == "check":
        (path,) = args
        diags = bridgegen.check(path)
        assert diags, "a broken schema must have diagnostics"
        # The same diagnostics from the JSON text, without the file name.
        with open(path, "rb") as f:
            from_text = bridgegen.check(f.read())
        assert [(d.pointer, d.message, d.severity) for d in from_text] == [
            (d.pointer, d.message, d.severity) for d in diags
        ], (from_text, diags)
        assert all(d.file is None for d in from_text) and all(d.file == path for d in diags)
        try:
            bridgegen.generate(path, "nodejs")
            raise AssertionError("generate accepted a broken schema")
        except bridgegen.SchemaError as e:
            assert e.diagnostics == diags, (e.diagnostics, diags)
        for d in diags:
            sys.stdout.write(f"{d}\n\n")
    elif cmd == "generate":
        schema, lang, out = args
        files = bridgegen.generate(schema, lang)
        for rel, data in files.items():
            path = os.path.join(out, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(data)
        print(f"{lang}: {len(files)} files")
    elif cmd == "write":
        schema, lang, out = args
        report = bridgegen.write(schema, lang, out, fsync=False)
        assert report.written > 0 and report.unchanged == 0, (report.written, report.unchanged)
        again = bridgegen.write(schema, lang, out, fsync=False)
        assert again.written == 0 and again.unchanged == report.written, (again.written, again.unchanged)
    elif cmd == "bridge":
        tf_schema, config, out = args
        result = bridgegen.tf_bridge(tf_schema, config=config, out=out)
        with open(out, encoding="utf-8") as f:
            assert f.read() == result.schema_json
        assert "bridged" in result.summary, result.summary
    else:
        raise SystemExit(f"unknown command {cmd}")


if __name__ == "__main__":
    main()
