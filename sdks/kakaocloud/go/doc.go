// A Pulumi package for managing KakaoCloud resources.
package kakaocloud
