//! Read-side helpers for renderers: the records of one article, and an
//! entitlement table rebuilt from them (tiers × benefits), so a page can show
//! the extracted data in any locale instead of re-reading Markdown.

use super::types::{
    Entitlement, Entitlements, Labels, Origin, Procedure, RoleBlock, SOURCE_LOCALE,
};

/// An entitlement table of one section: tier columns and benefit rows.
#[derive(Debug, Clone, PartialEq)]
pub struct EntitlementTable<'a> {
    /// Tier ids with their names by locale, in the order the table states them.
    pub tiers: Vec<(&'a str, &'a Labels)>,
    /// One row per benefit.
    pub rows: Vec<TableRow<'a>>,
}

/// One benefit row: for each tier (same order as [`EntitlementTable::tiers`]),
/// the records of that cell (several when the cell is conditional).
#[derive(Debug, Clone, PartialEq)]
pub struct TableRow<'a> {
    /// The benefit, by locale.
    pub benefit: &'a Labels,
    /// Its scope line, by locale.
    pub scope: Option<&'a Labels>,
    /// Records per tier column.
    pub cells: Vec<Vec<&'a Entitlement>>,
}

impl Entitlements {
    /// The entitlements of one article, in document order.
    pub fn for_article<'a>(&'a self, slug: &'a str) -> impl Iterator<Item = &'a Entitlement> + 'a {
        self.entitlements.iter().filter(move |e| e.article == slug)
    }

    /// The role blocks of one article.
    pub fn roles_of<'a>(&'a self, slug: &'a str) -> impl Iterator<Item = &'a RoleBlock> + 'a {
        self.roles.iter().filter(move |r| r.article == slug)
    }

    /// The procedures of one article.
    pub fn procedures_of<'a>(&'a self, slug: &'a str) -> impl Iterator<Item = &'a Procedure> + 'a {
        self.procedures.iter().filter(move |p| p.article == slug)
    }

    /// The entitlement table of an article's section (`None` for the part
    /// before the first anchored heading), or `None` when it has none.
    ///
    /// ```
    /// # let all = locdoc::extract::Entitlements::default();
    /// if let Some(table) = all.table("mpn-benefits-technical-support", Some("overview")) {
    ///     for row in &table.rows {
    ///         let _benefit = row.benefit.get("ko-KR").or(row.benefit.get("en-US"));
    ///     }
    /// }
    /// ```
    pub fn table(&self, slug: &str, section: Option<&str>) -> Option<EntitlementTable<'_>> {
        let records: Vec<&Entitlement> = self
            .entitlements
            .iter()
            .filter(|e| {
                e.article == slug && e.section.as_deref() == section && e.origin == Origin::Table
            })
            .collect();
        if records.is_empty() {
            return None;
        }
        let mut tiers: Vec<(&str, &Labels)> = Vec::new();
        for r in &records {
            if let (Some(id), Some(name)) = (r.tier.as_deref(), r.tier_name.as_ref()) {
                if !tiers.iter().any(|(t, _)| *t == id) {
                    tiers.push((id, name));
                }
            }
        }
        let mut rows: Vec<TableRow> = Vec::new();
        for r in &records {
            let english = r.benefit.get(SOURCE_LOCALE);
            let at = match rows
                .iter()
                .position(|row| row.benefit.get(SOURCE_LOCALE) == english)
            {
                Some(at) => at,
                None => {
                    rows.push(TableRow {
                        benefit: &r.benefit,
                        scope: r.scope.as_ref(),
                        cells: vec![Vec::new(); tiers.len()],
                    });
                    rows.len() - 1
                }
            };
            let column = tiers
                .iter()
                .position(|(t, _)| Some(*t) == r.tier.as_deref());
            if let (Some(row), Some(c)) = (rows.get_mut(at), column) {
                if let Some(cell) = row.cells.get_mut(c) {
                    cell.push(r);
                }
            }
        }
        Some(EntitlementTable { tiers, rows })
    }
}
