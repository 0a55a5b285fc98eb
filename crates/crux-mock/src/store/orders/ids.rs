//! The order world's ids: the mock's own newtypes over UUIDs, parsed from
//! path text with [`parse_id`](crate::store::products::parse_id).

use std::fmt;
use std::str::FromStr;

use uuid::Uuid;

macro_rules! local_id {
    ($($(#[$doc:meta])* $name:ident;)*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub(crate) struct $name(pub(crate) Uuid);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = uuid::Error;
            fn from_str(text: &str) -> Result<Self, uuid::Error> {
                Uuid::try_parse(text).map(Self)
            }
        }
    )*};
}

local_id! {
    /// An order.
    OrderId;
    /// A line item of an order.
    LineItemId;
    /// A connection request.
    RequestId;
    /// An integration of a connection request.
    IntegrationId;
}
