//! [`Table`]: rows keyed by their typed id, in insertion order, each with a
//! rule saying which organizations may see it ([`Visible`]).
//!
//! Every kind of object the mock holds is one table of the store. A row
//! names the organizations it belongs to by id, never by name, so one row
//! can belong to two organizations: an order is its retailer's and its
//! supplier's, a connection both sides'. A new kind of object is a row type
//! with [`Row`] and [`Visible`], and a `Table` field in the store:
//!
//! ```text
//! impl Row for OrderRow { type Id = OrderId; fn id(&self) -> &OrderId { &self.order.uuid } }
//! impl Visible for OrderRow {
//!     fn visible_to(&self, org: OrganizationId) -> bool {
//!         self.retailer == org || self.supplier == org
//!     }
//! }
//! ```
//!
//! Lookups through [`Table::visible`] and [`Table::find_visible`] are how
//! the domain layer reads: another organization's row is the same "not
//! found" as a row that does not exist.

use std::collections::HashMap;
use std::hash::Hash;

use crux_types::OrganizationId;

/// A row of a [`Table`]: an object with a typed id.
pub(crate) trait Row {
    /// The id type (`UserId`, `OrderId`, ...).
    type Id: Clone + Eq + Hash;
    /// The row's id.
    fn id(&self) -> &Self::Id;
}

/// Which organizations may see a row.
pub(crate) trait Visible {
    /// Whether a user of organization `org` may see this row.
    fn visible_to(&self, org: OrganizationId) -> bool;
}

/// Rows keyed by id, iterated in insertion order.
#[derive(Debug, Clone)]
pub(crate) struct Table<R: Row> {
    rows: Vec<R>,
    index: HashMap<R::Id, usize>,
}

impl<R: Row> Default for Table<R> {
    fn default() -> Self {
        Self {
            rows: Vec::new(),
            index: HashMap::new(),
        }
    }
}

impl<R: Row> Table<R> {
    /// Adds `row`, or replaces the row with the same id (in place).
    pub(crate) fn insert(&mut self, row: R) {
        match self.index.get(row.id()) {
            Some(&at) => self.rows[at] = row,
            None => {
                self.index.insert(row.id().clone(), self.rows.len());
                self.rows.push(row);
            }
        }
    }

    /// The row with this id, whoever may see it.
    pub(crate) fn get(&self, id: &R::Id) -> Option<&R> {
        self.index.get(id).map(|&at| &self.rows[at])
    }

    /// The row with this id, whoever may see it, to change it.
    pub(crate) fn get_mut(&mut self, id: &R::Id) -> Option<&mut R> {
        self.index.get(id).map(|&at| &mut self.rows[at])
    }

    /// Every row, in insertion order.
    pub(crate) fn iter(&self) -> std::slice::Iter<'_, R> {
        self.rows.iter()
    }

    /// How many rows there are.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.rows.len()
    }
}

impl<R: Row + Visible> Table<R> {
    /// The rows `org` may see, in insertion order.
    pub(crate) fn visible(&self, org: OrganizationId) -> impl Iterator<Item = &R> {
        self.rows.iter().filter(move |row| row.visible_to(org))
    }

    /// The row with this id if `org` may see it.
    pub(crate) fn find_visible(&self, id: &R::Id, org: OrganizationId) -> Option<&R> {
        self.get(id).filter(|row| row.visible_to(org))
    }

    /// The rows any of `orgs` may see, in insertion order (a retailer sees
    /// the rows of the suppliers connected to it).
    pub(crate) fn visible_to_any<'a, 'b>(
        &'a self,
        orgs: &'b [OrganizationId],
    ) -> impl Iterator<Item = &'a R> + use<'a, 'b, R> {
        self.rows
            .iter()
            .filter(move |row| orgs.iter().any(|&org| row.visible_to(org)))
    }

    /// The row with this id if any of `orgs` may see it.
    pub(crate) fn find_visible_to_any(&self, id: &R::Id, orgs: &[OrganizationId]) -> Option<&R> {
        self.get(id)
            .filter(|row| orgs.iter().any(|&org| row.visible_to(org)))
    }

    /// The row with this id if `org` may see it, to change it.
    pub(crate) fn find_visible_mut(&mut self, id: &R::Id, org: OrganizationId) -> Option<&mut R> {
        let at = *self.index.get(id)?;
        Some(&mut self.rows[at]).filter(|row| row.visible_to(org))
    }
}

impl<R: Row> FromIterator<R> for Table<R> {
    fn from_iter<I: IntoIterator<Item = R>>(rows: I) -> Self {
        let mut table = Self::default();
        for row in rows {
            table.insert(row);
        }
        table
    }
}

#[cfg(test)]
mod tests {
    use uuid::Uuid;

    use super::*;

    /// An order-like row: its retailer and its supplier both see it.
    #[derive(Debug, Clone, PartialEq)]
    struct Shared {
        id: u32,
        retailer: OrganizationId,
        supplier: OrganizationId,
        note: &'static str,
    }

    impl Row for Shared {
        type Id = u32;
        fn id(&self) -> &u32 {
            &self.id
        }
    }

    impl Visible for Shared {
        fn visible_to(&self, org: OrganizationId) -> bool {
            self.retailer == org || self.supplier == org
        }
    }

    fn org(n: u128) -> OrganizationId {
        OrganizationId::new(Uuid::from_u128(n))
    }

    fn table() -> Table<Shared> {
        [(1, 10, 20), (2, 10, 30), (3, 11, 20)]
            .into_iter()
            .map(|(id, r, s)| Shared {
                id,
                retailer: org(r),
                supplier: org(s),
                note: "",
            })
            .collect()
    }

    #[test]
    fn a_shared_row_is_visible_to_both_sides_only() {
        let table = table();
        let ids = |o| table.visible(org(o)).map(|r| r.id).collect::<Vec<_>>();
        assert_eq!(ids(10), [1, 2]);
        assert_eq!(ids(20), [1, 3]);
        assert_eq!(ids(30), [2]);
        assert!(ids(99).is_empty());
        assert!(table.find_visible(&1, org(20)).is_some());
        assert!(table.find_visible(&1, org(30)).is_none());
        assert!(table.find_visible(&9, org(10)).is_none());
        assert!(table.get(&1).is_some());
    }

    #[test]
    fn insert_replaces_in_place_and_keeps_order() {
        let mut table = table();
        let mut row = table.get(&1).cloned().expect("row 1");
        row.note = "changed";
        table.insert(row);
        assert_eq!(table.len(), 3);
        let order: Vec<_> = table.iter().map(|r| (r.id, r.note)).collect();
        assert_eq!(order, [(1, "changed"), (2, ""), (3, "")]);
        if let Some(row) = table.find_visible_mut(&3, org(11)) {
            row.note = "mine";
        }
        assert!(table.find_visible_mut(&3, org(10)).is_none());
        assert_eq!(table.get(&3).map(|r| r.note), Some("mine"));
    }
}
