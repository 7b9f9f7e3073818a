#!/usr/bin/env bash
# NiN Explorer's `bench` against the same nets in PyTorch, run alternately (A B A B ...) so that both
# see the same machine load. Prints each run's median images/s, then the median over rounds and the
# ratio ours/PyTorch (> 1: we are faster).
#
# usage: bench/compare.sh [ROUNDS]      (default 3)
# env:   PYTHON (default /usr/bin/python3, Debian's python3-torch), TORCH_THREADS (default: nproc, the
#        threads ND4J uses), JAVA_OPTS (e.g. -Dnin.fastpath=false)
# PyTorch gets its best allocator setting and the same OpenMP wait policy our fast path sets.
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${1:-3}
PYTHON=${PYTHON:-/usr/bin/python3}
TORCH_THREADS=${TORCH_THREADS:-$(nproc)}
JAR=${JAR:-target/dist/nin-explorer.jar}
[[ -f $JAR ]] || mvn -q package -DskipTests

have_torch=true
"$PYTHON" -c 'import torch' 2>/dev/null || { have_torch=false; echo "PyTorch not installed for $PYTHON: ours only"; }

median_of() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
rate_in() { sed -n 's/.* median images_per_s=\([0-9.]*\).*/\1/p'; }

ours() {
  # shellcheck disable=SC2086
  java ${JAVA_OPTS:-} -jar "$JAR" bench "$@" 2>/dev/null | tee -a /dev/stderr | rate_in
}
torch() {
  MALLOC_MMAP_MAX_=0 MALLOC_TRIM_THRESHOLD_=100000000000 OMP_WAIT_POLICY=PASSIVE \
    "$PYTHON" bench/nin_torch.py --threads "$TORCH_THREADS" "$@" | tee -a /dev/stderr | rate_in
}

# compare LABEL ARGS...: ROUNDS alternating runs of both, then the summary line.
compare() {
  local label=$1; shift
  local a=() b=()
  for ((r = 1; r <= ROUNDS; r++)); do
    a+=("$(ours "$@")")
    if $have_torch; then b+=("$(torch "$@")"); fi
    echo "round $r $label: ours ${a[-1]} images/s${b:+, pytorch ${b[-1]} images/s}"
  done
  local ma mb
  ma=$(printf '%s\n' "${a[@]}" | median_of)
  if $have_torch; then
    mb=$(printf '%s\n' "${b[@]}" | median_of)
    awk -v l="$label" -v a="$ma" -v b="$mb" 'BEGIN {
      printf "RESULT %s: ours %.1f images/s (%.1f ms/image), pytorch %.1f images/s (%.1f ms/image), ratio %.2f\n",
             l, a, 1000 / a, b, 1000 / b, a / b }'
  else
    awk -v l="$label" -v a="$ma" 'BEGIN { printf "RESULT %s: ours %.1f images/s (%.1f ms/image)\n", l, a, 1000 / a }'
  fi
}

compare "fashion-28 train batch 128" --preset fashion-28 --mode train --batch 128 --iters 10 --warmup 3
compare "d2l-224 train batch 32" --preset d2l-224 --mode train --batch 32 --iters 3 --warmup 1
compare "fashion-28 featuremaps" --preset fashion-28 --mode featuremaps --iters 200 --warmup 100
compare "d2l-224 featuremaps" --preset d2l-224 --mode featuremaps --iters 30 --warmup 10
