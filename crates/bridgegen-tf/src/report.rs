//! The coverage report: what was bridged, which properties have descriptions, which examples
//! were converted and why others were left out.

use serde::Serialize;

#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ItemReport {
    pub tf_type: String,
    pub token: String,
    pub kind: &'static str,
    /// The docs page used, if any.
    pub docs: Option<String>,
    pub properties: usize,
    pub described: usize,
    /// Pulumi paths (`timeouts.create`) of properties without a description.
    pub undescribed: Vec<String>,
    pub examples_converted: usize,
    pub examples_dropped: Vec<DroppedExample>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DroppedExample {
    pub title: Option<String>,
    pub reason: String,
}

#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub package: String,
    pub resources: usize,
    pub data_sources: usize,
    /// Provider functions.
    pub functions: usize,
    pub properties: usize,
    pub described: usize,
    pub examples_converted: usize,
    pub examples_dropped: usize,
    pub items: Vec<ItemReport>,
}

impl Report {
    pub fn add(&mut self, item: ItemReport) {
        if item.kind == "resource" {
            self.resources += 1;
        } else {
            self.data_sources += 1;
        }
        self.properties += item.properties;
        self.described += item.described;
        self.examples_converted += item.examples_converted;
        self.examples_dropped += item.examples_dropped.len();
        self.items.push(item);
    }

    /// The human summary printed on stderr.
    pub fn summary(&self) -> String {
        let functions = if self.functions > 0 { format!(", {} functions", self.functions) } else { String::new() };
        let mut s = format!(
            "bridged {}: {} resources, {} data sources{functions}; {}/{} properties described; examples: {} converted, {} dropped\n",
            self.package, self.resources, self.data_sources, self.described, self.properties, self.examples_converted, self.examples_dropped
        );
        for i in &self.items {
            if i.docs.is_none() {
                s.push_str(&format!("  {}: no docs page\n", i.tf_type));
            }
            if !i.undescribed.is_empty() {
                s.push_str(&format!("  {}: no description: {}\n", i.tf_type, i.undescribed.join(", ")));
            }
            for d in &i.examples_dropped {
                s.push_str(&format!(
                    "  {}: example {}dropped: {}\n",
                    i.tf_type,
                    d.title.as_ref().map(|t| format!("`{t}` ")).unwrap_or_default(),
                    d.reason
                ));
            }
        }
        s
    }
}
