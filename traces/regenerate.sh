#!/usr/bin/env bash
# Regenerates traces/: the exports of every example and lesson script.
#
#   bash traces/regenerate.sh [PAXLAB_BINARY]
#
# Without an argument it uses $PAXLAB when set, else builds paxlab in release
# (swift build -c release) and uses that binary. It then runs
#
#   paxlab run examples/*.paxos lessons/*.paxos --export DIR
#
# (the scripts that exist), which writes NAME.json, NAME.mmd (or NAME-1.mmd, NAME-2.mmd, ... when
# the diagram is split), NAME.dot and NAME.md for each script, renders each NAME.dot to NAME.svg
# with Graphviz when `dot` is installed, and puts the result in traces/, removing the files of
# scripts that no longer exist. Every script must pass (exit 0): a failing `expect` stops
# everything and leaves traces/ as it was.
#
# Without `dot`, no SVG is rendered: an SVG whose .dot did not change is kept, the others are
# removed (an out-of-date picture is worse than none) and the script says so.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
traces="$root/traces"
cd "$root"

paxlab=${1:-${PAXLAB:-}}
if [ -z "$paxlab" ]; then
  echo "regenerate: building paxlab (swift build -c release)" >&2
  swift build -c release --product paxlab >&2
  paxlab="$(swift build -c release --show-bin-path)/paxlab"
fi
if [ ! -x "$paxlab" ]; then
  echo "regenerate: no paxlab binary at '$paxlab'" >&2
  exit 2
fi

shopt -s nullglob
scripts=(examples/*.paxos lessons/*.paxos)
shopt -u nullglob
if [ "${#scripts[@]}" -eq 0 ]; then
  echo "regenerate: no scripts in examples/ or lessons/" >&2
  exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/out"

if ! "$paxlab" run -q "${scripts[@]}" --export "$work/out" >"$work/log" 2>&1; then
  cat "$work/log" >&2
  echo "regenerate: a script failed; traces/ is unchanged" >&2
  exit 1
fi

# The files this script owns in traces/: every export and its picture, never README.md or itself.
is_generated() {
  case "$1" in
    README.md) return 1 ;;
    *.json | *.mmd | *.dot | *.md | *.svg) return 0 ;;
    *) return 1 ;;
  esac
}

# Render the SVGs in the work folder, or keep those still matching an unchanged .dot.
if command -v dot >/dev/null 2>&1; then
  for file in "$work"/out/*.dot; do
    dot -Tsvg "$file" -o "${file%.dot}.svg"
  done
else
  kept=0
  for file in "$work"/out/*.dot; do
    name=$(basename "$file" .dot)
    if [ -f "$traces/$name.svg" ] && cmp -s "$file" "$traces/$name.dot"; then
      cp "$traces/$name.svg" "$work/out/$name.svg"
      kept=$((kept + 1))
    fi
  done
  echo "regenerate: Graphviz 'dot' is not installed, so no SVG was rendered ($kept unchanged" \
    "kept); install it (apt-get install graphviz) and run this again" >&2
fi

# Replace the generated files of traces/ with the new ones.
removed=0
for path in "$traces"/*; do
  name=$(basename "$path")
  if [ -f "$path" ] && is_generated "$name" && [ ! -e "$work/out/$name" ]; then
    rm "$path"
    echo "regenerate: removed stale traces/$name" >&2
    removed=$((removed + 1))
  fi
done
changed=0
for path in "$work"/out/*; do
  name=$(basename "$path")
  if ! cmp -s "$path" "$traces/$name"; then
    cp "$path" "$traces/$name"
    changed=$((changed + 1))
  fi
done

count=$(find "$work/out" -maxdepth 1 -type f | wc -l)
echo "regenerate: ${#scripts[@]} scripts, $count files in traces/ ($changed written," \
  "$removed removed)" >&2
