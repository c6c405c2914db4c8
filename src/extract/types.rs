//! The serialized shape of `entitlements.json`: plain data with `serde` for the
//! JSON and `schemars` for its JSON Schema. Maps are `BTreeMap`s and lists are
//! sorted, so the same content gives the same bytes.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Serialize, Serializer};

/// Text by locale (`en-US` is the English source; other locales are the
/// aligned translations).
pub type Labels = BTreeMap<String, String>;

/// Segment ids by locale, for provenance.
pub type SegmentIds = BTreeMap<String, Vec<String>>;

/// The locale key under which English source text is stored.
pub const SOURCE_LOCALE: &str = "en-US";

/// Everything extracted from a content tree.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
pub struct Entitlements {
    /// `locdoc <version>`.
    pub generator: String,
    /// Every locale that labels appear in, `en-US` included, sorted.
    pub locales: Vec<String>,
    /// The articles facts were extracted from, by slug.
    pub articles: Vec<ArticleInfo>,
    /// Allowances by tier (tables) and money allowances (prose lists).
    pub entitlements: Vec<Entitlement>,
    /// "Appropriate roles" blocks.
    pub roles: Vec<RoleBlock>,
    /// Ordered lists of steps.
    pub procedures: Vec<Procedure>,
}

/// One article across its locales.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
pub struct ArticleInfo {
    /// Article slug (path below the locale directory, without `.md`).
    pub slug: String,
    /// Title by locale (`en-US` from the first heading's source text).
    pub title: Labels,
    /// The newest English source version any locale translates.
    pub source_version: Option<String>,
    /// Locales that translate an older source version than `source_version`.
    pub stale_locales: Vec<String>,
    /// Per-locale file facts.
    pub locales: BTreeMap<String, LocaleInfo>,
}

/// One locale's file of an article.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
pub struct LocaleInfo {
    /// Path relative to the content directory.
    pub path: String,
    /// `ms.openlocfilehash`: the English source version translated.
    pub source_version: Option<String>,
    /// `ms.translationtype` (`MT`, `HT`).
    pub translation_type: Option<String>,
    /// `ms.lasthandoff` as `YYYY-MM-DD`.
    pub handoff: Option<String>,
    /// Whether this locale translates an older source than the newest one.
    pub stale: bool,
}

/// One allowance of one tier (or one money allowance) for one benefit.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Entitlement {
    /// Article slug.
    pub article: String,
    /// Anchor of the section the fact is stated in.
    pub section: Option<String>,
    /// Where the fact comes from: `table` or `list`.
    pub origin: Origin,
    /// The benefit (row label of the table, or the list item).
    pub benefit: Labels,
    /// The benefit's scope line ("For cloud products only"), if any.
    pub scope: Option<Labels>,
    /// Tier id from the tier list; null for allowances not tied to a tier.
    pub tier: Option<String>,
    /// The tier as the table names it.
    pub tier_name: Option<Labels>,
    /// The condition of a conditional allowance ("Cloud Competencies").
    pub condition: Option<Labels>,
    /// What is granted.
    pub allowance: Allowance,
    /// Footnotes that qualify the fact ("*Cloud competencies include: …").
    pub footnotes: Vec<Labels>,
    /// Segment ids the fact was read from, by locale.
    pub segments: SegmentIds,
    /// Locales whose file translates an older source version.
    pub stale_locales: Vec<String>,
    /// Merge identity and document order; not serialized.
    #[serde(skip)]
    #[schemars(skip)]
    pub(crate) key: FactKey,
}

/// Where an entitlement was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// A cell of an entitlement table.
    Table,
    /// An item of a prose list.
    List,
}

/// An allowance, as the cell grammar reads it.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Allowance {
    /// `10 Incidents`, or a bare `50` under "Number of advisory hours".
    Quantity {
        /// The number.
        #[serde(serialize_with = "number")]
        #[schemars(with = "f64")]
        value: f64,
        /// Normalized unit (`incidents`, `hours`), if any.
        unit: Option<String>,
        /// The cell text as written, by locale.
        label: Labels,
    },
    /// `Unlimited`.
    Unlimited {
        /// The cell text as written, by locale.
        label: Labels,
    },
    /// An empty cell: the tier does not get the benefit.
    None,
    /// `$6,000/year`.
    Money {
        /// The amount.
        #[serde(serialize_with = "number")]
        #[schemars(with = "f64")]
        amount: f64,
        /// ISO 4217 code (`USD`).
        currency: String,
        /// `month`, `year`, … when stated.
        period: Option<String>,
        /// The amount as written, by locale.
        label: Labels,
    },
    /// Any other cell text.
    Text {
        /// The text, by locale.
        label: Labels,
    },
}

impl Allowance {
    /// The written labels of the allowance, if it has any.
    pub fn label(&self) -> Option<&Labels> {
        match self {
            Allowance::Quantity { label, .. }
            | Allowance::Unlimited { label }
            | Allowance::Money { label, .. }
            | Allowance::Text { label } => Some(label),
            Allowance::None => None,
        }
    }

    pub(crate) fn into_label(mut self) -> Option<Labels> {
        self.label_mut().map(std::mem::take)
    }

    pub(crate) fn label_mut(&mut self) -> Option<&mut Labels> {
        match self {
            Allowance::Quantity { label, .. }
            | Allowance::Unlimited { label }
            | Allowance::Money { label, .. }
            | Allowance::Text { label } => Some(label),
            Allowance::None => None,
        }
    }
}

/// Writes whole numbers without a fraction (`10`, not `10.0`).
fn number<S: Serializer>(value: &f64, s: S) -> Result<S::Ok, S::Error> {
    if value.fract() == 0.0 && value.abs() < 9.0e15 {
        s.serialize_i64(*value as i64)
    } else {
        s.serialize_f64(*value)
    }
}

/// An "Appropriate roles" block.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct RoleBlock {
    /// Article slug.
    pub article: String,
    /// Anchor of the section the block is in.
    pub section: Option<String>,
    /// The block's label ("Appropriate roles").
    pub label: Labels,
    /// The roles, in document order.
    pub roles: Vec<Role>,
    /// Segment ids, by locale.
    pub segments: SegmentIds,
    /// Locales whose file translates an older source version.
    pub stale_locales: Vec<String>,
    #[serde(skip)]
    #[schemars(skip)]
    pub(crate) key: FactKey,
}

/// One role.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Role {
    /// Kebab-case id from the English name (`global-admin`).
    pub id: String,
    /// Name by locale.
    pub name: Labels,
}

/// An ordered list of steps.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Procedure {
    /// Article slug.
    pub article: String,
    /// Anchor of the section heading above the list.
    pub section: Option<String>,
    /// That heading's text, by locale.
    pub heading: Option<Labels>,
    /// The paragraph right before the list, by locale.
    pub lead_in: Option<Labels>,
    /// The steps.
    pub steps: Vec<Step>,
    /// Locales whose file translates an older source version.
    pub stale_locales: Vec<String>,
    #[serde(skip)]
    #[schemars(skip)]
    pub(crate) key: FactKey,
}

/// One step (or sub-step) of a procedure.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Step {
    /// `1`, `2`, … for steps; `a`, `b`, … or `-` for sub-steps.
    pub marker: String,
    /// The step's text, by locale.
    pub text: Labels,
    /// Further paragraphs of the step, by locale.
    pub details: Vec<Labels>,
    /// NOTE / IMPORTANT / TIP / WARNING blocks of the step.
    pub notes: Vec<StepNote>,
    /// Sub-steps (nested lists or "a." paragraphs).
    pub substeps: Vec<Step>,
    /// Links in the step's text.
    pub links: Vec<Link>,
    /// Segment ids of the step's own text, by locale.
    pub segments: SegmentIds,
    /// The DocFX condition the step is shown under, when a procedure has
    /// variants of a step in `::: moniker range="…"` or `::: zone
    /// pivot="…"` sections (`o365-germany`); absent for a step shown
    /// always.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub applies_to: Option<String>,
}

/// A note attached to a step.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct StepNote {
    /// `note`, `important`, `tip`, `warning` or `caution`.
    pub kind: String,
    /// The note's text, by locale.
    pub text: Labels,
    /// Segment ids, by locale.
    pub segments: SegmentIds,
}

/// A link, with its text by locale.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Link {
    /// The target as written in the English source.
    pub url: String,
    /// The link text, by locale.
    pub text: Labels,
}

/// Identity of a fact across locales, and its place in the article.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct FactKey {
    /// Document order within the article (block index, then position).
    pub order: (usize, usize, usize),
    /// English identity (section, benefit, tier, condition, …).
    pub identity: String,
}
