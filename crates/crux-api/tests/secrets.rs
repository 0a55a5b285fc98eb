//! The token never shows: not in `Debug`, `Display`, errors or URLs; nor
//! does any secret field of a response body.

mod support;

use std::time::Duration;

use crux_api::transport::{
    TransportError, TransportErrorKind,
    test_util::{NeverTransport, ReplayEvent, ReplayTransport, infallible_transport_fn},
};
use crux_api::{Client, Error, ErrorKind, RetryPolicy};
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

// Paused: the timeout and the retried transport failures wait on tokio's
// clock, not for real.
#[tokio::test(start_paused = true)]
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
fn a_carriage_return_in_the_token_is_refused_like_a_newline_without_quoting_it() {
    for bad in [
        format!("{CANARY}\r"),
        format!("\r{CANARY}"),
        format!("{CANARY}\rX-Injected: 1"),
        format!("{CANARY}\r\n"),
        format!("{CANARY}\n"),
    ] {
        let error = Client::builder()
            .token(bad.as_str())
            .build()
            .expect_err("refused at build");
        assert_eq!(error.kind(), ErrorKind::Config, "{bad:?}");
        assert!(error.is_invalid_token(), "{bad:?}");
        let shown = everything_shown(&error);
        assert!(!shown.contains(CANARY), "{bad:?}: {shown}");
        assert!(
            shown.contains("whitespace or control characters"),
            "says why: {shown}"
        );
    }
}

#[tokio::test]
async fn a_login_answering_a_token_with_a_carriage_return_is_refused_without_quoting_it() {
    let body = format!(
        r#"{{"auth_token":"{CANARY}\r","org_uuid":"757ce28d-fbd6-4b9f-8051-f847482e169f","user_uuid":"52d13dc7-5463-4f90-9e5b-5b8ec97228ff","retailer_uuid":"","supplier_uuid":"b5f05054-dce4-4286-96fc-b9424d6b2137","org_type":"SUPPLIER","permission_assignments":{{"permissions":[],"org_user":{{"uuid":"52d13dc7-5463-4f90-9e5b-5b8ec97228ff"}}}}}}"#
    );
    let transport = infallible_transport_fn(move |_| http::Response::new(body.clone().into()));
    let error = Client::builder()
        .base_url("https://api.example.test")
        .transport(transport)
        .login("u", "p")
        .await
        .expect_err("an unusable token");
    assert!(error.is_invalid_token(), "{error}");
    let shown = everything_shown(&error);
    assert!(!shown.contains(CANARY), "{shown}");
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

/// Everything an error shows: `Display`, `Debug`, `message()`, `body()`,
/// and the `Display` and `Debug` of every source in its chain.
fn everything_shown(error: &Error) -> String {
    let mut shown = format!(
        "{error}\n{error:?}\n{error:#?}\n{:?}\n{:?}",
        error.message(),
        error.body()
    );
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        shown.push_str(&format!("\n{cause}\n{cause:?}"));
        source = cause.source();
    }
    shown
}

/// The error of a call answered `status` with `body` by a closure transport.
async fn error_of<T: std::fmt::Debug>(
    status: u16,
    body: String,
    call: impl AsyncFnOnce(&Client) -> Result<T, Error>,
) -> Error {
    let transport = infallible_transport_fn(move |_| {
        let mut response = http::Response::new(bytes::Bytes::from(body.clone()));
        *response.status_mut() = http::StatusCode::from_u16(status).expect("status");
        response
    });
    let client = Client::builder()
        .token(CANARY)
        .base_url("https://api.example.test")
        .transport(transport)
        .retry(RetryPolicy::disabled())
        .build()
        .expect("client builds");
    call(&client).await.expect_err("must fail")
}

async fn list_users(client: &Client) -> Result<Vec<crux_api::types::User>, Error> {
    client.users().list().await
}

/// One test per secret response field: its value, in status and decode
/// error bodies, never shows.
macro_rules! secret_field_tests {
    ($($field:ident),*) => {$(
        #[tokio::test]
        async fn $field() {
            assert_field_never_kept(stringify!($field)).await;
        }
    )*};
}

mod the_value_of_the_field {
    use super::assert_field_never_kept;

    secret_field_tests!(card_number, auth_token, token, password, authorization);
}

/// Status bodies (JSON, a DRF field error, HTML, a form) and decode bodies
/// (not the type, an unknown field, cut short) holding `field`'s value.
async fn assert_field_never_kept(field: &str) {
    let canary = format!("canary-{field}-5e1b");
    let status_bodies = [
        format!(r#"{{"detail":"Bad request.","{field}":"{canary}"}}"#),
        format!(r#"{{"{field}":["{canary} is not valid."]}}"#),
        format!("<html>\r\n{field}: Token {canary}\r\n</html>"),
        format!("user=a&{field}={canary}"),
    ];
    for body in status_bodies {
        let error = error_of(400, body.clone(), list_users).await;
        assert_eq!(error.kind(), ErrorKind::Status);
        let shown = everything_shown(&error);
        assert!(!shown.contains(&canary), "status {body}: {shown}");
    }
    let decode_bodies = [
        format!(r#"{{"{field}":"{canary}"}}"#),
        format!(r#"[{{"uuid":"x","{field}":"{canary}","person":1}}]"#),
        format!(r#"[{{"{field}":"{canary}"#),
    ];
    for body in decode_bodies {
        let error = error_of(200, body.clone(), list_users).await;
        assert_eq!(error.kind(), ErrorKind::Decode);
        let shown = everything_shown(&error);
        assert!(!shown.contains(&canary), "decode {body}: {shown}");
    }
}

#[tokio::test]
async fn a_login_token_that_fails_to_decode_is_not_quoted() {
    let canary = "51051051051051007";
    let body = format!(r#"{{"auth_token":{canary},"org_type":"RETAILER"}}"#);
    let transport = infallible_transport_fn(move |_| http::Response::new(body.clone().into()));
    let error = Client::builder()
        .base_url("https://api.example.test")
        .transport(transport)
        .login("u", "p")
        .await
        .expect_err("an integer is not a token");
    assert_eq!(error.json_path(), Some("auth_token"));
    let shown = everything_shown(&error);
    assert!(!shown.contains(canary), "{shown}");
    assert!(
        shown.contains("invalid type: integer"),
        "the cause stays: {shown}"
    );
}

#[cfg(feature = "accounting")]
#[tokio::test]
async fn a_card_number_that_fails_to_decode_is_not_quoted() {
    let canary = "5105105105105100";
    for body in [
        format!(r#"{{"payment_type":"CREDIT CARD","card_number":{canary}}}"#),
        format!(r#"{{"card_number":"{canary}","card_expiration":"not a date"}}"#),
    ] {
        let error = error_of(200, body.clone(), async |client: &Client| {
            client.payment_method().get().await
        })
        .await;
        assert_eq!(error.kind(), ErrorKind::Decode);
        let shown = everything_shown(&error);
        assert!(!shown.contains(canary), "{body}: {shown}");
    }
}
