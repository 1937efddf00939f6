//! Completing a message with its values, and the plural form of a count.

use std::borrow::Cow;

/// Replaces each `{name}` in `template` with its value.
///
/// A count takes the language's plural form with `{name|1:form|forms}`: the first form where the
/// value is one of the listed whole numbers (the language's CLDR "one" category: `1` in English and
/// German, `0,1` in French), the second otherwise; `#` in a form stands for the value. Values are inserted as they are, never read as
/// templates themselves; a `{name}` without a value stays as written.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let Some(end) = after.find('}') else {
            out.push_str(&rest[start..]);
            return out;
        };
        let inner = &after[..end];
        let (name, forms) = match inner.split_once('|') {
            Some((name, forms)) => (name, Some(forms)),
            None => (inner, None),
        };
        match (values.iter().find(|(k, _)| *k == name), forms) {
            (Some((_, value)), None) => out.push_str(value),
            (Some((_, value)), Some(forms)) => out.push_str(&plural_form(value, forms)),
            (None, _) => {
                out.push('{');
                out.push_str(inner);
                out.push('}');
            }
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

/// The form of `1:form|forms` (or `0,1:form|forms`) for a value.
fn plural_form<'a>(value: &str, forms: &'a str) -> Cow<'a, str> {
    let Some((one, other)) = forms.split_once('|') else {
        return Cow::Borrowed(forms);
    };
    let (set, one_form) = one.split_once(':').unwrap_or(("1", one));
    let n = value.trim().parse::<u64>().ok();
    let is_one = n.is_some_and(|n| set.split(',').any(|k| k.trim().parse::<u64>() == Ok(n)));
    let form = if is_one { one_form } else { other };
    // `#` stands for the value itself ("{d|0,1:1er|#}": "1er", "15").
    if form.contains('#') {
        Cow::Owned(form.replace('#', value))
    } else {
        Cow::Borrowed(form)
    }
}
