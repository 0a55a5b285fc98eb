//! The discovery list ([`crate::demo::discovery`]): the demo suppliers,
//! with their SKU counts, and the suppliers listed only there.

use super::SeedError;
use super::values::timestamp;
use crate::demo::discovery::{LISTED_ONLY, LISTED_ORGS};
use crate::demo::ids::demo_uuid;
use crate::store::Store;
use crate::store::orders::DiscoveryRow;

/// Adds the discovery rows (after the products: the SKU counts).
pub(super) fn add_discovery(store: &mut Store) -> Result<(), SeedError> {
    for listed in LISTED_ORGS {
        let org = listed.org;
        let id = org
            .supplier
            .ok_or_else(|| SeedError(format!("{} is no supplier", org.demo.name)))?;
        let skus = store.skus.iter().filter(|sku| sku.org == org.id).count();
        let manager = &org.profile.account_manager;
        store.discovery.insert(DiscoveryRow {
            id,
            org: Some(org.id),
            name: org.demo.name.to_owned(),
            website: listed.website.to_owned(),
            description: format!("{}: products for connected retailers.", org.demo.name),
            number_of_skus: u32::try_from(skus).unwrap_or(u32::MAX),
            country: "United States of America".to_owned(),
            contact_id: *manager.person_uuid.as_uuid(),
            contact: [manager.first_name, manager.last_name, manager.email].map(str::to_owned),
            joined: timestamp(listed.joined)?,
        });
    }
    for listed in LISTED_ONLY {
        let id = demo_uuid(2, listed.serial)
            .map(crux_types::SupplierId::new)
            .ok_or_else(|| SeedError(format!("supplier serial {}", listed.serial)))?;
        let slug: String = listed
            .name
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        store.discovery.insert(DiscoveryRow {
            id,
            org: None,
            name: listed.name.to_owned(),
            website: format!("https://{slug}.example"),
            description: format!("{} ships from {}.", listed.name, listed.country),
            number_of_skus: listed.skus,
            country: listed.country.to_owned(),
            contact_id: demo_uuid(6, listed.serial)
                .ok_or_else(|| SeedError(format!("person serial {}", listed.serial)))?,
            contact: [
                "Sam".into(),
                "Seller".into(),
                format!("sales@{slug}.example"),
            ],
            joined: timestamp(listed.joined)?,
        });
    }
    Ok(())
}
