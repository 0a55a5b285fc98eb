//! Dashboard notifications (per organization) and notification settings
//! (per user, from one template list per organization).

use crux_types::{NotificationId, OrganizationId};

use super::ids::id;
use super::organizations::{FARAWAY, RETAIL, SUPPLY};

/// A dashboard notification of an organization (`DashboardNotification`,
/// always `"type": "Dashboard"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DemoNotification {
    /// The organization it belongs to.
    pub(crate) org: OrganizationId,
    /// `DashboardNotification.uuid`.
    pub(crate) uuid: NotificationId,
    /// `DashboardNotification.title`.
    pub(crate) title: &'static str,
    /// `DashboardNotification.created_at` (RFC 3339).
    pub(crate) created_at: &'static str,
}

/// Builds a notification; `n` is the last four digits of its UUID
/// (organization number, then index).
macro_rules! notification {
    ($org:expr, $n:literal, $title:literal, $created_at:literal) => {
        DemoNotification {
            org: $org.id,
            uuid: id!(
                NotificationId,
                concat!("d0000007-0000-4000-8000-00000000", $n)
            ),
            title: $title,
            created_at: $created_at,
        }
    };
}

/// Every organization's dashboard notifications, newest first.
pub(crate) static DASHBOARD_NOTIFICATIONS: &[DemoNotification] = &[
    notification!(RETAIL, "0103", "Invoice Due", "2024-06-01T08:00:00.000103Z"),
    notification!(
        RETAIL,
        "0102",
        "Order Shipped",
        "2024-05-20T14:12:09.804995Z"
    ),
    notification!(RETAIL, "0101", "API Errors", "2024-05-02T20:41:02.497923Z"),
    notification!(
        SUPPLY,
        "0203",
        "New Order Received",
        "2024-06-03T10:15:00.000203Z"
    ),
    notification!(SUPPLY, "0202", "Low Stock", "2024-05-28T07:30:00Z"),
    notification!(SUPPLY, "0201", "API Errors", "2024-05-02T20:41:02.497923Z"),
    notification!(FARAWAY, "0302", "Low Stock", "2024-06-10T09:00:00Z"),
    notification!(FARAWAY, "0301", "API Errors", "2024-05-12T11:00:00Z"),
];

/// A notification setting template: every user of `org` gets one
/// setting from it (`NotificationSetting`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DemoSetting {
    /// The organization whose users get it.
    pub(crate) org: OrganizationId,
    /// `KK`, the setting's number: user `UU` gets it as
    /// `d0000008-0000-4000-8000-00000000UUKK`.
    pub(crate) n: u64,
    /// `NotificationSetting.notification_name`.
    pub(crate) name: &'static str,
    /// `NotificationSetting.notification_domain`.
    pub(crate) domain: &'static str,
    /// `NotificationSetting.notification_type`: one entry per channel.
    pub(crate) channels: &'static [DemoChannel],
}

/// One channel of a setting (`NotificationType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DemoChannel {
    /// `notification_via`: `"Dashboard"` or `"email"`.
    pub(crate) via: &'static str,
    /// `notification_frequency`.
    pub(crate) frequency: &'static str,
    /// `enabled`.
    pub(crate) enabled: bool,
}

/// A channel entry.
const fn channel(via: &'static str, frequency: &'static str, enabled: bool) -> DemoChannel {
    DemoChannel {
        via,
        frequency,
        enabled,
    }
}

/// The settings templates, in the order Get Notification Settings lists
/// them. The last one of each organization has an email channel only, like
/// "Order Paid" in the docs' sample.
pub(crate) static SETTING_TEMPLATES: &[DemoSetting] = &[
    DemoSetting {
        org: RETAIL.id,
        n: 1,
        name: "Nearing Credit Limit",
        domain: "Billing",
        channels: &[
            channel("Dashboard", "Daily", true),
            channel("email", "Daily", true),
        ],
    },
    DemoSetting {
        org: RETAIL.id,
        n: 2,
        name: "Invoice Due",
        domain: "Billing",
        channels: &[
            channel("Dashboard", "Daily", false),
            channel("email", "Daily", true),
        ],
    },
    DemoSetting {
        org: RETAIL.id,
        n: 3,
        name: "Order Shipped",
        domain: "Orders",
        channels: &[
            channel("Dashboard", "Real-time", true),
            channel("email", "Twice a day", false),
        ],
    },
    DemoSetting {
        org: RETAIL.id,
        n: 4,
        name: "Order Paid",
        domain: "Billing",
        channels: &[channel("email", "Twice a day", true)],
    },
    DemoSetting {
        org: SUPPLY.id,
        n: 1,
        name: "Invoice Due",
        domain: "Billing",
        channels: &[
            channel("Dashboard", "Daily", false),
            channel("email", "Daily", true),
        ],
    },
    DemoSetting {
        org: SUPPLY.id,
        n: 2,
        name: "New Order Received",
        domain: "Orders",
        channels: &[
            channel("Dashboard", "Real-time", true),
            channel("email", "Real-time", true),
        ],
    },
    DemoSetting {
        org: SUPPLY.id,
        n: 3,
        name: "Low Stock",
        domain: "Inventory",
        channels: &[
            channel("Dashboard", "Daily", true),
            channel("email", "Daily", false),
        ],
    },
    DemoSetting {
        org: SUPPLY.id,
        n: 4,
        name: "Product Feed Errors",
        domain: "Miscellaneous",
        channels: &[channel("email", "Daily", true)],
    },
    DemoSetting {
        org: FARAWAY.id,
        n: 1,
        name: "Invoice Due",
        domain: "Billing",
        channels: &[
            channel("Dashboard", "Daily", true),
            channel("email", "Daily", true),
        ],
    },
    DemoSetting {
        org: FARAWAY.id,
        n: 2,
        name: "New Order Received",
        domain: "Orders",
        channels: &[
            channel("Dashboard", "Real-time", true),
            channel("email", "Real-time", false),
        ],
    },
    DemoSetting {
        org: FARAWAY.id,
        n: 3,
        name: "Low Stock",
        domain: "Inventory",
        channels: &[channel("email", "Daily", true)],
    },
];
