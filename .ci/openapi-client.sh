#!/usr/bin/env bash
# CI only, after ./mvnw verify (which writes target/openapi.json in OpenApiTest): proves the OpenAPI document is
# usable by others. 1) Spectral (spectral:oas) and Redocly (recommended) report no errors; 2) a TypeScript client
# generated from it with openapi-generator 7.25.0 (typescript-fetch) compiles under tsc --strict; 3) the web app's
# committed client (src/main/webui/generated/api, written by .ci/generate-client.sh) is the one generated from it.
# Versions are pinned: the generator here, the npm tools in .ci/openapi/package.json and its lock file.
# Needs Java 17 and Node.js 20+ with npm; the README's two commands need neither this script nor Node.js.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
started=$SECONDS
GENERATOR_VERSION=7.25.0
doc="${OPENAPI_DOC:-$root/target/openapi.json}" # another document: OPENAPI_DOC=path

fail() { echo "openapi-client: $*" >&2; exit 1; }

[ -s "$doc" ] || fail "$doc is missing: run ./mvnw -B -ntp verify (or -Dtest=OpenApiTest) first"
command -v node >/dev/null || fail "Node.js is required (node not found)"
command -v npm >/dev/null || fail "npm is required (npm not found)"
echo "openapi-client: node $(node --version), npm $(npm --version)"

# no telemetry, update notices or install analytics: CI reaches only the registries
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true SCARF_ANALYTICS=false NO_UPDATE_NOTIFIER=1

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "openapi-client: installing the pinned linters and TypeScript (.ci/openapi/package-lock.json)"
cd "$root/.ci/openapi"
npm ci --no-audit --no-fund --loglevel=error >"$work/npm.log" 2>&1 || { cat "$work/npm.log" >&2; fail "npm ci failed"; }
bin="$root/.ci/openapi/node_modules/.bin"

echo "openapi-client: Spectral (spectral:oas)"
"$bin/spectral" lint --ruleset .spectral.yaml --fail-severity error "$doc" \
    || fail "Spectral reports errors in $doc"

echo "openapi-client: Redocly (recommended)"
if ! "$bin/redocly" lint --config redocly.yaml "$doc" >"$work/redocly.log" 2>&1; then
    cat "$work/redocly.log" >&2
    fail "Redocly reports errors in $doc"
fi
grep -v '[║╔╚]' "$work/redocly.log" | grep -v '^ *$' | tail -n 4

echo "openapi-client: openapi-generator-cli $GENERATOR_VERSION (from Maven Central)"
cd "$root"
./mvnw -B -ntp -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact="org.openapitools:openapi-generator-cli:$GENERATOR_VERSION" -DoutputDirectory="$work" \
    || fail "could not fetch openapi-generator-cli $GENERATOR_VERSION"
java -jar "$work/openapi-generator-cli-$GENERATOR_VERSION.jar" generate \
    -i "$doc" -g typescript-fetch -o "$work/client" >"$work/generate.log" 2>&1 \
    || { cat "$work/generate.log" >&2; fail "openapi-generator failed"; }
if grep -q 'Empty operationId' "$work/generate.log"; then
    grep 'Empty operationId' "$work/generate.log" >&2
    fail "operations without an operationId"
fi

echo "openapi-client: the web app's committed client (src/main/webui/generated/api) matches the document"
OPENAPI_DOC="$doc" CLIENT_OUT="$work/fresh" bash "$root/.ci/generate-client.sh" >/dev/null \
    || fail "could not regenerate the web app's client"
if ! diff -r "$root/src/main/webui/generated/api" "$work/fresh" >"$work/client.diff"; then
    head -n 40 "$work/client.diff" >&2
    fail "src/main/webui/generated/api differs from the client generated from $doc: run .ci/generate-client.sh (after ./mvnw -B -ntp test -Dtest=OpenApiTest) and commit the result"
fi

echo "openapi-client: tsc --strict on the generated client"
# "types": [] : no automatic @types from ancestor node_modules (the Web Bundler unpacks the web app's packages,
# with @types/trusted-types, into the project's node_modules): the client must compile on its own.
cat > "$work/tsconfig.json" <<'JSON'
{
  "compilerOptions": {
    "strict": true, "noEmit": true, "target": "es2020", "lib": ["es2020", "dom"],
    "module": "esnext", "moduleResolution": "bundler", "skipLibCheck": true, "types": []
  },
  "files": ["client/index.ts"]
}
JSON
"$bin/tsc" -p "$work/tsconfig.json" \
    || fail "the TypeScript client generated from $doc does not compile"

echo "openapi-client: OK ($(find "$work/client" -name '*.ts' | wc -l) generated files compile; $((SECONDS - started)) s)"
