#!/usr/bin/env bash
# Install the headless browser used by the end-to-end web test (tests/test_web_browser.py).
#
# We use Debian's own `chromium` package rather than `playwright install`: it
# comes from the distribution mirror (no download from a browser CDN) and
# Playwright drives it through `executable_path=/usr/bin/chromium`.
#
# Idempotent: does nothing when /usr/bin/chromium already exists. Never fails
# the caller: when the browser cannot be installed (no root, no apt, no
# mirror) it explains why and exits 0, and the browser test skips itself.
set -u

CHROMIUM="${QUOTETRACE_CHROMIUM:-/usr/bin/chromium}"

if [ -x "$CHROMIUM" ]; then
    echo "install-browser: $CHROMIUM already installed ($("$CHROMIUM" --version 2>/dev/null || echo 'version unknown'))"
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-browser: apt-get not found; install Chromium yourself and set QUOTETRACE_CHROMIUM. The browser test will be skipped."
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        SUDO="sudo -n"
    else
        echo "install-browser: need root (or password-less sudo) to apt-get install chromium. The browser test will be skipped."
        exit 0
    fi
fi

export DEBIAN_FRONTEND=noninteractive
echo "install-browser: apt-get update"
if ! $SUDO apt-get update -qq; then
    echo "install-browser: apt-get update failed (no mirror reachable?). The browser test will be skipped."
    exit 0
fi
echo "install-browser: apt-get install chromium"
if ! $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null; then
    echo "install-browser: apt-get install chromium failed. The browser test will be skipped."
    exit 0
fi

if [ -x "$CHROMIUM" ]; then
    echo "install-browser: installed $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
else
    echo "install-browser: chromium installed but $CHROMIUM is missing; set QUOTETRACE_CHROMIUM to its path."
fi
exit 0
