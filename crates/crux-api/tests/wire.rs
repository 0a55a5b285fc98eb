//! The exact bytes of `GET /organizations/users/all/` on the wire, read by a
//! bare TCP server (no HTTP library between the client and the assertion).

mod support;

use support::{CANARY, client_for};
use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    net::TcpListener,
};

#[tokio::test]
async fn list_users_request_bytes() {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let server = tokio::spawn(async move {
        let (mut stream, _) = listener.accept().await.expect("accept");
        let mut raw = Vec::new();
        let mut buf = [0u8; 4096];
        while !raw.windows(4).any(|w| w == b"\r\n\r\n") {
            let n = stream.read(&mut buf).await.expect("read");
            assert!(n > 0, "client closed before the end of the headers");
            raw.extend_from_slice(&buf[..n]);
        }
        let body = b"[]";
        let head = format!(
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
            body.len()
        );
        stream.write_all(head.as_bytes()).await.expect("write head");
        stream.write_all(body).await.expect("write body");
        raw
    });

    let users = client_for(&format!("http://127.0.0.1:{port}"))
        .users()
        .list()
        .await
        .expect("list");
    assert!(users.is_empty());

    let raw = String::from_utf8(server.await.expect("server task")).expect("ascii request");
    let normalized = raw
        .replace(&format!("127.0.0.1:{port}"), "127.0.0.1:[port]")
        .replace(CANARY, "[canary]")
        .replace(env!("CARGO_PKG_VERSION"), "[version]");
    assert!(
        raw.ends_with("\r\n\r\n"),
        "nothing after the headers: GET sends no body"
    );
    insta::assert_snapshot!(normalized.replace("\r\n", "\n"));
}
