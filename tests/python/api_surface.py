"""Compares the public API surface of two Python modules (bodies and docstrings aside).

usage: api_surface.py OURS.py (THEIRS.py | WHEEL.whl MEMBER) [--added CLASS.METHOD ...]

The surface is: every top-level class with its bases and decorators, every method with
its decorators, parameters (kind, name, annotation, whether it has a default) and return
annotation, and every property getter. Prints the differences and exits 1 if any.

`--added CLASS.METHOD`: a method ours must have and the reference lacks (one that newer
versions of Pulumi's generator add); it is checked to exist, then left out of the comparison."""

import ast
import sys
import zipfile


def unparse(node):
    return None if node is None else ast.unparse(node)


def params(fn: ast.FunctionDef):
    a = fn.args
    out = []
    positional = a.posonlyargs + a.args
    defaults = [None] * (len(positional) - len(a.defaults)) + list(a.defaults)
    for arg, d in zip(positional, defaults):
        out.append(("pos", arg.arg, unparse(arg.annotation), d is not None))
    if a.vararg:
        out.append(("*", a.vararg.arg, unparse(a.vararg.annotation), False))
    for arg, d in zip(a.kwonlyargs, a.kw_defaults):
        out.append(("kw", arg.arg, unparse(arg.annotation), d is not None))
    if a.kwarg:
        out.append(("**", a.kwarg.arg, unparse(a.kwarg.annotation), False))
    return out


def surface(source: str):
    tree = ast.parse(source)
    classes = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            members = []
            for item in node.body:
                if isinstance(item, ast.FunctionDef):
                    decorators = [unparse(d) for d in item.decorator_list]
                    members.append(
                        (item.name, tuple(decorators), tuple(params(item)), unparse(item.returns))
                    )
            classes[node.name] = {
                "bases": [unparse(b) for b in node.bases],
                "members": members,
            }
    return classes


def main(argv):
    added = []
    if "--added" in argv:
        i = argv.index("--added")
        argv, added = argv[:i], argv[i + 1 :]
    ours = open(argv[1], encoding="utf-8").read()
    if argv[2].endswith(".whl"):
        with zipfile.ZipFile(argv[2]) as z:
            theirs = z.read(argv[3]).decode("utf-8")
    else:
        theirs = open(argv[2], encoding="utf-8").read()
    a, b = surface(ours), surface(theirs)
    problems = []
    for qualified in added:
        cls, _, method = qualified.partition(".")
        members = a.get(cls, {}).get("members", [])
        if sum(1 for m in members if m[0] == method) != 1:
            problems.append(f"added member {qualified} is missing from ours")
        else:
            a[cls]["members"] = [m for m in members if m[0] != method]
            print(f"added: {qualified}")
    if sorted(a) != sorted(b):
        problems.append(f"classes differ: ours {sorted(a)} theirs {sorted(b)}")
    for name in sorted(set(a) & set(b)):
        if a[name]["bases"] != b[name]["bases"]:
            problems.append(f"{name}: bases {a[name]['bases']} != {b[name]['bases']}")
        ma, mb = a[name]["members"], b[name]["members"]
        if len(ma) != len(mb):
            problems.append(f"{name}: {len(ma)} members != {len(mb)}: {[m[0] for m in ma]} vs {[m[0] for m in mb]}")
        for x, y in zip(ma, mb):
            if x != y:
                problems.append(f"{name}.{x[0]}:\n  ours   {x}\n  theirs {y}")
    count = sum(len(c["members"]) for c in a.values())
    if problems:
        print("\n".join(problems))
        return 1
    print(f"same surface: {len(a)} classes, {count} members")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
