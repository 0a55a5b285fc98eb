//! Each organization's subscription, payment method and billing
//! transactions. Amounts are decimal strings and dates `YYYY-MM-DD`, as the
//! accounting pages send them.

/// An organization's billing data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DemoBilling {
    /// `Subscription` (Get Subscription).
    pub(crate) subscription: DemoSubscription,
    /// `PaymentMethod` (Get Payment Methods).
    pub(crate) payment_method: DemoPaymentMethod,
    /// `Transaction`s (Get Transactions), oldest first.
    pub(crate) transactions: &'static [DemoTransaction],
}

/// A `Subscription`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DemoSubscription {
    pub(crate) plan_name: &'static str,
    pub(crate) available_add_ons: &'static [&'static str],
    pub(crate) plan_features: &'static [&'static str],
    pub(crate) plan_add_ons: &'static [&'static str],
    /// `next_bill_plan`: bill date, amount, start date, end date. The card
    /// is the payment method's.
    pub(crate) next_bill: (&'static str, &'static str, &'static str, &'static str),
}

/// A `PaymentMethod`: a card from the card networks' public test numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DemoPaymentMethod {
    pub(crate) payment_type: &'static str,
    pub(crate) card_number: &'static str,
    pub(crate) card_expiration: &'static str,
    pub(crate) address: &'static str,
}

/// A `Transaction`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DemoTransaction {
    pub(crate) transaction_id: &'static str,
    pub(crate) statement_date: &'static str,
    /// `None` for a transaction not paid yet (the field is left out).
    pub(crate) payment_date: Option<&'static str>,
    pub(crate) total: &'static str,
    pub(crate) status: &'static str,
}

/// A transaction entry.
const fn transaction(
    transaction_id: &'static str,
    statement_date: &'static str,
    payment_date: Option<&'static str>,
    total: &'static str,
    status: &'static str,
) -> DemoTransaction {
    DemoTransaction {
        transaction_id,
        statement_date,
        payment_date,
        total,
        status,
    }
}

/// The retailer's billing data.
pub(crate) const RETAIL_BILLING: DemoBilling = DemoBilling {
    subscription: DemoSubscription {
        plan_name: "Retailer Growth",
        available_add_ons: &["Retailer Enterprise", "Dropship Analytics"],
        plan_features: &["Unlimited suppliers", "Inventory lists", "Order API"],
        plan_add_ons: &["Priority Support"],
        next_bill: ("2024-07-01", "149.00", "2024-01-01", "2024-12-31"),
    },
    payment_method: DemoPaymentMethod {
        payment_type: "CREDIT CARD",
        card_number: "4111111111111111",
        card_expiration: "2027-12-31",
        address: "100 Demo Retail Way\nSpringfield, IL 62701",
    },
    transactions: &[
        transaction(
            "100000001",
            "2024-03-01",
            Some("2024-03-05"),
            "149.00",
            "paid",
        ),
        transaction(
            "100000002",
            "2024-04-01",
            Some("2024-04-03"),
            "149.00",
            "paid",
        ),
        transaction(
            "100000003",
            "2024-05-01",
            Some("2024-05-06"),
            "172.50",
            "paid",
        ),
        transaction("100000004", "2024-06-01", None, "149.00", "due"),
    ],
};

/// The supplier's billing data.
pub(crate) const SUPPLY_BILLING: DemoBilling = DemoBilling {
    subscription: DemoSubscription {
        plan_name: "Supplier Standard",
        available_add_ons: &["Supplier Premium"],
        plan_features: &["Catalogs", "Discovery listing", "Order allocation API"],
        plan_add_ons: &[],
        next_bill: ("2024-07-15", "99.00", "2024-01-15", "2025-01-14"),
    },
    payment_method: DemoPaymentMethod {
        payment_type: "CREDIT CARD",
        card_number: "378282246310005",
        card_expiration: "2028-06-30",
        address: "200 Demo Supply Road\nLehi, UT 84043",
    },
    transactions: &[
        transaction(
            "200000001",
            "2024-04-15",
            Some("2024-04-16"),
            "99.00",
            "paid",
        ),
        transaction(
            "200000002",
            "2024-05-15",
            Some("2024-05-20"),
            "99.00",
            "paid",
        ),
        transaction("200000003", "2024-06-15", None, "99.00", "due"),
    ],
};

/// The second supplier's billing data.
pub(crate) const FARAWAY_BILLING: DemoBilling = DemoBilling {
    subscription: DemoSubscription {
        plan_name: "Supplier Standard",
        available_add_ons: &["Supplier Premium"],
        plan_features: &["Catalogs", "Discovery listing", "Order allocation API"],
        plan_add_ons: &[],
        next_bill: ("2024-07-20", "99.00", "2024-06-20", "2025-06-19"),
    },
    payment_method: DemoPaymentMethod {
        payment_type: "CREDIT CARD",
        card_number: "5555555555554444",
        card_expiration: "2029-01-31",
        address: "300 Faraway Dock\nPortland, ME 04101",
    },
    transactions: &[
        transaction(
            "300000001",
            "2024-05-20",
            Some("2024-05-21"),
            "99.00",
            "paid",
        ),
        transaction("300000002", "2024-06-20", None, "99.00", "due"),
    ],
};
