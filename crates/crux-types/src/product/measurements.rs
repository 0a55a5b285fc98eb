//! A SKU's weight and dimensions, each with its unit.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The `measurements` of a SKU: the SKU itself and its package.
///
/// The docs describe the two measurement objects but never name these two
/// keys; the samples do.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SkuMeasurements {
    /// The SKU's own measurements (the `measurements_sku` include).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sku: Option<Measurements>,
    /// The packaged SKU's measurements (the `measurements_package` include).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub package: Option<Measurements>,
}

/// Weight and dimensions, each with its unit. Any field may be `null`
/// (docs/spec-decisions.md, E-28).
///
/// Values are exact decimals, read from a number or a decimal string and
/// written as the decimal string (docs/spec-decisions.md, E-07). The docs
/// name a default unit (`g`, `cm`) for a missing unit, but the SDK does not
/// apply it: a unit is only what the API sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Measurements {
    /// The unit of [`weight`](Self::weight).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight_units: Option<WeightUnit>,
    /// The weight, in [`weight_units`](Self::weight_units).
    #[serde(
        default,
        with = "crate::money::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub weight: Option<Decimal>,
    /// The unit of the three dimensions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dimension_units: Option<DimensionUnit>,
    /// The length, in [`dimension_units`](Self::dimension_units).
    #[serde(
        default,
        with = "crate::money::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub length: Option<Decimal>,
    /// The width, in [`dimension_units`](Self::dimension_units).
    #[serde(
        default,
        with = "crate::money::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub width: Option<Decimal>,
    /// The height, in [`dimension_units`](Self::dimension_units).
    #[serde(
        default,
        with = "crate::money::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub height: Option<Decimal>,
}

string_enum! {
    /// The unit of a weight (`weight_units`). The docs call `g` the default.
    pub enum WeightUnit {
        /// Grams.
        Gram = "g",
        /// Kilograms.
        Kilogram = "kg",
        /// Pounds.
        Pound = "lb",
        /// Ounces.
        Ounce = "oz",
    }
}

string_enum! {
    /// The unit of a length, width or height (`dimension_units`). The docs
    /// call `cm` the default.
    pub enum DimensionUnit {
        /// Centimetres.
        Centimetre = "cm",
        /// Metres.
        Metre = "m",
        /// Inches.
        Inch = "in",
        /// Feet.
        Foot = "ft",
    }
}
