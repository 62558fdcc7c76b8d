package provider

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Default operation timeouts, the same as bridgegen's native kakaocloud provider.
const (
	defaultCreateTimeout = 60 * time.Minute
	defaultReadTimeout   = 20 * time.Minute
	defaultUpdateTimeout = 20 * time.Minute
	defaultDeleteTimeout = 30 * time.Minute
)

const timestampDescription = " <br/> - ISO_8601 format  <br/> - Based on UTC"

type imageMemberResource struct {
	client *client
}

type imageMemberModel struct {
	ID        types.String   `tfsdk:"id"`
	ImageID   types.String   `tfsdk:"image_id"`
	MemberID  types.String   `tfsdk:"member_id"`
	Status    types.String   `tfsdk:"status"`
	CreatedAt types.String   `tfsdk:"created_at"`
	UpdatedAt types.String   `tfsdk:"updated_at"`
	Timeouts  timeouts.Value `tfsdk:"timeouts"`
}

func newImageMemberResource() resource.Resource {
	return &imageMemberResource{}
}

func (r *imageMemberResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_image_member"
}

const imageMemberDescription = "The %s resource allows you to manage image sharing between projects in KakaoCloud.\n" +
	"By using this resource, you can share a specific image with another project, control its sharing status, and track creation and update details.\n" +
	"This helps ensure secure and consistent image access across multiple projects within your environment."

func (r *imageMemberResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		Description:         fmt.Sprintf(imageMemberDescription, "kakaocloud_image_member"),
		MarkdownDescription: fmt.Sprintf(imageMemberDescription, "`kakaocloud_image_member`"),
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:      true,
				Description:   "ID of the project receiving the shared image",
				PlanModifiers: keep,
			},
			"image_id": schema.StringAttribute{
				Required:      true,
				Description:   "Unique ID of the image",
				PlanModifiers: replace,
				Validators:    []validator.String{idValidator{}},
			},
			"member_id": schema.StringAttribute{
				Required:      true,
				Description:   "ID of the project with which the image will be shared",
				PlanModifiers: replace,
				Validators:    []validator.String{idValidator{}},
			},
			"status": schema.StringAttribute{
				Computed:      true,
				Description:   "Image sharing status",
				PlanModifiers: keep,
			},
			"created_at": schema.StringAttribute{
				Computed:      true,
				Description:   "Time when the resource was created" + timestampDescription,
				PlanModifiers: keep,
			},
			"updated_at": schema.StringAttribute{
				Computed:      true,
				Description:   "Time when the resource was last modified" + timestampDescription,
				PlanModifiers: keep,
			},
			"timeouts": timeouts.Attributes(ctx, timeouts.Opts{Create: true, Read: true, Update: true, Delete: true}),
		},
	}
}

func (r *imageMemberResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	if req.ProviderData == nil {
		return
	}
	c, ok := req.ProviderData.(*client)
	if !ok {
		resp.Diagnostics.AddError("Unexpected provider data", fmt.Sprintf("expected *client, got %T", req.ProviderData))
		return
	}
	r.client = c
}

// idValidator rejects ids that cannot be part of the `<image_id>:<member_id>` resource id.
type idValidator struct{}

func (idValidator) Description(context.Context) string {
	return "a non-empty id without `:`, `/` or surrounding spaces"
}

func (v idValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v idValidator) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	s := req.ConfigValue.ValueString()
	if strings.TrimSpace(s) == "" || strings.ContainsAny(s, ":/") || strings.TrimSpace(s) != s {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid id", fmt.Sprintf("%q must be %s", s, v.Description(ctx)))
	}
}

// parseID splits a resource id `<image_id>:<member_id>`.
func parseID(id string) (string, string, error) {
	image, member, ok := strings.Cut(id, ":")
	if !ok || image == "" || member == "" || strings.Contains(member, ":") || strings.TrimSpace(id) != id {
		return "", "", fmt.Errorf("invalid kakaocloud_image_member id %q: expected `<image_id>:<member_id>`, "+
			"e.g. `3d3b2f0e-9a55-4a4e-8c43-6a2f5d3b1c10:b1c2d3e4f5a60718293a4b5c6d7e8f90`", id)
	}
	return image, member, nil
}

// explain turns an API error into a diagnostic summary and detail.
func explain(err error, image, member string) (string, string) {
	e, ok := err.(*apiError)
	if !ok {
		return "KakaoCloud request failed", err.Error()
	}
	switch e.Status {
	case 404:
		return "Image not found", fmt.Sprintf("image %q was not found: %s", image, e)
	case 403:
		return "Image cannot be shared", fmt.Sprintf("image %q is not owned by the provider's project (or is a public image): only your own images can be shared (%s)", image, e)
	case 409:
		return "Already a member", fmt.Sprintf("project %q is already a member of image %q; to manage it, import it with id `%s:%s` (%s)", member, image, image, member, e)
	case 413:
		return "Member quota exceeded", fmt.Sprintf("image %q already has the maximum of 50 members, so project %q cannot be added (%s)", image, member, e)
	case 401:
		return "Authentication failed", fmt.Sprintf("KakaoCloud refused the provider's application credential: %s", e)
	}
	if e.Title == "ProjectNotFound" {
		return "Project not found", fmt.Sprintf("project %q does not exist: %s", member, e)
	}
	return "KakaoCloud request failed", e.Error()
}

func (m *imageMemberModel) set(doc *member) {
	m.ID = types.StringValue(doc.ImageID + ":" + doc.MemberID)
	m.ImageID = types.StringValue(doc.ImageID)
	m.MemberID = types.StringValue(doc.MemberID)
	m.Status = types.StringValue(doc.Status)
	m.CreatedAt = types.StringValue(doc.CreatedAt)
	m.UpdatedAt = types.StringValue(doc.UpdatedAt)
}

func (r *imageMemberResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan imageMemberModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	limit, diags := plan.Timeouts.Create(ctx, defaultCreateTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	image, memberID := plan.ImageID.ValueString(), plan.MemberID.ValueString()
	doc, err := withRetry(ctx, func() (*member, error) { return r.client.addMember(ctx, image, memberID) })
	if err != nil {
		summary, detail := explain(err, image, memberID)
		resp.Diagnostics.AddError(summary, detail)
		return
	}
	plan.set(doc)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *imageMemberResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state imageMemberModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	limit, diags := state.Timeouts.Read(ctx, defaultReadTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	image, memberID, err := parseID(state.ID.ValueString())
	if err != nil {
		resp.Diagnostics.AddError("Invalid resource id", err.Error())
		return
	}
	doc, err := withRetry(ctx, func() (*member, error) { return r.client.getMember(ctx, image, memberID) })
	if isStatus(err, 404) {
		// Gone (image or membership deleted out of band): drop it from the state.
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		summary, detail := explain(err, image, memberID)
		resp.Diagnostics.AddError(summary, detail)
		return
	}
	state.set(doc)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// Update: only `timeouts` can change in place (the ids force replacement); record them and
// refresh what the cloud reports.
func (r *imageMemberResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state imageMemberModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	limit, diags := plan.Timeouts.Update(ctx, defaultUpdateTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	image, memberID, err := parseID(state.ID.ValueString())
	if err != nil {
		resp.Diagnostics.AddError("Invalid resource id", err.Error())
		return
	}
	doc, err := withRetry(ctx, func() (*member, error) { return r.client.getMember(ctx, image, memberID) })
	if err != nil {
		summary, detail := explain(err, image, memberID)
		resp.Diagnostics.AddError(summary, detail)
		return
	}
	plan.set(doc)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *imageMemberResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state imageMemberModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	limit, diags := state.Timeouts.Delete(ctx, defaultDeleteTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	image, memberID, err := parseID(state.ID.ValueString())
	if err != nil {
		resp.Diagnostics.AddError("Invalid resource id", err.Error())
		return
	}
	_, err = withRetry(ctx, func() (struct{}, error) { return struct{}{}, r.client.removeMember(ctx, image, memberID) })
	if err != nil && !isStatus(err, 404) { // 404: already gone counts as deleted
		summary, detail := explain(err, image, memberID)
		resp.Diagnostics.AddError(summary, detail)
	}
}

// ImportState takes `<image_id>:<member_id>`; Read fills in the rest.
func (r *imageMemberResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	image, memberID, err := parseID(req.ID)
	if err != nil {
		resp.Diagnostics.AddError("Invalid import id", err.Error())
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), req.ID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("image_id"), image)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("member_id"), memberID)...)
}

var (
	_ resource.ResourceWithConfigure   = &imageMemberResource{}
	_ resource.ResourceWithImportState = &imageMemberResource{}
)
