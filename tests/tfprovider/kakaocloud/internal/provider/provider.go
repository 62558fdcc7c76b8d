// Package provider implements the kakaocloud Terraform provider.
package provider

import (
	"context"
	"os"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// defaultEndpoint is where `bridgegen cloud serve` listens unless told otherwise.
const defaultEndpoint = "http://127.0.0.1:18480"

type kakaocloudProvider struct{}

type providerModel struct {
	Endpoint                    types.String `tfsdk:"endpoint"`
	ApplicationCredentialID     types.String `tfsdk:"application_credential_id"`
	ApplicationCredentialSecret types.String `tfsdk:"application_credential_secret"`
}

// New returns the provider.
func New() provider.Provider {
	return &kakaocloudProvider{}
}

func (p *kakaocloudProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "kakaocloud"
}

func (p *kakaocloudProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Manage KakaoCloud resources.",
		Attributes: map[string]schema.Attribute{
			"endpoint": schema.StringAttribute{
				Optional: true,
				Description: "Base URL of the KakaoCloud image API. Defaults to `KAKAOCLOUD_ENDPOINT`, else " +
					"`BRIDGEGEN_CLOUD_ENDPOINT`, else the embedded local cloud (`bridgegen cloud serve`) at " + defaultEndpoint + ".",
			},
			"application_credential_id": schema.StringAttribute{
				Optional:    true,
				Description: "Application credential ID used to authenticate to KakaoCloud. Defaults to `KAKAOCLOUD_APPLICATION_CREDENTIAL_ID`.",
			},
			"application_credential_secret": schema.StringAttribute{
				Optional:    true,
				Sensitive:   true,
				Description: "Application credential secret used to authenticate to KakaoCloud. Defaults to `KAKAOCLOUD_APPLICATION_CREDENTIAL_SECRET`.",
			},
		},
	}
}

func firstNonEmpty(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}

func (p *kakaocloudProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var cfg providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	endpoint := firstNonEmpty(cfg.Endpoint.ValueString(), os.Getenv("KAKAOCLOUD_ENDPOINT"),
		os.Getenv("BRIDGEGEN_CLOUD_ENDPOINT"), defaultEndpoint)
	id := firstNonEmpty(cfg.ApplicationCredentialID.ValueString(), os.Getenv("KAKAOCLOUD_APPLICATION_CREDENTIAL_ID"))
	secret := firstNonEmpty(cfg.ApplicationCredentialSecret.ValueString(), os.Getenv("KAKAOCLOUD_APPLICATION_CREDENTIAL_SECRET"))
	if id == "" || secret == "" {
		// Unknown values (not yet computed) are left for a later Configure; only a known-empty
		// configuration is an error.
		if cfg.ApplicationCredentialID.IsUnknown() || cfg.ApplicationCredentialSecret.IsUnknown() {
			return
		}
		resp.Diagnostics.AddError("Missing KakaoCloud application credential",
			"Set application_credential_id and application_credential_secret in the provider configuration, "+
				"or the environment variables KAKAOCLOUD_APPLICATION_CREDENTIAL_ID and KAKAOCLOUD_APPLICATION_CREDENTIAL_SECRET.")
		return
	}
	c := newClient(endpoint, id, secret)
	resp.ResourceData = c
	resp.DataSourceData = c
}

func (p *kakaocloudProvider) Resources(_ context.Context) []func() resource.Resource {
	return []func() resource.Resource{newImageMemberResource}
}

func (p *kakaocloudProvider) DataSources(_ context.Context) []func() datasource.DataSource {
	return nil
}
