//! The InventoryList object and the Create Inventory List body.

use serde::{Deserialize, Serialize};

use super::{RetailerRef, SkuRef};
use crate::id::InventoryListId;
use crate::time::Timestamp;

/// A retailer's inventory list: the SKUs it has chosen to sell.
///
/// Returned by Get Inventory Lists (`GET /products/inventory-lists/`, a
/// bare array), Get Inventory List Detail
/// (`GET /products/inventory-lists/{inventory_list_uuid}/`) and Create
/// Inventory List (`POST /products/inventory-lists/`); retailers only.
/// Documented only in the pages' prose.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct InventoryList {
    /// Identifies the list.
    pub uuid: InventoryListId,
    /// The retailer that owns the list.
    pub retailer: RetailerRef,
    /// The list's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The list's description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The SKUs in the list.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub skus: Vec<SkuRef>,
    /// How many SKUs the list holds: listed by the create page, absent from
    /// every sample (docs/spec-decisions.md, E-47).
    #[serde(
        default,
        deserialize_with = "crate::quantity::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub num_skus: Option<u32>,
    /// When the list was created.
    pub created: Timestamp,
    /// When the list was last changed.
    pub last_updated: Timestamp,
}

/// The body of Create Inventory List (`POST /products/inventory-lists/`,
/// retailer only). Returns the new [`InventoryList`], empty; fill it with
/// the add-items and add-SKUs calls.
///
/// ```
/// use crux_types::NewInventoryList;
///
/// let list = NewInventoryList::new("Garden").description("Chairs and tables");
/// assert_eq!(
///     serde_json::to_string(&list)?,
///     r#"{"name":"Garden","description":"Chairs and tables"}"#,
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct NewInventoryList {
    /// The list's name. Always sent.
    #[serde(default)]
    pub name: String,
    /// The list's description; not sent when `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl NewInventoryList {
    /// A list named `name`, without a description.
    #[must_use]
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            description: None,
        }
    }

    /// Sets the description.
    #[must_use]
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }
}
