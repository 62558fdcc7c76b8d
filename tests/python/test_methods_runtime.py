"""Runs the package generated from tests/schemas/methods.json under mocks: resource methods
reach the engine as calls with `__self__` and their wire-named arguments (keyword-only), an
object result comes back as the nested result class, a single-value result is lifted
(liftSingleValueMethodReturns), a plain result is the value itself (`_utilities.call_plain`;
a secret or unknown one raises), and a multiArgumentInputs function takes positional arguments.

The mock monitor answers invokes but not method calls, so this test gives it the engine's
`Call` RPC: the request is decoded and answered by the same `Mocks.call` that answers invokes,
as the engine would forward it to the provider."""

import pulumi, pytest
from pulumi.runtime import mocks as pulumi_mocks, rpc
from pulumi.runtime.proto import provider_pb2
from google.protobuf import json_format, struct_pb2


class M(pulumi.runtime.Mocks):
    def __init__(self):
        self.calls = []

    def new_resource(self, args):
        return [args.name + "-id", dict(args.inputs)]

    def call(self, args):
        via_call = args.provider == "method-call"
        self.calls.append((args.token, args.args, via_call))
        a = args.args
        if args.token == "mth:index:Cluster/getKubeconfig":
            return {"kubeconfig": f"kubeconfig for {a['roleArn']} as {a.get('profileName', 'default')}"}
        if args.token == "mth:index:Cluster/scale":
            return {"previousCount": 3, "currentCount": a["nodeCount"]}
        if args.token == "mth:index:Cluster/reboot":
            return {}
        # A non-object plain result travels as `res`.
        if args.token == "mth:index:Cluster/version":
            return {"res": "1.29"}
        if args.token == "mth:index:Cluster/status":
            return {"healthy": a.get("verbose") is True, "nodes": 3}
        if args.token == "mth:index:Cluster/token":
            return {"res": pulumi.Output.secret("s3cr3t")}
        if args.token == "mth:index:Cluster/endpoint":
            return {"res": rpc.UNKNOWN}
        if args.token == "mth:index:Cluster/nodePool":
            return {"name": "pool-a", "size": 4}
        if args.token == "mth:index:join":
            parts = [p for p in (a.get("first"), a.get("second")) if p is not None]
            return {"result": a["separator"].join(parts)}
        raise Exception(f"unexpected call {args.token}")


class CallingMonitor(pulumi_mocks.MockMonitor):
    def Call(self, request):
        # Arguments as the engine receives them: `__self__` is a resource reference (kept
        # as its wire form, with the resource's URN); the others are decoded as for invokes.
        rest = struct_pb2.Struct()
        rest.CopyFrom(request.args)
        self_ref = json_format.MessageToDict(rest).get("__self__")
        if "__self__" in rest.fields:
            del rest.fields["__self__"]
        pulumi_mocks._ensure_event_loop()
        args = rpc.deserialize_properties(rest)
        args["__self__"] = self_ref
        ret = self.mocks.call(pulumi_mocks.MockCallArgs(token=request.tok, args=args, provider="method-call"))
        ret_proto = pulumi_mocks._sync_await(rpc.serialize_properties(ret, {}))
        return provider_pb2.CallResponse(**{"return": ret_proto})


@pytest.fixture()
def mocks():
    m = M()
    pulumi.runtime.set_mocks(m, preview=False, monitor=CallingMonitor(m))
    return m


@pytest.fixture()
def preview_mocks():
    m = M()
    pulumi.runtime.set_mocks(m, preview=True, monitor=CallingMonitor(m))
    return m


def assert_plain_error(method, problem):
    """Plain method `method` of Cluster raises Pulumi's error for a result that is `problem`."""
    with pytest.raises(AssertionError) as raised:
        method()
    assert str(raised.value) == (
        f"Plain resource method 'mth:index:Cluster/{method.__name__}' incorrectly returned {problem}. "
        "This is an error in the provider, please report this to the provider developer."
    )


@pulumi.runtime.test
def test_methods(mocks):
    import pulumi_mth as mth

    cluster = mth.Cluster("c", node_count=3)
    with pytest.raises(TypeError):
        cluster.get_kubeconfig("arn:role")  # keyword-only, as in Pulumi's SDKs
    kubeconfig = cluster.get_kubeconfig(role_arn="arn:role", profile_name="dev")
    scaled = cluster.scale(node_count=pulumi.Output.from_input(5))
    reboot = cluster.reboot()
    assert reboot is None
    # A result that is a named object type is read like an inline one.
    pool = cluster.node_pool()

    def check(v):
        urn, kc, s, p = v
        assert isinstance(p, mth.Cluster.NodePoolResult)
        assert (p.name, p.size) == ("pool-a", 4)
        assert kc == "kubeconfig for arn:role as dev", "a single-value result is lifted"
        assert isinstance(s, mth.Cluster.ScaleResult)
        assert (s.previous_count, s.current_count) == (3, 5)
        by_token = {t: (a, via) for t, a, via in mocks.calls}
        args, via_call = by_token["mth:index:Cluster/getKubeconfig"]
        assert via_call, "a method is a call, not an invoke"
        assert args["roleArn"] == "arn:role" and args["profileName"] == "dev"
        assert by_token["mth:index:Cluster/scale"][0]["nodeCount"] == 5
        assert "drain" not in by_token["mth:index:Cluster/scale"][0]
        assert "mth:index:Cluster/reboot" in by_token
        assert urn.endswith("::c")
        assert args["__self__"]["urn"] == urn, "__self__ is a reference to the resource"

    # Plain results: the values themselves, awaited inside the program.
    assert cluster.version() == "1.29"
    status = cluster.status(verbose=True)
    assert isinstance(status, mth.Cluster.StatusResult)
    assert (status.healthy, status.nodes) == (True, 3)
    assert_plain_error(cluster.token, "a secret value")

    # multiArgumentInputs: positional arguments, optional ones last, in both forms.
    joined = mth.join("-", "a", "b")
    assert joined.result == "a-b"
    # Method calls run concurrently with the program, so the order of mocks.calls is not fixed.
    joins = [via_call for token, _, via_call in mocks.calls if token == "mth:index:join"]
    assert joins == [False], f"join must be one invoke, not a call: {mocks.calls}"
    joined_out = mth.join_output(pulumi.Output.from_input("+"), "x")

    return pulumi.Output.all(cluster.urn, kubeconfig, scaled, pool, joined_out.result).apply(
        lambda v: (check(v[:4]), v[4] == "x" or pytest.fail(f"join_output gave {v[4]}"))
    )


@pulumi.runtime.test
def test_plain_method_unknown_in_preview(preview_mocks):
    # An unknown result reaches a program only in a preview (an update reads it as None).
    import pulumi_mth as mth

    assert_plain_error(mth.Cluster("p", node_count=1).endpoint, "an unknown value")
