//! Dashboard notifications (per organization) and notification settings
//! (per user, from one template list per organization).

use super::organizations::{RETAILER, SUPPLIER};

/// A dashboard notification of an organization (`DashboardNotification`,
/// always `"type": "Dashboard"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DemoNotification {
    /// [`DemoOrganization::name`](super::DemoOrganization::name) of the
    /// organization it belongs to.
    pub(crate) organization: &'static str,
    /// `DashboardNotification.uuid`.
    pub(crate) uuid: &'static str,
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
            organization: $org,
            uuid: concat!("d0000007-0000-4000-8000-00000000", $n),
            title: $title,
            created_at: $created_at,
        }
    };
}

/// Every organization's dashboard notifications, newest first.
pub(crate) static DASHBOARD_NOTIFICATIONS: &[DemoNotification] = &[
    notification!(
        RETAILER,
        "0103",
        "Invoice Due",
        "2024-06-01T08:00:00.000103Z"
    ),
    notification!(
        RETAILER,
        "0102",
        "Order Shipped",
        "2024-05-20T14:12:09.804995Z"
    ),
    notification!(
        RETAILER,
        "0101",
        "API Errors",
        "2024-05-02T20:41:02.497923Z"
    ),
    notification!(
        SUPPLIER,
        "0203",
        "New Order Received",
        "2024-06-03T10:15:00.000203Z"
    ),
    notification!(SUPPLIER, "0202", "Low Stock", "2024-05-28T07:30:00Z"),
    notification!(
        SUPPLIER,
        "0201",
        "API Errors",
        "2024-05-02T20:41:02.497923Z"
    ),
];

/// A notification setting template: every user of `organization` gets one
/// setting from it (`NotificationSetting`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DemoSetting {
    /// [`DemoOrganization::name`](super::DemoOrganization::name) of the
    /// organization whose users get it.
    pub(crate) organization: &'static str,
    /// The last two digits of the setting's UUID,
    /// `d0000008-0000-4000-8000-00000000UUNN` for user `UU`.
    pub(crate) n: &'static str,
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
        organization: RETAILER,
        n: "01",
        name: "Nearing Credit Limit",
        domain: "Billing",
        channels: &[
            channel("Dashboard", "Daily", true),
            channel("email", "Daily", true),
        ],
    },
    DemoSetting {
        organization: RETAILER,
        n: "02",
        name: "Invoice Due",
        domain: "Billing",
        channels: &[
            channel("Dashboard", "Daily", false),
            channel("email", "Daily", true),
        ],
    },
    DemoSetting {
        organization: RETAILER,
        n: "03",
        name: "Order Shipped",
        domain: "Orders",
        channels: &[
            channel("Dashboard", "Real-time", true),
            channel("email", "Twice a day", false),
        ],
    },
    DemoSetting {
        organization: RETAILER,
        n: "04",
        name: "Order Paid",
        domain: "Billing",
        channels: &[channel("email", "Twice a day", true)],
    },
    DemoSetting {
        organization: SUPPLIER,
        n: "01",
        name: "Invoice Due",
        domain: "Billing",
        channels: &[
            channel("Dashboard", "Daily", false),
            channel("email", "Daily", true),
        ],
    },
    DemoSetting {
        organization: SUPPLIER,
        n: "02",
        name: "New Order Received",
        domain: "Orders",
        channels: &[
            channel("Dashboard", "Real-time", true),
            channel("email", "Real-time", true),
        ],
    },
    DemoSetting {
        organization: SUPPLIER,
        n: "03",
        name: "Low Stock",
        domain: "Inventory",
        channels: &[
            channel("Dashboard", "Daily", true),
            channel("email", "Daily", false),
        ],
    },
    DemoSetting {
        organization: SUPPLIER,
        n: "04",
        name: "Product Feed Errors",
        domain: "Miscellaneous",
        channels: &[channel("email", "Daily", true)],
    },
];
