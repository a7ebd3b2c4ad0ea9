#!/usr/bin/env bash
# Fails when a generated, committed file is stale: the SDL printed from the code-first schema, the
# import format with each section's record type, and the client's typed operations generated from
# the SDL. Regenerates them, then asks git for differences.
set -euo pipefail
cd "$(dirname "$0")/.."

npm run --silent schema:print >/dev/null
npm run --silent codegen >/dev/null

paths=(schema/schema.graphql schema/import.schema.json client/src/gql)
if ! git diff --quiet -- "${paths[@]}" || [ -n "$(git ls-files --others --exclude-standard -- "${paths[@]}")" ]; then
  echo "Generated files are stale; run 'npm run schema:print && npm run codegen' and commit:" >&2
  git status --short -- "${paths[@]}" >&2
  git diff --stat -- "${paths[@]}" >&2
  exit 1
fi
echo "schema/schema.graphql, schema/import.schema.json and client/src/gql are up to date."
