#!/usr/bin/env bash
# Speed benchmark: `ambit build` against Hugo on the same synthetic corpus, outputs in RAM and on
# disk, plus the time `ambit serve` takes from a save until the new page is served.
#
#   bench/run.sh                       # 20 places × 450 actions (10,080 pages), 3 alternating rounds
#   PLACES=5 ACTIONS=100 RUNS=1 bench/run.sh
#   NO_HUGO=1 bench/run.sh             # ambit only
#   NO_THEMED=1 bench/run.sh           # skip the slow Hugo run with the bench/hugo/ theme
#   NO_SERVE=1 bench/run.sh            # skip the serve latency
#   KEEP=1 bench/run.sh                # keep the temp folder (corpus, outputs, logs)
#
# The corpus comes from bench/gen_synthetic.py, which also writes the same pages as a Hugo site
# with plain templates (title, front-matter facts, body; list pages link their children). A
# second Hugo site converted from the same corpus by the `synth` binary of bench/corpus/
# (`--convert-only`) uses
# the theme in bench/hugo/, which renders what ambit's default theme renders (links, progress,
# status groups, facts, search documents, feeds, open data). Each round builds, alternating and
# into fresh folders: ambit, Hugo plain, Hugo themed, first with the outputs in RAM (/dev/shm, so
# the disk's own cost does not hide the tools' work) and then on disk (the temp folder), where
# ambit also builds a second time over its kept previous tree. Wall time, CPU user/sys and peak
# RSS come from GNU time (`/usr/bin/time -v`); the figures are medians over the rounds (peak
# RSS: the maximum). Then bench/serve_latency.py saves an action five times under `ambit serve`
# and reports the median time until the page with the new title is served.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PLACES=${PLACES:-20}
ACTIONS=${ACTIONS:-450}
RUNS=${RUNS:-3}
# "Today" for late actions and feeds, so that every run renders the same pages.
export AMBIT_TODAY=${AMBIT_TODAY:-2026-06-01}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ambit-bench.XXXXXX")
RAM_ROOT=/dev/shm
[[ -d $RAM_ROOT && -w $RAM_ROOT ]] || RAM_ROOT=""
RAM=""
[[ -n $RAM_ROOT ]] && RAM=$(mktemp -d "$RAM_ROOT/ambit-bench.XXXXXX")
cleanup() {
  [[ -n $RAM ]] && rm -rf "$RAM"
  if [[ "${KEEP:-0}" == 1 ]]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

say() { printf '\n== %s\n' "$*" >&2; }
can_apt() { [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; }

if [[ ! -x /usr/bin/time ]]; then
  if can_apt; then
    say "installing GNU time"
    apt-get install -y time >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y time >/dev/null; }
  else
    echo "bench: /usr/bin/time (GNU time) is missing: apt-get install time" >&2
    exit 2
  fi
fi

HUGO=""
if [[ "${NO_HUGO:-0}" != 1 ]]; then
  if ! command -v hugo >/dev/null && can_apt; then
    say "installing hugo (Debian package)"
    apt-get install -y hugo >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y hugo >/dev/null 2>&1; } || true
  fi
  HUGO=$(command -v hugo || true)
  [[ -n "$HUGO" ]] || echo "bench: hugo not available; measuring ambit only" >&2
fi

say "building ambit and the Hugo converter (release)"
(cd "$ROOT" && cargo build --release --quiet --bin ambit && cargo build --release --quiet -p ambit-corpus --bin synth)
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
AMBIT="$TARGET/release/ambit"
SYNTH="$TARGET/release/synth"

say "generating $PLACES places × $ACTIONS actions into $WORK"
python3 "$ROOT/bench/gen_synthetic.py" "$WORK/content" "$PLACES" "$ACTIONS" --hugo "$WORK/hugo-plain" >/dev/null
THEMED=0
if [[ -n "$HUGO" && "${NO_THEMED:-0}" != 1 ]]; then
  "$SYNTH" --convert-only --hugo "$WORK/hugo-themed" "$WORK/content" >/dev/null
  THEMED=1
fi
FILES=$(find "$WORK/content" -name '*.md' | wc -l)
SIZE=$(du -sm "$WORK/content" | cut -f1)
"$AMBIT" check --content "$WORK/content" >"$WORK/check.log" 2>&1 || { cat "$WORK/check.log" >&2; echo "bench: the corpus does not pass ambit check" >&2; exit 1; }

# measure NAME CMD...: runs CMD under GNU time, appends "wall kB user sys" to $WORK/NAME.txt.
measure() {
  local name=$1; shift
  sync # the previous run's writeback must not land in this one
  if ! /usr/bin/time -v -o "$WORK/time.txt" "$@" >"$WORK/$name.log" 2>&1; then
    cat "$WORK/$name.log" >&2
    echo "bench: $name failed" >&2
    exit 1
  fi
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i] }
    /Maximum resident set size/ { kb = $2 }
    /User time/ { user = $2 }
    /System time/ { sys = $2 }
    END { printf "%.2f %d %.2f %.2f\n", s, kb, user, sys }' "$WORK/time.txt" | tee -a "$WORK/$name.txt" |
    awk -v n="$name" '{ printf "   %-22s %7.2f s wall  %6.2f s user  %6.2f s sys  %6.0f MB\n", n, $1, $3, $4, $2 / 1024 }' >&2
}

# Waits until ambit's detached `__remove-tree` helpers are done, so that their deletions do not
# land in the next measured run.
settle() {
  local i
  for ((i = 0; i < 120; i++)); do
    pgrep -f -- "__remove-tree $1" >/dev/null || return 0
    sleep 0.5
  done
}

LOCATIONS=()
[[ -n $RAM ]] && LOCATIONS+=("ram:$RAM")
LOCATIONS+=("disk:$WORK/out")
mkdir -p "$WORK/out"
LOAD0=$(cut -d' ' -f1-3 /proc/loadavg)
for ((i = 1; i <= RUNS; i++)); do
  for loc in "${LOCATIONS[@]}"; do
    where=${loc%%:*} dir=${loc#*:}
    say "round $i of $RUNS, outputs in $where ($dir)"
    rm -rf "$dir/ambit" "$dir"/.ambit.ambit-* "$dir/plain" "$dir/themed"
    measure "$where-ambit" "$AMBIT" build --content "$WORK/content" --output "$dir/ambit"
    settle "$dir"
    if [[ $where == disk ]]; then
      measure "$where-ambit-again" "$AMBIT" build --content "$WORK/content" --output "$dir/ambit"
      settle "$dir"
    fi
    if [[ -n "$HUGO" ]]; then
      measure "$where-hugo-plain" "$HUGO" --quiet --source "$WORK/hugo-plain" --destination "$dir/plain"
      if [[ $THEMED == 1 ]]; then
        measure "$where-hugo-themed" "$HUGO" --quiet --source "$WORK/hugo-themed" --themesDir "$ROOT/bench" --theme hugo --destination "$dir/themed"
      fi
    fi
  done
done
LOAD1=$(cut -d' ' -f1-3 /proc/loadavg)

SERVE_MS=""
if [[ "${NO_SERVE:-0}" != 1 ]]; then
  say "serve: time from a save until the new title is served"
  cp -r "$WORK/content" "$WORK/serve-content"
  SERVE_OUT=${RAM:-$WORK}/serve
  python3 "$ROOT/bench/serve_latency.py" "$AMBIT" "$WORK/serve-content" "$SERVE_OUT" | tee "$WORK/serve.txt" >&2
  SERVE_MS=$(awk '/^median/ { print $2 }' "$WORK/serve.txt")
fi

# median FILE COLUMN / max FILE COLUMN
median() { cut -d' ' -f"$2" "$1" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
max() { cut -d' ' -f"$2" "$1" | sort -g | tail -1; }
div() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.'"${3:-2}"'f", (b > 0) ? a / b : 0 }'; }

say "results"
{
  echo "Corpus: bench/gen_synthetic.py, $PLACES places × $ACTIONS actions, $FILES Markdown files ($SIZE MB), AMBIT_TODAY=$AMBIT_TODAY."
  VERSIONS="ambit $("$AMBIT" --version | cut -d' ' -f2) (commit $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo '?'))"
  [[ -n "$HUGO" ]] && VERSIONS="$VERSIONS; $("$HUGO" version | cut -d' ' -f1-2)"
  echo "$VERSIONS. $RUNS alternating rounds on $(nproc) cores; times are medians, peak RSS the maximum. Load average before: $LOAD0; after: $LOAD1."
  echo
  echo "| output | build | pages | wall time | pages/s | CPU user | CPU sys | peak RSS | ambit / this (wall) |"
  echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  for loc in "${LOCATIONS[@]}"; do
    where=${loc%%:*} dir=${loc#*:}
    AW=$(median "$WORK/$where-ambit.txt" 1)
    for run in ambit ambit-again hugo-plain hugo-themed; do
      f="$WORK/$where-$run.txt"
      [[ -f $f ]] || continue
      case $run in
        ambit | ambit-again) out="$dir/ambit" label="ambit${run#ambit}" ;;
        hugo-plain) out="$dir/plain" label="Hugo, plain templates" ;;
        hugo-themed) out="$dir/themed" label="Hugo, bench/hugo theme" ;;
      esac
      [[ $run == ambit-again ]] && label="ambit, again over its kept tree"
      P=$(find "$out" -name index.html | wc -l)
      W=$(median "$f" 1)
      ratio=""
      [[ $run == hugo-* ]] && ratio="**$(div "$AW" "$W")**"
      echo "| $where | $label | $P | $W s | $(div "$P" "$W" 0) | $(median "$f" 3) s | $(median "$f" 4) s | $(awk -v k="$(max "$f" 2)" 'BEGIN { printf "%.0f", k / 1024 }') MB | $ratio |"
    done
  done
  [[ -n $SERVE_MS ]] && { echo; echo "ambit serve: a saved action is served with its new title after $SERVE_MS ms (median of 5 saves)."; }
  echo
  echo "Every run (wall s, peak RSS kB, user s, sys s):"
  for f in "$WORK"/{ram,disk}-*.txt; do
    [[ -f "$f" ]] && echo "- $(basename "$f" .txt): $(tr '\n' ';' <"$f" | sed 's/;$//; s/;/; /g')"
  done
} | tee "$WORK/results.md"
