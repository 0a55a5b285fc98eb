//! Login (Retrieve Auth Token).

use axum::Json;
use axum::extract::State;
use crux_types::{AuthToken, LoginResponse, OrgType};
use serde_json::{Map, Value};

use crate::error::{ApiError, BAD_CREDENTIALS};
use crate::json::{self, JsonBody};
use crate::state::{Account, AppState};

/// `POST /organizations/user-login/`: the demo user's token and account
/// data. A wrong password, an unknown username and a user who is not
/// `ACTIVE` all get the same 400, so the answer does not tell which
/// usernames exist.
pub(super) async fn login(
    State(state): State<AppState>,
    JsonBody(body): JsonBody<Value>,
) -> Result<Json<LoginResponse>, ApiError> {
    let (username, password) = credentials(&body)?;
    state.with_store(|store| {
        let account = store
            .by_username(&username)
            .filter(|account| account.demo.password == password && account.is_active())
            .ok_or_else(|| ApiError::bad_request(BAD_CREDENTIALS))?;
        response(account).map(Json)
    })
}

/// The `username` and `password` strings of the body, or a 400 naming
/// every bad field (DRF's messages).
fn credentials(body: &Value) -> Result<(String, String), ApiError> {
    let object = json::object(body)?;
    match (field(object, "username"), field(object, "password")) {
        (Ok(username), Ok(password)) => Ok((username, password)),
        (username, password) => {
            let problems: Vec<String> = [("username", username), ("password", password)]
                .into_iter()
                .filter_map(|(name, result)| result.err().map(|why| format!("{name}: {why}")))
                .collect();
            Err(ApiError::bad_request(problems.join(" ")))
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

/// The login response for `account`.
fn response(account: &Account) -> Result<LoginResponse, ApiError> {
    let internal = |_| ApiError::internal();
    let org = account.org;
    Ok(LoginResponse {
        auth_token: AuthToken::new(account.demo.token),
        org_uuid: org.org_uuid.parse().map_err(internal)?,
        user_uuid: account.user.uuid,
        retailer_uuid: optional_id(org.retailer_uuid).map_err(internal)?,
        supplier_uuid: optional_id(org.supplier_uuid).map_err(internal)?,
        org_type: OrgType::from(org.org_type),
        permission_assignments: account.user.permission_assignments.clone(),
    })
}

/// `""` as `None`, otherwise the parsed id.
fn optional_id<T: std::str::FromStr<Err = uuid::Error>>(
    text: &str,
) -> Result<Option<T>, uuid::Error> {
    if text.is_empty() {
        Ok(None)
    } else {
        text.parse().map(Some)
    }
}
