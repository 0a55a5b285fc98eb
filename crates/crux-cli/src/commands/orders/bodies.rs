//! The bodies of `crux orders fees`, `add-tracking` and `allocate`: from
//! flags for the common cases, or the whole body as JSON (`--json FILE|-`).

use std::{fmt, path::PathBuf, str::FromStr};

use clap::Args;
use crux_types::{
    AllocationUpdate, Decimal, FeeQuery, FeeSku, LineAllocation, LineItemAllocation, LineItemId,
    NewTracking, OrderId, TrackingLineItem,
};

use crate::{cli::parse_id, commands::body, exit::Failure};

/// A `KEY=N` argument: `CH-01-RED=3`, `<line item uuid>=2`.
pub(crate) fn parse_pair<K>(text: &str) -> Result<(K, u32), String>
where
    K: FromStr,
    K::Err: fmt::Display,
{
    let (key, n) = text
        .rsplit_once('=')
        .ok_or_else(|| "expected KEY=N, e.g. CH-01-RED=3".to_owned())?;
    let key = key.trim().parse::<K>().map_err(|e| e.to_string())?;
    let n = n
        .trim()
        .parse::<u32>()
        .map_err(|e| format!("not a quantity: {e}"))?;
    Ok((key, n))
}

/// `crux orders fees`: the SKUs and the shipping, or the body as JSON.
#[derive(Debug, Args)]
pub(crate) struct FeesArgs {
    /// A SKU and how many of it: `SKU_ID=QUANTITY` (the supplier's SKU code; repeatable)
    #[arg(long, value_name = "SKU_ID=N", required_unless_present = "json", value_parser = parse_pair::<String>)]
    sku: Vec<(String, u32)>,
    /// The shipping carrier asked for
    #[arg(long, value_name = "CARRIER")]
    shipping_carrier: Option<String>,
    /// The shipping method asked for
    #[arg(long, value_name = "METHOD")]
    shipping_method: Option<String>,
    /// The whole body as JSON (`FeeQuery`, with an address), from a file or - for standard input, instead of the flags
    #[arg(
        long,
        value_name = body::VALUE_NAME,
        value_parser = body::parse_path,
        conflicts_with_all = ["sku", "shipping_carrier", "shipping_method"]
    )]
    json: Option<PathBuf>,
}

impl FeesArgs {
    pub(super) fn body(self) -> Result<FeeQuery, Failure> {
        if let Some(path) = &self.json {
            return body::read_json(path, "fee query");
        }
        let skus = self
            .sku
            .into_iter()
            .map(|(sku_id, quantity)| FeeSku { sku_id, quantity });
        Ok(FeeQuery {
            skus: skus.collect(),
            shipping_carrier: self.shipping_carrier,
            shipping_method: self.shipping_method,
            ..FeeQuery::default()
        })
    }
}

/// `crux orders add-tracking ORDER`: one shipment, or the body as JSON.
#[derive(Debug, Args)]
pub(crate) struct TrackingArgs {
    /// The order's UUID
    #[arg(value_name = "ORDER_UUID", value_parser = parse_id::<OrderId>)]
    order: OrderId,
    /// The tracking number
    #[arg(long, value_name = "NUMBER", required_unless_present = "json")]
    tracking: Option<String>,
    /// A line shipped and how many of it: `LINE_ITEM_UUID=QUANTITY` (repeatable)
    #[arg(long, value_name = "LINE_ITEM_UUID=N", required_unless_present = "json", value_parser = parse_pair::<LineItemId>)]
    line_item: Vec<(LineItemId, u32)>,
    /// The carrier, e.g. UPS
    #[arg(long, required_unless_present = "json")]
    carrier: Option<String>,
    /// The shipping method, e.g. Ground
    #[arg(long, required_unless_present = "json")]
    method: Option<String>,
    /// What the shipment cost, in USD
    #[arg(long, value_name = "USD")]
    ship_cost: Option<Decimal>,
    /// Its weight, in lb
    #[arg(long, value_name = "LB")]
    weight: Option<Decimal>,
    /// The whole body as JSON (`NewTracking`), from a file or - for standard input, instead of the flags
    #[arg(
        long,
        value_name = body::VALUE_NAME,
        value_parser = body::parse_path,
        conflicts_with_all = ["tracking", "line_item", "carrier", "method", "ship_cost", "weight"]
    )]
    json: Option<PathBuf>,
}

impl TrackingArgs {
    pub(super) fn body(self) -> Result<(OrderId, NewTracking), Failure> {
        if let Some(path) = &self.json {
            return Ok((self.order, body::read_json(path, "tracking")?));
        }
        let lines = self
            .line_item
            .into_iter()
            .map(|(line, quantity)| TrackingLineItem {
                line_item_uuid: line,
                quantity,
                sku_cost: None,
            });
        let body = NewTracking {
            tracking: self.tracking.unwrap_or_default(),
            carrier: self.carrier.unwrap_or_default(),
            method: self.method.unwrap_or_default(),
            ship_cost: self.ship_cost,
            weight: self.weight,
            line_items: lines.collect(),
        };
        Ok((self.order, body))
    }
}

/// `crux orders allocate ORDER`: what becomes of each line, or the body as
/// JSON. A line named by a flag gets 0 for the quantities no flag gives.
#[derive(Debug, Args)]
pub(crate) struct AllocateArgs {
    /// The order's UUID
    #[arg(value_name = "ORDER_UUID", value_parser = parse_id::<OrderId>)]
    order: OrderId,
    /// Accept this many of a line: `LINE_ITEM_UUID=N` (repeatable)
    #[arg(
        long,
        value_name = "LINE_ITEM_UUID=N",
        value_parser = parse_pair::<LineItemId>,
        required_unless_present_any = ["reject", "backorder", "json"]
    )]
    accept: Vec<(LineItemId, u32)>,
    /// Reject this many of a line: `LINE_ITEM_UUID=N` (repeatable)
    #[arg(long, value_name = "LINE_ITEM_UUID=N", value_parser = parse_pair::<LineItemId>)]
    reject: Vec<(LineItemId, u32)>,
    /// Backorder this many of a line: `LINE_ITEM_UUID=N` (repeatable)
    #[arg(long, value_name = "LINE_ITEM_UUID=N", value_parser = parse_pair::<LineItemId>)]
    backorder: Vec<(LineItemId, u32)>,
    /// The whole body as JSON (`AllocationUpdate`), from a file or - for standard input, instead of the flags
    #[arg(
        long,
        value_name = body::VALUE_NAME,
        value_parser = body::parse_path,
        conflicts_with_all = ["accept", "reject", "backorder"]
    )]
    json: Option<PathBuf>,
}

impl AllocateArgs {
    pub(super) fn body(self) -> Result<(OrderId, AllocationUpdate), Failure> {
        if let Some(path) = &self.json {
            return Ok((self.order, body::read_json(path, "allocation")?));
        }
        // The lines in the order the flags first name them.
        let mut lines: Vec<(LineItemId, [u32; 3])> = Vec::new();
        let flags = [(0, &self.accept), (1, &self.reject), (2, &self.backorder)];
        for (slot, pairs) in flags {
            for &(line, n) in pairs {
                let at = match lines.iter().position(|(l, _)| *l == line) {
                    Some(at) => at,
                    None => {
                        lines.push((line, [0; 3]));
                        lines.len() - 1
                    }
                };
                lines[at].1[slot] += n;
            }
        }
        let lines =
            lines.into_iter().map(
                |(line, [accepted, rejected, backordered])| LineItemAllocation {
                    line_item_uuid: line,
                    allocation: LineAllocation::new(accepted, rejected, backordered),
                },
            );
        Ok((
            self.order,
            AllocationUpdate {
                line_items: lines.collect(),
            },
        ))
    }
}
