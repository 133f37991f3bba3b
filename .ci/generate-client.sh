#!/usr/bin/env bash
# Regenerates the web app's API client (src/main/webui/generated/api, committed) from the OpenAPI document that
# OpenApiTest writes (target/openapi.json): openapi-generator 7.25.0, typescript-fetch, deterministic (no timestamps,
# no generator metadata), so running it twice changes nothing. After any API change:
#   ./mvnw -B -ntp test -Dtest=OpenApiTest && bash .ci/generate-client.sh
# .ci/openapi-client.sh (CI) fails when the committed client differs from a freshly generated one.
# Needs Java 17 only (the generator comes from Maven Central); esbuild (quarkus-web-bundler) compiles the TypeScript.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
GENERATOR_VERSION=7.25.0
doc="${OPENAPI_DOC:-$root/target/openapi.json}"
out="${CLIENT_OUT:-$root/src/main/webui/generated/api}" # CLIENT_OUT=dir: generate elsewhere (the CI comparison)

fail() { echo "generate-client: $*" >&2; exit 1; }
[ -s "$doc" ] || fail "$doc is missing: run ./mvnw -B -ntp test -Dtest=OpenApiTest first"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
jar="$HOME/.m2/repository/org/openapitools/openapi-generator-cli/$GENERATOR_VERSION/openapi-generator-cli-$GENERATOR_VERSION.jar"
if [ ! -s "$jar" ]; then
    ./mvnw -B -ntp -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
        -Dartifact="org.openapitools:openapi-generator-cli:$GENERATOR_VERSION" -DoutputDirectory="$work" \
        || fail "could not fetch openapi-generator-cli $GENERATOR_VERSION"
    jar="$work/openapi-generator-cli-$GENERATOR_VERSION.jar"
fi
# supportsES6: classes and native Promise; hideGenerationTimestamp: no date in the files; type mappings: dates and
# date-times stay the API's strings (ISO 8601) both ways, never JavaScript Date objects, so the app sends and shows them
# exactly as written (and a date is never shifted by the browser's time zone).
java -jar "$jar" generate -i "$doc" -g typescript-fetch -o "$work/client" \
    --additional-properties=supportsES6=true,hideGenerationTimestamp=true,useSingleRequestParameter=true \
    --type-mappings=Date=string,DateTime=string \
    >"$work/generate.log" 2>&1 || { cat "$work/generate.log" >&2; fail "openapi-generator failed"; }
# the generator's bookkeeping and Markdown docs are not part of the client (the API is documented at /q/openapi)
rm -rf "$work/client/.openapi-generator" "$work/client/.openapi-generator-ignore" "$work/client/docs"
rm -rf "$out"
mkdir -p "$(dirname "$out")"
cp -R "$work/client" "$out"
echo "generate-client: $(find "$out" -name '*.ts' | wc -l) files in ${out#"$root"/}"
