#!/usr/bin/env bash
# Puts the real Mermaid (mermaid.min.js) where the export tests look for it:
# .build-tools/mermaid/mermaid.min.js. It comes from the PyPI package artoo-mermaid, which ships
# Mermaid's browser bundle; the version is pinned and its checksum verified. Idempotent: does
# nothing when the file is already there with the right checksum.
#
# The tests also render with jsdom when Debian's node-jsdom is installed (apt-get install -y
# node-jsdom); without it they run Mermaid's parser only.
set -euo pipefail
cd "$(dirname "$0")/.."

package_version=11.16.0
sha256=74d7c46dabca328c2294733910a8aa1ed0c37451776e8d5295da38a2b758fb9b
target=.build-tools/mermaid

if [ -f "$target/mermaid.min.js" ] && echo "$sha256  $target/mermaid.min.js" | sha256sum -c --status; then
  exit 0
fi

download=$(mktemp -d)
trap 'rm -rf "$download"' EXIT
python3 -m pip download --quiet --no-deps --ignore-requires-python \
  "artoo-mermaid==$package_version" -d "$download"
mkdir -p "$target"
python3 - "$download" "$target" <<'PY'
import glob, sys, zipfile
download, target = sys.argv[1], sys.argv[2]
wheel = glob.glob(download + "/artoo_mermaid-*.whl")[0]
with zipfile.ZipFile(wheel) as archive:
    for name in ("mermaid.min.js", "NOTICE.md"):
        with open(f"{target}/{name}", "wb") as out:
            out.write(archive.read("artoo_mermaid/assets/" + name))
PY
echo "$sha256  $target/mermaid.min.js" | sha256sum -c --status || {
  echo "setup-mermaid: mermaid.min.js does not have the expected checksum" >&2
  rm -f "$target/mermaid.min.js"
  exit 1
}
echo "setup-mermaid: Mermaid $package_version in $target"
