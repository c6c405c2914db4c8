#!/usr/bin/env bash
# Profile-guided release build of `locdoc` and the benchmark's examples.
#
#   bash benches/pgo.sh            # binaries in target/pgo/use/release/
#
# 1. builds `locdoc` and the examples instrumented (`-Cprofile-generate`), all
#    in one cargo invocation so that they share one build of the library;
# 2. trains them on the bundled `content/`: `check` in every output format,
#    a clean `build` and a no-change rebuild, and the floor in every mode;
# 3. merges the profiles with the `llvm-profdata` of rustc's own LLVM major
#    version (installed with apt-get when missing) and builds everything again
#    with `-Cprofile-use`.
#
# The floor is built and trained the same way as `locdoc`, so that the
# benchmark compares like with like. Output is the same as a plain release
# build's (the profile steers inlining, block layout and branch order only).
set -euo pipefail
cd "$(dirname "$0")/.."

TARGET=${PGO_TARGET_DIR:-target/pgo}
ROOT=$PWD
BINS=(--bin locdoc --example floor --example gen_corpus --example export_po)
log() { printf '[pgo] %s\n' "$*" >&2; }

major=$(rustc -vV | sed -n 's/^LLVM version: \([0-9]*\).*/\1/p')
profdata() {
  command -v "llvm-profdata-$major" 2>/dev/null && return
  [ -x "/usr/lib/llvm-$major/bin/llvm-profdata" ] && echo "/usr/lib/llvm-$major/bin/llvm-profdata"
  return 0
}
PROFDATA=$(profdata)
if [ -z "$PROFDATA" ]; then
  log "installing llvm-$major for llvm-profdata (rustc uses LLVM $major)"
  apt-get install -y -qq "llvm-$major" >/dev/null
  PROFDATA=$(profdata)
fi
[ -n "$PROFDATA" ] || { log "no llvm-profdata for LLVM $major"; exit 2; }

RAW=$ROOT/$TARGET/profiles
rm -rf "$RAW"
mkdir -p "$RAW"

log "instrumented build"
RUSTFLAGS="${RUSTFLAGS:-} -Cprofile-generate=$RAW" \
  cargo build --release --quiet --target-dir "$TARGET/gen" "${BINS[@]}"

log "training on content/"
GEN=$TARGET/gen/release
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT
for _ in 1 2 3; do
  for format in text json sarif; do
    "$GEN/locdoc" check --format "$format" --content content >/dev/null 2>&1 || true
  done
  rm -rf "$SCRATCH/site" "$SCRATCH/site.cache"
  "$GEN/locdoc" build --content content --out "$SCRATCH/site" >/dev/null 2>&1 || true
  "$GEN/locdoc" build --content content --out "$SCRATCH/site" >/dev/null 2>&1 || true
  "$GEN/examples/floor" content --mode none >/dev/null
  for mode in one-writer all-writers; do
    rm -rf "$SCRATCH/floor"
    "$GEN/examples/floor" content --mode "$mode" --out "$SCRATCH/floor" >/dev/null
  done
done
"$GEN/examples/gen_corpus" "$ROOT/content" "$SCRATCH/corpus" --files 40 >/dev/null
"$GEN/examples/export_po" "$SCRATCH/corpus" "$SCRATCH/po" >/dev/null

"$PROFDATA" merge -o "$RAW/merged.profdata" "$RAW"/*.profraw

log "optimized build"
RUSTFLAGS="${RUSTFLAGS:-} -Cprofile-use=$RAW/merged.profdata" \
  cargo build --release --quiet --target-dir "$TARGET/use" "${BINS[@]}"
echo "$TARGET/use/release"
