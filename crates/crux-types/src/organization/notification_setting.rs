//! Notification settings, returned by Get Notification Settings, and the
//! values they use.

use serde::{Deserialize, Serialize};

use super::OrgUserRef;
use crate::id::NotificationSettingId;

/// One notification the caller can receive and, per channel, whether and
/// how often it is sent; as listed by Get Notification Settings
/// (`GET /notifications/notification-settings/`, a bare array).
///
/// Documented only in the page's prose (ENDPOINTS.md, "Response objects
/// defined only in page prose"). Change one channel of it with
/// [`NotificationSettingUpdate`](super::NotificationSettingUpdate).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct NotificationSetting {
    /// Identifies the setting (the `uuid` to send in an update).
    pub uuid: NotificationSettingId,
    /// The notification's name, for example `"Invoice Due"`.
    pub notification_name: String,
    /// The area the notification is about.
    pub notification_domain: NotificationDomain,
    /// One entry per channel (dashboard, email): whether the notification is
    /// sent there and how often (JSON `notification_type`).
    ///
    /// Empty when the API sends `[]`, `null` or leaves the field out.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub notification_type: Vec<NotificationType>,
    /// The user the setting belongs to (the caller).
    pub org_user: OrgUserRef,
}

impl NotificationSetting {
    /// The entry for channel `via`, if the setting has one.
    ///
    /// Matching is by variant, so [`NotificationVia::Email`] finds an entry
    /// sent as `"email"` or `"Email"`.
    #[must_use]
    pub fn channel(&self, via: &NotificationVia) -> Option<&NotificationType> {
        self.notification_type
            .iter()
            .find(|entry| &entry.notification_via == via)
    }
}

/// How one notification is delivered on one channel: an element of
/// `NotificationSetting.notification_type` (the page's "Notification Type
/// Object").
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct NotificationType {
    /// The channel this entry is about.
    pub notification_via: NotificationVia,
    /// How often the notification is sent on this channel.
    pub notification_frequency: NotificationFrequency,
    /// `true` when the notification is sent on this channel.
    ///
    /// Also read from the strings `"true"` and `"false"`, in any case (the
    /// update sample sends `"True"`) (docs/spec-decisions.md, E-07); always
    /// written as a JSON boolean.
    #[serde(deserialize_with = "crate::serde_util::lenient_bool")]
    pub enabled: bool,
}

string_enum! {
    /// Where a notification is sent (`notification_via`; also the `type` of
    /// a [`DashboardNotification`](super::DashboardNotification)).
    ///
    /// The docs list `"Dashboard"` and `"email"`; the Get Notification
    /// Settings sample also sends `"Email"` (docs/spec-decisions.md, E-33). Both email
    /// spellings decode to [`Email`](Self::Email), which is written back as
    /// the documented `"email"`: that is the spelling Update Notification
    /// Settings documents, and one variant per channel lets callers match
    /// on it. Other case variants (`"dashboard"`, `"EMAIL"`) are not seen in
    /// the docs and stay [`Unknown`](Self::Unknown).
    pub enum NotificationVia {
        /// The notification appears on the CRUX dashboard.
        Dashboard = "Dashboard",
        /// The notification is emailed to the user.
        Email = "email" | "Email",
    }
}

string_enum! {
    /// How often a notification is sent (`notification_frequency`).
    pub enum NotificationFrequency {
        /// As soon as it happens.
        RealTime = "Real-time",
        /// Twice a day.
        TwiceADay = "Twice a day",
        /// Once a day.
        Daily = "Daily",
    }
}

string_enum! {
    /// The area a notification is about (`notification_domain`).
    pub enum NotificationDomain {
        /// Billing: credit limit, invoices, payments.
        Billing = "Billing",
        /// Inventory.
        Inventory = "Inventory",
        /// Orders.
        Orders = "Orders",
        /// Anything else.
        Miscellaneous = "Miscellaneous",
    }
}
