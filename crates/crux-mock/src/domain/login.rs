//! `login`: a demo user's token and account data, for a username and
//! password.

use crux_types::{AuthToken, LoginResponse};
use serde_json::{Map, Value};

use super::{Body, DomainError, Outcome, fields};
use crate::store::Store;

/// DRF's login failure detail (wrong password, unknown or inactive user).
pub(crate) const BAD_CREDENTIALS: &str = "Unable to log in with provided credentials.";

/// `login`: the user's token and account data. A wrong password, an
/// unknown username and a user who is not `ACTIVE` are the same 400, so
/// the answer does not tell which usernames exist.
pub(crate) fn login(store: &Store, body: Body) -> Outcome<LoginResponse> {
    let (username, password) = credentials(&body?)?;
    let user = store
        .user_by_username(&username)
        .filter(|user| user.password == password && user.is_active())
        .ok_or_else(|| DomainError::invalid(BAD_CREDENTIALS))?;
    let org = store
        .organizations
        .get(&user.org)
        .ok_or(DomainError::Inconsistent("a user without organization"))?;
    Ok(LoginResponse {
        auth_token: AuthToken::new(user.token),
        org_uuid: user.org,
        user_uuid: user.user.uuid,
        retailer_uuid: org.retailer,
        supplier_uuid: org.supplier,
        org_type: org.org_type().clone(),
        permission_assignments: user.user.permission_assignments.clone(),
    })
}

/// The `username` and `password` strings of the body, or a 400 naming
/// every bad field (DRF's messages).
fn credentials(body: &Value) -> Outcome<(String, String)> {
    let object = fields::object(body)?;
    match (field(object, "username"), field(object, "password")) {
        (Ok(username), Ok(password)) => Ok((username, password)),
        (username, password) => {
            let problems: Vec<String> = [("username", username), ("password", password)]
                .into_iter()
                .filter_map(|(name, result)| result.err().map(|why| format!("{name}: {why}")))
                .collect();
            Err(DomainError::invalid(problems.join(" ")))
        }
    }
}

/// A required, non-blank string field.
fn field(object: &Map<String, Value>, name: &str) -> Result<String, &'static str> {
    match object.get(name) {
        None => Err("This field is required."),
        Some(Value::Null) => Err("This field may not be null."),
        Some(Value::String(text)) if text.is_empty() => Err("This field may not be blank."),
        Some(Value::String(text)) => Ok(text.clone()),
        Some(_) => Err("Not a valid string."),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::domain::testing::store;

    #[test]
    fn active_users_log_in_with_their_password() {
        let store = store();
        let ok = login(
            &store,
            Ok(json!({"username": "admin@supply.demo.example", "password": "supply-admin-pass"})),
        )
        .expect("logged in");
        assert_eq!(
            ok.auth_token.expose_secret(),
            "demosupplieradmin00000000000000000000005"
        );
        assert!(ok.retailer_uuid.is_none() && ok.supplier_uuid.is_some());

        let refused = |username: &str, password: &str| {
            login(
                &store,
                Ok(json!({"username": username, "password": password})),
            )
        };
        let bad = Err(DomainError::invalid(BAD_CREDENTIALS));
        assert_eq!(refused("admin@supply.demo.example", "wrong"), bad);
        assert_eq!(refused("nobody@example.com", "x"), bad);
        assert_eq!(
            refused("pending@supply.demo.example", "supply-pending-pass"),
            bad
        );
        assert_eq!(
            login(&store, Ok(json!({"username": "", "password": null}))),
            Err(DomainError::invalid(
                "username: This field may not be blank. password: This field may not be null."
            ))
        );
    }
}
