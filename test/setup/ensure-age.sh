#!/usr/bin/env bash
# The package tests check that the stock age tool (Debian's package) opens the engagement
# packages the workbench writes, and that the workbench opens what age writes. Install it when
# it is missing and we may; otherwise say so and carry on: those tests then skip with this
# reason printed.
set -uo pipefail
if command -v age >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "age is missing: installing Debian's age package (apt-get install age)." >&2
  export DEBIAN_FRONTEND=noninteractive
  if apt-get update -qq && apt-get install -y -qq age >/dev/null; then
    exit 0
  fi
fi
echo "age is not installed and could not be (sudo apt-get install -y age): the age interoperability tests will skip." >&2
exit 0
