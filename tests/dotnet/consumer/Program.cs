using System.Collections.Generic;
using Pulumi;
using AliCloud = Pulumi.AliCloud;
using KakaoCloud = Pulumi.KakaoCloud;

return await Deployment.RunAsync(() =>
{
    var provider = new AliCloud.Provider("ali", new AliCloud.ProviderArgs
    {
        Region = "cn-hangzhou",
        AccessKey = "key",
    });

    var share = new AliCloud.Ecs.ImageSharePermission("share", new()
    {
        AccountId = "1234567890",
        ImageId = "m-bp1gxyh",
    }, new CustomResourceOptions { Provider = provider });

    var existing = AliCloud.Ecs.ImageSharePermission.Get("existing", "m-bp1gxyh:1234567890",
        new AliCloud.Ecs.ImageSharePermissionState { ImageId = "m-bp1gxyh" });

    var member = new KakaoCloud.ImageMember("member", new()
    {
        ImageId = "3d3b2f0e-9a55-4a4e-8c43-6a2f5d3b1c10",
        MemberId = "b1c2d3e4f5a60718293a4b5c6d7e8f90",
        Timeouts = new KakaoCloud.Inputs.ImageMemberTimeoutsArgs
        {
            Create = "30m",
        },
    });

    string? region = AliCloud.Config.Region;

    return new Dictionary<string, object?>
    {
        ["accountId"] = share.AccountId,
        ["existingImage"] = existing.ImageId,
        ["memberId"] = member.MemberId,
        ["region"] = region,
    };
});
