// terraform-provider-kakaocloud: a Terraform provider (protocol 6, terraform-plugin-framework)
// with kakaocloud_image_member on the KakaoCloud image-member API. By default it talks to
// bridgegen's embedded local cloud (`bridgegen cloud serve`). It exists to test bridgegen's
// Terraform bridge against a real provider binary.
package main

import (
	"context"
	"flag"
	"log"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/bridgegen/bridgegen/tests/tfprovider/kakaocloud/internal/provider"
)

func main() {
	var debug bool
	flag.BoolVar(&debug, "debug", false, "run with support for debuggers like delve")
	flag.Parse()
	err := providerserver.Serve(context.Background(), provider.New, providerserver.ServeOpts{
		Address: "registry.terraform.io/kakaoenterprise/kakaocloud",
		Debug:   debug,
	})
	if err != nil {
		log.Fatal(err.Error())
	}
}
