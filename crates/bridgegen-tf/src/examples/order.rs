//! Emission order: every declaration after the ones it references.

use super::{Ex, Part, Program};

fn deps(e: &Ex, out: &mut Vec<usize>) {
    match e {
        Ex::Ref(r) => out.push(r.node),
        Ex::List(items) => items.iter().for_each(|i| deps(i, out)),
        Ex::Map(items) | Ex::Obj(_, _, items) => items.iter().for_each(|(_, v)| deps(v, out)),
        Ex::Tmpl(parts) => parts.iter().for_each(|p| {
            if let Part::Ex(x) = p {
                deps(x, out)
            }
        }),
        _ => {}
    }
}

/// Dependency order (stable): a node after everything it references. Cycles fail.
pub fn order(prog: &mut Program) -> Result<(), String> {
    let n = prog.nodes.len();
    let node_deps: Vec<Vec<usize>> = prog
        .nodes
        .iter()
        .map(|node| {
            let mut d = Vec::new();
            node.args.iter().for_each(|(_, e)| deps(e, &mut d));
            if let Some(v) = &node.value {
                deps(v, &mut d);
            }
            d
        })
        .collect();
    let mut done = vec![false; n];
    while prog.order.len() < n {
        let next = (0..n).find(|&i| !done[i] && node_deps[i].iter().all(|&d| done[d] || d == i));
        let Some(i) = next else { return Err("the example's references form a cycle".into()) };
        if node_deps[i].contains(&i) {
            return Err(format!("`{}` references itself", prog.nodes[i].tf_name));
        }
        done[i] = true;
        prog.order.push(i);
    }
    Ok(())
}
