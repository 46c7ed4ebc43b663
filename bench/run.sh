#!/usr/bin/env bash
# Scale benchmark: `ambit build` against Hugo on the same synthetic corpus.
#
#   bench/run.sh                       # 20 places × 450 actions, 3 alternating rounds
#   PLACES=5 ACTIONS=100 RUNS=1 bench/run.sh
#   NO_HUGO=1 bench/run.sh             # ambit only
#   KEEP=1 bench/run.sh                # keep the temp folder (corpus, outputs, logs)
#
# Steps: build ambit and the corpus generator (examples/synth.rs) in release mode; generate the
# corpus (and its Hugo copy, with the layouts of bench/hugo/) into a temp folder; check it with
# `ambit check`; then, RUNS times and alternating, time `ambit build` into a fresh output folder,
# again over that existing output (and a third time, when ambit reuses the previous tree it
# keeps), and the same for `hugo` (fresh, existing). Wall time and peak RSS come from
# GNU time (`/usr/bin/time -v`). Prints the medians, pages per second, the ratio ambit/hugo, and
# a Markdown table at the end.
#
# On a VM the kernel's share (creating ~10,000 folders and files, CPU sys) varies a lot with the
# state of the file system; CPU user is the stable figure for the generators' own work.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PLACES=${PLACES:-20}
ACTIONS=${ACTIONS:-450}
RUNS=${RUNS:-3}
SEED=${SEED:-1}
# "Today" for late actions and feeds, so that every run renders the same pages.
export AMBIT_TODAY=${AMBIT_TODAY:-2026-06-01}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ambit-bench.XXXXXX")
cleanup() { if [[ "${KEEP:-0}" == 1 ]]; then echo "kept $WORK"; else rm -rf "$WORK"; fi; }
trap cleanup EXIT

say() { printf '\n== %s\n' "$*" >&2; }
can_apt() { [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; }

# GNU time, for wall time and peak RSS.
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

say "building ambit and the corpus generator (release)"
(cd "$ROOT" && cargo build --release --quiet --bin ambit --example synth)
AMBIT="$ROOT/target/release/ambit"
SYNTH="$ROOT/target/release/examples/synth"

say "generating $PLACES places × $ACTIONS actions into $WORK"
HUGO_ARGS=()
[[ -n "$HUGO" ]] && HUGO_ARGS=(--hugo "$WORK/hugo")
"$SYNTH" --places "$PLACES" --actions "$ACTIONS" --seed "$SEED" "${HUGO_ARGS[@]}" "$WORK/content"
FILES=$(find "$WORK/content" -name '*.md' | wc -l)
SIZE=$(du -sm "$WORK/content" | cut -f1)
"$AMBIT" check --content "$WORK/content" >"$WORK/check.log" 2>&1 || { cat "$WORK/check.log" >&2; echo "bench: the corpus does not pass ambit check" >&2; exit 1; }

# measure NAME CMD...: runs CMD under GNU time, appends "seconds kB" to $WORK/NAME.txt.
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
    END { printf "%.2f %d %.2f %.2f %.2f\n", s, kb, user + sys, user, sys }' "$WORK/time.txt" | tee -a "$WORK/$name.txt" |
    awk -v n="$name" '{ printf "   %-16s %7.2f s wall  %7.2f s CPU (%.2f user, %.2f sys)  %6.0f MB\n", n, $1, $3, $4, $5, $2 / 1024 }' >&2
}

# Waits until ambit's detached `__remove-tree` helpers for this folder are done, so that their
# deletions do not land in the next measured run (they are not part of ambit's measured time).
settle() {
  local i
  for ((i = 0; i < 120; i++)); do
    pgrep -f -- "__remove-tree $WORK" >/dev/null || return 0
    sleep 0.5
  done
}

RUN_AMBIT=("$AMBIT" build --content "$WORK/content" --output "$WORK/out-ambit")
RUN_HUGO=("$HUGO" --quiet --source "$WORK/hugo" --themesDir "$ROOT/bench" --theme hugo --destination "$WORK/out-hugo")

LOAD0=$(cut -d' ' -f1-3 /proc/loadavg)
for ((i = 1; i <= RUNS; i++)); do
  say "round $i of $RUNS"
  # Fresh: no output folder and none of ambit's side folders (it keeps the previous tree as
  # .out-ambit.ambit-prev and reuses it as the staging folder of the next build).
  rm -rf "$WORK/out-ambit" "$WORK"/.out-ambit.ambit-*
  measure ambit-fresh "${RUN_AMBIT[@]}"
  settle
  measure ambit-existing "${RUN_AMBIT[@]}"
  settle
  measure ambit-third "${RUN_AMBIT[@]}"
  settle
  if [[ -n "$HUGO" ]]; then
    rm -rf "$WORK/out-hugo"
    measure hugo-fresh "${RUN_HUGO[@]}"
    measure hugo-existing "${RUN_HUGO[@]}"
  fi
done

# median FILE COLUMN / max FILE COLUMN
median() { cut -d' ' -f"$2" "$1" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
max() { cut -d' ' -f"$2" "$1" | sort -g | tail -1; }
mb() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
div() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.'"${3:-2}"'f", (b > 0) ? a / b : 0 }'; }

PAGES=$(find "$WORK/out-ambit" -name index.html | wc -l)
AF=$(median "$WORK/ambit-fresh.txt" 1); AE=$(median "$WORK/ambit-existing.txt" 1)
AFC=$(median "$WORK/ambit-fresh.txt" 3); AEC=$(median "$WORK/ambit-existing.txt" 3)
AFU=$(median "$WORK/ambit-fresh.txt" 4); AEU=$(median "$WORK/ambit-existing.txt" 4)
AFS=$(median "$WORK/ambit-fresh.txt" 5); AES=$(median "$WORK/ambit-existing.txt" 5)
AFM=$(max "$WORK/ambit-fresh.txt" 2); AEM=$(max "$WORK/ambit-existing.txt" 2)
AT=$(median "$WORK/ambit-third.txt" 1); ATU=$(median "$WORK/ambit-third.txt" 4); ATS=$(median "$WORK/ambit-third.txt" 5)
ATM=$(max "$WORK/ambit-third.txt" 2)
if [[ -n "$HUGO" ]]; then
  HPAGES=$(find "$WORK/out-hugo" -name index.html | wc -l)
  HF=$(median "$WORK/hugo-fresh.txt" 1); HE=$(median "$WORK/hugo-existing.txt" 1)
  HFC=$(median "$WORK/hugo-fresh.txt" 3); HEC=$(median "$WORK/hugo-existing.txt" 3)
  HFU=$(median "$WORK/hugo-fresh.txt" 4); HEU=$(median "$WORK/hugo-existing.txt" 4)
  HFS=$(median "$WORK/hugo-fresh.txt" 5); HES=$(median "$WORK/hugo-existing.txt" 5)
  HFM=$(max "$WORK/hugo-fresh.txt" 2); HEM=$(max "$WORK/hugo-existing.txt" 2)
fi

say "results"
{
  echo "Corpus: $PLACES places × $ACTIONS actions, $FILES Markdown files ($SIZE MB), seed $SEED, AMBIT_TODAY=$AMBIT_TODAY."
  echo "ambit wrote $PAGES pages (index.html files)${HUGO:+; hugo wrote $HPAGES}. $RUNS alternating rounds on $(nproc) cores; times are medians (each column on its own), peak RSS is the maximum over the rounds. Load average before the runs: $LOAD0; after: $(cut -d' ' -f1-3 /proc/loadavg)."
  VERSIONS="ambit $("$AMBIT" --version | cut -d' ' -f2) (commit $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo '?'), working tree as built)"
  [[ -n "$HUGO" ]] && VERSIONS="$VERSIONS; $("$HUGO" version | cut -d' ' -f1-2)"
  echo "$VERSIONS."
  echo
  echo "| build | output folder | wall time | pages/s | CPU user | CPU sys | peak RSS | ambit / hugo (wall) | ambit / hugo (user+sys) |"
  echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  if [[ -n "$HUGO" ]]; then
    echo "| ambit | fresh | $AF s | $(div "$PAGES" "$AF" 0) | $AFU s | $AFS s | $(mb "$AFM") MB | **$(div "$AF" "$HF")** | $(div "$AFC" "$HFC") |"
    echo "| hugo | fresh | $HF s | $(div "$HPAGES" "$HF" 0) | $HFU s | $HFS s | $(mb "$HFM") MB | | |"
    echo "| ambit | existing | $AE s | $(div "$PAGES" "$AE" 0) | $AEU s | $AES s | $(mb "$AEM") MB | **$(div "$AE" "$HE")** | $(div "$AEC" "$HEC") |"
    echo "| hugo | existing | $HE s | $(div "$HPAGES" "$HE" 0) | $HEU s | $HES s | $(mb "$HEM") MB | | |"
    echo "| ambit | third build (reuses its kept previous tree) | $AT s | $(div "$PAGES" "$AT" 0) | $ATU s | $ATS s | $(mb "$ATM") MB | $(div "$AT" "$HE") | |"
  else
    echo "| ambit | fresh | $AF s | $(div "$PAGES" "$AF" 0) | $AFU s | $AFS s | $(mb "$AFM") MB | – | – |"
    echo "| ambit | existing | $AE s | $(div "$PAGES" "$AE" 0) | $AEU s | $AES s | $(mb "$AEM") MB | – | – |"
    echo "| ambit | third build (reuses its kept previous tree) | $AT s | $(div "$PAGES" "$AT" 0) | $ATU s | $ATS s | $(mb "$ATM") MB | – | – |"
  fi
  echo
  echo "Every run (wall s, peak RSS kB, CPU user+sys s, user s, sys s):"
  for f in "$WORK"/{ambit,hugo}-{fresh,existing,third}.txt; do
    [[ -f "$f" ]] && echo "- $(basename "$f" .txt): $(tr '\n' ';' <"$f" | sed 's/;$//; s/;/; /g')"
  done
  if [[ -n "$HUGO" ]]; then
    echo
    OK_T=$(awk -v a="$AF" -v h="$HF" 'BEGIN { print (a <= h / 2) ? "yes" : "NO" }')
    OK_M=$(awk -v a="$AFM" -v b="$AEM" -v c="$ATM" 'BEGIN { m = a; if (b > m) m = b; if (c > m) m = c; print (m / 1024 <= 250) ? "yes" : "NO" }')
    echo "Target (fresh build at most half of Hugo's time, at most 250 MB): time $OK_T, memory $OK_M."
  fi
} | tee "$WORK/results.md"
