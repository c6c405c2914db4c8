//! What DocFX's notations mean, as the parser, the checks, the extractor
//! and the renderer all read them: cross references (`<xref:uid>`),
//! conditional sections (`::: moniker range` / `::: zone pivot`) and the
//! percent escapes of relative paths.

/// The scheme of a DocFX cross reference.
const XREF: &str = "xref:";

/// Whether a URL is a DocFX cross reference (`xref:Some.Type`, in any case).
pub fn is_xref(url: &str) -> bool {
    xref_uid(url).is_some()
}

/// The uid of a DocFX cross reference (`Some.Type` of `xref:Some.Type`):
/// a URI scheme, so in any case (`XREF:`, `Xref:`).
pub fn xref_uid(url: &str) -> Option<&str> {
    url.get(..XREF.len())
        .filter(|p| p.eq_ignore_ascii_case(XREF))
        .and_then(|_| url.get(XREF.len()..))
}

/// What a DocFX conditional section selects, from the attributes of its
/// opening line: `::: moniker range="o365-germany"` → `o365-germany`,
/// `::: zone pivot="windows"` → `windows` (several attributes:
/// `key=value`, joined by spaces).
pub fn condition(attrs: &[(String, String)]) -> Option<String> {
    match attrs {
        [] => None,
        [(_, value)] => Some(value.clone()),
        _ => Some(
            attrs
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join(" "),
        ),
    }
}

/// DocFX's conditional sections: the directive that opens one, and the
/// one that closes it.
const CONDITIONAL: [(&str, &str); 2] = [("moniker", "moniker-end"), ("zone", "zone-end")];

/// The name of the line that closes a DocFX conditional section opened
/// by a directive named `name` (`moniker` → `moniker-end`); `None` for
/// any other directive.
pub fn condition_end(name: &str) -> Option<&'static str> {
    CONDITIONAL
        .iter()
        .find(|(open, _)| *open == name)
        .map(|(_, end)| *end)
}

/// Whether a directive named `name` closes a DocFX conditional section.
pub fn is_condition_end(name: &str) -> bool {
    CONDITIONAL.iter().any(|(_, end)| *end == name)
}

/// Decodes `%20`-style escapes of a relative path (invalid ones kept).
pub fn percent_decode(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes.get(i), hex) {
            (Some(b'%'), Some(b)) => {
                out.push(b);
                i += 3;
            }
            (Some(b), _) => {
                out.push(*b);
                i += 1;
            }
            (None, _) => break,
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// How `<xref:uid>` reads on a page, as DocFX spells it without resolving
/// the uid: percent escapes decoded, the overload marker (`%2A`, `*`)
/// dropped, and `?displayProperty=nameWithType` kept to the type and
/// member (`CancellationTokenSource.CancelAfter`). Otherwise the whole uid
/// shows: only DocFX's index knows which part of it is the name.
pub fn xref_text(target: &str) -> String {
    let (uid, query) = target.split_once('?').unwrap_or((target, ""));
    let uid = percent_decode(uid);
    let uid = uid.trim_end_matches('*');
    let with_type = query
        .split('&')
        .any(|pair| pair.eq_ignore_ascii_case("displayProperty=nameWithType"));
    if with_type && !uid.contains('(') {
        let mut dots = uid.rmatch_indices('.').map(|(at, _)| at);
        if let (Some(_), Some(start)) = (dots.next(), dots.next()) {
            return uid[start + 1..].to_string();
        }
    }
    uid.to_string()
}

#[cfg(test)]
mod tests {
    use super::xref_text;

    #[test]
    fn an_xref_reads_as_docfx_spells_it_unresolved() {
        for (uid, shown) in [
            ("System.String", "System.String"),
            (
                "System.Threading.CancellationTokenSource.CancelAfter%2A?displayProperty=nameWithType",
                "CancellationTokenSource.CancelAfter",
            ),
            (
                "System.Windows.Forms.CheckBox.Checked%2A",
                "System.Windows.Forms.CheckBox.Checked",
            ),
            ("System.String?displayProperty=fullName", "System.String"),
            ("System.String?displayProperty=nameWithType", "System.String"),
            ("String?displayProperty=nameWithType", "String"),
            (
                "System.String.Format(System.String,System.Object)?displayProperty=nameWithType",
                "System.String.Format(System.String,System.Object)",
            ),
            (
                "System.Collections.Generic.List%601",
                "System.Collections.Generic.List`1",
            ),
        ] {
            assert_eq!(xref_text(uid), shown, "{uid}");
        }
    }
}
