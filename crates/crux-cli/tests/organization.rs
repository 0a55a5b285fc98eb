//! `crux organization get`, end to end against `crux-mock`.
// Without the `mock` feature, the tests of `--mock` are left out, and so
// is what only they use.
#![cfg_attr(not(feature = "mock"), allow(unused_imports, dead_code))]

mod common;

use common::{Sandbox, crux, json, success, supply_admin};
use crux_types::{OrgType, Organization};

#[cfg(feature = "mock")]
#[test]
fn organization_get_table_and_json() {
    let run = success(crux().args(["--mock", "organization", "get"]));
    insta::assert_snapshot!("organization_get_table", run.stdout);
    let run = success(crux().args(["--mock", "organization", "get", "-o", "json"]));
    insta::assert_snapshot!("organization_get_json", run.stdout);
    let organization: Organization = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(organization.org_type, OrgType::Retailer);
}

#[test]
fn each_user_sees_their_own_organization() {
    let sandbox = Sandbox::start();
    let admin = supply_admin();
    let organization: Organization = json(sandbox.crux_as(admin).args(["organization", "get"]));
    assert_eq!(organization.name, admin.organization);
    assert_eq!(organization.org_type, OrgType::Supplier);
    let run = success(sandbox.crux_as(admin).args(["organization", "get"]));
    assert!(
        run.stdout
            .starts_with(&format!("UUID             {}\n", organization.uuid)),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("\nTYPE             SUPPLIER\n"),
        "{}",
        run.stdout
    );
}
