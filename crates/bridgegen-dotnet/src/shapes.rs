//! The classes of each object type, named as Pulumi's .NET generator names them.
//!
//! An object type gets up to four classes: the output class (`Outputs/`), the input class of
//! its input shape (`Inputs/<Name>Args.cs`), the plain class of the promise form of the
//! functions that take it (`Inputs/<Name>.cs`) and the state class used by a resource's
//! `<Res>State` (`Inputs/<Name>GetArgs.cs`). Pulumi's rules, per type:
//!
//! - a plain property of an args class holds the input-shape class, unwrapped (Pulumi binds
//!   plain properties of input shapes to input shapes), so only function inputs need plain
//!   classes;
//! - state class `<Name>GetArgs`, for every type reached from a resource's `stateInputs`;
//!   every object it references is spelled as a `GetArgs` class too;
//! - without `compatibility`: output `<Name>`, input `<Name>Args`, plain `<Name>`;
//! - `compatibility: tfbridge20`: a type reached from any function's inputs or result (a
//!   "plain type") has the output class `<Name>Result`; the plain class is `<Name>Args`
//!   (file `Inputs/<Name>.cs`); the input class is `<Name>InputArgs` (file
//!   `Inputs/<Name>Args.cs`) when the type is reached from the inputs of a function that
//!   has an output form (a function with a result), else `<Name>Args`;
//! - `compatibility: kubernetes20`: the class names of `tfbridge20` (Pulumi's `typeName`
//!   shares the branch); the classes live in `<Root>.Types.Inputs.<Module>` and
//!   `<Root>.Types.Outputs.<Module>` (see [`crate::context::Names::types_ns`]).

use bridgegen_model::{FunctionReturn, Package, Property, Type};

/// The `compatibility` option of the `csharp` block, for the values bridgegen applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Compat {
    #[default]
    None,
    /// `tfbridge20`: the naming of Terraform-bridged providers.
    TfBridge20,
    /// `kubernetes20`: the layout of Pulumi's Kubernetes SDK (`Types.Inputs`/`Types.Outputs`
    /// namespaces, `KubernetesResource` base class, outputs never nullable, unsealed args).
    Kubernetes20,
}

impl Compat {
    pub fn from_option(value: Option<&str>) -> Compat {
        match value {
            Some("tfbridge20") => Compat::TfBridge20,
            Some("kubernetes20") => Compat::Kubernetes20,
            _ => Compat::None,
        }
    }
}

/// Which class of an object type an input position holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputClass {
    /// The plain class (functions' promise form).
    Plain,
    /// The input-shape class (`Args`).
    Args,
    /// The state class (`GetArgs`).
    State,
}

/// Where an object type is reached from, beyond the model's input/output usage.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reach {
    /// From a resource's `stateInputs`: gets a `GetArgs` class.
    pub state: bool,
    /// From any function's inputs: gets a plain class.
    pub function_input: bool,
    /// From any function's inputs or result (Pulumi's "plain type").
    pub function: bool,
    /// From the inputs of a function that has an output form (Pulumi's
    /// "usedInFunctionOutputVersionInputs").
    pub function_output_form: bool,
    /// From resource (or provider) outputs or function results: gets an output class.
    pub output: bool,
    /// From config variables: gets a `Config.Types` class.
    pub config: bool,
}

/// The `Reach` of every object type of `pkg`, by object index.
pub fn reach(pkg: &Package) -> Vec<Reach> {
    let n = pkg.objects.len();
    let mut state = vec![false; n];
    for r in &pkg.resources {
        mark(pkg, r.state_inputs.iter().flatten().map(|p| &p.ty), &mut state);
    }
    let mut output = vec![false; n];
    for r in std::iter::once(&pkg.provider).chain(&pkg.resources) {
        mark(pkg, r.properties.iter().map(|p| &p.ty), &mut output);
    }
    let mut config = vec![false; n];
    mark(pkg, pkg.config.iter().map(|p| &p.ty), &mut config);
    let mut output_form = vec![false; n];
    let mut results = vec![false; n];
    for f in &pkg.functions {
        let inputs = f.inputs.iter().flatten();
        match &f.outputs {
            FunctionReturn::Object(props) => mark(pkg, props.iter().map(|p| &p.ty), &mut results),
            FunctionReturn::Type(t) => mark(pkg, std::iter::once(t), &mut results),
            FunctionReturn::None => {}
        }
        if !matches!(f.outputs, FunctionReturn::None) {
            mark(pkg, inputs.map(|p: &Property| &p.ty), &mut output_form);
        }
    }
    (0..n)
        .map(|i| Reach {
            state: state[i],
            // The model's plain shape: reached from function arguments.
            function_input: pkg.objects[i].usage.plain_shape,
            function: pkg.objects[i].usage.plain_shape || results[i],
            function_output_form: output_form[i],
            output: output[i] || results[i],
            config: config[i],
        })
        .collect()
}

/// Marks every object type reachable from `types` (through properties of objects too).
fn mark<'p>(pkg: &'p Package, types: impl Iterator<Item = &'p Type>, seen: &mut [bool]) {
    let mut stack: Vec<&Type> = types.collect();
    while let Some(t) = stack.pop() {
        t.walk(&mut |t| {
            if let Type::Object(id) = t {
                if !seen[id.0] {
                    seen[id.0] = true;
                    stack.extend(pkg.objects[id.0].properties.iter().map(|p| &p.ty));
                }
            }
        });
    }
}

/// The class names of one object type (all in the type's namespace, under `Inputs`/`Outputs`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObjectClasses {
    /// The name the files are named after (`Foo`; `Foo_` when `Foo` was taken).
    pub base: String,
    /// `Outputs.<output>`, in `Outputs/<output>.cs`.
    pub output: String,
    /// The input shape's class, in `Inputs/<base>Args.cs`.
    pub input: String,
    /// The plain class, in `Inputs/<base>.cs`.
    pub plain: String,
    /// The state class, in `Inputs/<base>GetArgs.cs`; emitted when `reach.state`.
    pub state: String,
}

impl ObjectClasses {
    pub fn input_class(&self, class: InputClass) -> &str {
        match class {
            InputClass::Plain => &self.plain,
            InputClass::Args => &self.input,
            InputClass::State => &self.state,
        }
    }
}

impl ObjectClasses {
    /// The classes of a type named `base`. `plain_and_input`: both its plain and its
    /// input-shape classes are emitted.
    pub fn new(base: &str, compat: Compat, reach: Reach, plain_and_input: bool) -> ObjectClasses {
        let (input, plain, output) = match compat {
            Compat::TfBridge20 | Compat::Kubernetes20 => {
                // A type with both classes that no function's output form reaches would get
                // two `<base>Args` classes (Pulumi writes both, which does not compile): its
                // input shape takes `InputArgs` then too.
                let input = if reach.function_output_form || plain_and_input { "InputArgs" } else { "Args" };
                (input, "Args", if reach.function { "Result" } else { "" })
            }
            Compat::None => ("Args", "", ""),
        };
        ObjectClasses {
            output: format!("{base}{output}"),
            input: format!("{base}{input}"),
            plain: format!("{base}{plain}"),
            state: format!("{base}GetArgs"),
            base: base.to_string(),
        }
    }

    /// The suffixes after the base of the classes (and file stems) in `Inputs`, and of the
    /// class in `Outputs`, for [`TypeNamer::allocate`](crate::names::TypeNamer::allocate).
    pub fn suffixes(compat: Compat, reach: Reach, plain_and_input: bool) -> (Vec<String>, Vec<String>) {
        let c = ObjectClasses::new("", compat, reach, plain_and_input);
        // The file stems `<base>` and `<base>Args` are always taken.
        let mut inputs = vec!["Args".to_string(), c.input, c.plain];
        if reach.state {
            inputs.push(c.state);
        }
        inputs.retain(|s| !s.is_empty());
        inputs.sort();
        inputs.dedup();
        let outputs = if c.output.is_empty() { Vec::new() } else { vec![c.output] };
        (inputs, outputs)
    }
}
