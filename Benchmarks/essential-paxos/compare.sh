#!/usr/bin/env bash
# Single-decree rounds per second, as a user meets them: whole processes, side by side, release
# build. `paxlab run -q` of a script of ROUNDS rounds (`cluster 3 1 1`, `propose p1 red`,
# `deliver all`, `reset`) against the Python library essential-paxos 2.0 (PyPI) doing the same
# rounds in-process (rounds.py: fresh nodes each round, FIFO delivery). Five runs each,
# alternating; the medians and their ratio. Usage: bash compare.sh [ROUNDS]
set -euo pipefail
rounds=${1:-100000}
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

swift build -c release >/dev/null
python3 -m pip download --quiet --no-deps -d "$work" essential-paxos==2.0
tar xzf "$work/essential-paxos-2.0.tar.gz" -C "$work"
library="$work/essential-paxos-2.0"
yes $'cluster 3 1 1\npropose p1 red\ndeliver all\nreset' | head -n $((rounds * 4)) >"$work/rounds.paxos" || true

seconds() { # the wall-clock seconds of one whole process
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}
median() { printf '%s\n' "$@" | sort -g | sed -n "$((($# + 1) / 2))p"; }

paxlab=() python=()
for _ in 1 2 3 4 5; do
  paxlab+=("$(seconds .build/release/paxlab run -q "$work/rounds.paxos")")
  python+=("$(seconds python3 "$here/rounds.py" "$library" "$rounds")")
done
p=$(median "${paxlab[@]}")
e=$(median "${python[@]}")
printf 'paxlab run -q:   %.0f rounds/s (median of %s s)\n' "$(echo "$rounds / $p" | bc -l)" "${paxlab[*]}"
printf 'essential-paxos: %.0f rounds/s (median of %s s)\n' "$(echo "$rounds / $e" | bc -l)" "${python[*]}"
printf 'ratio: %.2fx\n' "$(echo "$e / $p" | bc -l)"
