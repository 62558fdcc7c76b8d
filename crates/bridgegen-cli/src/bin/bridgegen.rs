fn main() -> std::process::ExitCode {
    bridgegen_cli::main()
}
