//! The loopback server of the e2e and pages benches, run as a second process
//! of the same bench binary, so that it never competes with the client for
//! the client's runtime: `ChildServer::start("CRUX_BENCH_SERVER")` runs this
//! executable again with that variable set to `1`; the child prints its port
//! on its first stdout line and serves until its stdin closes.

use std::{
    io::{BufRead as _, BufReader},
    process::{Child, Command, Stdio},
};

/// The server process; dropping it closes its stdin, which stops it.
pub(crate) struct ChildServer {
    child: Child,
    /// The port it listens on, on 127.0.0.1.
    pub(crate) port: u16,
}

impl ChildServer {
    /// Starts this executable again with `role_variable=1` and reads the
    /// port it prints.
    pub(crate) fn start(role_variable: &str) -> Self {
        let mut child = Command::new(std::env::current_exe().expect("current_exe"))
            .env(role_variable, "1")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("start the server process");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("server stdout"))
            .read_line(&mut line)
            .expect("read the server's port");
        let port = line.trim().parse().expect("the server prints its port");
        Self { child, port }
    }
}

impl Drop for ChildServer {
    fn drop(&mut self) {
        drop(self.child.stdin.take());
        let _ = self.child.wait();
    }
}
