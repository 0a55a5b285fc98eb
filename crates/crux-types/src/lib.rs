#![doc = include_str!("../README.md")]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

// Macros first: `macro_rules!` items are only visible to code after them.
#[macro_use]
mod string_enum;

mod money;
mod quantity;
mod serde_util;

pub mod accounting;
pub mod discovery;
pub mod endpoint;
pub mod id;
pub mod ordering;
pub mod organization;
pub mod product;
pub mod time;

pub use accounting::{
    CardNumber, ExportRef, NextBillPlan, PaymentMethod, Subscription, Transaction,
    TransactionsExportRequest,
};
pub use discovery::{
    Connection, ConnectionOrganization, ConnectionParty, ConnectionRequest,
    ConnectionRequestCreated, ConnectionRequestPage, ConnectionRequestUpdate, ConnectionStatus,
    DiscoverySupplier, FileUpload, Integration, IntegrationType, IntegrationUpdate,
    NewConnectionRequest, NewIntegration, SupplierPage, SupplierQuery, SupplierSort,
};
pub use id::{
    AccountManagerId, CatalogId, CategoryId, ConnectionId, ConnectionRequestId, ExportId,
    FileUploadId, ImageId, IntegrationId, InventoryListId, ItemId, LineItemId, NotificationId,
    NotificationSettingId, OrderId, OrganizationId, PermissionId, PersonId, RetailerId, SkuId,
    SupplierId, TransactionId, UserId, VideoId,
};
pub use ordering::{
    Address, Allocation, AllocationFilter, AllocationOutcome, AllocationResult, AllocationUpdate,
    Designations, FeeQuery, FeeSku, Fees, LineAllocation, LineItem, LineItemAllocation,
    LineItemDesignation, LineItemStatus, NewOrder, NewTracking, Order, OrderCancellation,
    OrderIdList, OrderPage, OrderQuery, OrderRetailer, OrderSku, OrderSort, OrderSortKey,
    OrderUser, RequestedShipping, SortDirection, TrackingLineItem, TrackingNumber,
};
pub use organization::{
    AccountManager, AuthToken, DashboardNotification, LoginRequest, LoginResponse,
    NotificationDomain, NotificationFrequency, NotificationSetting, NotificationSettingUpdate,
    NotificationType, NotificationVia, OrgType, OrgUserRef, Organization, OrganizationStatus,
    Permission, PermissionAssignments, PermissionEntry, PermissionVisibility, Person, User,
    UserPermissionsChange, UserStatus,
};
pub use product::{
    Catalog, CatalogRef, CatalogType, Category, DimensionUnit, FacetBucket, FacetSelection,
    FilterRange, InventoryList, InventoryListRef, Item, ItemIdList, ItemRef, ItemSearch,
    ItemSearchPage, Measurements, NewCatalog, NewCategory, NewInventoryList, NewItem, NewSku,
    PageInfo, PageRequest, PriceRange, PriceTier, ProductIdentifiers, ProductImage, ProductVideo,
    RetailerRef, SearchFacets, SearchFilters, ShippingCostType, Sku, SkuCondition, SkuIdList,
    SkuMeasurements, SkuRef, SkuRestriction, SupplierRef, UriType, WeightUnit,
};
pub use time::{ParseTimestampError, Timestamp};

/// The decimal type of money amounts (`rust_decimal::Decimal`), re-exported
/// so callers need no direct rust_decimal dependency to name it.
pub use rust_decimal::Decimal;

/// The date type of date-only fields (`chrono::NaiveDate`), re-exported so
/// callers need no direct chrono dependency to name it.
pub use chrono::NaiveDate;
