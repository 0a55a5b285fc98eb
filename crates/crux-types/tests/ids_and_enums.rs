//! Typed ids and open string enums, through the public types that use them.

use std::fmt::{Debug, Display};
use std::str::FromStr;

use crux_types::{
    AccountManagerId, CatalogId, CatalogType, CategoryId, DimensionUnit, ExportId, ImageId,
    InventoryListId, ItemId, NotificationDomain, NotificationFrequency, NotificationId,
    NotificationSettingId, NotificationVia, OrganizationId, OrganizationStatus, PermissionId,
    PermissionVisibility, PersonId, ShippingCostType, SkuCondition, SkuId, SkuRestriction, UriType,
    UserId, UserStatus, VideoId, WeightUnit,
};
use serde::Serialize;
use serde::de::DeserializeOwned;
use uuid::Uuid;

const UUID: &str = "3a7acb28-ab13-437e-8c35-46cf4f0bea49";

// ---------------------------------------------------------------------------
// Typed ids.

/// Checks the shared id API on one id type.
fn check_id<T>(name: &str)
where
    T: Copy
        + Debug
        + Display
        + Eq
        + FromStr<Err = uuid::Error>
        + From<Uuid>
        + Into<Uuid>
        + Serialize
        + DeserializeOwned,
{
    let id: T = UUID.parse().expect("valid uuid parses");
    assert_eq!(id.to_string(), UUID, "Display/FromStr round trip");
    assert_eq!(format!("{id:?}"), format!("{name}({UUID})"));
    assert_eq!(format!("{id:#?}"), format!("{name}({UUID})"));

    let uuid = Uuid::parse_str(UUID).expect("valid uuid parses");
    assert_eq!(T::from(uuid), id);
    assert_eq!(id.into(), uuid);

    // Display always writes the hyphenated lowercase form.
    let upper: T = UUID.to_uppercase().parse().expect("uppercase parses");
    assert_eq!(upper, id);
    assert_eq!(upper.to_string(), UUID);

    // JSON is the plain string.
    let json = serde_json::to_string(&id).expect("ids encode");
    assert_eq!(json, format!("\"{UUID}\""));
    assert_eq!(serde_json::from_str::<T>(&json).expect("ids decode"), id);

    // Errors, never panics.
    assert!("r5682624-8e22-44f2-a6b6-ae3fdb556051".parse::<T>().is_err());
    assert!("".parse::<T>().is_err());
    assert!(serde_json::from_str::<T>(r#""not-a-uuid""#).is_err());
    assert!(serde_json::from_str::<T>("42").is_err());
    assert!(serde_json::from_str::<T>("null").is_err());
}

#[test]
fn ids_share_one_api() {
    check_id::<UserId>("UserId");
    check_id::<PersonId>("PersonId");
    check_id::<PermissionId>("PermissionId");
    check_id::<OrganizationId>("OrganizationId");
    check_id::<AccountManagerId>("AccountManagerId");
    check_id::<NotificationId>("NotificationId");
    check_id::<NotificationSettingId>("NotificationSettingId");
    check_id::<ExportId>("ExportId");
    check_id::<CatalogId>("CatalogId");
    check_id::<ItemId>("ItemId");
    check_id::<SkuId>("SkuId");
    check_id::<InventoryListId>("InventoryListId");
    check_id::<CategoryId>("CategoryId");
    check_id::<ImageId>("ImageId");
    check_id::<VideoId>("VideoId");
}

#[test]
fn id_new_and_as_uuid() {
    const NIL: UserId = UserId::new(Uuid::nil());
    assert_eq!(NIL.as_uuid(), &Uuid::nil());
    assert_eq!(NIL.to_string(), "00000000-0000-0000-0000-000000000000");
}

// ---------------------------------------------------------------------------
// Open string enums.

/// Checks every documented value of one open enum, and one unknown value.
fn check_enum<T>(documented: &[&str], known: &[T])
where
    T: Clone
        + Debug
        + Display
        + Eq
        + FromStr<Err = std::convert::Infallible>
        + for<'a> From<&'a str>
        + From<String>
        + AsRef<str>
        + Serialize
        + DeserializeOwned,
{
    assert_eq!(
        known.iter().map(AsRef::as_ref).collect::<Vec<_>>(),
        documented
    );

    for value in known {
        let wire = value.as_ref();
        assert_eq!(&T::from(wire), value);
        assert_eq!(&T::from(wire.to_owned()), value);
        assert_eq!(
            &wire.parse::<T>().unwrap_or_else(|never| match never {}),
            value
        );
        assert_eq!(value.to_string(), wire);

        let json = serde_json::to_string(value).expect("enums encode");
        assert_eq!(json, format!("\"{wire}\""));
        assert_eq!(
            &serde_json::from_str::<T>(&json).expect("enums decode"),
            value
        );
    }

    // Exact matching: case, spaces and separators all matter.
    for text in documented.iter().flat_map(|wire| {
        [
            wire.to_lowercase(),
            format!(" {wire}"),
            format!("{wire} "),
            wire.replace(' ', "_"),
        ]
    }) {
        if documented.contains(&text.as_str()) {
            continue;
        }
        let value = T::from(text.as_str());
        assert!(!known.contains(&value), "{text:?} decoded as {value:?}");
        assert_eq!(value.as_ref(), text);
        let json = serde_json::to_string(&value).expect("enums encode");
        assert_eq!(
            serde_json::from_str::<String>(&json).expect("a string"),
            text
        );
    }

    // Not a string: an error, not a panic.
    assert!(serde_json::from_str::<T>("1").is_err());
    assert!(serde_json::from_str::<T>("null").is_err());
}

#[test]
fn user_status_documented_values() {
    check_enum(
        &["CONFIRMATION WAITING", "ACTIVE", "DEACTIVATED"],
        UserStatus::KNOWN,
    );
    assert!(UserStatus::KNOWN.iter().all(UserStatus::is_known));
    assert_eq!(UserStatus::KNOWN.len(), 3);
}

#[test]
fn permission_visibility_documented_values() {
    check_enum(
        &["RETAILER", "SUPPLIER", "BOTH"],
        PermissionVisibility::KNOWN,
    );
    assert!(
        PermissionVisibility::KNOWN
            .iter()
            .all(PermissionVisibility::is_known)
    );
}

#[test]
fn organization_status_documented_values() {
    check_enum(
        &["PENDING", "ACTIVE", "DEACTIVATED"],
        OrganizationStatus::KNOWN,
    );
}

#[test]
fn notification_enums_documented_values() {
    check_enum(&["Dashboard", "email"], NotificationVia::KNOWN);
    check_enum(
        &["Real-time", "Twice a day", "Daily"],
        NotificationFrequency::KNOWN,
    );
    check_enum(
        &["Billing", "Inventory", "Orders", "Miscellaneous"],
        NotificationDomain::KNOWN,
    );
}

#[test]
fn product_enums_documented_values() {
    check_enum(&["new", "used", "refurb"], SkuCondition::KNOWN);
    check_enum(&["tmpunavail", "discontd"], SkuRestriction::KNOWN);
    check_enum(&["fixed", "free", "variable"], ShippingCostType::KNOWN);
    check_enum(&["g", "kg", "lb", "oz"], WeightUnit::KNOWN);
    check_enum(&["cm", "m", "in", "ft"], DimensionUnit::KNOWN);
    check_enum(&["url", "filename"], UriType::KNOWN);
    check_enum(&["standard", "discovery"], CatalogType::KNOWN);
    // The docs' capitalized spelling is an alias of the samples' lowercase
    // one (docs/spec-decisions.md, E-33).
    let documented: ShippingCostType = serde_json::from_str(r#""Variable""#).expect("decodes");
    assert_eq!(documented, ShippingCostType::Variable);
    assert_eq!(
        serde_json::to_string(&documented).expect("encodes"),
        r#""variable""#
    );
}

#[test]
fn an_alias_decodes_to_its_variant_and_is_written_with_the_first_spelling() {
    // `NotificationVia::Email` is declared `"email" | "Email"`
    // (docs/spec-decisions.md, E-33).
    for parsed in [
        NotificationVia::from("Email"),
        NotificationVia::from("Email".to_owned()),
        "Email".parse().unwrap_or_else(|never| match never {}),
        serde_json::from_str(r#""Email""#).expect("decodes"),
        serde_json::from_value(serde_json::Value::from("Email")).expect("decodes"),
    ] {
        assert_eq!(parsed, NotificationVia::Email);
        assert!(parsed.is_known());
        assert_eq!(parsed.as_str(), "email");
        assert_eq!(parsed.to_string(), "email");
        assert_eq!(
            serde_json::to_string(&parsed).expect("enums encode"),
            r#""email""#
        );
    }
    // The alias is not a variant of its own.
    assert_eq!(NotificationVia::KNOWN.len(), 2);
}

#[test]
fn unknown_values_are_kept_verbatim() {
    let status: UserStatus = "SUSPENDED".into();
    assert_eq!(status, UserStatus::Unknown("SUSPENDED".to_owned()));
    assert!(!status.is_known());
    assert_eq!(status.as_str(), "SUSPENDED");
    assert_eq!(status.to_string(), "SUSPENDED");
    assert_eq!(
        serde_json::to_string(&status).expect("enums encode"),
        r#""SUSPENDED""#
    );

    let visibility: PermissionVisibility = "PARTNER".parse().unwrap_or_else(|never| match never {});
    assert_eq!(
        visibility,
        PermissionVisibility::Unknown("PARTNER".to_owned())
    );
}

#[test]
fn every_deserializer_path_decodes_the_same() {
    // Borrowed input (`visit_borrowed_str`).
    let borrowed: UserStatus = serde_json::from_str(r#""ACTIVE""#).expect("decodes");
    // Escapes force a transient buffer (`visit_str`).
    let escaped: UserStatus = serde_json::from_str(r#""ACT\u0049VE""#).expect("decodes");
    // A reader cannot lend its input (`visit_str`).
    let read: UserStatus = serde_json::from_reader(&br#""ACTIVE""#[..]).expect("decodes");
    // A `Value` hands over an owned `String` (`visit_string`).
    let owned: UserStatus =
        serde_json::from_value(serde_json::Value::from("ACTIVE")).expect("decodes");
    for status in [borrowed, escaped, read, owned] {
        assert_eq!(status, UserStatus::Active);
    }

    let unknown: UserStatus =
        serde_json::from_value(serde_json::Value::from("ON HOLD")).expect("decodes");
    assert_eq!(unknown, UserStatus::Unknown("ON HOLD".to_owned()));
    let unknown: UserStatus = serde_json::from_str(r#""ON\u0020HOLD""#).expect("decodes");
    assert_eq!(unknown, UserStatus::Unknown("ON HOLD".to_owned()));
}

#[test]
fn display_honors_width() {
    assert_eq!(format!("[{:>8}]", UserStatus::Active), "[  ACTIVE]");
    assert_eq!(format!("[{:<6}]", PermissionVisibility::Both), "[BOTH  ]");
}
