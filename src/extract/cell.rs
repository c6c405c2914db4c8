//! The cell grammar of entitlement tables, read on the English source:
//!
//! - `10 Incidents` → quantity 10, unit `incidents` (units normalized by
//!   `vocabulary.yaml`); a bare `50` takes its unit from the header;
//! - `Unlimited` → unlimited; an empty cell or `—` → none;
//! - `$100/month` → money;
//! - `Condition:` lines (or `Condition: value` in one line) split a cell into
//!   one allowance per condition;
//! - anything else → text.

use super::config::{normalize, Config};
use super::money;
use super::text;
use super::types::{Allowance, Labels, SegmentIds};

/// One `<br>`-separated line of a cell.
#[derive(Debug, Clone, Default)]
pub struct Line {
    /// English source text.
    pub english: String,
    /// Labels by locale.
    pub labels: Labels,
    /// Segment ids by locale.
    pub segments: SegmentIds,
}

/// One allowance read from a cell, with its condition.
#[derive(Debug, Clone, PartialEq)]
pub struct Grant {
    /// The condition ("Cloud Competencies"), without its colon.
    pub condition: Option<Labels>,
    /// What is granted.
    pub allowance: Allowance,
    /// Segment ids of the condition and value.
    pub segments: SegmentIds,
}

/// Reads a cell's lines into one grant per condition (one grant when the
/// cell has no conditions; a `none` grant when it is empty).
pub fn parse(lines: Vec<Line>, header_unit: Option<&str>, config: &Config) -> Vec<Grant> {
    let groups = group(lines, config, header_unit);
    if groups.is_empty() {
        return vec![Grant {
            condition: None,
            allowance: Allowance::None,
            segments: SegmentIds::new(),
        }];
    }
    groups
        .into_iter()
        .map(|(mut condition, mut values)| {
            let mut segments = SegmentIds::new();
            for line in condition.iter_mut().chain(values.iter_mut()) {
                text::extend_ids(&mut segments, std::mem::take(&mut line.segments));
            }
            let allowance = match values.is_empty() {
                // A condition with no value: the condition line itself is the text.
                true => Allowance::Text {
                    label: condition
                        .as_ref()
                        .map(|c| c.labels.clone())
                        .unwrap_or_default(),
                },
                false => {
                    let english = values
                        .iter()
                        .map(|v| v.english.as_str())
                        .collect::<Vec<_>>()
                        .join(" ");
                    let labels = text::join(values.iter().map(|v| &v.labels));
                    value(&english, labels, header_unit, config)
                }
            };
            Grant {
                condition: condition.map(|c| strip_colon(c.labels)),
                allowance,
                segments,
            }
        })
        .collect()
}

type Group = (Option<Line>, Vec<Line>);

fn group(lines: Vec<Line>, config: &Config, header_unit: Option<&str>) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    for line in lines {
        let trimmed = line.english.trim();
        if trimmed.ends_with(':') || trimmed.ends_with('：') {
            groups.push((Some(line), Vec::new()));
        } else if let Some((cond, val)) = split_inline(&line, config, header_unit) {
            groups.push((Some(cond), vec![val]));
        } else {
            match groups.last_mut() {
                Some((_, values)) if !closed(values, config, header_unit) => values.push(line),
                _ => groups.push((None, vec![line])),
            }
        }
    }
    groups
}

/// Whether a group already holds a complete value (so a new line starts a new group).
fn closed(values: &[Line], config: &Config, header_unit: Option<&str>) -> bool {
    values.last().is_some_and(|v| {
        !matches!(
            value(&v.english, Labels::new(), header_unit, config),
            Allowance::Text { .. }
        )
    })
}

/// `Cloud: Unlimited` in one line → (`Cloud:`, `Unlimited`), when the part
/// after the colon reads as an allowance.
fn split_inline(line: &Line, config: &Config, header_unit: Option<&str>) -> Option<(Line, Line)> {
    let (cond, val) = line.english.split_once(':')?;
    let val = val.trim();
    if cond.trim().is_empty() || val.is_empty() {
        return None;
    }
    if matches!(
        value(val, Labels::new(), header_unit, config),
        Allowance::Text { .. } | Allowance::None
    ) {
        return None;
    }
    let mut c = Line {
        english: format!("{}:", cond.trim()),
        labels: Labels::new(),
        segments: line.segments.clone(),
    };
    let mut v = Line {
        english: val.to_string(),
        labels: Labels::new(),
        segments: SegmentIds::new(),
    };
    for (locale, label) in &line.labels {
        let (lc, lv) = label
            .split_once([':', '：'])
            .unwrap_or((label.as_str(), label.as_str()));
        c.labels.insert(locale.clone(), lc.trim().to_string());
        v.labels.insert(locale.clone(), lv.trim().to_string());
    }
    Some((c, v))
}

fn strip_colon(labels: Labels) -> Labels {
    labels
        .into_iter()
        .map(|(k, v)| (k, v.trim().trim_end_matches([':', '：']).trim().to_string()))
        .collect()
}

/// Reads one value text (English) as an allowance; `labels` are kept as written.
pub fn value(
    english: &str,
    labels: Labels,
    header_unit: Option<&str>,
    config: &Config,
) -> Allowance {
    let normalized = normalize(english);
    if config.is_none_normalized(&normalized) {
        return Allowance::None;
    }
    if config.is_unlimited_normalized(&normalized) {
        return Allowance::Unlimited { label: labels };
    }
    if let Some(allowance) = money::single(english, &labels, config) {
        return allowance;
    }
    match quantity(english, header_unit, config) {
        Some((value, unit)) => Allowance::Quantity {
            value,
            unit,
            label: labels,
        },
        None => Allowance::Text { label: labels },
    }
}

/// `10 Incidents` → (10, `incidents`); `50` → (50, header unit).
pub fn quantity(
    english: &str,
    header_unit: Option<&str>,
    config: &Config,
) -> Option<(f64, Option<String>)> {
    let text = english.trim();
    let end = text
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(text.len());
    let (digits, rest) = text.split_at(end);
    let number = parse_number(digits)?;
    let rest = normalize(rest);
    if rest.is_empty() {
        return Some((number, header_unit.map(str::to_string)));
    }
    if let Some(unit) = config.unit(&rest) {
        return Some((number, Some(unit.to_string())));
    }
    let first = rest.split(' ').next().unwrap_or_default();
    if let Some(unit) = config.unit(first) {
        return Some((number, Some(unit.to_string())));
    }
    // An unknown single-word unit is kept as written, lowercased.
    let word_like = !rest.contains(' ') && rest.chars().all(|c| c.is_alphabetic() || c == '-');
    word_like.then_some((number, Some(rest)))
}

/// `1,000` → 1000; `2.5` → 2.5; anything without a digit → none.
pub fn parse_number(digits: &str) -> Option<f64> {
    let cleaned: String = digits
        .trim_end_matches(['.', ','])
        .chars()
        .filter(|c| *c != ',')
        .collect();
    if cleaned.is_empty() || !cleaned.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    cleaned.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(en: &str) -> Line {
        Line {
            english: en.into(),
            labels: [("en-US".to_string(), en.to_string())].into(),
            segments: SegmentIds::new(),
        }
    }

    fn kinds(lines: &[&str], unit: Option<&str>) -> Vec<(Option<String>, Allowance)> {
        let lines = lines.iter().map(|l| line(l)).collect();
        parse(lines, unit, Config::builtin())
            .into_iter()
            .map(|g| (g.condition.map(|c| c["en-US"].clone()), g.allowance))
            .collect()
    }

    #[test]
    fn quantities_and_units() {
        let c = Config::builtin();
        assert_eq!(
            quantity("10 Incidents", None, c),
            Some((10.0, Some("incidents".into())))
        );
        assert_eq!(
            quantity("50", Some("hours"), c),
            Some((50.0, Some("hours".into())))
        );
        assert_eq!(
            quantity("1,000 hours", None, c),
            Some((1000.0, Some("hours".into())))
        );
        assert_eq!(quantity("For cloud products", None, c), None);
    }

    #[test]
    fn conditional_cell_splits() {
        let got = kinds(
            &[
                "Cloud Competencies:",
                "Unlimited",
                "Other competencies:",
                "5 Incidents",
            ],
            None,
        );
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].0.as_deref(), Some("Cloud Competencies"));
        assert!(matches!(got[0].1, Allowance::Unlimited { .. }));
        assert!(matches!(&got[1].1, Allowance::Quantity { value, .. } if *value == 5.0));
    }

    #[test]
    fn inline_condition_and_empty() {
        let got = kinds(&["Cloud: Unlimited", "Other: 5 Incidents"], None);
        assert_eq!(got[1].0.as_deref(), Some("Other"));
        assert_eq!(kinds(&[], None), vec![(None, Allowance::None)]);
        assert!(matches!(
            kinds(&["Ask your manager"], None)[0].1,
            Allowance::Text { .. }
        ));
    }
}
