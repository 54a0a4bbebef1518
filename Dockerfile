# authgate container image: a release build in a Rust builder, copied into a small Debian
# runtime that runs as an unprivileged user. Built with SAML (`--features saml`), so the runtime
# carries xmlsec1's shared libraries (libxmlsec1-openssl, libxml2, libssl3).
#
#   docker build -t authgate .
#   docker run -p 8080:8080 \
#     -v authgate-data:/var/lib/authgate -v $PWD/my-config.toml:/etc/authgate/authgate.toml:ro \
#     authgate serve --config /etc/authgate/authgate.toml
#
# Without a config of its own (the default command below) the image refuses to start: the
# embedded default's demo user has the password the README publishes, and the container listens
# on every interface. authgate refuses that combination unless allow_published_demo_password is
# set (AUTHGATE_ALLOW_PUBLISHED_DEMO_PASSWORD=true, for a throwaway demo only).
# tests/api/cli.rs runs the ENV and CMD below as written and checks the refusal.

FROM rust:1.95-bookworm AS builder
WORKDIR /src
# SAML (the `saml` cargo feature, built into the image): samael's xmlsec1 bindings need libclang
# for bindgen and the xmlsec1/libxml2/OpenSSL headers (the same list as
# scripts/install-build-deps.sh).
RUN apt-get update \
    && apt-get install -y --no-install-recommends libclang-dev libxml2-dev libxmlsec1-dev libxmlsec1-openssl libssl-dev pkg-config \
    && rm -rf /var/lib/apt/lists/*
# Dependencies first, so editing the source does not rebuild them.
COPY Cargo.toml Cargo.lock ./
RUN mkdir -p src && echo 'fn main() {}' > src/main.rs && touch src/lib.rs \
    && cargo build --release --locked --features saml --bin authgate || true
COPY . .
RUN touch src/main.rs src/lib.rs && cargo build --release --locked --features saml --bin authgate

FROM debian:bookworm-slim AS runtime
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates libxmlsec1-openssl libxml2 libssl3 \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /var/lib/authgate --create-home authgate
WORKDIR /app
COPY --from=builder /src/target/release/authgate /usr/local/bin/authgate
COPY config/ /app/config/
COPY static/ /app/static/
USER authgate
# Inside a container the server must listen on every interface; the data dir is a volume.
# docker stop waits 10 s before SIGKILL: keep shutdown_delay + shutdown_grace below it, or stop
# with a longer timeout (docker stop -t 30).
ENV AUTHGATE_LISTEN=0.0.0.0:8080 \
    AUTHGATE_DATA_DIR=/var/lib/authgate \
    RUST_LOG=info
VOLUME ["/var/lib/authgate"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
    CMD ["authgate", "healthcheck", "--url", "http://127.0.0.1:8080/healthz"]
ENTRYPOINT ["authgate"]
CMD ["serve"]
