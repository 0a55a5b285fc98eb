//! `crux items search --all` walks the pages here, with
//! `client.items().search()`, one page at a time. This file is the one
//! place that pages: `client.items().search_all(..)` (crux-api's page
//! stream) replaces it once crux-api has it.

use std::ops::ControlFlow;

use crux_api::types::endpoint::ITEMS_SEARCH;
use crux_types::{Item, ItemId, ItemSearch, PageRequest};

use crate::{
    commands::Session,
    exit::{Exit, Failure},
};

/// Calls `on_item` with every item `search` finds (its `pagination`: the
/// first result and the page size), page after page, in the server's
/// order, until `on_item` breaks. See [`Walk`] for where pages start and
/// when the walk ends.
pub(super) async fn each_item(
    s: &Session,
    mut search: ItemSearch,
    mut on_item: impl FnMut(Item) -> Result<ControlFlow<()>, Failure>,
) -> Result<(), Failure> {
    let page = search.pagination.unwrap_or_default();
    let mut walk = Walk::new(page.start.unwrap_or(0), page.limit.unwrap_or(100));
    loop {
        search.pagination = Some(walk.request());
        let request = s.client().items().search(&search);
        let found = s.call(&ITEMS_SEARCH, request).await?;
        let received = u32::try_from(found.items.len()).unwrap_or(u32::MAX);
        let first = found.items.first().map(|item| item.uuid);
        let total = found.pagination.total_count;
        for item in found.items {
            if on_item(item)?.is_break() {
                return Ok(());
            }
        }
        if !walk.advance(received, total, first)? {
            return Ok(());
        }
    }
}

/// Where the next page starts and when to stop, whatever `limit` means
/// (docs/spec-decisions.md, E-37: a page size, or the index where the page
/// ends, exclusive or inclusive).
///
/// Each page starts where the last one ended: its `start` plus the number
/// of items it brought, so no reading skips or repeats an item. `limit` is
/// sent as the page size until a page comes back empty before
/// `total_count`, which only an end index explains; from then on it is
/// sent as `start + size`. The walk stops at `total_count`, on an empty
/// page (after that switch), and with an error on a page that begins with
/// the same item as the page before (a server that ignores `start`).
#[derive(Debug)]
struct Walk {
    start: u32,
    size: u32,
    end_index: bool,
    last_first: Option<ItemId>,
}

impl Walk {
    fn new(start: u32, size: u32) -> Self {
        Self {
            start,
            size: size.max(1),
            end_index: false,
            last_first: None,
        }
    }

    /// The pagination of the next page.
    fn request(&self) -> PageRequest {
        let limit = if self.end_index {
            self.start.saturating_add(self.size)
        } else {
            self.size
        };
        PageRequest::new(self.start, limit)
    }

    /// Takes in a page of `received` items, starting with `first`, of
    /// `total`; says whether to ask for another.
    fn advance(
        &mut self,
        received: u32,
        total: Option<u32>,
        first: Option<ItemId>,
    ) -> Result<bool, Failure> {
        if received == 0 {
            let before_total = total.is_some_and(|t| self.start < t);
            let retry = before_total && !self.end_index;
            self.end_index |= retry;
            return Ok(retry);
        }
        if first.is_some() && first == self.last_first {
            let message = format!(
                "the server sent the same page again for start {}: stopped",
                self.start
            );
            return Err(Failure::new(Exit::Server, message));
        }
        self.last_first = first;
        self.start = self.start.saturating_add(received);
        Ok(total.is_none_or(|t| self.start < t))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// How many items a server holding `total` sends for `(start, limit)`,
    /// for each reading of `limit`.
    fn served(reading: usize, start: u32, limit: u32, total: u32) -> u32 {
        let end = match reading {
            0 => start.saturating_add(limit),
            1 => limit,
            _ => limit.saturating_add(1),
        };
        end.min(total).saturating_sub(start)
    }

    fn id(n: u32) -> ItemId {
        format!("d0000022-0000-4000-8000-{n:012}").parse().unwrap()
    }

    #[test]
    fn every_item_once_under_each_reading_of_limit() {
        for reading in 0..3 {
            for (start, size, total) in [(0, 100, 1050), (0, 7, 20), (5, 100, 250), (0, 10, 0)] {
                let mut walk = Walk::new(start, size);
                let (mut seen, mut requests) = (start, 0);
                loop {
                    requests += 1;
                    assert!(requests < 1000, "{reading}: runaway");
                    let PageRequest {
                        start: Some(at),
                        limit: Some(limit),
                    } = walk.request()
                    else {
                        panic!("no pagination");
                    };
                    assert_eq!(at, seen, "{reading}: a skip or a repeat");
                    let n = served(reading, at, limit, total);
                    seen += n;
                    if !walk.advance(n, Some(total), Some(id(at))).unwrap() {
                        break;
                    }
                }
                assert_eq!(seen, total.max(start), "reading {reading}, size {size}");
            }
        }
    }

    #[test]
    fn a_repeated_page_is_an_error() {
        let mut walk = Walk::new(0, 10);
        assert!(walk.advance(10, None, Some(id(1))).unwrap());
        let failure = walk.advance(10, None, Some(id(1))).unwrap_err();
        assert_eq!(failure.exit(), Exit::Server);
        assert!(
            failure.message().contains("same page"),
            "{}",
            failure.message()
        );
    }
}
