#!/usr/bin/env bash
# Installs the peer sandbox used as the comparison baseline: @anthropic-ai/sandbox-runtime (srt) from npm into
# artifacts/srt, plus the packages it needs (ripgrep, socat) when run as root on Debian.
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v rg >/dev/null || ! command -v socat >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y -qq ripgrep socat >/dev/null; else echo "srt needs ripgrep and socat: apt-get install ripgrep socat" >&2; exit 1; fi
fi
npm install --silent --prefix artifacts/srt @anthropic-ai/sandbox-runtime@0.0.78 >/dev/null
echo "srt installed: artifacts/srt/node_modules/.bin/srt ($(artifacts/srt/node_modules/.bin/srt --version))"
