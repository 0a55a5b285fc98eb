//! `--all`: every page of a paginated list, from crux-api's page stream
//! (`search_all`, `requests_all`, `suppliers_all`, which walk the pages:
//! docs/architecture.md, "Pagination"), each item printed as it arrives
//! ([`Rows`]).

mod rows;

use std::{future::poll_fn, ops::ControlFlow, pin::pin};

use crux_api::types::endpoint::Endpoint;
use futures_core::Stream;
use serde::Serialize;

pub(crate) use self::rows::Columns;
use self::rows::Rows;
use crate::{commands::Session, exit::Failure};

/// Prints every item of `items`, a page stream of `endpoint`, as it
/// arrives: a table row under `columns`, or with `-o json` one JSON object
/// per line. A page that fails ends the walk with its error, explained as
/// any failed call of `endpoint` is; a closed stdout ends it quietly.
pub(crate) async fn print_all<T: Serialize>(
    s: &Session,
    endpoint: &'static Endpoint,
    items: impl Stream<Item = Result<T, crux_api::Error>>,
    columns: &Columns<T>,
) -> Result<(), Failure> {
    let mut rows = Rows::new(s.format(), columns);
    let mut items = pin!(items);
    while let Some(item) = poll_fn(|cx| items.as_mut().poll_next(cx)).await {
        let item = item.map_err(|error| s.fail(endpoint, &error))?;
        if let ControlFlow::Break(()) = rows.item(&item)? {
            break;
        }
    }
    rows.finish()
}

/// Which of the results a page of `n` of them, from `start`, holds, of
/// `total`: `orders 1 to 25 of 240; next page: --start 25`.
pub(crate) fn position(noun: &str, n: usize, start: Option<u32>, total: Option<u32>) -> String {
    let n = u32::try_from(n).unwrap_or(u32::MAX);
    let start = start.unwrap_or(0);
    let end = start.saturating_add(n);
    let of = total.map(|t| format!(" of {t}")).unwrap_or_default();
    match total {
        _ if n == 0 => format!("no {noun} on this page{of}"),
        Some(total) if end < total => {
            format!(
                "{noun} {} to {end}{of}; next page: --start {end}",
                start.saturating_add(1)
            )
        }
        _ => format!("{noun} {} to {end}{of}", start.saturating_add(1)),
    }
}

#[cfg(test)]
mod tests {
    use super::position;

    #[test]
    fn the_position_line() {
        let next = "items 1 to 25 of 240; next page: --start 25";
        assert_eq!(position("items", 25, None, Some(240)), next);
        let last = position("orders", 5, Some(235), Some(240));
        assert_eq!(last, "orders 236 to 240 of 240");
        assert_eq!(position("items", 5, Some(10), None), "items 11 to 15");
        let empty = position("items", 0, Some(240), Some(3));
        assert_eq!(empty, "no items on this page of 3");
    }
}
