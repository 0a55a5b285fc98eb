//! The Allocate Order body and its result.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::id::LineItemId;

/// The body of Allocate Order (`PUT /orders/allocation/{order_uuid}/`,
/// supplier only): for each line, how many units are accepted, rejected and
/// backordered (docs/spec-decisions.md, E-08).
///
/// ```
/// use crux_types::{AllocationUpdate, LineAllocation};
///
/// let line = "d3842ec4-d1f8-4cf1-860b-b9eeb8a35680".parse()?;
/// let update = AllocationUpdate::default().line(line, LineAllocation::new(20, 0, 2));
/// assert_eq!(
///     serde_json::to_value(&update)?["line_items"][0]["allocation"],
///     serde_json::json!({"quantity_accepted": 20, "quantity_rejected": 0, "quantity_backordered": 2}),
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct AllocationUpdate {
    /// The lines to allocate. Always sent.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub line_items: Vec<LineItemAllocation>,
}

impl AllocationUpdate {
    /// Adds the allocation of `line`.
    #[must_use]
    pub fn line(mut self, line: LineItemId, allocation: LineAllocation) -> Self {
        self.line_items.push(LineItemAllocation {
            line_item_uuid: line,
            allocation,
        });
        self
    }
}

/// One line of an [`AllocationUpdate`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct LineItemAllocation {
    /// The order line.
    pub line_item_uuid: LineItemId,
    /// How its quantity is split.
    pub allocation: LineAllocation,
}

/// How a line's quantity is split by the supplier. The request names
/// (`quantity_accepted` ...) differ from the [`Allocation`](super::Allocation)
/// orders return (docs/spec-decisions.md, E-08). Quantities read from
/// integers or numeric strings (the sample's `"22"`), written as integers
/// (docs/spec-decisions.md, E-07).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct LineAllocation {
    /// Units the supplier will ship.
    #[serde(default, deserialize_with = "crate::quantity::deserialize")]
    pub quantity_accepted: u32,
    /// Units the supplier will not ship.
    #[serde(default, deserialize_with = "crate::quantity::deserialize")]
    pub quantity_rejected: u32,
    /// Units the supplier will ship later.
    #[serde(default, deserialize_with = "crate::quantity::deserialize")]
    pub quantity_backordered: u32,
    /// When backordered units are expected; not sent when `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backorder_date: Option<NaiveDate>,
}

impl LineAllocation {
    /// `accepted`, `rejected` and `backordered` units, without a backorder
    /// date.
    #[must_use]
    pub const fn new(accepted: u32, rejected: u32, backordered: u32) -> Self {
        Self {
            quantity_accepted: accepted,
            quantity_rejected: rejected,
            quantity_backordered: backordered,
            backorder_date: None,
        }
    }
}

/// The answer of Allocate Order: a list of one-entry objects,
/// `[{"<line_item_uuid>": "Allocated"}]` (docs/spec-decisions.md, E-08).
/// [`lines`](Self::lines) flattens it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AllocationResult(pub Vec<BTreeMap<LineItemId, AllocationOutcome>>);

impl AllocationResult {
    /// Each line and its new status, in the order sent.
    pub fn lines(&self) -> impl Iterator<Item = (LineItemId, &AllocationOutcome)> {
        self.0
            .iter()
            .flat_map(|entry| entry.iter().map(|(id, outcome)| (*id, outcome)))
    }
}

string_enum! {
    /// A line's status after an allocation.
    pub enum AllocationOutcome {
        /// Accepted.
        Allocated = "Allocated",
        /// Backordered.
        Backordered = "Backordered",
        /// Cancelled.
        Cancelled = "Cancelled",
        /// Rejected.
        Rejected = "Rejected",
        /// No such line in the order.
        ItemNotFound = "Item Not Found",
    }
}
