#!/usr/bin/env bash
# The linker rustc calls for the sBPF build (build.sh sets it): sbpf-linker, told to write
# its ELF object to <stem>.o, so it leaves that object (with the symbol table the program
# lacks) beside the program <stem>.so it writes from it. The code is the same either way;
# the object is what scripts/sbf/profile.mjs maps program counters to functions with.
set -euo pipefail
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    -o) args+=(-o "${2%.so}.o"); shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
exec "${AGENTPAD_SBPF_LINKER:?set by scripts/sbf/build.sh}" "${args[@]}"
