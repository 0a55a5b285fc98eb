//! Get Dashboard Notifications, Get Notification Settings and the body of
//! Update Notification Settings, against the fixtures in
//! `tests/fixtures/organization/`. Also the accepted timestamp formats.

#[allow(
    dead_code,
    reason = "each test binary uses a different subset of the shared helpers"
)]
mod common;

use crux_types::{
    DashboardNotification, NotificationDomain, NotificationFrequency, NotificationSetting,
    NotificationSettingUpdate, NotificationVia, Timestamp,
};
use serde_json::{Value, json};

const GET_DASHBOARD_NOTIFICATIONS: &str = "organization/get_dashboard_notifications.json";
const GET_NOTIFICATION_SETTINGS: &str = "organization/get_notification_settings.json";
const UPDATE_NOTIFICATION_SETTINGS: &str = "organization/update_notification_settings_request.json";
const TIMESTAMP_FORMATS: &str = "organization/dashboard_notifications_timestamp_formats.json";
const SETTINGS_UNKNOWN_VALUES: &str = "organization/notification_settings_unknown_values.json";

// ---------------------------------------------------------------------------
// Dashboard notifications.

#[test]
fn dashboard_notification_fields() {
    let notifications: Vec<DashboardNotification> = common::decode(GET_DASHBOARD_NOTIFICATIONS);
    let [notification] = notifications.as_slice() else {
        panic!("one notification: {notifications:?}");
    };
    assert_eq!(
        notification.uuid.to_string(),
        "ed059353-71d6-44da-a676-22134e37bcc4"
    );
    assert_eq!(notification.title, "API Errors");
    assert_eq!(notification.kind, NotificationVia::Dashboard);
    let created_at = notification.created_at.as_datetime();
    assert_eq!(created_at.timestamp(), 1_510_000_862);
    assert_eq!(created_at.timestamp_subsec_micros(), 497_923);
}

#[test]
fn every_timestamp_format_is_accepted() {
    let notifications: Vec<DashboardNotification> = common::decode(TIMESTAMP_FORMATS);
    let seconds: Vec<i64> = notifications
        .iter()
        .map(|notification| notification.created_at.as_datetime().timestamp())
        .collect();
    assert_eq!(
        seconds,
        [
            1_510_000_862,
            1_518_195_733,
            1_523_576_286,
            1_509_926_400,
            1_522_977_129
        ],
    );
    // Space-separated with an offset: the same instant as the `Z` form.
    assert_eq!(
        notifications[2].created_at,
        "2018-04-12T23:38:06.923137Z"
            .parse::<Timestamp>()
            .expect("valid"),
    );
    // Date only: midnight UTC.
    assert_eq!(
        notifications[3].created_at.to_string(),
        "2017-11-06T00:00:00Z"
    );
}

#[test]
fn timestamps_in_other_offsets_are_converted_to_utc() {
    let t: Timestamp = "2018-04-13T01:38:06.5+02:00".parse().expect("valid");
    assert_eq!(t.to_string(), "2018-04-12T23:38:06.500Z");
}

#[test]
fn timestamp_fraction_digits_are_as_many_as_needed() {
    for (text, written) in [
        ("2018-04-06T01:12:09Z", "2018-04-06T01:12:09Z"),
        ("2018-04-06T01:12:09.000Z", "2018-04-06T01:12:09Z"),
        ("2018-04-06T01:12:09.100Z", "2018-04-06T01:12:09.100Z"),
        ("2018-04-06T01:12:09.804995Z", "2018-04-06T01:12:09.804995Z"),
        ("2018-04-06T01:12:09.804990Z", "2018-04-06T01:12:09.804990Z"),
        (
            "2018-04-06T01:12:09.123456789Z",
            "2018-04-06T01:12:09.123456789Z",
        ),
    ] {
        let t: Timestamp = serde_json::from_value(Value::from(text)).expect(text);
        assert_eq!(serde_json::to_value(t).expect("encodes"), written, "{text}");
        assert_eq!(format!("{t:?}"), format!("Timestamp({written})"));
    }
}

#[test]
fn a_bad_timestamp_is_an_error_not_a_panic() {
    for bad in [
        "",
        "yesterday",
        "2017-11-31",
        "2017-11-06T25:00:00Z",
        "2017-11-06T20:41:02",
        "2017-11-06T20:41:02.497923",
        "06/11/2017",
        " 2017-11-06T20:41:02Z",
    ] {
        let err = bad.parse::<Timestamp>().expect_err(bad);
        assert!(err.to_string().starts_with("invalid timestamp"), "{err}");
        let err = serde_json::from_value::<Timestamp>(Value::from(bad)).expect_err(bad);
        assert!(err.is_data(), "{bad}: {err}");
    }
    for bad in [json!(null), json!(1_510_000_862), json!(true), json!({})] {
        assert!(
            serde_json::from_value::<Timestamp>(bad.clone()).is_err(),
            "{bad}"
        );
    }

    let mut json = common::value(GET_DASHBOARD_NOTIFICATIONS);
    json[0]["created_at"] = Value::from("2017-02-29T00:00:00Z");
    let text = serde_json::to_string_pretty(&json).expect("JSON encodes");
    let err = serde_json::from_str::<Vec<DashboardNotification>>(&text).expect_err("bad date");
    assert!(err.line() > 0, "error has a position: {err}");
    assert!(err.to_string().contains("2017-02-29T00:00:00Z"), "{err}");
}

#[test]
fn unknown_notification_type_is_kept() {
    let notifications: Vec<DashboardNotification> = common::decode(TIMESTAMP_FORMATS);
    assert_eq!(notifications[3].kind, NotificationVia::Email);
    assert_eq!(
        notifications[4].kind,
        NotificationVia::Unknown("SMS".to_owned())
    );
    let encoded = serde_json::to_value(&notifications).expect("models always encode");
    assert_eq!(encoded[4]["type"], "SMS");
}

// ---------------------------------------------------------------------------
// Notification settings.

#[test]
fn notification_setting_fields() {
    let settings: Vec<NotificationSetting> = common::decode(GET_NOTIFICATION_SETTINGS);
    assert_eq!(settings.len(), 3);
    assert!(
        settings
            .iter()
            .all(|setting| setting.notification_domain == NotificationDomain::Billing)
    );
    assert!(settings.iter().all(|setting| {
        setting.org_user.uuid.to_string() == "3a7acb28-ab13-437e-8c35-46cf4f0bea49"
    }));

    let invoice_due = &settings[1];
    assert_eq!(invoice_due.notification_name, "Invoice Due");
    let dashboard = invoice_due
        .channel(&NotificationVia::Dashboard)
        .expect("has a dashboard entry");
    assert!(!dashboard.enabled);
    assert_eq!(
        dashboard.notification_frequency,
        NotificationFrequency::Daily
    );
    assert!(
        invoice_due
            .channel(&NotificationVia::Email)
            .expect("has an email entry")
            .enabled
    );
}

#[test]
fn both_email_spellings_are_the_email_channel() {
    let settings: Vec<NotificationSetting> = common::decode(GET_NOTIFICATION_SETTINGS);
    // `"email"` in the first two settings, `"Email"` in the third
    // (docs/spec-decisions.md, E-33).
    for setting in &settings {
        let email = setting
            .channel(&NotificationVia::Email)
            .unwrap_or_else(|| panic!("{} has an email entry", setting.notification_name));
        assert!(email.enabled);
    }
    assert_eq!(
        settings[2].notification_type[0].notification_frequency,
        NotificationFrequency::TwiceADay
    );

    assert_eq!(NotificationVia::from("Email"), NotificationVia::Email);
    assert_eq!(NotificationVia::Email.as_str(), "email");
    assert_eq!(
        NotificationVia::KNOWN,
        [NotificationVia::Dashboard, NotificationVia::Email]
    );
    // Only the spelling seen in the docs is an alias; matching stays exact.
    for other in ["EMAIL", "e-mail", " email", "dashboard"] {
        assert_eq!(
            NotificationVia::from(other),
            NotificationVia::Unknown(other.to_owned()),
            "{other}"
        );
    }
}

#[test]
fn unknown_setting_values_are_kept_verbatim() {
    let settings: Vec<NotificationSetting> = common::decode(SETTINGS_UNKNOWN_VALUES);
    let setting = &settings[0];
    assert_eq!(
        setting.notification_domain,
        NotificationDomain::Unknown("Security".to_owned())
    );
    let channels: Vec<_> = setting
        .notification_type
        .iter()
        .map(|entry| {
            (
                entry.notification_via.clone(),
                entry.notification_frequency.clone(),
            )
        })
        .collect();
    assert_eq!(
        channels,
        [
            (
                NotificationVia::Unknown("sms".to_owned()),
                NotificationFrequency::Unknown("Weekly".to_owned())
            ),
            (
                NotificationVia::Unknown("EMAIL".to_owned()),
                NotificationFrequency::Unknown("daily".to_owned())
            ),
        ],
    );
    assert_eq!(setting.channel(&NotificationVia::Email), None);
    assert!(settings[1].notification_type.is_empty());
}

#[test]
fn notification_type_empty_null_or_absent_decode_to_empty() {
    let mut json = common::value(GET_NOTIFICATION_SETTINGS);
    json[0]["notification_type"] = Value::Null;
    json[1]
        .as_object_mut()
        .expect("a setting is an object")
        .remove("notification_type");
    let settings: Vec<NotificationSetting> = serde_json::from_value(json).expect("decodes");
    assert!(settings[0].notification_type.is_empty());
    assert!(settings[1].notification_type.is_empty());
    assert_eq!(settings[2].notification_type.len(), 1);
}

#[test]
fn enabled_is_read_from_a_boolean_or_a_boolean_string() {
    for (sent, read) in [
        (json!(true), true),
        (json!(false), false),
        (json!("True"), true),
        (json!("true"), true),
        (json!("False"), false),
        (json!("false"), false),
    ] {
        let mut json = common::value(GET_NOTIFICATION_SETTINGS);
        json[0]["notification_type"][0]["enabled"] = sent.clone();
        let settings: Vec<NotificationSetting> = serde_json::from_value(json).expect("decodes");
        assert_eq!(settings[0].notification_type[0].enabled, read, "{sent}");

        let mut body = common::value(UPDATE_NOTIFICATION_SETTINGS);
        body["enabled"] = sent.clone();
        let update: NotificationSettingUpdate = serde_json::from_value(body).expect("decodes");
        assert_eq!(update.enabled, Some(read), "{sent}");
    }
    for bad in [json!("yes"), json!(1), json!("")] {
        let mut body = common::value(UPDATE_NOTIFICATION_SETTINGS);
        body["enabled"] = bad.clone();
        let err = serde_json::from_value::<NotificationSettingUpdate>(body).expect_err("bad");
        assert!(err.is_data(), "{bad}: {err}");
    }
}

// ---------------------------------------------------------------------------
// The update body: `uuid` and `notification_via` required, the changes
// optional (docs/spec-decisions.md, E-48).

#[test]
fn update_request_builds_the_documented_sample() {
    let update = NotificationSettingUpdate::new(
        "daf247dc-68c3-4ab8-93fc-024ae471bb91"
            .parse()
            .expect("valid"),
        NotificationVia::Dashboard,
    )
    .with_enabled(true)
    .with_frequency(NotificationFrequency::Daily);
    assert_eq!(update, common::decode(UPDATE_NOTIFICATION_SETTINGS));
}

#[test]
fn update_request_omits_unchanged_fields() {
    let update = NotificationSettingUpdate::new(
        "daf247dc-68c3-4ab8-93fc-024ae471bb91"
            .parse()
            .expect("valid"),
        NotificationVia::Email,
    );
    assert_eq!(
        serde_json::to_value(&update).expect("encodes"),
        json!({
            "uuid": "daf247dc-68c3-4ab8-93fc-024ae471bb91",
            "notification_via": "email",
        }),
    );
    let decoded: NotificationSettingUpdate =
        serde_json::from_value(serde_json::to_value(&update).expect("encodes")).expect("decodes");
    assert_eq!(decoded, update);
}

#[test]
fn update_request_requires_uuid_and_notification_via() {
    for member in ["uuid", "notification_via"] {
        let mut body = common::value(UPDATE_NOTIFICATION_SETTINGS);
        body.as_object_mut().expect("an object").remove(member);
        let err = serde_json::from_value::<NotificationSettingUpdate>(body).expect_err(member);
        assert!(err.to_string().contains(member), "{err}");
    }
    for member in ["enabled", "notification_frequency"] {
        let mut body = common::value(UPDATE_NOTIFICATION_SETTINGS);
        body.as_object_mut().expect("an object").remove(member);
        let update: NotificationSettingUpdate = serde_json::from_value(body).expect(member);
        assert!(update.enabled.is_none() || update.notification_frequency.is_none());
    }
}

#[test]
fn unknown_fields_are_ignored() {
    let mut json = common::value(GET_NOTIFICATION_SETTINGS);
    json[0]["created"] = Value::from("2018-04-06T01:12:09.804995Z");
    json[0]["notification_type"][0]["last_sent"] = Value::Null;
    json[0]["org_user"]["org_type"] = Value::from("RETAILER");
    let settings: Vec<NotificationSetting> = serde_json::from_value(json).expect("decodes");
    assert_eq!(
        settings,
        common::decode::<Vec<NotificationSetting>>(GET_NOTIFICATION_SETTINGS)
    );

    let mut json = common::value(GET_DASHBOARD_NOTIFICATIONS);
    json[0]["read"] = Value::Bool(false);
    let notifications: Vec<DashboardNotification> = serde_json::from_value(json).expect("decodes");
    assert_eq!(
        notifications,
        common::decode::<Vec<DashboardNotification>>(GET_DASHBOARD_NOTIFICATIONS)
    );
}
