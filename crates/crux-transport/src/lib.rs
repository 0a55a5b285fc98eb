//! Pluggable HTTP transport for crux-rs.
