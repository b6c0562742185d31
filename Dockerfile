# One image for all seven executables of the complaint hub: gateway, intake, public-works, social,
# tourism, kir and hubctl. The container's command picks which one runs (see docker-compose.yml),
# e.g. `docker run IMAGE intake` or `docker run IMAGE hubctl migrate`.
#
# Build from the repository root: docker build -t complaint-hub .
# Only the folders SwiftPM needs are copied, so a local .build/ or .hub/ never enters the image.

# The toolchain the project is checked on (Swift 6.3 on Debian 12 "bookworm"). To build with
# another one, pass an official swift:<version>-bookworm tag: --build-arg SWIFT_IMAGE=...
ARG SWIFT_IMAGE=swift:6.3-bookworm
ARG RUNTIME_IMAGE=debian:bookworm-slim

# ---------------------------------------------------------------------------------------------
# Build stage: release binaries with the Swift runtime and Foundation linked in statically, so the
# runtime image needs no Swift toolchain, only libpq.
FROM ${SWIFT_IMAGE} AS build

RUN export DEBIAN_FRONTEND=noninteractive \
    && apt-get update -q \
    && apt-get install -y -q --no-install-recommends libpq-dev pkg-config \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /src

# Package.swift names every target, test targets included, so their folders must exist; the
# EmbedMigrations plugin compiles Schemas/migrations/*.sql into the binaries.
COPY Package.swift ./
COPY Plugins ./Plugins
COPY Sources ./Sources
COPY Services ./Services
COPY Schemas ./Schemas
COPY Tests ./Tests

RUN set -eu; \
    for product in gateway intake public-works social tourism kir hubctl; do \
        swift build -c release --static-swift-stdlib --product "$product"; \
    done; \
    bin="$(swift build -c release --static-swift-stdlib --show-bin-path)"; \
    mkdir -p /out; \
    for product in gateway intake public-works social tourism kir hubctl; do \
        install -m 0755 "$bin/$product" "/out/$product"; \
        strip --strip-debug "/out/$product"; \
    done

# ---------------------------------------------------------------------------------------------
# Runtime stage: Debian slim with libpq, CA certificates (TLS to PostgreSQL) and curl for the
# healthchecks; everything runs as an unprivileged user.
FROM ${RUNTIME_IMAGE} AS runtime

RUN export DEBIAN_FRONTEND=noninteractive \
    && apt-get update -q \
    && apt-get install -y -q --no-install-recommends libpq5 ca-certificates curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 hub \
    && useradd --system --uid 10001 --gid hub --no-create-home --home-dir /nonexistent \
               --shell /usr/sbin/nologin hub

COPY --from=build /out/ /usr/local/bin/

# Containers listen on every interface; each service reads its own HUB_<NAME>_PORT (8080-8085)
# and HUB_DATABASE_URL from the environment.
ENV HUB_LISTEN_HOST=0.0.0.0

USER 10001:10001
EXPOSE 8080 8081 8082 8083 8084 8085
STOPSIGNAL SIGTERM

# No entrypoint: the command is the executable and its arguments.
CMD ["gateway"]
