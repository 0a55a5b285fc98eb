//! The body of Update Notification Settings.

use serde::{Deserialize, Serialize};

use super::{NotificationFrequency, NotificationVia};
use crate::id::NotificationSettingId;

/// The body of Update Notification Settings
/// (`PUT /notifications/notification-settings/`): changes one channel of
/// one [`NotificationSetting`](super::NotificationSetting). The API answers
/// with no documented body (docs/spec-decisions.md, E-26).
///
/// # Required fields (docs/spec-decisions.md, E-48)
///
/// The page does not say which fields are required. It describes the call
/// as updating "a single notification's settings" by "providing the uuid
/// for the notification with the location, frequency, and enabled", and a
/// setting holds one entry per channel. So:
///
/// - [`uuid`](Self::uuid) (the setting) and
///   [`notification_via`](Self::notification_via) (the channel entry within
///   it) identify what to change, and are required;
/// - [`enabled`](Self::enabled) and
///   [`notification_frequency`](Self::notification_frequency) are the
///   changes, each optional: `None` is not sent.
///
/// `enabled` is written as a JSON boolean, the documented type; the docs'
/// sample sends the string `"True"`, which decoding also accepts
/// (docs/spec-decisions.md, E-07).
///
/// ```
/// use crux_types::{NotificationFrequency, NotificationSettingUpdate, NotificationVia};
///
/// let uuid = "daf247dc-68c3-4ab8-93fc-024ae471bb91".parse()?;
/// let update = NotificationSettingUpdate::new(uuid, NotificationVia::Email)
///     .with_enabled(false)
///     .with_frequency(NotificationFrequency::Daily);
/// assert_eq!(
///     serde_json::to_string(&update)?,
///     r#"{"uuid":"daf247dc-68c3-4ab8-93fc-024ae471bb91","notification_via":"email","enabled":false,"notification_frequency":"Daily"}"#,
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct NotificationSettingUpdate {
    /// The setting to change ([`NotificationSetting::uuid`](super::NotificationSetting::uuid)).
    pub uuid: NotificationSettingId,
    /// The channel entry to change.
    pub notification_via: NotificationVia,
    /// Turn the notification on or off on that channel; `None` leaves it
    /// unchanged and is not sent.
    ///
    /// Decoding also accepts the strings `"true"` and `"false"`, in any case.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::serde_util::lenient_bool_option"
    )]
    pub enabled: Option<bool>,
    /// The new frequency on that channel; `None` leaves it unchanged and is
    /// not sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notification_frequency: Option<NotificationFrequency>,
}

impl NotificationSettingUpdate {
    /// An update of channel `via` of setting `uuid` that changes nothing
    /// yet; add changes with [`with_enabled`](Self::with_enabled) and
    /// [`with_frequency`](Self::with_frequency).
    #[must_use]
    pub const fn new(uuid: NotificationSettingId, via: NotificationVia) -> Self {
        Self {
            uuid,
            notification_via: via,
            enabled: None,
            notification_frequency: None,
        }
    }

    /// Sets [`enabled`](Self::enabled).
    #[must_use]
    pub fn with_enabled(mut self, enabled: bool) -> Self {
        self.enabled = Some(enabled);
        self
    }

    /// Sets [`notification_frequency`](Self::notification_frequency).
    #[must_use]
    pub fn with_frequency(mut self, frequency: NotificationFrequency) -> Self {
        self.notification_frequency = Some(frequency);
        self
    }
}
