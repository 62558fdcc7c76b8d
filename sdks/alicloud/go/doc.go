// A Pulumi package for creating and managing Alibaba Cloud resources.
package alicloud
