"""Prints the public API of a Python package folder, one symbol a line, sorted: `a.b` for a
module, `a.b#Class`, `a.b#Class.method(params)` and `a.b#function(params)`, public names only
(plus `__init__`). The API-parity tests compare these lists between bridgegen's Python SDKs and
Pulumi's (crates/bridgegen-test-support/src/parity.rs). Usage: pysurface.py DIR"""
import ast
import os
import sys


def params(fn):
    a = fn.args
    out = [p.arg for p in a.posonlyargs + a.args]
    if a.vararg:
        out.append("*" + a.vararg.arg)
    elif a.kwonlyargs:
        out.append("*")
    # Keyword-only parameters are passed by name: their order is not part of the API.
    out += sorted(p.arg for p in a.kwonlyargs)
    if a.kwarg:
        out.append("**" + a.kwarg.arg)
    return "(" + ",".join(out) + ")"


def public(name):
    return not name.startswith("_") or name == "__init__"


def main(root):
    seen = set()
    for d, dirs, files in os.walk(root):
        dirs[:] = sorted(x for x in dirs if x not in ("__pycache__", "build", "dist") and not x.endswith(".egg-info"))
        for f in sorted(files):
            if not f.endswith(".py") or f == "setup.py":
                continue
            rel = os.path.relpath(os.path.join(d, f), root)[: -len(".py")].replace(os.sep, ".")
            if rel.endswith(".__init__"):
                rel = rel[: -len(".__init__")]
            seen.add(rel)
            with open(os.path.join(d, f), encoding="utf-8") as fh:
                tree = ast.parse(fh.read())
            for node in tree.body:
                if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and public(node.name):
                    seen.add(f"{rel}#{node.name}{params(node)}")
                elif isinstance(node, ast.ClassDef) and public(node.name):
                    seen.add(f"{rel}#{node.name}")
                    for m in node.body:
                        if isinstance(m, (ast.FunctionDef, ast.AsyncFunctionDef)) and public(m.name):
                            seen.add(f"{rel}#{node.name}.{m.name}{params(m)}")
    print("\n".join(sorted(seen)))


if __name__ == "__main__":
    main(sys.argv[1])
