"""Checks the package generated from tests/schemas/resource-refs.json, whose resources, types
and functions name each other's resources (same module, root module, another module, cycles).

Every module is imported first, each in a fresh interpreter, so an import cycle in any order
fails here; then the runtime's own annotation resolution (the one it uses to deserialize
outputs) must give the package's classes, not names it cannot resolve."""

import importlib
import pkgutil
import subprocess
import sys
import typing

from pulumi._types import _types_from_py_properties

IMPORT_ALL = """
import importlib, pkgutil, sys
importlib.import_module(sys.argv[1])
import pulumi_refs
for info in pkgutil.walk_packages(pulumi_refs.__path__, "pulumi_refs."):
    importlib.import_module(info.name)
"""


def modules():
    import pulumi_refs

    return ["pulumi_refs"] + [i.name for i in pkgutil.walk_packages(pulumi_refs.__path__, "pulumi_refs.")]


def test_every_module_imports_first():
    names = modules()
    for expected in ("pulumi_refs.hub", "pulumi_refs.net.spoke", "pulumi_refs.net._inputs", "pulumi_refs.net.edge.router"):
        assert expected in names, names
    for name in names:
        done = subprocess.run([sys.executable, "-c", IMPORT_ALL, name], capture_output=True, text=True)
        assert done.returncode == 0, f"importing {name} first failed:\n{done.stderr}"


def test_annotations_resolve_to_the_resource_classes():
    for name in modules():
        importlib.import_module(name)
    from pulumi_refs import Hub, Provider, net
    from pulumi_refs.net import edge

    spoke = _types_from_py_properties(net.Spoke)
    assert spoke["hub"] is Hub
    assert spoke["peer"] is net.Spoke
    assert spoke["link"] is net.Link
    assert spoke["router"] is edge.Router
    assert spoke["attachment"] is net.outputs.Attachment

    hub = _types_from_py_properties(Hub)
    assert typing.get_args(hub["spokes"]) == (net.Spoke,)
    assert hub["provider"] is Provider

    assert _types_from_py_properties(net.Link)["spoke"] is net.Spoke
    assert _types_from_py_properties(edge.Router) == {"spoke": net.Spoke, "hub": Hub}
    assert _types_from_py_properties(net.outputs.Attachment) == {"spoke": net.Spoke, "hub": Hub, "router": edge.Router}
    assert _types_from_py_properties(net.GetSpokeResult)["spoke"] is net.Spoke
