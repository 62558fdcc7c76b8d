// Runs the SDK generated from tests/schemas/methods.json under Pulumi's Go mocks: resource
// methods reach the mock monitor as method calls (MethodCall) with `__self__` and their
// wire-named arguments, an object result comes back typed, a single-value result is lifted
// (liftSingleValueMethodReturns), a method without a result returns only an error, and a
// plain result comes back as the value itself (internal.CallPlain), a secret one as an error.
package mocks

import (
	"fmt"
	"sync"
	"testing"

	"example.com/mth/sdk/go/mth"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// methodMocks answers invokes (Call) and method calls (MethodCall), recording both.
type methodMocks struct {
	mu          sync.Mutex
	invokes     []pulumi.MockCallArgs
	methodCalls []pulumi.MockCallArgs
}

func (m *methodMocks) NewResource(args pulumi.MockResourceArgs) (string, resource.PropertyMap, error) {
	return args.Name + "-id", args.Inputs, nil
}

func (m *methodMocks) Call(args pulumi.MockCallArgs) (resource.PropertyMap, error) {
	m.mu.Lock()
	m.invokes = append(m.invokes, args)
	m.mu.Unlock()
	sep := args.Args["separator"].StringValue()
	return resource.PropertyMap{"result": resource.NewStringProperty(args.Args["first"].StringValue() + sep + args.Args["second"].StringValue())}, nil
}

func (m *methodMocks) MethodCall(args pulumi.MockCallArgs) (resource.PropertyMap, error) {
	m.mu.Lock()
	m.methodCalls = append(m.methodCalls, args)
	m.mu.Unlock()
	switch args.Token {
	case "mth:index:Cluster/getKubeconfig":
		profile := "default"
		if p, ok := args.Args["profileName"]; ok && p.IsString() {
			profile = p.StringValue()
		}
		return resource.PropertyMap{"kubeconfig": resource.NewStringProperty(
			fmt.Sprintf("kubeconfig for %s as %s", args.Args["roleArn"].StringValue(), profile))}, nil
	case "mth:index:Cluster/scale":
		return resource.PropertyMap{
			"previousCount": resource.NewNumberProperty(3),
			"currentCount":  args.Args["nodeCount"],
		}, nil
	case "mth:index:Cluster/reboot":
		return resource.PropertyMap{}, nil
	// A non-object plain result travels as `res`.
	case "mth:index:Cluster/version":
		return resource.PropertyMap{"res": resource.NewStringProperty("1.29")}, nil
	case "mth:index:Cluster/status":
		return resource.PropertyMap{
			"healthy": resource.NewBoolProperty(args.Args["verbose"].BoolValue()),
			"nodes":   resource.NewNumberProperty(3),
		}, nil
	case "mth:index:Cluster/token":
		return resource.PropertyMap{"res": resource.MakeSecret(resource.NewStringProperty("s3cr3t"))}, nil
	case "mth:index:Cluster/nodePool":
		return resource.PropertyMap{
			"name": resource.NewStringProperty("pool-a"),
			"size": resource.NewNumberProperty(4),
		}, nil
	}
	return nil, fmt.Errorf("unexpected method call %s", args.Token)
}

func TestMethodsUnderMocks(t *testing.T) {
	mocks := &methodMocks{}
	var urn, kubeconfig, previous, current, joined, poolName, poolSize interface{}
	var rebootErr, tokenErr error
	var version, token string
	var status mth.ClusterStatusResult
	err := pulumi.RunErr(func(ctx *pulumi.Context) error {
		cluster, err := mth.NewCluster(ctx, "c", &mth.ClusterArgs{NodeCount: pulumi.Int(3)})
		if err != nil {
			return err
		}
		// A single-value result is lifted: a StringOutput, not a result struct.
		kc, err := cluster.GetKubeconfig(ctx, &mth.ClusterGetKubeconfigArgs{
			RoleArn:     pulumi.String("arn:role"),
			ProfileName: pulumi.String("dev"),
		})
		if err != nil {
			return err
		}
		scaled, err := cluster.Scale(ctx, &mth.ClusterScaleArgs{NodeCount: pulumi.Int(5)})
		if err != nil {
			return err
		}
		rebootErr = cluster.Reboot(ctx)
		// A result that is a named object type is read like an inline one.
		pool, err := cluster.NodePool(ctx)
		if err != nil {
			return err
		}
		// Plain results: the values themselves, awaited inside the program.
		if version, err = cluster.Version(ctx); err != nil {
			return err
		}
		if status, err = cluster.Status(ctx, &mth.ClusterStatusArgs{Verbose: pulumi.Bool(true)}); err != nil {
			return err
		}
		token, tokenErr = cluster.Token(ctx)
		// multiArgumentInputs: positional arguments, as in Pulumi's Go SDKs.
		j, err := mth.Join(ctx, "-", "a", pulumi.StringRef("b"))
		if err != nil {
			return err
		}
		joined = j.Result
		var wg sync.WaitGroup
		await(&wg, cluster.URN().ToStringOutput(), &urn)
		await(&wg, kc, &kubeconfig)
		await(&wg, scaled.PreviousCount(), &previous)
		await(&wg, scaled.CurrentCount(), &current)
		await(&wg, pool.Name(), &poolName)
		await(&wg, pool.Size(), &poolSize)
		wg.Wait()
		return nil
	}, pulumi.WithMocks("project", "stack", mocks))
	if err != nil {
		t.Fatalf("program failed: %v", err)
	}
	if kubeconfig != "kubeconfig for arn:role as dev" {
		t.Errorf("kubeconfig = %v", kubeconfig)
	}
	if previous != 3 || current != 5 {
		t.Errorf("scale = %v -> %v, want 3 -> 5", previous, current)
	}
	if poolName != "pool-a" || poolSize != 4 {
		t.Errorf("nodePool = %v, %v; want pool-a, 4", poolName, poolSize)
	}
	if rebootErr != nil {
		t.Errorf("reboot: %v", rebootErr)
	}
	if joined != "a-b" {
		t.Errorf("join = %v, want a-b", joined)
	}
	if version != "1.29" {
		t.Errorf("version = %q, want 1.29", version)
	}
	if !status.Healthy || status.Nodes != 3 {
		t.Errorf("status = %+v, want healthy with 3 nodes", status)
	}
	// Go's mock monitor answers a method call without its unknowns (it marshals the result
	// without them), so only the secret case can be exercised here.
	want := `Plain resource method "mth:index:Cluster/token" incorrectly returned a secret value. ` +
		"This is an error in the provider, please report this to the provider developer."
	if tokenErr == nil || tokenErr.Error() != want || token != "" {
		t.Errorf("token = %q, %v; want the error %q", token, tokenErr, want)
	}
	// Method calls run concurrently: look them up by token.
	byToken := map[string]resource.PropertyMap{}
	for _, c := range mocks.methodCalls {
		byToken[c.Token] = c.Args
		self, ok := c.Args["__self__"]
		if !ok || !self.IsResourceReference() || string(self.ResourceReferenceValue().URN) != urn {
			t.Errorf("%s: __self__ = %v, want a reference to %v", c.Token, self, urn)
		}
	}
	if len(byToken) != 7 {
		t.Fatalf("method calls = %v, want getKubeconfig, scale, reboot, version, status, token and nodePool", byToken)
	}
	if got := byToken["mth:index:Cluster/getKubeconfig"]["roleArn"]; !got.IsString() || got.StringValue() != "arn:role" {
		t.Errorf("roleArn = %v", got)
	}
	if _, ok := byToken["mth:index:Cluster/scale"]["drain"]; ok {
		t.Errorf("an unset optional argument must not be sent")
	}
	if len(mocks.invokes) != 1 || mocks.invokes[0].Token != "mth:index:join" {
		t.Errorf("invokes = %v, want one of mth:index:join", mocks.invokes)
	}
}
