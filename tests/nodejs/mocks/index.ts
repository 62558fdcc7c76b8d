// Runs the installed seed SDKs under Pulumi's mock runtime and checks what they send to
// the engine and what they hand back. Exits non-zero on the first failed assertion.
import * as pulumi from "@pulumi/pulumi";
import * as assert from "assert";

// What each resource registration carried, by resource name.
const registered: Record<string, pulumi.runtime.MockResourceArgs> = {};

pulumi.runtime.setMocks(
    {
        newResource(args: pulumi.runtime.MockResourceArgs): { id: string | undefined; state: Record<string, any> } {
            registered[args.name] = args;
            const id = args.id || `${args.name}-id`; // `id` is "" for new resources
            const extra: Record<string, any> = {};
            if (args.type === "kakaocloud:index/imageMember:ImageMember") {
                extra.status = "accepted";
                extra.createdAt = "2024-05-01T00:00:00Z";
                extra.updatedAt = "2024-05-02T00:00:00Z";
            }
            return { id, state: { ...args.inputs, ...extra } };
        },
        call(args: pulumi.runtime.MockCallArgs): Record<string, any> {
            return args.inputs;
        },
    },
    "mocks-project",
    "mocks-stack",
    false,
);

function value<T>(o: pulumi.Output<T>): Promise<T> {
    return new Promise<T>((resolve) => o.apply((v) => resolve(v)));
}

async function main(): Promise<void> {
    process.env.ALICLOUD_REGION = "cn-shanghai";
    const alicloud = await import("@pulumi/alicloud");
    const kakaocloud = await import("@bridgegen/kakaocloud");

    // alicloud.ecs.ImageSharePermission: id, urn, inputs passed through.
    const share = new alicloud.ecs.ImageSharePermission("share", {
        accountId: "1234567890",
        imageId: "m-bp1gxyh",
    });
    assert.ok(alicloud.ecs.ImageSharePermission.isInstance(share));
    assert.ok(!kakaocloud.ImageMember.isInstance(share));
    assert.strictEqual(await value(share.id), "share-id");
    assert.strictEqual(
        await value(share.urn),
        "urn:pulumi:mocks-stack::mocks-project::alicloud:ecs/imageSharePermission:ImageSharePermission::share",
    );
    assert.strictEqual(await value(share.accountId), "1234567890");
    assert.strictEqual(await value(share.imageId), "m-bp1gxyh");
    assert.deepStrictEqual(registered["share"].inputs, { accountId: "1234567890", imageId: "m-bp1gxyh" });

    // Required inputs are checked before anything is registered.
    assert.throws(
        () => new alicloud.ecs.ImageSharePermission("no-account", { imageId: "m-1" } as any),
        /Missing required property 'accountId'/,
    );
    assert.throws(() => new alicloud.ecs.ImageSharePermission("no-args", undefined as any), /Missing required property 'accountId'/);
    assert.strictEqual(registered["no-account"], undefined);

    // `get` looks an existing resource up by id.
    const existing = alicloud.ecs.ImageSharePermission.get("existing", "m-9:42", { accountId: "42" });
    assert.strictEqual(await value(existing.id), "m-9:42");
    assert.strictEqual(await value(existing.accountId), "42");

    // `exists` asks the engine whether a resource of this type has the id (the mock monitor
    // answers from what was registered): the share above does, an unknown id does not.
    assert.strictEqual(await value(alicloud.ecs.ImageSharePermission.exists(await value(share.id), { accountId: "1234567890" })), true);
    assert.strictEqual(await value(alicloud.ecs.ImageSharePermission.exists("m-none:1")), false);

    // Provider: region falls back to ALICLOUD_REGION, secrets are marked secret.
    const provider = new alicloud.Provider("ali", { accessKey: "AK" });
    assert.ok(alicloud.Provider.isInstance(provider));
    assert.strictEqual(await value(provider.urn), "urn:pulumi:mocks-stack::mocks-project::pulumi:providers:alicloud::ali");
    assert.strictEqual(registered["ali"].inputs.region, "cn-shanghai");
    // Secret inputs reach the engine wrapped in Pulumi's secret signature.
    assert.deepStrictEqual(registered["ali"].inputs.accessKey, {
        [pulumi.runtime.specialSigKey]: pulumi.runtime.specialSecretSig,
        value: "AK",
    });
    assert.strictEqual(await (provider.accessKey as any).isSecret, true);
    const withProvider = new alicloud.ecs.ImageSharePermission("via-provider", { accountId: "1", imageId: "m-2" }, { provider });
    assert.strictEqual(await value(withProvider.accountId), "1");

    // kakaocloud.ImageMember with its nested `timeouts` object.
    const member = new kakaocloud.ImageMember("member", {
        imageId: "3d3b2f0e-9a55-4a4e-8c43-6a2f5d3b1c10",
        memberId: "b1c2d3e4f5a60718293a4b5c6d7e8f90",
        timeouts: { create: "30m", delete: "10m" },
    });
    assert.ok(kakaocloud.ImageMember.isInstance(member));
    assert.strictEqual(await value(member.id), "member-id");
    assert.strictEqual(
        await value(member.urn),
        "urn:pulumi:mocks-stack::mocks-project::kakaocloud:index/imageMember:ImageMember::member",
    );
    assert.strictEqual(await value(member.imageId), "3d3b2f0e-9a55-4a4e-8c43-6a2f5d3b1c10");
    assert.strictEqual(await value(member.memberId), "b1c2d3e4f5a60718293a4b5c6d7e8f90");
    assert.deepStrictEqual(await value(member.timeouts), { create: "30m", delete: "10m" });
    assert.strictEqual(await value(member.status), "accepted");
    assert.strictEqual(registered["member"].inputs.status, undefined, "outputs are not sent as inputs");
    assert.throws(
        () => new kakaocloud.ImageMember("no-member", { imageId: "i" } as any),
        /Missing required property 'memberId'/,
    );
    assert.throws(
        () => new kakaocloud.ImageMember("no-image", { memberId: "m" } as any),
        /Missing required property 'imageId'/,
    );

    console.log("mocks: all assertions passed");
}

// An output that never resolves would let node exit quietly; fail loudly instead.
const watchdog = setTimeout(() => {
    console.error("mocks: timed out waiting for outputs");
    process.exit(2);
}, 60_000);

main().then(() => clearTimeout(watchdog)).catch((e) => {
    console.error(e);
    process.exit(1);
});
