#!/usr/bin/env bash
# The whole demo on a fresh machine: a local validator (solana-test-validator, built once per
# machine), the programs deployed, agents seeded with a lifecycle's worth of activity, the
# indexer and the web app running; prints the URL. Ctrl-C stops it all.
# (scripts/validator/test.sh --script dashboard -> scripts/dashboard/on-validator.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./scripts/validator/test.sh --script dashboard
