#!/usr/bin/env bash
# Set-up of a fresh clone: the npm packages exactly as locked, then the programs the
# editions and their tests need from the system: a Chromium (the PDF printer and the
# browser tests), Java (the Nu Html Checker), EPUBCheck, poppler and qpdf (PDF checks)
# and xmllint (XLIFF checks). Nothing is downloaded from anywhere but the npm registry
# and the system's package manager.
set -euo pipefail
cd "$(dirname "$0")/.."

export PUPPETEER_SKIP_DOWNLOAD=1 ELECTRON_SKIP_BINARY_DOWNLOAD=1
npm ci --no-audit --no-fund

missing=()
if [ -n "${PUPPETEER_EXECUTABLE_PATH:-}" ]; then
  [ -x "$PUPPETEER_EXECUTABLE_PATH" ] || { echo "PUPPETEER_EXECUTABLE_PATH=$PUPPETEER_EXECUTABLE_PATH is not an executable" >&2; exit 1; }
elif ! command -v chromium >/dev/null && ! command -v chromium-browser >/dev/null && ! command -v google-chrome >/dev/null; then
  missing+=(chromium)
fi
command -v java >/dev/null || missing+=(default-jre-headless)
if [ -n "${EPUBCHECK_JAR:-}" ]; then
  [ -f "$EPUBCHECK_JAR" ] || { echo "EPUBCHECK_JAR=$EPUBCHECK_JAR is not a file" >&2; exit 1; }
elif [ ! -f /usr/share/java/epubcheck.jar ]; then
  missing+=(epubcheck)
fi
command -v pdftotext >/dev/null || missing+=(poppler-utils)
command -v qpdf >/dev/null || missing+=(qpdf)
command -v xmllint >/dev/null || missing+=(libxml2-utils)

if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    echo "Installing ${missing[*]} with apt-get"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Please install: ${missing[*]} (or set PUPPETEER_EXECUTABLE_PATH to a Chrome or Chromium)" >&2
    exit 1
  fi
fi
