"""Runs the generated seed SDKs on the real `pulumi` runtime under mocks.

Run by crates/bridgegen-python/tests/mocks.rs with the generated packages installed."""

import pulumi
import pytest


class Mocks(pulumi.runtime.Mocks):
    def __init__(self):
        self.created = []

    def new_resource(self, args: pulumi.runtime.MockResourceArgs):
        self.created.append(args)
        outputs = dict(args.inputs)
        if args.typ == "kakaocloud:index/imageMember:ImageMember":
            outputs.update({"status": "pending", "createdAt": "2026-01-01T00:00:00Z", "updatedAt": "2026-01-01T00:00:00Z"})
            rid = f"{args.inputs['imageId']}:{args.inputs['memberId']}"
        elif args.typ == "alicloud:ecs/imageSharePermission:ImageSharePermission":
            rid = f"{args.inputs['imageId']}:{args.inputs['accountId']}"
        else:
            rid = f"{args.name}-id"
        return [rid, outputs]

    def call(self, args: pulumi.runtime.MockCallArgs):
        return {}


@pytest.fixture()
def mocks():
    m = Mocks()
    pulumi.runtime.set_mocks(m, project="proj", stack="dev", preview=False)
    yield m


def resolve(output):
    """The value of an Output, waiting for it in the mock event loop."""
    fut = pulumi.Output.all(output).apply(lambda xs: xs[0])
    return fut.future()


@pulumi.runtime.test
def test_image_share_permission(mocks):
    import pulumi_alicloud as alicloud

    perm = alicloud.ecs.ImageSharePermission("share", account_id="1234567890", image_id="m-abc")

    def check(values):
        rid, urn, account, image = values
        assert rid == "m-abc:1234567890"
        assert urn.startswith("urn:pulumi:dev::proj::")
        assert urn.endswith("alicloud:ecs/imageSharePermission:ImageSharePermission::share")
        assert account == "1234567890"
        assert image == "m-abc"
        created = [c for c in mocks.created if c.typ == "alicloud:ecs/imageSharePermission:ImageSharePermission"]
        assert len(created) == 1
        # The engine sees wire (camelCase) names.
        assert created[0].inputs == {"accountId": "1234567890", "imageId": "m-abc"}

    return pulumi.Output.all(perm.id, perm.urn, perm.account_id, perm.image_id).apply(check)


@pulumi.runtime.test
def test_exists_looks_up_by_id_and_type(mocks):
    import pulumi_alicloud as alicloud

    perm = alicloud.ecs.ImageSharePermission("share3", account_id="7", image_id="m-e")

    def check(found):
        # The mock monitor answers from the resources registered so far, by id and type.
        assert found == [True, False]

    found = perm.id.apply(
        lambda rid: pulumi.Output.all(
            alicloud.ecs.ImageSharePermission.exists(rid, account_id="7"),
            alicloud.ecs.ImageSharePermission.exists("m-none:7"),
        )
    )
    return found.apply(check)


@pulumi.runtime.test
def test_image_share_permission_args_form(mocks):
    import pulumi_alicloud as alicloud

    args = alicloud.ecs.ImageSharePermissionArgs(account_id="42", image_id="m-xyz")
    perm = alicloud.ecs.ImageSharePermission("share2", args)

    def check(values):
        assert values == ["m-xyz:42", "42"]

    return pulumi.Output.all(perm.id, perm.account_id).apply(check)


@pulumi.runtime.test
def test_image_member_with_timeouts(mocks):
    import pulumi_kakaocloud as kakaocloud

    member = kakaocloud.ImageMember(
        "member",
        image_id="img-1",
        member_id="proj-2",
        timeouts={"create": "30m", "delete": "10m"},
    )

    def check(values):
        rid, urn, image, mem, status = values
        assert rid == "img-1:proj-2"
        assert urn.startswith("urn:pulumi:dev::proj::")
        assert urn.endswith("kakaocloud:index/imageMember:ImageMember::member")
        assert image == "img-1"
        assert mem == "proj-2"
        assert status == "pending"
        created = [c for c in mocks.created if c.typ == "kakaocloud:index/imageMember:ImageMember"]
        # The engine sees wire names, the nested object as a plain map.
        assert created[0].inputs == {
            "imageId": "img-1",
            "memberId": "proj-2",
            "timeouts": {"create": "30m", "delete": "10m"},
        }

    def check_timeouts(timeouts):
        # (Checked on its own: Output.all would flatten the dict subclass into a dict.)
        # The nested object comes back as the generated output class.
        assert isinstance(timeouts, kakaocloud.outputs.ImageMemberTimeouts)
        assert timeouts.create == "30m"
        assert timeouts.delete == "10m"
        assert timeouts.read is None
        assert timeouts.update is None

    return pulumi.Output.all(
        pulumi.Output.all(member.id, member.urn, member.image_id, member.member_id, member.status).apply(check),
        member.timeouts.apply(check_timeouts),
    )


@pulumi.runtime.test
def test_image_member_with_args_class_timeouts(mocks):
    import pulumi_kakaocloud as kakaocloud

    member = kakaocloud.ImageMember(
        "member2",
        kakaocloud.ImageMemberArgs(
            image_id="img-3",
            member_id="proj-4",
            timeouts=kakaocloud.ImageMemberTimeoutsArgs(update="5m"),
        ),
    )

    def check(timeouts):
        assert isinstance(timeouts, kakaocloud.outputs.ImageMemberTimeouts)
        assert timeouts.update == "5m"
        assert timeouts.create is None

    return member.timeouts.apply(check)


def test_missing_required_input_raises(mocks):
    import pulumi_alicloud as alicloud
    import pulumi_kakaocloud as kakaocloud

    with pytest.raises(TypeError, match="Missing required property 'image_id'"):
        alicloud.ecs.ImageSharePermission("bad", account_id="1")
    with pytest.raises(TypeError, match="Missing required property 'member_id'"):
        kakaocloud.ImageMember("bad", image_id="img")


def test_config_env_defaults(monkeypatch):
    import pulumi_alicloud as alicloud

    monkeypatch.delenv("ALICLOUD_REGION", raising=False)
    assert alicloud.config.region == "cn-beijing"
    monkeypatch.setenv("ALICLOUD_REGION", "eu-central-1")
    assert alicloud.config.region == "eu-central-1"
