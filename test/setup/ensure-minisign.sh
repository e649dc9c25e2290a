#!/usr/bin/env bash
# The sign-off tests check our signatures with the stock minisign tool (Debian's package), and
# its signatures with our code. Install it when it is missing and we may; otherwise say so and
# carry on: those tests then skip with this reason printed.
set -uo pipefail
if command -v minisign >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "minisign is missing: installing Debian's minisign package (apt-get install minisign)." >&2
  export DEBIAN_FRONTEND=noninteractive
  if apt-get update -qq && apt-get install -y -qq minisign >/dev/null; then
    exit 0
  fi
fi
echo "minisign is not installed and could not be (sudo apt-get install -y minisign): the minisign interoperability tests will skip." >&2
exit 0
