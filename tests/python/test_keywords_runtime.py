"""Runs the package generated from tests/schemas/keywords-python.json under mocks: escaped
Python names (from_, lambda_, pulumi_) reach the engine under their wire names, dict inputs
with Python keys are translated, defaults apply, invokes map results back, and output values
are dicts keyed by the getters' names whose wire-name reads warn, naming the getter."""

import copy, json, pickle

import pulumi, pytest

class M(pulumi.runtime.Mocks):
    def __init__(self): self.created=[]
    def new_resource(self, args):
        self.created.append(args)
        return [args.name + "-id", dict(args.inputs)]
    def call(self, args):
        return {"from": "f", "items": ["a"], "node": {"from": "n"}}

@pytest.fixture()
def mocks():
    m = M(); pulumi.runtime.set_mocks(m, preview=False); return m

@pulumi.runtime.test
def test_kw(mocks, monkeypatch):
    import warnings
    import pulumi_kw as kw
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        r = kw.import_.Lambda("r", from_="x", lambda_="y", pulumi_="p", optional="o", str_="s",
                              nested={"from_": "a", "items": {"k": "v"}, "ref": "r"}, mode=kw.import_.Mode.CLASS, count=None)
    def check(v):
        frm, pul, nested = v
        assert frm == "x" and pul == "p"
        inputs = [c for c in mocks.created if c.name == "r"][0].inputs
        assert inputs["from"] == "x" and inputs["lambda"] == "y" and inputs["pulumi"] == "p"
        assert inputs["count"] == 3
        assert inputs["nested"]["from"] == "a" and inputs["nested"]["$ref"] == "r"
        assert inputs["mode"] == "class"
    def check_node(nested):
        # As in Pulumi's SDKs: a wire-name key is not there, and reading one (`get`, `[]`)
        # warns, naming the getter; `items` is not shadowed, so copy/pickle/json see the values.
        warned = []
        monkeypatch.setattr(pulumi.log, "warn", lambda msg, *a, **k: warned.append(msg))
        assert type(nested).__name__ == "Node" and nested.from_ == "a" and nested.items_ == {"k": "v"}
        assert nested.get("from") is None and nested.get("from", 5) == 5
        with pytest.raises(KeyError):
            nested["from"]
        assert len(warned) == 3 and all("'from_' property getter" in w for w in warned), warned
        assert nested.get("from_") == "a" and nested["items_"] == {"k": "v"} and len(warned) == 3
        assert json.loads(json.dumps(nested))["from_"] == "a"
        assert copy.deepcopy(nested).from_ == "a" and pickle.loads(pickle.dumps(nested)).items_ == {"k": "v"}
    res = kw.import_.get_lambda(lambda_="l", opts_="o")
    assert res.from_ == "f" and res.items == ["a"]
    return pulumi.Output.all(pulumi.Output.all(r.from_, r.pulumi_, r.nested).apply(check), r.nested.apply(check_node))
