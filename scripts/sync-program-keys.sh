#!/usr/bin/env bash
# Copies the committed program keypairs to where `anchor build`/`anchor deploy` expect
# them, so deployments land at the ids in Anchor.toml and the programs' declare_id!.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/deploy
for key in keys/*-keypair.json; do
  cp "$key" "target/deploy/$(basename "$key")"
done
ls target/deploy/*-keypair.json
