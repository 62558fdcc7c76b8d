// terraform-provider-legacy: a tiny terraform-plugin-sdk/v2 provider (Terraform protocol 5)
// for bridgegen's tests of the tfplugin5 path and of schema blocks (block_types, max_items,
// sensitive, ForceNew) and of state upgrades: `legacy_thing` is at schema version 1, and its
// version-0 states counted `serial` from 0 (the upgrader adds 1). It keeps its resources in
// memory; it is not a product.
package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/hashicorp/terraform-plugin-sdk/v2/diag"
	"github.com/hashicorp/terraform-plugin-sdk/v2/helper/schema"
	"github.com/hashicorp/terraform-plugin-sdk/v2/plugin"
)

func main() {
	plugin.Serve(&plugin.ServeOpts{ProviderFunc: provider})
}

func provider() *schema.Provider {
	return &schema.Provider{
		Schema: map[string]*schema.Schema{
			"token": {Type: schema.TypeString, Optional: true, Sensitive: true, Description: "API token."},
		},
		ResourcesMap: map[string]*schema.Resource{
			"legacy_thing": {
				Description:   "A thing, kept in the provider's memory.",
				Schema:        thingSchema(),
				SchemaVersion: 1,
				StateUpgraders: []schema.StateUpgrader{{
					Version: 0,
					Type:    (&schema.Resource{Schema: thingSchema()}).CoreConfigSchema().ImpliedType(),
					Upgrade: upgradeThingV0,
				}},
				CreateContext: func(_ context.Context, d *schema.ResourceData, _ any) diag.Diagnostics {
					d.SetId(fmt.Sprintf("thing-%s", d.Get("name").(string)))
					_ = d.Set("serial", 1)
					return nil
				},
				ReadContext:   func(context.Context, *schema.ResourceData, any) diag.Diagnostics { return nil },
				UpdateContext: func(context.Context, *schema.ResourceData, any) diag.Diagnostics { return nil },
				DeleteContext: func(context.Context, *schema.ResourceData, any) diag.Diagnostics { return nil },
			},
		},
		DataSourcesMap: map[string]*schema.Resource{
			"legacy_info": {
				Description: "Facts about the provider.",
				Schema: map[string]*schema.Schema{
					"version": {Type: schema.TypeString, Computed: true, Description: "Provider version."},
				},
				ReadContext: func(_ context.Context, d *schema.ResourceData, _ any) diag.Diagnostics {
					d.SetId("info")
					return diag.FromErr(d.Set("version", "0.1.0"))
				},
			},
		},
	}
}

// thingSchema is legacy_thing's schema, the same at versions 0 and 1.
func thingSchema() map[string]*schema.Schema {
	return map[string]*schema.Schema{
		"name":     {Type: schema.TypeString, Required: true, ForceNew: true, Description: "Name of the thing."},
		"tags":     {Type: schema.TypeMap, Optional: true, Elem: &schema.Schema{Type: schema.TypeString}, Description: "Tags."},
		"secret":   {Type: schema.TypeString, Optional: true, Sensitive: true},
		"old_name": {Type: schema.TypeString, Optional: true, Deprecated: "use name"},
		"serial":   {Type: schema.TypeInt, Computed: true, Description: "Serial number."},
		"rule": {
			Type: schema.TypeList, Optional: true, MaxItems: 1, Description: "The one rule.",
			Elem: &schema.Resource{Schema: map[string]*schema.Schema{
				"port":  {Type: schema.TypeInt, Required: true, Description: "Port."},
				"cidrs": {Type: schema.TypeSet, Optional: true, Elem: &schema.Schema{Type: schema.TypeString}},
			}},
		},
	}
}

// upgradeThingV0 moves a version-0 state to version 1: serials counted from 0 then.
func upgradeThingV0(_ context.Context, raw map[string]any, _ any) (map[string]any, error) {
	switch s := raw["serial"].(type) {
	case float64:
		raw["serial"] = s + 1
	case json.Number:
		n, err := s.Int64()
		if err != nil {
			return nil, fmt.Errorf("serial %q: %w", s, err)
		}
		raw["serial"] = n + 1
	case nil:
	default:
		return nil, fmt.Errorf("serial: unexpected %T", s)
	}
	return raw, nil
}
