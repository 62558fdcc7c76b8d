// Runs the generated alicloud and kakaocloud Go SDKs under Pulumi's Go mocks.
// Driven by crates/bridgegen-go/tests/go_sdk.rs, which generates the SDKs into a temp
// dir and writes a go.mod that points at them.
package mocks

import (
	"strings"
	"sync"
	"testing"

	"github.com/bridgegen/pulumi-kakaocloud/sdk/go/kakaocloud"
	"github.com/pulumi/pulumi-alicloud/sdk/v3/go/alicloud"
	"github.com/pulumi/pulumi-alicloud/sdk/v3/go/alicloud/ecs"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// recorder is a mock engine: ids are "<name>-id", outputs echo inputs plus computed
// fields, and every registration is recorded for assertions.
type recorder struct {
	mu     sync.Mutex
	inputs map[string]resource.PropertyMap
	types  map[string]string
}

func newRecorder() *recorder {
	return &recorder{inputs: map[string]resource.PropertyMap{}, types: map[string]string{}}
}

func (r *recorder) NewResource(args pulumi.MockResourceArgs) (string, resource.PropertyMap, error) {
	r.mu.Lock()
	r.inputs[args.Name] = args.Inputs
	r.types[args.Name] = args.TypeToken
	r.mu.Unlock()
	outs := args.Inputs.Copy()
	if args.TypeToken == "kakaocloud:index/imageMember:ImageMember" {
		outs["status"] = resource.NewStringProperty("accepted")
		outs["createdAt"] = resource.NewStringProperty("2024-01-01T00:00:00Z")
		outs["updatedAt"] = resource.NewStringProperty("2024-01-01T00:00:00Z")
	}
	return args.Name + "-id", outs, nil
}

func (r *recorder) Call(args pulumi.MockCallArgs) (resource.PropertyMap, error) {
	return args.Args, nil
}

// await resolves outputs inside the program; the values are checked after RunErr returns.
func await(wg *sync.WaitGroup, out pulumi.Output, dst *interface{}) {
	wg.Add(1)
	out.ApplyT(func(v interface{}) interface{} {
		*dst = v
		wg.Done()
		return v
	})
}

func TestImageSharePermission(t *testing.T) {
	mocks := newRecorder()
	var id, account, image interface{}
	var missingErr, nilArgsErr error
	err := pulumi.RunErr(func(ctx *pulumi.Context) error {
		share, err := ecs.NewImageSharePermission(ctx, "share", &ecs.ImageSharePermissionArgs{
			AccountId: pulumi.String("1234567890"),
			ImageId:   pulumi.String("m-bp1gxyh"),
		})
		if err != nil {
			return err
		}
		var wg sync.WaitGroup
		await(&wg, share.ID().ToStringOutput(), &id)
		await(&wg, share.AccountId, &account)
		await(&wg, share.ToImageSharePermissionOutput().ImageId(), &image)
		_, missingErr = ecs.NewImageSharePermission(ctx, "missing", &ecs.ImageSharePermissionArgs{
			ImageId: pulumi.String("m-1"),
		})
		_, nilArgsErr = ecs.NewImageSharePermission(ctx, "nil-args", nil)
		wg.Wait()
		return nil
	}, pulumi.WithMocks("project", "stack", mocks))
	if err != nil {
		t.Fatalf("program failed: %v", err)
	}
	if id != "share-id" {
		t.Errorf("id = %v, want share-id", id)
	}
	if account != "1234567890" || image != "m-bp1gxyh" {
		t.Errorf("outputs = %v, %v; want the inputs passed through", account, image)
	}
	if missingErr == nil || !strings.Contains(missingErr.Error(), "AccountId") {
		t.Errorf("missing required input: err = %v, want an error naming AccountId", missingErr)
	}
	if nilArgsErr == nil {
		t.Errorf("nil args: want an error")
	}
	if got := mocks.types["share"]; got != "alicloud:ecs/imageSharePermission:ImageSharePermission" {
		t.Errorf("registered type = %q", got)
	}
	if _, ok := mocks.inputs["missing"]; ok {
		t.Errorf("a resource with a missing required input must not be registered")
	}
}

func TestProviderDefaultsAndSecrets(t *testing.T) {
	t.Setenv("ALICLOUD_REGION", "eu-central-1")
	t.Setenv("ALICLOUD_ACCESS_KEY", "")
	mocks := newRecorder()
	err := pulumi.RunErr(func(ctx *pulumi.Context) error {
		_, err := alicloud.NewProvider(ctx, "explicit", &alicloud.ProviderArgs{
			SecretKey: pulumi.String("s3cr3t"),
		})
		return err
	}, pulumi.WithMocks("project", "stack", mocks))
	if err != nil {
		t.Fatalf("program failed: %v", err)
	}
	in := mocks.inputs["explicit"]
	if got := in["region"]; !got.IsString() || got.StringValue() != "eu-central-1" {
		t.Errorf("region = %v, want the ALICLOUD_REGION env default", got)
	}
	if got := in["secretKey"]; !got.IsSecret() || got.SecretValue().Element.StringValue() != "s3cr3t" {
		t.Errorf("secretKey = %v, want a secret", got)
	}
	if got := mocks.types["explicit"]; got != "pulumi:providers:alicloud" {
		t.Errorf("provider type = %q", got)
	}
}

func TestImageMemberWithTimeouts(t *testing.T) {
	mocks := newRecorder()
	var status, create, del, memberID interface{}
	err := pulumi.RunErr(func(ctx *pulumi.Context) error {
		m, err := kakaocloud.NewImageMember(ctx, "member", &kakaocloud.ImageMemberArgs{
			ImageId:  pulumi.String("3d3b2f0e"),
			MemberId: pulumi.String("b1c2d3e4"),
			Timeouts: &kakaocloud.ImageMemberTimeoutsArgs{
				Create: pulumi.String("30m"),
				Delete: pulumi.String("10m"),
			},
		})
		if err != nil {
			return err
		}
		var wg sync.WaitGroup
		await(&wg, m.Status.ToStringOutput(), &status)
		await(&wg, m.Timeouts.Create().ToStringPtrOutput(), &create)
		await(&wg, m.Timeouts.Elem().Delete(), &del)
		await(&wg, m.MemberId.ToStringOutput(), &memberID)
		wg.Wait()
		return nil
	}, pulumi.WithMocks("project", "stack", mocks))
	if err != nil {
		t.Fatalf("program failed: %v", err)
	}
	if status != "accepted" || memberID != "b1c2d3e4" {
		t.Errorf("status, memberId = %v, %v", status, memberID)
	}
	if p, ok := create.(*string); !ok || p == nil || *p != "30m" {
		t.Errorf("timeouts.create = %#v, want 30m", create)
	}
	if p, ok := del.(*string); !ok || p == nil || *p != "10m" {
		t.Errorf("timeouts.delete = %#v, want 10m", del)
	}
	timeouts := mocks.inputs["member"]["timeouts"]
	if !timeouts.IsObject() || timeouts.ObjectValue()["create"].StringValue() != "30m" {
		t.Errorf("timeouts input = %v", timeouts)
	}
}
