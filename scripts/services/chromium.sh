#!/usr/bin/env bash
# Debian's Chromium for the browser test (playwright-core drives it; no browser is ever
# downloaded by a test tool). Idempotent: installs only when /usr/bin/chromium is missing.
set -euo pipefail
CHROMIUM=/usr/bin/chromium
if [ -x "$CHROMIUM" ]; then echo "chromium: in place ($("$CHROMIUM" --version 2>/dev/null | head -1))"; exit 0; fi
command -v apt-get >/dev/null || { echo "error: chromium: $CHROMIUM is missing and apt-get is not available: install Debian's chromium package" >&2; exit 1; }
SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get install -y -q --no-install-recommends chromium > /tmp/agentpad-chromium-install.log 2>&1 \
  || { $SUDO apt-get update -q > /dev/null 2>&1 && $SUDO apt-get install -y -q --no-install-recommends chromium > /tmp/agentpad-chromium-install.log 2>&1; } \
  || { tail -5 /tmp/agentpad-chromium-install.log >&2; echo "error: chromium: apt-get install chromium failed" >&2; exit 1; }
echo "chromium: installed ($("$CHROMIUM" --version 2>/dev/null | head -1))"
