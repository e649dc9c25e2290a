#!/usr/bin/env bash
# The LibreOffice tests (test/office/) print and resave workpapers with Debian's LibreOffice,
# driven over UNO from Debian's Python, and read the PDF with poppler. Fonts: Noto Sans CJK
# stands in for 微軟正黑體, and Carlito (metric-compatible with Calibri, the workbook's default
# font) makes LibreOffice size columns as Excel does. Installs what is missing when we are
# root with apt-get; otherwise says how. Never fails: the tests skip with a printed reason
# where LibreOffice cannot be had (and fail under CI, whose run installs it).
set -uo pipefail
packages=(libreoffice-calc python3-uno poppler-utils fonts-noto-cjk fonts-crosextra-carlito)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' ||
    missing+=("$package")
done
if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "LibreOffice tests: installing ${missing[*]} (apt-get install --no-install-recommends)." >&2
  export DEBIAN_FRONTEND=noninteractive
  started=$SECONDS
  if apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
    echo "LibreOffice tests: installed in $((SECONDS - started)) s." >&2
    exit 0
  fi
  echo "LibreOffice tests: apt-get could not install ${missing[*]}; they will be skipped." >&2
  exit 0
fi
echo "LibreOffice tests: ${missing[*]} missing; install them (sudo apt-get install -y --no-install-recommends ${missing[*]}) or the tests are skipped." >&2
exit 0
