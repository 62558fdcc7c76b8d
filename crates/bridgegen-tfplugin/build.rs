//! Compiles the vendored tfplugin5/tfplugin6/go-plugin protocol files with a bundled protoc
//! (no system protoc needed).

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let protoc = protoc_bin_vendored::protoc_bin_path()?;
    let include = protoc_bin_vendored::include_path()?;
    // prost-build runs the protoc named by PROTOC.
    std::env::set_var("PROTOC", protoc);
    let files = ["proto/tfplugin5.proto", "proto/tfplugin6.proto", "proto/grpc_controller.proto"];
    for f in files {
        println!("cargo:rerun-if-changed={f}");
    }
    tonic_prost_build::configure()
        .build_server(true)
        .build_client(true)
        .compile_protos(&files.map(std::path::PathBuf::from), &[std::path::PathBuf::from("proto"), include])?;
    Ok(())
}
