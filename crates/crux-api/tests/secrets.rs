//! The token never shows: not in `Debug`, `Display`, errors or URLs.

mod support;

use std::time::Duration;

use crux_api::transport::{
    TransportError, TransportErrorKind,
    test_util::{NeverTransport, ReplayEvent, ReplayTransport},
};
use crux_api::{Client, Error, ErrorKind};
use support::{CANARY, USERS_JSON};

fn assert_hidden(what: &str, value: &(impl std::fmt::Debug + std::fmt::Display)) {
    for text in [
        format!("{value}"),
        format!("{value:?}"),
        format!("{value:#?}"),
    ] {
        assert!(!text.contains(CANARY), "{what} shows the token: {text}");
    }
}

fn client_with(transport: impl crux_api::transport::Transport + 'static) -> Client {
    Client::builder()
        .token(CANARY)
        .base_url("https://api.example.test")
        .transport(transport)
        .timeout(Duration::from_millis(100))
        .max_response_body_bytes(64 * 1024)
        .build()
        .expect("client builds")
}

async fn error_for(event: ReplayEvent) -> Error {
    client_with(ReplayTransport::new([event]))
        .users()
        .list()
        .await
        .expect_err("must fail")
}

#[tokio::test]
async fn no_error_kind_and_no_client_shows_the_token() {
    let builder = Client::builder().token(CANARY);
    let debug = format!("{builder:?}");
    assert!(!debug.contains(CANARY), "{debug}");

    let replay = ReplayTransport::new([ReplayEvent::json(200, USERS_JSON)]);
    let client = client_with(replay.clone());
    let debug = format!("{client:?} {client:#?}");
    assert!(!debug.contains(CANARY), "{debug}");
    client.users().list().await.expect("list succeeds");

    // The token travels only in the Authorization header, which is marked sensitive.
    let request = &replay.requests()[0];
    assert!(!request.uri().to_string().contains(CANARY));
    let authorization = request
        .headers()
        .get("authorization")
        .expect("authorization header");
    assert!(authorization.is_sensitive());
    assert!(!format!("{:?}", request.headers()).contains(CANARY));

    let mut errors = vec![
        // Config: a token with a space is refused without repeating it.
        Client::builder()
            .token(format!("{CANARY} {CANARY}"))
            .build()
            .expect_err("refused"),
        Client::builder()
            .token(format!("{CANARY}\n"))
            .build()
            .expect_err("refused"),
        // Status, with a server that echoes the header back in its body would be
        // the server's doing; here a plain 403.
        error_for(ReplayEvent::json(
            403,
            r#"{"detail":"You do not have permission."}"#,
        ))
        .await,
        error_for(ReplayEvent::json(200, "{not json")).await,
        error_for(ReplayEvent::json(200, vec![b' '; 65 * 1024])).await,
        error_for(ReplayEvent::error(TransportError::new(
            TransportErrorKind::Io,
        )))
        .await,
        error_for(ReplayEvent::error(
            TransportError::new(TransportErrorKind::Connect).not_sent(),
        ))
        .await,
        client_with(NeverTransport::default())
            .users()
            .list()
            .await
            .expect_err("times out"),
    ];
    let kinds: Vec<ErrorKind> = errors.iter().map(Error::kind).collect();
    assert_eq!(
        kinds,
        [
            ErrorKind::Config,
            ErrorKind::Config,
            ErrorKind::Status,
            ErrorKind::Decode,
            ErrorKind::BodyTooLarge,
            ErrorKind::Transport,
            ErrorKind::Transport,
            ErrorKind::Timeout,
        ]
    );
    for error in errors.drain(..) {
        assert_hidden("error", &error);
        let mut source = std::error::Error::source(&error);
        while let Some(cause) = source {
            assert_hidden("error source", &cause.to_string());
            source = cause.source();
        }
    }
}

#[test]
fn client_is_send_sync_clone_and_debug() {
    fn assert_traits<T: Send + Sync + Clone + std::fmt::Debug + 'static>() {}
    fn assert_error<T: std::error::Error + Send + Sync + 'static>() {}
    assert_traits::<Client>();
    assert_traits::<crux_api::ClientBuilder>();
    assert_error::<Error>();
}

#[test]
fn build_refuses_bad_configuration() {
    let missing = Client::builder().build().expect_err("no token");
    assert_eq!(missing.kind(), ErrorKind::Config);
    assert!(missing.is_invalid_token());
    for bad in ["", "a b", "tab\there", "nl\nx", "\u{7f}"] {
        let error = Client::builder().token(bad).build().expect_err("refused");
        assert!(
            error.is_invalid_token() && error.kind() == ErrorKind::Config,
            "{bad:?}"
        );
    }
    assert!(missing.to_string().contains("token"), "{missing}");

    let control = Client::builder()
        .token("abc\u{7}def")
        .build()
        .expect_err("control char");
    assert_eq!(control.kind(), ErrorKind::Config);

    let plain = Client::builder()
        .token("t")
        .base_url("http://api.cruxconnect.com")
        .build();
    let plain = plain.expect_err("plain http");
    assert_eq!(plain.kind(), ErrorKind::Config);
    assert!(
        !plain.is_invalid_token(),
        "a URL problem is not a token problem"
    );

    for loopback in [
        "http://localhost:1",
        "http://127.0.0.1:1",
        "http://127.1.2.3:1",
        "http://[::1]:1",
    ] {
        let client = Client::builder().token("t").base_url(loopback).build();
        assert!(
            client.is_ok(),
            "{loopback} is loopback and allowed over http"
        );
    }
}

#[test]
fn environments_have_the_documented_base_urls() {
    use crux_api::Environment;
    let base = |environment| {
        Client::builder()
            .token("t")
            .environment(environment)
            .build()
            .expect("client builds")
            .base_url()
            .to_owned()
    };
    assert_eq!(
        base(Environment::Sandbox),
        "https://api-sandbox.cruxconnect.com"
    );
    assert_eq!(base(Environment::Production), "https://api.cruxconnect.com");
    assert_eq!(
        Client::builder()
            .token("t")
            .build()
            .expect("builds")
            .base_url(),
        "https://api-sandbox.cruxconnect.com"
    );
}
