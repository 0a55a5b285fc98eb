//! The store's deterministic clock and id sequences: what the mock creates
//! at run time gets the same ids and timestamps on every run, so tests and
//! snapshots can rely on them.

use std::collections::BTreeMap;
use std::time::Duration;

use crux_types::Timestamp;
use uuid::Uuid;

use crate::demo::ids::demo_uuid;

/// The sandbox clock: it starts at [`Clock::START`] and moves one second
/// each time something is created, whatever the wall clock says.
#[derive(Debug, Clone)]
pub(crate) struct Clock {
    /// The first instant.
    start: Timestamp,
    /// Seconds since `start`, at most [`Clock::MAX_TICKS`].
    ticks: u64,
}

impl Clock {
    /// The first instant: after every date of the demo data.
    pub(crate) const START: &str = "2024-07-01T00:00:00Z";

    /// Where the clock stops (about 31 years on), far from any overflow.
    const MAX_TICKS: u64 = 1_000_000_000;

    /// A clock at `start`.
    pub(crate) fn starting_at(start: Timestamp) -> Self {
        Self { start, ticks: 0 }
    }

    /// The current instant (for an object created now), then one second
    /// later for the next one.
    pub(crate) fn tick(&mut self) -> Timestamp {
        let now = self.now();
        self.ticks = self.ticks.saturating_add(1).min(Self::MAX_TICKS);
        now
    }

    /// The current instant.
    pub(crate) fn now(&self) -> Timestamp {
        Timestamp::new(*self.start.as_datetime() + Duration::from_secs(self.ticks))
    }
}

/// The kinds of ids made at run time: the first group of the UUID
/// (`d0000009-…` for exports, `d0000027-…` for orders).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum IdKind {
    /// An export (`ExportRef.uuid`).
    Export = 9,
    /// A retailer-supplier connection.
    Connection = 20,
    /// A catalog.
    Catalog = 21,
    /// An item.
    Item = 22,
    /// A SKU.
    Sku = 23,
    /// An inventory list.
    InventoryList = 24,
    /// An item category.
    Category = 25,
    /// A product image.
    Image = 26,
    /// An order.
    Order = 27,
    /// A line item of an order.
    LineItem = 28,
    /// A connection request.
    ConnectionRequest = 29,
    /// An integration of a connection request.
    Integration = 30,
}

/// One counter per [`IdKind`]: the n-th id of a kind is
/// `d00000KK-0000-4000-8000-NNNNNNNNNNNN`, `N` in decimal digits
/// (`d0000009-0000-4000-8000-000000000012` is the twelfth export).
#[derive(Debug, Clone, Default)]
pub(crate) struct IdSequence {
    issued: BTreeMap<IdKind, u64>,
}

impl IdSequence {
    /// Marks the first `n` ids of `kind` used (by the demo data), so that
    /// the next one made at run time is the `n + 1`-th.
    pub(crate) fn reserve(&mut self, kind: IdKind, n: u64) {
        let issued = self.issued.entry(kind).or_default();
        *issued = (*issued).max(n);
    }

    /// The n-th id of `kind`, whether issued or not (the demo data's ids).
    pub(crate) fn nth(kind: IdKind, n: u64) -> Option<Uuid> {
        demo_uuid(kind as u32, n)
    }

    /// The next id of `kind`; `None` once 999,999,999,999 are used.
    pub(crate) fn next(&mut self, kind: IdKind) -> Option<Uuid> {
        let issued = self.issued.entry(kind).or_default();
        let n = issued.checked_add(1)?;
        let id = demo_uuid(kind as u32, n)?;
        *issued = n;
        Some(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_count_per_kind_from_one() {
        let mut ids = IdSequence::default();
        let next = |ids: &mut IdSequence| ids.next(IdKind::Export).map(|u| u.to_string());
        assert_eq!(
            next(&mut ids).as_deref(),
            Some("d0000009-0000-4000-8000-000000000001")
        );
        assert_eq!(
            next(&mut ids).as_deref(),
            Some("d0000009-0000-4000-8000-000000000002")
        );
        ids.issued.insert(IdKind::Export, 999_999_999_999);
        assert_eq!(next(&mut ids), None);
    }

    #[test]
    fn the_clock_starts_fixed_and_moves_a_second_per_object() {
        let mut clock = Clock::starting_at(Clock::START.parse().expect("a timestamp"));
        assert_eq!(clock.now().to_string(), "2024-07-01T00:00:00Z");
        assert_eq!(clock.tick().to_string(), "2024-07-01T00:00:00Z");
        assert_eq!(clock.tick().to_string(), "2024-07-01T00:00:01Z");
        assert_eq!(clock.now().to_string(), "2024-07-01T00:00:02Z");
        clock.ticks = Clock::MAX_TICKS;
        assert_eq!(clock.tick(), clock.now());
    }
}
