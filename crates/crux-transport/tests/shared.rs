//! Compile-time guarantees of the public types.

use crux_transport::{SharedTransport, TransportError};

fn assert_send_sync_clone<T: Send + Sync + Clone + 'static>() {}
fn assert_send_sync<T: Send + Sync + 'static>() {}

/// What `crux-api`'s `ClientBuilder::transport` accepts.
#[cfg(any(feature = "hyper", feature = "test-util"))]
fn accepts_transport(transport: impl Into<SharedTransport>) -> SharedTransport {
    transport.into()
}

#[test]
fn shared_transport_is_send_sync_clone() {
    assert_send_sync_clone::<SharedTransport>();
    assert_send_sync::<TransportError>();
}

#[cfg(feature = "hyper")]
#[test]
fn hyper_transport_is_send_sync_clone_and_converts() {
    assert_send_sync_clone::<crux_transport::HyperTransport>();
    assert_send_sync_clone::<crux_transport::HyperTransportBuilder>();
    let shared = accepts_transport(crux_transport::HyperTransport::new().unwrap());
    let _again = accepts_transport(shared);
}

#[cfg(feature = "test-util")]
#[test]
fn fakes_are_send_sync_clone() {
    assert_send_sync_clone::<crux_transport::test_util::ReplayTransport>();
    assert_send_sync_clone::<crux_transport::test_util::NeverTransport>();
    let _ = accepts_transport(crux_transport::test_util::ReplayTransport::new([]));
    let _ = accepts_transport(crux_transport::test_util::NeverTransport::new());
}

#[cfg(feature = "test-util")]
#[test]
fn a_shared_transport_is_not_wrapped_twice() {
    let shared = SharedTransport::new(crux_transport::test_util::NeverTransport::new());
    let again = SharedTransport::new(shared.clone());
    assert!(SharedTransport::ptr_eq(&shared, &again));
    assert_eq!(format!("{again:?}"), format!("{shared:?}"), "no nesting");
    let other = SharedTransport::new(crux_transport::test_util::NeverTransport::new());
    assert!(!SharedTransport::ptr_eq(&shared, &other));
}
