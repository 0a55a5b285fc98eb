//! The order world's ids: crux-types' typed ids, parsed from path text
//! with [`parse_id`](crate::store::products::parse_id).

pub(crate) use crux_types::{ConnectionRequestId as RequestId, IntegrationId, LineItemId, OrderId};
