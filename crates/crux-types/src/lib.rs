//! Serde models of the CRUX Connect API.
