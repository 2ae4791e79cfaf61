#!/usr/bin/env bash
# The Debian packages the tests use beyond Python: PostgreSQL (the team store's tests start a
# throw-away server from its binaries) and Chromium with its driver (the dashboard's tests).
# Installs what is missing when run as root with apt-get; otherwise says what will be skipped.
set -euo pipefail
need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null || need+=(postgresql)
command -v chromium >/dev/null || need+=(chromium)
command -v chromedriver >/dev/null || need+=(chromium-driver)
if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing ${need[*]} (apt-get)" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
else
  echo "warning: ${need[*]} not installed and not root: the tests that need them will skip" >&2
fi
