#!/usr/bin/env bash
# CI only: the web app's vendored JavaScript (src/main/webui/lib, libraries that are not on Maven Central as mvnpm
# or WebJars jars) is byte for byte the published npm package's file, so nobody edits it by hand. Needs npm.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
check() { # package version file-in-package vendored-file
    (cd "$work" && npm pack --silent "$1@$2" >/dev/null && mkdir -p "$1" && tar xzf "$1-$2.tgz" -C "$1")
    cmp "$work/$1/package/$3" "$4" || { echo "vendored: $4 differs from $1@$2 $3" >&2; exit 1; }
    echo "vendored: $4 is $1@$2 ($3)"
}
check oidc-client-ts 3.5.0 dist/esm/oidc-client-ts.js src/main/webui/lib/oidc-client-ts/oidc-client-ts.js
check oidc-client-ts 3.5.0 LICENSE src/main/webui/lib/oidc-client-ts/LICENSE
