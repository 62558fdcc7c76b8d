// Runs the generic (pulumix) copy of the SDK generated from tests/schemas/generics.json
// (`generics: side-by-side`, under x/) under Pulumi's Go mocks: typed inputs reach the
// engine with their defaults and secrets applied, typed outputs and accessors read the
// values back, and a function's Output form resolves its typed arguments. (A program imports
// one of the two copies: both register the same resource modules.)
package mocks

import (
	"sync"
	"testing"

	gx "example.com/gx/sdk/go/gx/x"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumix"
)

// genericMocks records the registered inputs and answers the lookup invoke.
type genericMocks struct {
	mu      sync.Mutex
	inputs  map[string]resource.PropertyMap
	invokes []pulumi.MockCallArgs
}

func (m *genericMocks) NewResource(args pulumi.MockResourceArgs) (string, resource.PropertyMap, error) {
	m.mu.Lock()
	m.inputs[args.Name] = args.Inputs
	m.mu.Unlock()
	return args.Name + "-id", args.Inputs, nil
}

func (m *genericMocks) Call(args pulumi.MockCallArgs) (resource.PropertyMap, error) {
	m.mu.Lock()
	m.invokes = append(m.invokes, args)
	m.mu.Unlock()
	return resource.PropertyMap{
		"id":   resource.NewStringProperty("id-of-" + args.Args["name"].StringValue()),
		"spec": resource.NewObjectProperty(resource.PropertyMap{"size": resource.NewNumberProperty(7)}),
	}, nil
}

// awaitX waits for a typed output's value.
func awaitX[T any](wg *sync.WaitGroup, out pulumix.Input[T], dst *T) {
	wg.Add(1)
	pulumix.Apply(out, func(v T) T {
		*dst = v
		wg.Done()
		return v
	})
}

func TestGenericSDKUnderMocks(t *testing.T) {
	mocks := &genericMocks{inputs: map[string]resource.PropertyMap{}}
	var name, lookupID string
	var color gx.Color
	var specs []gx.Spec
	var tags map[string]string
	var lookupSize int
	five := 5
	err := pulumi.RunErr(func(ctx *pulumi.Context) error {
		w, err := gx.NewWidget(ctx, "w", &gx.WidgetArgs{
			Name:  pulumix.Val("widget"),
			Spec:  pulumix.Val(&gx.Spec{Labels: []string{"a", "b"}}),
			Specs: pulumix.Val([]gx.Spec{{Size: &five}}),
			Tags:  pulumix.Val(map[string]string{"team": "core"}),
			Token: pulumix.Ptr("s3cret"),
		})
		if err != nil {
			return err
		}
		res := gx.LookupOutput(ctx, gx.LookupOutputArgs{Name: pulumix.Val("w")})
		var wg sync.WaitGroup
		awaitX[string](&wg, w.Name, &name)
		awaitX[gx.Color](&wg, w.Color, &color)
		awaitX[[]gx.Spec](&wg, w.Specs, &specs)
		awaitX[map[string]string](&wg, w.Tags, &tags)
		awaitX[string](&wg, res.Id(), &lookupID)
		awaitX[int](&wg, pulumix.Apply(res.Spec().Elem().Size(), func(s *int) int { return *s }), &lookupSize)
		wg.Wait()
		return nil
	}, pulumi.WithMocks("project", "stack", mocks))
	if err != nil {
		t.Fatalf("program failed: %v", err)
	}
	if name != "widget" {
		t.Errorf("name = %q", name)
	}
	// The schema default of an unset input.
	if color != "red" {
		t.Errorf("color = %q, want the default red", color)
	}
	if len(specs) != 1 || specs[0].Size == nil || *specs[0].Size != 5 {
		t.Errorf("specs = %+v", specs)
	}
	if tags["team"] != "core" {
		t.Errorf("tags = %v", tags)
	}
	in := mocks.inputs["w"]
	// The nested object's defaults are applied before registration.
	if got := in["spec"].ObjectValue()["size"]; !got.IsNumber() || got.NumberValue() != 3 {
		t.Errorf("spec.size = %v, want the default 3", got)
	}
	if got := in["token"]; !got.IsSecret() || got.SecretValue().Element.StringValue() != "s3cret" {
		t.Errorf("token = %v", got)
	}
	if lookupID != "id-of-w" || lookupSize != 7 {
		t.Errorf("lookup = %q size %d", lookupID, lookupSize)
	}
	if len(mocks.invokes) != 1 || mocks.invokes[0].Token != "gx:index:lookup" {
		t.Errorf("invokes = %v", mocks.invokes)
	}
}
