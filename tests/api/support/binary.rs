//! The real `authgate` binary as a child process: started with a config file, ready when it
//! prints its address, its log kept for tests that read it, killed when dropped.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

pub struct Server {
    child: Child,
    pub address: String,
    /// Everything the server printed on stdout (its log), collected in the background.
    pub output: std::sync::Arc<std::sync::Mutex<String>>,
    /// The thread collecting `output`: it ends when the server's stdout closes.
    drain: Option<std::thread::JoinHandle<()>>,
}

impl Server {
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Sends `signal` (`TERM`, `INT`, ...) to the server.
    pub fn signal(&self, signal: &str) {
        let sent = Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(self.pid().to_string())
            .status()
            .expect("kill");
        assert!(sent.success(), "kill -{signal}");
    }

    /// Waits for the server to exit by itself (blocking: call it off the async runtime).
    pub fn wait_for_exit(mut self) -> std::process::ExitStatus {
        self.child.wait().expect("wait")
    }

    /// Stops the server the way an operator does (SIGTERM, a graceful shutdown) and returns its
    /// whole log: every line it wrote, read up to the end of its stdout. A snapshot of `output`
    /// taken while it runs can miss the last lines still in the pipe.
    pub fn stop_and_read_log(mut self) -> String {
        self.signal("TERM");
        let status = self.child.wait().expect("wait");
        assert!(status.success(), "authgate exited with {status} on SIGTERM");
        if let Some(drain) = self.drain.take() {
            drain.join().expect("the log drain");
        }
        self.output.lock().expect("lock").clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `authgate serve` and waits for its "listening on" line (its own readiness signal).
pub fn start(config: &std::path::Path) -> Server {
    start_with_log_filter(config, "error")
}

pub fn start_with_log_filter(config: &std::path::Path, filter: &str) -> Server {
    start_with_env(config, filter, &[])
}

/// As [`start_with_log_filter`], with extra environment variables for the server.
pub fn start_with_env(config: &std::path::Path, filter: &str, env: &[(&str, &str)]) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_authgate"))
        .args(["serve", "--config"])
        .arg(config)
        .env("RUST_LOG", filter)
        .envs(env.iter().copied())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn authgate");
    let output = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
    let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
    let mut address = None;
    for line in lines.by_ref().map_while(Result::ok) {
        let found = line
            .strip_prefix("authgate listening on ")
            .map(str::to_string);
        let mut out = output.lock().expect("lock");
        out.push_str(&line);
        out.push('\n');
        if found.is_some() {
            address = found;
            break;
        }
    }
    let address = address.expect("authgate printed its address");
    // Keep draining (and keeping) the log so the child never blocks on a full pipe.
    let sink = std::sync::Arc::clone(&output);
    let drain = std::thread::spawn(move || {
        for line in lines.map_while(Result::ok) {
            if let Ok(mut out) = sink.lock() {
                out.push_str(&line);
                out.push('\n');
            }
        }
    });
    Server {
        child,
        address,
        output,
        drain: Some(drain),
    }
}
