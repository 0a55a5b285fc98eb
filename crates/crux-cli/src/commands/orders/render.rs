//! How orders, fees and allocation results print.

use std::io::{self, Write};

use crate::{
    commands::{
        billing::usd,
        product::{count, date, money, text},
    },
    output::{Fields, NONE, Render, Table},
};
use crux_types::{AllocationResult, Fees, LineItem, Order};

/// The columns of a list of orders.
pub(super) const HEADERS: [&str; 6] = [
    "UUID",
    "PO NUMBER",
    "CREATED",
    "RETAILER",
    "LINES",
    "ALLOCATED",
];

fn yes_no(value: bool) -> String {
    if value { "yes" } else { "no" }.to_owned()
}

/// The cells of an order's row, under [`HEADERS`].
pub(super) fn row(order: &Order) -> [String; 6] {
    let or_dash = |value: &str| if value.trim().is_empty() { NONE } else { value }.to_owned();
    [
        order.uuid.to_string(),
        or_dash(text(order.purchase_order_id.as_ref())),
        date(&order.created_date),
        or_dash(text(order.retailer.as_ref().and_then(|r| r.name.as_ref()))),
        order.line_items.len().to_string(),
        yes_no(order.is_allocated),
    ]
}

/// A table of `orders`.
pub(super) fn table<'a>(orders: impl IntoIterator<Item = &'a Order>) -> Table {
    let mut table = Table::new(&HEADERS);
    for order in orders {
        table.row(row(order));
    }
    table
}

/// The order's fields, then its lines, then its tracking numbers.
impl Render for Order {
    fn table(&self, out: &mut dyn Write) -> io::Result<()> {
        let retailer = self.retailer.as_ref();
        let user = retailer.and_then(|r| r.user.as_ref());
        let shipping = self.requested_shipping.as_ref();
        let address = self.address.as_ref().map(|a| {
            let parts = [
                &a.name,
                &a.business_name,
                &a.address1,
                &a.address2,
                &a.city,
                &a.state,
                &a.postal_code,
                &a.country,
            ];
            let parts: Vec<&str> = parts
                .iter()
                .filter_map(|p| p.as_deref().map(str::trim))
                .filter(|p| !p.is_empty())
                .collect();
            parts.join(", ")
        });
        let fees = self.fees.as_ref();
        let mut fields = Fields::new();
        fields
            .field("UUID", self.uuid.to_string())
            .field("PO NUMBER", text(self.purchase_order_id.as_ref()))
            .field("STATUS", text(self.status.as_ref()))
            .field("CREATED", date(&self.created_date))
            .field("RETAILER", text(retailer.and_then(|r| r.name.as_ref())))
            .field("ORDERED BY", text(user.and_then(|u| u.email.as_ref())))
            .field("ALLOCATED", yes_no(self.is_allocated))
            .field("SHIP TO", address.unwrap_or_default())
            .field(
                "CARRIER",
                text(shipping.and_then(|s| s.shipping_carrier.as_ref())),
            )
            .field(
                "METHOD",
                text(shipping.and_then(|s| s.shipping_method.as_ref())),
            )
            .field("NOTES", text(self.notes.as_ref()))
            .field("SHIPPING", money(fees.map(|f| f.estimated_shipping_cost)))
            .field("DROP SHIP FEE", money(fees.map(|f| f.drop_ship_fee)))
            .field("ORDER FEE", money(fees.map(|f| f.order_fee)));
        fields.write_to(out)?;
        if self.line_items.is_empty() {
            return Ok(());
        }
        writeln!(out)?;
        lines(&self.line_items).write_to(out)?;
        let tracking = tracking(&self.line_items);
        if tracking.is_empty() {
            return Ok(());
        }
        writeln!(out)?;
        tracking.write_to(out)
    }
}

/// LINE ITEM, SKU ID, SUPPLIER, STATUS, COST, ORDERED, ALLOCATED,
/// BACKORDERED, REJECTED.
fn lines(lines: &[LineItem]) -> Table {
    let headers = [
        "LINE ITEM",
        "SKU ID",
        "SUPPLIER",
        "STATUS",
        "COST",
        "ORDERED",
        "ALLOCATED",
        "BACKORDERED",
        "REJECTED",
    ];
    let mut table = Table::new(&headers);
    for line in lines {
        let a = line.allocation.as_ref();
        table.row([
            line.uuid.to_string(),
            text(line.sku_id.as_ref()).to_owned(),
            text(line.supplier_name.as_ref()).to_owned(),
            line.status.to_string(),
            money(line.cost),
            count(a.map(|a| a.quantity_ordered)),
            count(a.map(|a| a.quantity_allocated)),
            count(a.map(|a| a.quantity_backordered)),
            count(a.map(|a| a.quantity_rejected)),
        ]);
    }
    table
}

/// The tracking numbers of every line: TRACKING NUMBER, SKU ID, CARRIER,
/// METHOD, QUANTITY, SHIPPED; empty when there are none.
fn tracking(lines: &[LineItem]) -> Tracking {
    let headers = [
        "TRACKING NUMBER",
        "SKU ID",
        "CARRIER",
        "METHOD",
        "QUANTITY",
        "SHIPPED",
    ];
    let mut table = Table::new(&headers);
    let mut rows = 0;
    for line in lines {
        for number in &line.tracking_numbers {
            rows += 1;
            table.row([
                text(number.tracking_number.as_ref()).to_owned(),
                text(line.sku_id.as_ref()).to_owned(),
                text(number.shipping_carrier.as_ref()).to_owned(),
                text(number.shipping_method.as_ref()).to_owned(),
                count(number.quantity),
                text(number.shipping_date.as_ref()).to_owned(),
            ]);
        }
    }
    Tracking { table, rows }
}

/// A table that may have no rows.
struct Tracking {
    table: Table,
    rows: usize,
}

impl Tracking {
    fn is_empty(&self) -> bool {
        self.rows == 0
    }

    fn write_to(&self, out: &mut dyn Write) -> io::Result<()> {
        self.table.write_to(out)
    }
}

/// ESTIMATED SHIPPING, DROP SHIP FEE, ORDER FEE.
impl Render for Fees {
    fn table(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut fields = Fields::new();
        fields
            .field("ESTIMATED SHIPPING", usd(self.estimated_shipping_cost))
            .field("DROP SHIP FEE", usd(self.drop_ship_fee))
            .field("ORDER FEE", usd(self.order_fee));
        fields.write_to(out)
    }
}

/// LINE ITEM, STATUS: what each line became.
impl Render for AllocationResult {
    fn table(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut table = Table::new(&["LINE ITEM", "STATUS"]);
        for (line, status) in self.lines() {
            table.row([line.to_string(), status.to_string()]);
        }
        table.write_to(out)
    }
}
