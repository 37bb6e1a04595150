//! Starting the demos: what the examples' mains call.

use super::wire::status_of;
use super::{Try, exchange, heat, placement, volumes};
use std::io;
use std::net::{SocketAddr, TcpListener};
use std::process::ExitCode;

/// One of the demo services.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Service {
    /// [`heat`]: Heat's CloudFormation query API.
    Heat,
    /// [`volumes`]: a Cinder-style block-storage API.
    Volumes,
    /// [`placement`]: a Placement API.
    Placement,
}

impl Service {
    /// All three.
    pub const ALL: [Service; 3] = [Service::Heat, Service::Volumes, Service::Placement];

    /// What it is.
    #[must_use]
    pub const fn title(self) -> &'static str {
        match self {
            Service::Heat => "Heat's CloudFormation query API (HeatError, `heat` format, axum)",
            Service::Volumes => "a block-storage API (VolumeFault, `openstack` format, axum)",
            Service::Placement => "a Placement API (PlacementError, `placement` format, actix-web)",
        }
    }

    /// The port it listens on unless told otherwise: the real service's.
    #[must_use]
    pub const fn default_port(self) -> u16 {
        match self {
            Service::Heat => heat::PORT,
            Service::Volumes => volumes::PORT,
            Service::Placement => placement::PORT,
        }
    }

    /// The environment variable that sets its port.
    #[must_use]
    pub const fn port_variable(self) -> &'static str {
        match self {
            Service::Heat => "HEAT_PORT",
            Service::Volumes => "VOLUMES_PORT",
            Service::Placement => "PLACEMENT_PORT",
        }
    }

    /// The requests to try against it.
    #[must_use]
    pub fn tries(self) -> Vec<Try> {
        match self {
            Service::Heat => heat::tries(),
            Service::Volumes => volumes::tries(),
            Service::Placement => placement::tries(),
        }
    }

    /// A loop of `curl`s that runs into its throttle, for the banner.
    fn burst(self, addr: SocketAddr) -> Option<String> {
        match self {
            Service::Heat => Some(format!(
                "for i in $(seq 25); do curl -s 'http://{addr}/v1/?Action=ListStacks' | grep -o '<Code>.*</Code>'; done"
            )),
            Service::Volumes => Some(format!(
                "for i in $(seq 7); do curl -si -X POST -H 'content-type: application/json' -d '{{\"volume\": {{\"size\": 1}}}}' 'http://{addr}/v3/demo/volumes' | grep -i '^retry-after'; done"
            )),
            Service::Placement => None,
        }
    }

    /// Serves with its default state on `listener` until dropped (on a tokio runtime with
    /// I/O enabled; the Placement demo's actix-web server runs its own worker thread).
    ///
    /// # Errors
    ///
    /// The listener cannot be used.
    pub async fn serve(self, listener: TcpListener) -> io::Result<()> {
        match self {
            Service::Heat => axum_serve(listener, heat::Heat::new().router()).await,
            Service::Volumes => axum_serve(listener, volumes::Volumes::new().router()).await,
            Service::Placement => placement::Placement::new().server(listener)?.await,
        }
    }
}

/// Serves an axum app on a std listener.
///
/// # Errors
///
/// The listener cannot be used.
pub async fn axum_serve(listener: TcpListener, app: axum::Router) -> io::Result<()> {
    listener.set_nonblocking(true)?;
    axum::serve(tokio::net::TcpListener::from_std(listener)?, app).await
}

/// The main of the examples: starts `services` on 127.0.0.1 and prints the `curl` lines to
/// try. Each port comes from `--port N` (with one service), else the service's environment
/// variable, else its default. With `--self-test` (as CI runs it) the ports default to free
/// ones, the demo sends its own requests, prints what came back as `curl -i` would, and
/// exits, failing if any status was not the one expected.
#[must_use]
pub fn main(services: &[Service]) -> ExitCode {
    match run(services) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

fn run(services: &[Service]) -> Result<ExitCode, String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = || {
        let port = if services.len() == 1 {
            " [--port N]"
        } else {
            ""
        };
        format!("usage: [--self-test]{port}")
    };
    let mut self_test = false;
    let mut port = None;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--self-test" => self_test = true,
            "--port" if services.len() == 1 => {
                let value = args.next().and_then(|p| p.parse::<u16>().ok());
                port = Some(value.ok_or_else(usage)?);
            }
            _ => return Err(usage()),
        }
    }
    init_log();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the runtime: {e}"))?;
    let mut started = Vec::new();
    for &service in services {
        let variable = std::env::var(service.port_variable()).ok();
        let port = match (port, variable) {
            (Some(port), _) => port,
            (None, Some(value)) => value
                .parse()
                .map_err(|_| format!("{} is not a port: {value}", service.port_variable()))?,
            (None, None) if self_test => 0,
            (None, None) => service.default_port(),
        };
        let listener = TcpListener::bind(("127.0.0.1", port)).map_err(|e| {
            format!(
                "cannot listen on 127.0.0.1:{port}: {e}\nchoose another port with {}=N{}",
                service.port_variable(),
                if services.len() == 1 {
                    " or --port N"
                } else {
                    ""
                }
            )
        })?;
        let addr = listener.local_addr().map_err(|e| e.to_string())?;
        runtime.spawn(async move {
            if let Err(e) = service.serve(listener).await {
                eprintln!("{service:?} stopped: {e}");
            }
        });
        started.push((service, addr));
    }
    for (service, addr) in &started {
        println!("{} on http://{addr}", service.title());
        for request in service.tries() {
            println!("  # {}\n  {}", request.what, request.curl(*addr));
        }
        if let Some(burst) = service.burst(*addr) {
            println!("  # hit the throttle\n  {burst}");
        }
        println!();
    }
    if !self_test {
        println!("Serving until interrupted (Ctrl-C).");
        runtime.block_on(std::future::pending::<()>());
    }
    Ok(self_check(&started))
}

/// The server's log on stderr: each fault served (a 5xx's cause goes here, never to the
/// client), and the frameworks' warnings.
fn init_log() {
    use tracing_subscriber::filter::{LevelFilter, Targets};
    use tracing_subscriber::prelude::*;
    let filter = Targets::new()
        .with_default(LevelFilter::WARN)
        .with_target("fault_core", LevelFilter::DEBUG);
    let log = tracing_subscriber::fmt::layer()
        .with_writer(io::stderr)
        .with_target(false);
    let _ = tracing_subscriber::registry()
        .with(log.with_filter(filter))
        .try_init();
}

/// Sends every suggested request and prints the answers; fails on an unexpected status.
fn self_check(started: &[(Service, SocketAddr)]) -> ExitCode {
    let (mut sent, mut wrong) = (0, 0);
    for (service, addr) in started {
        for request in service.tries() {
            sent += 1;
            println!("$ {}    # {}", request.curl(*addr), request.what);
            match exchange(*addr, &request) {
                Ok(response) => {
                    println!("{}\n", response.trim_end());
                    if status_of(&response) != Some(request.status) {
                        wrong += 1;
                        eprintln!("expected status {}", request.status);
                    }
                }
                Err(e) => {
                    wrong += 1;
                    eprintln!("request failed: {e}");
                }
            }
        }
    }
    if wrong == 0 {
        println!("self-test: all {sent} responses as expected");
        ExitCode::SUCCESS
    } else {
        eprintln!("self-test: {wrong} of {sent} responses unexpected");
        ExitCode::FAILURE
    }
}
