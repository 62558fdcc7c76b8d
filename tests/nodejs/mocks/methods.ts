// Runs the SDK generated from tests/schemas/methods.json under Pulumi's mock runtime:
// resource methods reach the engine as `call`s with `__self__` and their wire-named
// arguments, object results come back typed, a single-value result is lifted
// (liftSingleValueMethodReturns), a plain result resolves to the value itself (a secret or
// unknown one rejects), and a multiArgumentInputs function takes positional arguments in both its forms.
//
// The mock monitor of @pulumi/pulumi answers invokes but not method calls, so this program
// gives it the engine's `call` RPC: the request is decoded and answered by the same
// `Mocks.call` that answers invokes, as the engine would forward it to the provider.
import * as pulumi from "@pulumi/pulumi";
import * as assert from "assert";

// eslint-disable-next-line @typescript-eslint/no-var-requires
const providerproto = require("@pulumi/pulumi/proto/provider_pb");
// eslint-disable-next-line @typescript-eslint/no-var-requires
const gstruct = require("google-protobuf/google/protobuf/struct_pb");

const calls: { token: string; inputs: any; viaCall: boolean }[] = [];

const mocks: pulumi.runtime.Mocks = {
    newResource(args: pulumi.runtime.MockResourceArgs): { id: string | undefined; state: Record<string, any> } {
        return { id: `${args.name}-id`, state: args.inputs };
    },
    call(args: pulumi.runtime.MockCallArgs): Record<string, any> {
        const viaCall = args.provider === "method-call";
        calls.push({ token: args.token, inputs: args.inputs, viaCall });
        switch (args.token) {
            case "mth:index:Cluster/getKubeconfig":
                return { kubeconfig: `kubeconfig for ${args.inputs.roleArn} as ${args.inputs.profileName ?? "default"}` };
            case "mth:index:Cluster/scale":
                return { previousCount: 3, currentCount: args.inputs.nodeCount };
            case "mth:index:Cluster/reboot":
                return {};
            // A non-object plain result travels as `res`.
            case "mth:index:Cluster/version":
                return { res: "1.29" };
            case "mth:index:Cluster/status":
                return { healthy: args.inputs.verbose === true, nodes: 3 };
            case "mth:index:Cluster/token":
                return { res: pulumi.secret("s3cr3t") };
            case "mth:index:Cluster/endpoint":
                return { res: pulumi.runtime.unknownValue };
            case "mth:index:Cluster/nodePool":
                return { name: "pool-a", size: 4 };
            case "mth:index:join":
                return { result: [args.inputs.first, args.inputs.second].filter((s) => s !== undefined).join(args.inputs.separator) };
        }
        throw new Error(`unexpected call ${args.token}`);
    },
};
pulumi.runtime.setMocks(mocks, "mth-project", "mth-stack", false);

// Gives the current mock monitor the engine's `call` RPC.
function installCall(): void {
    const monitor: any = pulumi.runtime.getMonitor();
    monitor.call = answerCall;
}

async function answerCall(req: any, callback: (err: any, resp: any) => void): Promise<void> {
    try {
        // Arguments as the engine receives them: `__self__` is a resource reference.
        const inputs = req.getArgs().toJavaScript();
        const result = await mocks.call({ token: req.getTok(), inputs, provider: "method-call" });
        const resp = new providerproto.CallResponse();
        resp.setReturn(gstruct.Struct.fromJavaScript(await pulumi.runtime.serializeProperties("call", result)));
        callback(null, resp);
    } catch (err) {
        callback(err, undefined);
    }
}
installCall();

/** The rejection of plain method `method` of Cluster that returned `problem`. */
function plainError(method: string, problem: string): { message: string } {
    return {
        message:
            `Plain resource method "mth:index:Cluster/${method}" incorrectly returned ${problem}. ` +
            "This is an error in the provider, please report this to the provider developer.",
    };
}

function value<T>(o: pulumi.Output<T>): Promise<T> {
    return new Promise<T>((resolve) => o.apply((v) => resolve(v)));
}

async function main(): Promise<void> {
    const mth = await import("@bridgegen/mth");
    const cluster = new mth.Cluster("c", { nodeCount: 3 });
    const urn = await value(cluster.urn);

    // A single-value result is lifted: Output<string>, not Output<{ kubeconfig }>.
    const kubeconfig: pulumi.Output<string> = cluster.getKubeconfig({ roleArn: "arn:role", profileName: "dev" });
    assert.strictEqual(await value(kubeconfig), "kubeconfig for arn:role as dev");
    const got = calls[calls.length - 1];
    assert.ok(got.viaCall, "a method is a call, not an invoke");
    assert.strictEqual(got.token, "mth:index:Cluster/getKubeconfig");
    assert.strictEqual(got.inputs.__self__.urn, urn, "__self__ is a reference to the resource");
    assert.strictEqual(got.inputs.roleArn, "arn:role");

    // An object result with its wire names.
    const scaled = cluster.scale({ nodeCount: pulumi.output(5) });
    const s = await value(scaled);
    const counts: [number, number] = [s.previousCount, s.currentCount];
    assert.deepStrictEqual(counts, [3, 5]);
    assert.strictEqual(calls[calls.length - 1].inputs.nodeCount, 5);
    assert.strictEqual(calls[calls.length - 1].inputs.drain, undefined);

    // A result that is a named object type is read like an inline one.
    const pool = await value(cluster.nodePool());
    const poolFields: [string, number] = [pool.name, pool.size];
    assert.deepStrictEqual(poolFields, ["pool-a", 4]);

    // No result.
    await value(cluster.reboot());
    assert.strictEqual(calls[calls.length - 1].token, "mth:index:Cluster/reboot");

    // Plain results: promises of the values themselves.
    const version: string = await cluster.version();
    assert.strictEqual(version, "1.29");
    const status: { healthy: boolean; nodes: number } = await cluster.status({ verbose: true });
    assert.deepStrictEqual({ ...status }, { healthy: true, nodes: 3 });
    assert.strictEqual(calls[calls.length - 1].inputs.verbose, true);
    await assert.rejects(cluster.token(), plainError("token", "a secret value"));

    // multiArgumentInputs: positional arguments, optional ones last.
    const joined = await mth.join("-", "a", "b");
    assert.strictEqual(joined.result, "a-b");
    assert.deepStrictEqual(calls[calls.length - 1].inputs, { separator: "-", first: "a", second: "b" });
    const joinedOut = await value(mth.joinOutput(pulumi.output("+"), "x"));
    assert.strictEqual(joinedOut.result, "x");
    assert.ok(!calls[calls.length - 1].viaCall, "a function is an invoke");

    // An unknown result reaches a program only in a preview (an update reads unknowns as
    // undefined): the same mocks, as a preview.
    pulumi.runtime.setMocks(mocks, "mth-project", "mth-stack", true);
    installCall();
    const previewed = new mth.Cluster("p", { nodeCount: 1 });
    await assert.rejects(previewed.endpoint(), plainError("endpoint", "an unknown value"));

    console.log("methods: all assertions passed");
}

// An output that never resolves (a call nobody answers) would hang the program.
const watchdog = setTimeout(() => {
    console.error("methods: timed out waiting for outputs");
    process.exit(2);
}, 60_000);

main().then(() => clearTimeout(watchdog)).catch((e) => {
    console.error(e);
    process.exit(1);
});
