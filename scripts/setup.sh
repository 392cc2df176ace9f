#!/usr/bin/env bash
# Set-up of a fresh clone: the npm packages, exactly as locked. No install step may
# download a browser or a binary from outside the npm registry.
set -euo pipefail
cd "$(dirname "$0")/.."

export PUPPETEER_SKIP_DOWNLOAD=1
npm ci --no-audit --no-fund
