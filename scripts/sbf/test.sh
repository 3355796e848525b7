#!/usr/bin/env bash
# The sBPF stage on its own: install the toolchain, build every program to sBPF, and replay
# the natively recorded lifecycle on the .so files (scripts/sbf/replay.sh).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
./scripts/sbf/install.sh
./scripts/sbf/build.sh
./scripts/sbf/replay.sh
