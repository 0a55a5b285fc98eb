//! Decodes the input as every model of crux-types that has a fixture (every
//! response type, and the request bodies too: the sandbox decodes those),
//! with `serde_json::from_slice`, as the client does. Whatever decodes must
//! re-encode, decode again and be equal to the first decode, and encode to
//! the same JSON again. A panic anywhere (in a decoder, an encoder, or an
//! assertion) is a finding.
//!
//! The models are the ones of the fixture table shared with the crux-types
//! tests (`crates/crux-types/tests/common/fixture_table.rs`), each type once.

#![no_main]

use std::any::type_name;
use std::fmt::Debug;
use std::sync::OnceLock;

use crux_types::{
    AllocationResult, AllocationUpdate, Catalog, Connection, ConnectionRequest,
    ConnectionRequestCreated, ConnectionRequestPage, ConnectionRequestUpdate,
    DashboardNotification, ExportRef, FeeQuery, Fees, InventoryList, Item, ItemIdList, ItemSearch,
    ItemSearchPage, LoginRequest, LoginResponse, NewCatalog, NewConnectionRequest,
    NewInventoryList, NewItem, NewOrder, NewSku, NewTracking, NotificationSetting,
    NotificationSettingUpdate, Order, OrderCancellation, OrderIdList, OrderPage, OrderQuery,
    Organization, PaymentMethod, Permission, PermissionAssignments, Sku, SkuIdList, Subscription,
    SupplierPage, SupplierQuery, Transaction, TransactionsExportRequest, User,
    UserPermissionsChange,
};
use libfuzzer_sys::fuzz_target;
use serde::{Serialize, de::DeserializeOwned};

#[path = "../../crates/crux-types/tests/common/fixture_table.rs"]
mod fixture_table;

/// One model: its name in the table and its check.
type Decoder = (&'static str, fn(&[u8]));

/// Every line of the fixture table, as a [`Decoder`] (with repeats).
macro_rules! decoders {
    ($($name:literal => $model:ty $(, $rewrite:expr)?;)*) => {
        const ALL: &[Decoder] = &[$((stringify!($model), round_trip::<$model>)),*];
    };
}
fixture_table::fixture_table!(decoders);

/// [`ALL`], each model once.
fn decoders() -> &'static [Decoder] {
    static ONCE: OnceLock<Vec<Decoder>> = OnceLock::new();
    ONCE.get_or_init(|| {
        let mut unique: Vec<Decoder> = Vec::new();
        for decoder in ALL {
            if !unique.iter().any(|(name, _)| *name == decoder.0) {
                unique.push(*decoder);
            }
        }
        unique
    })
}

/// Decodes `data` as `T`; when it decodes, checks that it round-trips.
fn round_trip<T>(data: &[u8])
where
    T: DeserializeOwned + Serialize + PartialEq + Debug,
{
    let Ok(decoded) = serde_json::from_slice::<T>(data) else {
        return;
    };
    let name = type_name::<T>();
    let encoded = serde_json::to_vec(&decoded)
        .unwrap_or_else(|err| panic!("{name}: a decoded value does not encode: {err}"));
    let again: T = serde_json::from_slice(&encoded).unwrap_or_else(|err| {
        panic!(
            "{name}: its own encoding does not decode: {err}\n{}",
            String::from_utf8_lossy(&encoded)
        )
    });
    assert_eq!(again, decoded, "{name}: decode(encode(x)) != x");
    let encoded_again = serde_json::to_vec(&again)
        .unwrap_or_else(|err| panic!("{name}: a decoded value does not encode: {err}"));
    assert_eq!(
        String::from_utf8_lossy(&encoded_again),
        String::from_utf8_lossy(&encoded),
        "{name}: encode(decode(encode(x))) != encode(x)",
    );
}

fuzz_target!(|data: &[u8]| {
    for (_, check) in decoders() {
        check(data);
    }
});
