//! The fields a change changed, for the audit trail: each record kind names its fields
//! (`AuditFields`), and [`changes`] compares two versions of a record, writing
//! `field: old -> new` for each that differs (`-` for empty or absent), lists as
//! `field: +added -removed`. The text is bounded: each value is cut at
//! [`VALUE_CHARS`] characters and the whole at [`SUMMARY_CHARS`], saying how many fields
//! were left out. Key material never appears: officers' keys are named by fingerprint.

/// One field's value as the audit shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Text(String),
    /// A set of items (order does not count): shown as what was added and removed.
    List(Vec<String>),
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::Text(s)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::Text(s.to_string())
    }
}

/// A record kind's fields, by their names in the CSV exports where there is one.
pub trait AuditFields {
    fn audit_fields(&self) -> Vec<(&'static str, Value)>;
}

/// The longest value shown, in characters.
pub const VALUE_CHARS: usize = 80;
/// The longest summary of changes, in characters.
pub const SUMMARY_CHARS: usize = 1200;

fn cut(s: &str) -> String {
    let clean = crate::domain::text::clean_line(s);
    if clean.is_empty() {
        return "-".into();
    }
    if clean.chars().count() <= VALUE_CHARS {
        return clean;
    }
    let mut out: String = clean.chars().take(VALUE_CHARS - 1).collect();
    out.push('…');
    out
}

/// The fields that differ between `old` and `new` (either absent for a creation or a
/// removal), as `field: old -> new` joined by `; `; empty when none does.
pub fn changes<T: AuditFields>(old: Option<&T>, new: Option<&T>) -> String {
    let old = old.map(AuditFields::audit_fields).unwrap_or_default();
    let new = new.map(AuditFields::audit_fields).unwrap_or_default();
    let mut names: Vec<&'static str> = old.iter().map(|(n, _)| *n).collect();
    for (n, _) in &new {
        if !names.contains(n) {
            names.push(n);
        }
    }
    let find = |fields: &[(&'static str, Value)], name: &str| {
        fields
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.clone())
    };
    let mut parts = Vec::new();
    for name in names {
        let (a, b) = (find(&old, name), find(&new, name));
        if a == b {
            continue;
        }
        let none = Vec::new();
        let list = |v: &Option<Value>| match v {
            Some(Value::List(l)) => Some(l.clone()),
            _ => None,
        };
        let text = |v: &Option<Value>| match v {
            Some(Value::Text(t)) => t.clone(),
            Some(Value::List(l)) => l.join(", "),
            None => String::new(),
        };
        if let (Some(_), _) | (_, Some(_)) = (list(&a), list(&b)) {
            let (x, y) = (list(&a).unwrap_or(none.clone()), list(&b).unwrap_or(none));
            let mut items: Vec<String> = y
                .iter()
                .filter(|i| !x.contains(i))
                .map(|i| format!("+{}", cut(i)))
                .collect();
            items.extend(
                x.iter()
                    .filter(|i| !y.contains(i))
                    .map(|i| format!("-{}", cut(i))),
            );
            if !items.is_empty() {
                parts.push(format!("{name}: {}", items.join(" ")));
            }
        } else {
            let (ta, tb) = (text(&a), text(&b));
            if ta != tb {
                parts.push(format!("{name}: {} -> {}", cut(&ta), cut(&tb)));
            }
        }
    }
    bounded(&parts)
}

/// What an edit changed: [`changes`] from `old` to `new`; nothing for a creation (`old`
/// absent), whose entry already says what was made and whose values the record holds
/// (the next edit's entry names them as its old values).
pub fn edits<T: AuditFields>(old: Option<&T>, new: &T) -> String {
    match old {
        Some(old) => changes(Some(old), Some(new)),
        None => String::new(),
    }
}

/// `parts` joined by `; `, at most [`SUMMARY_CHARS`] characters: the parts that do not
/// fit are counted at the end.
pub fn bounded(parts: &[String]) -> String {
    let mut out = String::new();
    let mut chars = 0;
    for (i, p) in parts.iter().enumerate() {
        let len = p.chars().count() + if i > 0 { 2 } else { 0 };
        if chars + len > SUMMARY_CHARS - 30 {
            out.push_str(&format!("; … {} more field(s)", parts.len() - i));
            break;
        }
        if i > 0 {
            out.push_str("; ");
        }
        out.push_str(p);
        chars += len;
    }
    out
}

/// `prefix: changes` when something changed, else `prefix` alone.
pub fn with_changes(prefix: &str, changes: &str) -> String {
    if changes.is_empty() {
        prefix.to_string()
    } else {
        format!("{prefix}: {changes}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct R(Vec<(&'static str, Value)>);
    impl AuditFields for R {
        fn audit_fields(&self) -> Vec<(&'static str, Value)> {
            self.0.clone()
        }
    }

    #[test]
    fn only_what_differs_is_named_old_to_new() {
        let a = R(vec![("nama", "Rina".into()), ("unit", "pkm".into())]);
        let b = R(vec![("nama", "Rina".into()), ("unit", "".into())]);
        assert_eq!(changes(Some(&a), Some(&b)), "unit: pkm -> -");
        assert_eq!(changes(Some(&a), Some(&a)), "");
        assert_eq!(changes(None, Some(&a)), "nama: - -> Rina; unit: - -> pkm");
        assert_eq!(
            changes(Some(&a), None::<&R>),
            "nama: Rina -> -; unit: pkm -> -"
        );
    }

    #[test]
    fn lists_show_what_was_added_and_removed() {
        let a = R(vec![("keys", Value::List(vec!["k1".into(), "k2".into()]))]);
        let b = R(vec![("keys", Value::List(vec!["k2".into(), "k3".into()]))]);
        assert_eq!(changes(Some(&a), Some(&b)), "keys: +k3 -k1");
        let empty = R(vec![("keys", Value::List(vec![]))]);
        assert_eq!(changes(None, Some(&empty)), "");
        assert_eq!(changes(None, Some(&a)), "keys: +k1 +k2");
    }

    #[test]
    fn the_summary_is_bounded_and_lines_are_cleaned() {
        let long = "x".repeat(500);
        let a = R(vec![("catatan", Value::Text(format!("a\nb{long}")))]);
        let one = changes(None, Some(&a));
        assert!(one.chars().count() < VALUE_CHARS + 20, "{one}");
        assert!(one.starts_with("catatan: - -> a b"), "{one}");
        let many: Vec<(&'static str, Value)> =
            (0..100).map(|_| ("f", Value::Text(long.clone()))).collect();
        let names: Vec<&'static str> = (0..100)
            .map(|i| &*Box::leak(format!("f{i}").into_boxed_str()))
            .collect();
        let many = R(many
            .into_iter()
            .zip(names)
            .map(|((_, v), n)| (n, v))
            .collect());
        let s = changes(None, Some(&many));
        assert!(s.chars().count() <= SUMMARY_CHARS, "{}", s.len());
        assert!(s.ends_with("more field(s)"), "{s}");
    }
}
