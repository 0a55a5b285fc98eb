//! One user account: the demo entry, plus the user and the user's
//! notification settings as API objects.

use crux_types::{
    NotificationDomain, NotificationSetting, NotificationType, OrgUserRef, Permission,
    PermissionAssignments, PermissionEntry, PermissionId, PermissionVisibility, Person, User,
    UserId, UserStatus,
};

use crate::demo::notifications::SETTING_TEMPLATES;
use crate::demo::{DEMO_PERMISSIONS, DemoOrganization, DemoPermission, DemoUser};

/// One user account.
#[derive(Debug, Clone)]
pub(crate) struct Account {
    /// The demo entry (credentials, token, organization).
    pub(crate) demo: &'static DemoUser,
    /// The user's organization.
    pub(crate) org: &'static DemoOrganization,
    /// The user as Get All Users returns it, with the permissions as
    /// currently assigned.
    pub(crate) user: User,
    /// The user's notification settings, as currently set.
    pub(crate) settings: Vec<NotificationSetting>,
}

impl Account {
    /// Only `ACTIVE` users may log in or use their token.
    pub(crate) fn is_active(&self) -> bool {
        self.user.status == UserStatus::Active
    }

    /// Whether permission `name` is currently assigned to the user.
    pub(crate) fn has_permission(&self, name: &str) -> bool {
        self.user
            .permission_assignments
            .assigned()
            .any(|permission| permission.name == name)
    }

    /// Whether `id` is one of the permissions the user can be given (every
    /// permission visible to the organization type).
    pub(crate) fn can_hold(&self, id: PermissionId) -> bool {
        self.user
            .permission_assignments
            .permissions
            .iter()
            .any(|entry| entry.permission.uuid == id)
    }

    /// Marks the permissions `ids` assigned (or not); other ids are
    /// ignored.
    pub(crate) fn set_assigned(&mut self, ids: &[PermissionId], assigned: bool) {
        for entry in &mut self.user.permission_assignments.permissions {
            if ids.contains(&entry.permission.uuid) {
                entry.assigned = assigned;
            }
        }
    }

    /// Builds the account of a demo user; `None` if a UUID does not parse
    /// or the organization is unknown.
    pub(super) fn demo(demo: &'static DemoUser) -> Option<Self> {
        let org = demo.org()?;
        let uuid: UserId = demo.user_uuid.parse().ok()?;
        let permissions = DEMO_PERMISSIONS
            .iter()
            .filter(|permission| permission.visible_to(org.org_type))
            .map(|permission| {
                Some(PermissionEntry {
                    assigned: demo.has_permission(permission.name),
                    permission: api_permission(permission)?.into(),
                })
            })
            .collect::<Option<Vec<_>>>()?;
        let user = User {
            uuid,
            person: Person {
                uuid: demo.person_uuid.parse().ok()?,
                first_name: demo.first_name.to_owned(),
                last_name: demo.last_name.to_owned(),
                email: demo.username.to_owned(),
                phone: Some(demo.phone.to_owned()),
                job_title: None,
            },
            permission_assignments: PermissionAssignments {
                permissions,
                org_user: Some(OrgUserRef { uuid }),
            },
            status: UserStatus::from(demo.status),
        };
        Some(Self {
            demo,
            org,
            user,
            settings: settings(demo, uuid)?,
        })
    }
}

/// A catalogue permission as an API object; `None` if its UUID does not
/// parse.
pub(super) fn api_permission(permission: &DemoPermission) -> Option<Permission> {
    Some(Permission {
        uuid: permission.uuid.parse().ok()?,
        name: permission.name.to_owned(),
        display_name: permission.display_name.to_owned(),
        description: permission.description.to_owned(),
        visibility: Some(PermissionVisibility::from(permission.visibility)),
        grouping: Some(permission.grouping.to_owned()),
    })
}

/// The user's notification settings: one per template of the user's
/// organization, setting `KK` of user `UU` with UUID
/// `d0000008-0000-4000-8000-00000000UUKK`.
fn settings(demo: &DemoUser, uuid: UserId) -> Option<Vec<NotificationSetting>> {
    // `UU`: the last two digits of the user's UUID.
    let user_n = demo.user_uuid.get(34..)?;
    SETTING_TEMPLATES
        .iter()
        .filter(|template| template.organization == demo.organization)
        .map(|template| {
            Some(NotificationSetting {
                uuid: format!("d0000008-0000-4000-8000-00000000{user_n}{}", template.n)
                    .parse()
                    .ok()?,
                notification_name: template.name.to_owned(),
                notification_domain: NotificationDomain::from(template.domain),
                notification_type: template
                    .channels
                    .iter()
                    .map(|channel| NotificationType {
                        notification_via: channel.via.into(),
                        notification_frequency: channel.frequency.into(),
                        enabled: channel.enabled,
                    })
                    .collect(),
                org_user: OrgUserRef { uuid },
            })
        })
        .collect()
}
