// Runs the SDK generated from tests/schemas/keywords-nodejs.json under Pulumi's mock
// runtime: keyword-named members work at run time, defaults are filled in, invokes
// (promise and Output forms) reach the engine with their wire names.
import * as pulumi from "@pulumi/pulumi";
import * as assert from "assert";

const registered: Record<string, pulumi.runtime.MockResourceArgs> = {};
const calls: pulumi.runtime.MockCallArgs[] = [];

pulumi.runtime.setMocks(
    {
        newResource(args: pulumi.runtime.MockResourceArgs): { id: string | undefined; state: Record<string, any> } {
            registered[args.name] = args;
            return { id: args.id || `${args.name}-id`, state: args.inputs };
        },
        call(args: pulumi.runtime.MockCallArgs): Record<string, any> {
            calls.push(args);
            if (args.token === "kw:my-module/new:new") {
                return { result: "made" };
            }
            return { class: "c-" + args.inputs.this, return: "in", await: 7 };
        },
    },
    "kw-project",
    "kw-stack",
    false,
);

function value<T>(o: pulumi.Output<T>): Promise<T> {
    return new Promise<T>((resolve) => o.apply((v) => resolve(v)));
}

async function main(): Promise<void> {
    const kw = await import("@bridgegen/kw");

    // A resource named `class` with keyword and non-identifier property names.
    const c = new kw.Class("c", {
        default: "d",
        "x-kubernetes-foo": "k",
        $ref: "r",
        constructor: "ctor",
        function: { function: "f" },
        this: [{ value: "v" }],
    });
    assert.strictEqual(await value(c.id), "c-id");
    assert.strictEqual(await value(c.default), "d");
    assert.strictEqual(await value(c["x-kubernetes-foo"]), "k");
    const inputs = registered["c"].inputs;
    assert.strictEqual(inputs["$ref"], "r");
    assert.strictEqual(inputs["constructor"], "ctor");
    // Object defaults are applied (`delete` defaults to true).
    assert.deepStrictEqual(inputs["function"], { function: "f", delete: true });
    // Methods (`delete` is a fine method name; `getProvider` would shadow Resource's).
    // The mock monitor of @pulumi/pulumi cannot answer method calls here, so only their
    // presence is checked here; their types are checked by tsc.
    assert.strictEqual(typeof c.delete, "function");
    assert.strictEqual(typeof c.getProvider_, "function");
    assert.strictEqual(typeof c.getProvider, "function", "Resource.getProvider is still inherited");
    assert.throws(() => new kw.Class("bad", { default: "d" } as any), /Missing required property 'x-kubernetes-foo'/);

    // `Error` shadows the global inside its file; the required check still throws an Error.
    assert.throws(() => new kw.Error("e", {} as any), (e: unknown) => e instanceof Error && /'message'/.test(e.message));
    const err = new kw.Error("e2", { message: "m" });
    assert.strictEqual(await value(err.message), "m");

    // Enums, including derived member names (Pulumi's rule: first letter upper-cased, other
    // characters made identifier-safe, a leading `_` prefixed with the enum's name).
    assert.strictEqual(kw.default_.Enum.Class, "class");
    assert.strictEqual(kw.default_.Enum.Default, "default");
    assert.strictEqual(kw.default_.Enum.T2_micro, "t2.micro");
    assert.strictEqual(kw.types.enums.myModule.Level.Level_3, -3);

    // A resource in a module with a dash, with aliases/secret outputs merged into options.
    const del = new kw.default_.Delete("del", { in: "secret-in" });
    assert.strictEqual(await value(del.id), "del-id");
    assert.deepStrictEqual(registered["del"].inputs["in"], {
        [pulumi.runtime.specialSigKey]: pulumi.runtime.specialSecretSig,
        value: "secret-in",
    });
    const imp = new kw.myModule.Import("imp", { export: "e", union: "s" });
    assert.strictEqual(await value(imp.export), "e");

    // Provider: integer default serialized as JSON text, like every non-string provider input.
    const p = new kw.Provider("p", { new: "n" });
    assert.strictEqual(await value(p.urn), "urn:pulumi:kw-stack::kw-project::pulumi:providers:kw::p");
    assert.strictEqual(registered["p"].inputs.retries, "3");

    // Invokes: promise form and Output form, keyword argument names passed as written.
    const r = await kw.delete_({ this: "t", default: { function: "f" } });
    assert.strictEqual(r.class, "c-t");
    assert.strictEqual(calls[calls.length - 1].token, "kw:index/delete:delete");
    assert.strictEqual(calls[calls.length - 1].inputs.this, "t");
    const ro = await value(kw.deleteOutput({ this: pulumi.output("u") }));
    assert.strictEqual(ro.class, "c-u");
    const got = await kw.default_.getThis();
    assert.strictEqual(got.await, 7);
    const made = await kw.myModule.new_({ yield: true });
    assert.strictEqual(made, "made");

    console.log("keywords: all assertions passed");
}

const watchdog = setTimeout(() => {
    console.error("keywords: timed out waiting for outputs");
    process.exit(2);
}, 60_000);

main().then(() => clearTimeout(watchdog)).catch((e) => {
    console.error(e);
    process.exit(1);
});
