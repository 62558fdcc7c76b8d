//! `NodejsDocs` spells the API exactly as the generated SDK declares it.

use bridgegen_codegen::{Generator, LanguageDocs};
use bridgegen_nodejs::{NodejsDocs, NodejsGenerator};

fn root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn alicloud_names_and_signatures() {
    let (pkg, _) = bridgegen_model::load_package(&root().join("schema/alicloud.json")).unwrap();
    let res = &pkg.resources[0];
    let d = NodejsDocs.naming(&pkg);
    assert_eq!(d.language(), "typescript");
    assert_eq!(d.resource_name(res), "alicloud.ecs.ImageSharePermission");
    assert_eq!(d.property_name(&res.inputs[0]), "accountId");
    assert_eq!(d.type_name(&res.inputs[0].ty, true), "pulumi.Input<string>");
    assert_eq!(d.type_name(&res.inputs[0].ty, false), "string");
    assert_eq!(
        d.constructor_signature(res),
        "new ImageSharePermission(name: string, args: ImageSharePermissionArgs, opts?: pulumi.CustomResourceOptions)"
    );
    assert_eq!(
        d.get_signature(res),
        "ImageSharePermission.get(name: string, id: pulumi.Input<pulumi.ID>, state?: ImageSharePermissionState, opts?: pulumi.CustomResourceOptions): ImageSharePermission"
    );
    assert_eq!(d.resource_name(&pkg.provider), "alicloud.Provider");
}

#[test]
fn docs_signatures_agree_with_generated_declarations() {
    // Every keyword-fixture function and resource the docs name is declared in the SDK.
    let (pkg, _) = bridgegen_model::load_package(&root().join("tests/schemas/keywords-nodejs.json")).unwrap();
    let files = NodejsGenerator.generate(&pkg).unwrap();
    let all: String = files.iter().map(|f| String::from_utf8_lossy(&f.contents).into_owned()).collect();
    let d = NodejsDocs.naming(&pkg);
    for f in pkg.functions.iter().filter(|f| f.method_of.is_none()) {
        let sig = d.function_signature(f);
        let decl = format!("export function {}", sig.split(" => ").next().unwrap());
        let head = decl.split('(').next().unwrap();
        assert!(all.contains(&format!("{head}(")), "no declaration for `{sig}`");
        assert!(
            all.contains(&format!("{}{{", decl.trim_end())) || all.contains(&format!("{} {{", decl)),
            "`{decl}` differs from the SDK"
        );
    }
    for r in &pkg.resources {
        let name = d.resource_name(r);
        let class = name.rsplit('.').next().unwrap();
        assert!(all.contains(&format!("export class {class} extends")), "no class for {name}");
    }
}

#[test]
fn multi_argument_and_lifted_method_signatures() {
    let (pkg, _) = bridgegen_model::load_package(&root().join("tests/schemas/methods.json")).unwrap();
    let d = NodejsDocs.naming(&pkg);
    let sig = |tok: &str| d.function_signature(pkg.functions.iter().find(|f| f.token.full == tok).unwrap());
    assert_eq!(
        sig("mth:index:join"),
        "join(separator: string, first: string, second?: string, opts?: pulumi.InvokeOptions): Promise<JoinResult>"
    );
    assert_eq!(
        sig("mth:index:Cluster/getKubeconfig"),
        "cluster.getKubeconfig(args: Cluster.GetKubeconfigArgs): pulumi.Output<string>"
    );
    assert_eq!(
        sig("mth:index:Cluster/scale"),
        "cluster.scale(args: Cluster.ScaleArgs): pulumi.Output<Cluster.ScaleResult>"
    );
    // The signature is what the SDK declares.
    let files = NodejsGenerator.generate(&pkg).unwrap();
    let join = files.iter().find(|f| f.path == "join.ts").unwrap();
    let declared = format!("export function {} {{", sig("mth:index:join"));
    assert!(String::from_utf8_lossy(&join.contents).contains(&declared), "{declared}");
}
