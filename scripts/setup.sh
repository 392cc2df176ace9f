#!/usr/bin/env bash
# Set-up of a fresh clone: the npm packages exactly as locked (no install scripts, see
# .npmrc), the jlaga program compiled from them (scripts/compile.ts), then the programs
# the editions and their tests need from the system: a Chromium, Chrome or Edge (prints
# the PDFs; the browser tests), Java with the Nu Html Checker and EPUBCheck (validate
# releases), poppler and qpdf (the tests' PDF checks), xmllint (the tests' XLIFF
# checks) and the Translate Toolkit (the tests' TMX check). Nothing is downloaded
# from anywhere but the npm registry and the system's package manager.
set -euo pipefail
cd "$(dirname "$0")/.."

export PUPPETEER_SKIP_DOWNLOAD=1 ELECTRON_SKIP_BINARY_DOWNLOAD=1
npm ci --no-audit --no-fund
npm run --silent compile

# The Debian package of each program, what needs it, and how to get it elsewhere.
declare -A needs=(
  [chromium]="prints the PDF editions (and the browser tests): install Chromium, Google Chrome or Microsoft Edge (macOS: brew install --cask chromium), or set PUPPETEER_EXECUTABLE_PATH to one"
  [default-jre-headless]="Java, only to validate releases (Nu Html Checker, EPUBCheck): install a Java runtime 11 or later (macOS: brew install openjdk)"
  [epubcheck]="EPUBCheck, only to validate releases: install it (macOS: brew install epubcheck) and set EPUBCHECK_JAR to its epubcheck.jar"
  [poppler-utils]="pdftotext and pdfinfo, only for the tests: install poppler (macOS: brew install poppler)"
  [qpdf]="qpdf, only for the tests: install qpdf (macOS: brew install qpdf)"
  [libxml2-utils]="xmllint, only for the tests: install libxml2's tools (macOS has xmllint)"
  [translate-toolkit]="the Translate Toolkit, only for the tests' TMX check: pip install translate-toolkit"
)

missing=()
if [ -n "${PUPPETEER_EXECUTABLE_PATH:-}" ]; then
  [ -x "$PUPPETEER_EXECUTABLE_PATH" ] || { echo "PUPPETEER_EXECUTABLE_PATH=$PUPPETEER_EXECUTABLE_PATH is not an executable" >&2; exit 1; }
else
  # The places the program itself looks in (scripts/find-browser.ts), on Linux and macOS.
  browser=$(npx tsx -e "import('./scripts/find-browser.ts').then(({ findBrowser }) => process.stdout.write(findBrowser() ?? ''))")
  if [ -n "$browser" ]; then echo "Browser: $browser"; else missing+=(chromium); fi
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
# Debian's package of it is a module of Debian's own Python.
/usr/bin/python3 -c 'import translate.storage.tmx' 2>/dev/null || missing+=(translate-toolkit)

if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    echo "Installing ${missing[*]} with apt-get"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Not installed (no apt-get to install them with, or not run as root):" >&2
    for package in "${missing[@]}"; do echo "  $package: ${needs[$package]}" >&2; done
    # Without a browser nothing can be built; the rest only validates and tests.
    for package in "${missing[@]}"; do [ "$package" = chromium ] && exit 1; done
    echo "Editions can be built; install the rest to validate releases and run the tests." >&2
  fi
fi
echo "Ready: npx jlaga --help"
