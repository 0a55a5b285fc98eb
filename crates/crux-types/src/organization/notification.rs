//! Dashboard notifications, returned by Get Dashboard Notifications.

use serde::{Deserialize, Serialize};

use super::NotificationVia;
use crate::id::NotificationId;
use crate::time::Timestamp;

/// A notification shown on the caller's dashboard, as listed by Get
/// Dashboard Notifications (`GET /notifications/`, a bare array).
///
/// Documented only in the page's prose (ENDPOINTS.md, "Response objects
/// defined only in page prose"). The page's examples send a `user_uuid` in
/// the GET body; the request has no body (docs/spec-decisions.md, E-11).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DashboardNotification {
    /// Identifies the notification.
    pub uuid: NotificationId,
    /// The notification's title, for example `"API Errors"`.
    pub title: String,
    /// When the notification was created.
    pub created_at: Timestamp,
    /// Where the notification is sent (JSON `type`). The page says it is
    /// always [`NotificationVia::Dashboard`] for this call.
    #[serde(rename = "type")]
    pub kind: NotificationVia,
}
