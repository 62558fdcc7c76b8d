//! Names made unique within one scope: the one allocator the generators and the docs share
//! (file stems, class names, property names, page paths). Each caller picks how a taken
//! name is varied and whether case matters (case-insensitive file systems).

use std::collections::HashSet;

/// How a taken name is varied until it is free.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Variant {
    /// `name_`, `name__`, ... (Python and C# keep identifiers readable this way).
    Underscore,
    /// `name{sep}2`, `name{sep}3`, ... (`Foo2`, `page-2`).
    Number { sep: &'static str },
}

/// The names taken in one scope.
#[derive(Debug, Clone)]
pub struct UniqueNames {
    used: HashSet<String>,
    variant: Variant,
    fold_case: bool,
}

impl UniqueNames {
    pub fn new(variant: Variant) -> Self {
        UniqueNames { used: HashSet::new(), variant, fold_case: false }
    }

    /// Names that differ only in case count as the same name (`Foo.ts` and `foo.ts`).
    pub fn ignoring_case(mut self) -> Self {
        self.fold_case = true;
        self
    }

    fn key(&self, name: &str) -> String {
        if self.fold_case {
            name.to_ascii_lowercase()
        } else {
            name.to_string()
        }
    }

    /// Marks `name` as taken (a fixed file, a child folder, a reserved identifier).
    pub fn reserve(&mut self, name: &str) {
        let k = self.key(name);
        self.used.insert(k);
    }

    pub fn is_taken(&self, name: &str) -> bool {
        self.used.contains(&self.key(name))
    }

    /// The `n`th variant of `base` (`n` = 0 is `base` itself).
    fn variant(&self, base: &str, n: usize) -> String {
        match self.variant {
            _ if n == 0 => base.to_string(),
            Variant::Underscore => format!("{base}{}", "_".repeat(n)),
            Variant::Number { sep } => format!("{base}{sep}{}", n + 1),
        }
    }

    /// Takes `base` or its first free variant.
    pub fn take(&mut self, base: &str) -> String {
        self.take_with(base, &[])
    }

    /// Takes the first variant of `base` that is free together with every `variant + suffix`
    /// (a class `Foo` also takes `FooArgs`), and takes those companions too.
    pub fn take_with(&mut self, base: &str, suffixes: &[&str]) -> String {
        let mut n = 0;
        loop {
            let name = self.variant(base, n);
            if !self.is_taken(&name) && suffixes.iter().all(|s| !self.is_taken(&format!("{name}{s}"))) {
                self.reserve(&name);
                for s in suffixes {
                    self.reserve(&format!("{name}{s}"));
                }
                return name;
            }
            n += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn underscores_and_companions() {
        let mut u = UniqueNames::new(Variant::Underscore);
        u.reserve("FooArgs");
        assert_eq!(u.take_with("Foo", &["Args"]), "Foo_");
        assert!(u.is_taken("Foo_Args"));
        assert_eq!(u.take("Foo"), "Foo");
        assert_eq!(u.take("Foo"), "Foo__");
    }

    #[test]
    fn numbers_ignoring_case() {
        let mut u = UniqueNames::new(Variant::Number { sep: "" }).ignoring_case();
        assert_eq!(u.take("Foo"), "Foo");
        assert_eq!(u.take("foo"), "foo2");
        assert_eq!(u.take("FOO"), "FOO3");
        let mut d = UniqueNames::new(Variant::Number { sep: "-" });
        assert_eq!(d.take("a"), "a");
        assert_eq!(d.take("a"), "a-2");
        assert_eq!(d.take("A"), "A");
    }
}
