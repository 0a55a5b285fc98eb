//! `crux items search --all` takes the items from crux-api's page stream,
//! `client.items().search_all(..)`, which walks the pages (where each
//! starts, when to stop, whatever `limit` means: docs/architecture.md,
//! "Pagination").

use std::{future::poll_fn, ops::ControlFlow, pin::pin};

use crux_api::types::endpoint::ITEMS_SEARCH;
use crux_types::{Item, ItemSearch};
use futures_core::Stream;

use crate::{commands::Session, exit::Failure};

/// Calls `on_item` with every item `search` finds, from the first, as each
/// page arrives, in the server's order, until `on_item` breaks. A page that
/// fails ends the walk with its error, explained as any failed search is.
pub(super) async fn each_item(
    s: &Session,
    search: &ItemSearch,
    mut on_item: impl FnMut(Item) -> Result<ControlFlow<()>, Failure>,
) -> Result<(), Failure> {
    let mut items = pin!(s.client().items().search_all(search));
    while let Some(item) = poll_fn(|cx| items.as_mut().poll_next(cx)).await {
        let item = item.map_err(|error| s.fail(&ITEMS_SEARCH, &error))?;
        if on_item(item)?.is_break() {
            break;
        }
    }
    Ok(())
}
