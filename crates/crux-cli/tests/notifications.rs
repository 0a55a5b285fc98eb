//! `crux notifications list|settings|update-settings`, end to end against `crux-mock`.
// Without the `mock` feature, the tests of `--mock` are left out, and so
// is what only they use.
#![cfg_attr(not(feature = "mock"), allow(unused_imports, dead_code))]

mod common;

use common::{Sandbox, crux, failure, json, retail_admin, retail_buyer, retail_viewer, success};
use crux_types::{
    DashboardNotification, NotificationFrequency, NotificationSetting, NotificationVia,
};

#[cfg(feature = "mock")]
#[test]
fn notifications_list_table_and_settings_json() {
    let run = success(crux().args(["--mock", "notifications", "list"]));
    insta::assert_snapshot!("notifications_list_table", run.stdout);
    let notifications: Vec<DashboardNotification> =
        json(crux().args(["--mock", "notifications", "list"]));
    assert_eq!(run.stdout.lines().count(), notifications.len() + 1);

    let run = success(crux().args(["--mock", "notifications", "settings", "-o", "json"]));
    insta::assert_snapshot!("notifications_settings_json", run.stdout);
    let run = success(crux().args(["--mock", "notifications", "settings"]));
    insta::assert_snapshot!("notifications_settings_table", run.stdout);
}

/// The `via` channel of setting `uuid`, as `notifications settings` shows it.
fn channel(sandbox: &Sandbox, uuid: &str, via: &NotificationVia) -> (bool, NotificationFrequency) {
    let settings: Vec<NotificationSetting> = json(
        sandbox
            .crux_as(retail_admin())
            .args(["notifications", "settings"]),
    );
    let setting = settings
        .iter()
        .find(|s| s.uuid.to_string() == uuid)
        .unwrap();
    let channel = setting.channel(via).unwrap();
    (channel.enabled, channel.notification_frequency.clone())
}

#[test]
fn update_settings_then_settings_shows_it() {
    let sandbox = Sandbox::start();
    let admin = retail_admin();
    let settings: Vec<NotificationSetting> =
        json(sandbox.crux_as(admin).args(["notifications", "settings"]));
    let setting = settings
        .iter()
        .find(|s| s.channel(&NotificationVia::Email).is_some())
        .unwrap();
    let uuid = setting.uuid.to_string();
    let (enabled, _) = channel(&sandbox, &uuid, &NotificationVia::Email);

    let flipped = (!enabled).to_string();
    let run = success(sandbox.crux_as(admin).args([
        "notifications",
        "update-settings",
        &uuid,
        "--via",
        "email",
        "--enabled",
        &flipped,
        "--frequency",
        "twice-a-day",
    ]));
    assert_eq!(
        run.stdout,
        format!(
            "updated notification setting {uuid} (email): enabled={flipped}, frequency=Twice a day\n"
        )
    );
    assert_eq!(
        channel(&sandbox, &uuid, &NotificationVia::Email),
        (!enabled, NotificationFrequency::TwiceADay)
    );

    // Only the frequency, spelled as the API does; JSON shows what was sent.
    let update: serde_json::Value = json(sandbox.crux_as(admin).args([
        "notifications",
        "update-settings",
        &uuid,
        "--via=email",
        "--frequency",
        "Real-time",
    ]));
    assert_eq!(
        update,
        serde_json::json!({
            "uuid": uuid,
            "notification_via": "email",
            "notification_frequency": "Real-time",
        })
    );
    assert_eq!(
        channel(&sandbox, &uuid, &NotificationVia::Email),
        (!enabled, NotificationFrequency::RealTime)
    );
}

#[cfg(feature = "mock")]
#[test]
fn update_settings_needs_a_change_and_valid_values() {
    let uuid = "d0000008-0000-4000-8000-000000000101";
    for args in [
        &["notifications", "update-settings", uuid, "--via", "email"][..],
        &[
            "notifications",
            "update-settings",
            uuid,
            "--enabled",
            "true",
        ],
        &[
            "notifications",
            "update-settings",
            uuid,
            "--via",
            "sms",
            "--enabled",
            "true",
        ],
        &[
            "notifications",
            "update-settings",
            uuid,
            "--via",
            "email",
            "--enabled",
            "yes",
        ],
        &[
            "notifications",
            "update-settings",
            uuid,
            "--via",
            "email",
            "--frequency",
            "hourly",
        ],
        &[
            "notifications",
            "update-settings",
            "nope",
            "--via",
            "email",
            "--enabled",
            "true",
        ],
    ] {
        let run = common::run(crux().arg("--mock").args(args));
        assert_eq!(run.code, Some(2), "{args:?}: {run:#?}");
    }
}

#[test]
fn missing_permissions_exit_4() {
    let sandbox = Sandbox::start();
    // The viewer has no view_notifications_settings.
    let line = failure(
        sandbox
            .crux_as(retail_viewer())
            .args(["notifications", "settings"]),
        4,
    );
    assert!(line.contains("view_notifications_settings"), "{line}");
    // Everyone sees their dashboard.
    success(
        sandbox
            .crux_as(retail_buyer())
            .args(["notifications", "list"]),
    );
}

#[cfg(feature = "mock")]
#[test]
fn a_channel_the_setting_lacks_is_rejected_with_exit_7() {
    let settings: Vec<NotificationSetting> =
        json(crux().args(["--mock", "notifications", "settings"]));
    let email_only = settings
        .iter()
        .find(|s| s.channel(&NotificationVia::Dashboard).is_none())
        .unwrap()
        .uuid
        .to_string();
    let line = failure(
        crux().args([
            "--mock",
            "notifications",
            "update-settings",
            &email_only,
            "--via",
            "dashboard",
            "--enabled",
            "true",
        ]),
        7,
    );
    assert!(
        line.starts_with("error: the server rejected the request") && line.contains("400"),
        "{line}"
    );
}
