//! [`Done`]: what a call that answers nothing (a cancel, tracking added, a
//! connection request updated) prints.

use std::{
    fmt,
    io::{self, Write},
};

use serde::Serialize;
use serde_json::{Map, Value, json};

use crate::output::{NONE, Render};

/// What a call that answers nothing did: one line (`cancelled order
/// <uuid>`), or with `-o json` what was sent: `{"order_uuid": ..., "action":
/// "cancel"}`.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub(crate) struct Done {
    json: Map<String, Value>,
    #[serde(skip)]
    line: String,
}

impl Done {
    fn new(line: String, json: Value) -> Self {
        let json = json.as_object().cloned().unwrap_or_default();
        Self { json, line }
    }

    pub(crate) fn cancelled_order(order: impl fmt::Display) -> Self {
        let json = json!({"order_uuid": order.to_string(), "action": "cancel"});
        Self::new(format!("cancelled order {order}"), json)
    }

    pub(crate) fn cancelled_line(line: impl fmt::Display) -> Self {
        let json = json!({"line_item_uuid": line.to_string(), "action": "cancel_item"});
        Self::new(format!("cancelled line item {line}"), json)
    }

    pub(crate) fn updated_request(request: impl fmt::Display, update: &impl Serialize) -> Self {
        let json = json!({
            "request_uuid": request.to_string(), "action": "update_request", "update": update
        });
        Self::new(format!("updated connection request {request}"), json)
    }

    pub(crate) fn tracked(order: impl fmt::Display, tracking: &impl Serialize) -> Self {
        let json = json!({
            "order_uuid": order.to_string(), "action": "add_tracking", "tracking": tracking
        });
        let number = json["tracking"]["tracking"]
            .as_str()
            .unwrap_or(NONE)
            .to_owned();
        Self::new(format!("added tracking {number} to order {order}"), json)
    }
}

/// `cancelled order <uuid>`.
impl Render for Done {
    fn table(&self, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "{}", self.line)
    }
}
