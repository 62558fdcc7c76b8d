//! Encoding/decoding property bags to and from `google.protobuf.Struct`, the work done on
//! every RPC. Run: `cargo bench -p bridgegen-provider --bench value`.

use bridgegen_provider::value::{map_from_struct, map_to_struct, PropertyMap, PropertyValue as V};
use criterion::{criterion_group, criterion_main, Criterion};

/// A bag shaped like a big resource: 200 properties, nested objects, lists, secrets, unknowns.
fn bag() -> PropertyMap {
    let mut m = PropertyMap::new();
    for i in 0..200 {
        let v = match i % 5 {
            0 => V::string(format!("value-{i}")),
            1 => V::Number(i as f64),
            2 => V::secret(V::string("hunter2")),
            3 => V::Array((0..10).map(|j| V::string(format!("item-{j}"))).collect()),
            _ => V::Object(
                [("a".to_string(), V::Bool(true)), ("b".to_string(), V::Computed), ("c".to_string(), V::Null)].into(),
            ),
        };
        m.insert(format!("prop{i}"), v);
    }
    m
}

fn bench(c: &mut Criterion) {
    let m = bag();
    let wire = map_to_struct(&m);
    c.bench_function("encode 200-property bag", |b| b.iter(|| map_to_struct(std::hint::black_box(&m))));
    c.bench_function("decode 200-property bag", |b| {
        b.iter(|| map_from_struct(Some(std::hint::black_box(&wire))).unwrap())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
