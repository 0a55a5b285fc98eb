//! Typed async client for the CRUX Connect API.
