"""Runs the package generated from tests/schemas/keywords-python.json under mocks: escaped
Python names (from_, lambda_, pulumi_) reach the engine under their wire names, dict inputs
with Python keys are translated, defaults apply, and invokes map results back."""

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
def test_kw(mocks):
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
    res = kw.import_.get_lambda(lambda_="l", opts_="o")
    assert res.from_ == "f" and res.items == ["a"]
    return pulumi.Output.all(r.from_, r.pulumi_, r.nested).apply(check)
