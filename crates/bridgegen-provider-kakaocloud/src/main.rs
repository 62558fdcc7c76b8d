fn main() -> std::process::ExitCode {
    bridgegen_provider::plugin_main(bridgegen_provider_kakaocloud::KakaocloudPlugin)
}
