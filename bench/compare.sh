#!/usr/bin/env bash
# NiN Explorer's `bench` against the same nets in PyTorch at its best on this CPU: three PyTorch variants
# (NCHW fp32, channels_last fp32, channels_last with bf16 autocast), run alternately with ours
# (ours, nchw, cl, cl-bf16, ours, ...) so that all see the same machine load. Prints each run's median
# images/s with the load average, then per measurement the median over rounds of each, and the ratio of
# ours to PyTorch's fastest variant (> 1: we are faster).
#
# usage: bench/compare.sh [ROUNDS]      (default 3)
# env:   PYTHON (default /usr/bin/python3, Debian's python3-torch), TORCH_THREADS (default: nproc, the
#        threads ND4J uses), JAVA_OPTS (e.g. -Dnin.fastpath.bf16=false), ONLY (part of a measurement's label,
#        e.g. "train" or "fashion-28")
#        TORCH_WAIT_POLICY (default: none, libgomp's default; PASSIVE suits PyTorch on a loaded machine, where
#        spinning OpenMP workers collapse it)
# Both get glibc's allocator tuned (ours does it in code, PyTorch through MALLOC_*); PyTorch keeps libgomp's
# default OpenMP wait policy, its fastest on a quiet machine (our fast path sets PASSIVE for itself only).
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${1:-3}
PYTHON=${PYTHON:-/usr/bin/python3}
TORCH_THREADS=${TORCH_THREADS:-$(nproc)}
JAR=${JAR:-target/dist/nin-explorer.jar}
[[ -f $JAR ]] || mvn -q package -DskipTests

VARIANTS=(nchw channels_last channels_last-bf16)
have_torch=true
"$PYTHON" -c 'import torch' 2>/dev/null || { have_torch=false; VARIANTS=(); echo "PyTorch not installed for $PYTHON: ours only"; }

median_of() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
rate_in() { sed -n 's/.* median images_per_s=\([0-9.]*\).*/\1/p'; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

ours() {
  # shellcheck disable=SC2086
  java ${JAVA_OPTS:-} -jar "$JAR" bench "$@" 2>/dev/null | tee -a /dev/stderr | rate_in
}
# torch VARIANT ARGS...
torch() {
  local variant=$1; shift
  local flags=(--layout "${variant%-bf16}")
  [[ $variant == *-bf16 ]] && flags+=(--bf16)
  env -u OMP_WAIT_POLICY ${TORCH_WAIT_POLICY:+OMP_WAIT_POLICY=$TORCH_WAIT_POLICY} MALLOC_MMAP_MAX_=0 MALLOC_TRIM_THRESHOLD_=100000000000 \
    "$PYTHON" bench/nin_torch.py --threads "$TORCH_THREADS" "${flags[@]}" "$@" | tee -a /dev/stderr | rate_in
}

# compare LABEL ARGS...: ROUNDS alternating runs of ours and each PyTorch variant, then the summary lines.
compare() {
  local label=$1; shift
  [[ $label == *"${ONLY:-}"* ]] || return 0
  local -A runs=()
  local r v line rate
  for ((r = 1; r <= ROUNDS; r++)); do
    line="round $r $label (load $(load)):"
    rate=$(ours "$@")
    runs[ours]+="$rate "
    line+=" ours $rate"
    for v in "${VARIANTS[@]}"; do
      rate=$(torch "$v" "$@")
      runs[$v]+="$rate "
      line+=", pytorch $v $rate"
    done
    echo "$line images/s"
  done
  local ma best=0 bestv=none m
  ma=$(printf '%s\n' ${runs[ours]} | median_of)
  printf 'RESULT %s (load after: %s): ours %.1f images/s (%.2f ms/image)\n' "$label" "$(load)" "$ma" "$(awk -v a="$ma" 'BEGIN{print 1000/a}')"
  for v in "${VARIANTS[@]}"; do
    m=$(printf '%s\n' ${runs[$v]} | median_of)
    printf 'RESULT %s: pytorch %s %.1f images/s (%.2f ms/image), ours/this %.2f\n' "$label" "$v" "$m" \
      "$(awk -v a="$m" 'BEGIN{print 1000/a}')" "$(awk -v a="$ma" -v b="$m" 'BEGIN{print a/b}')"
    if awk -v a="$m" -v b="$best" 'BEGIN{exit !(a > b)}'; then best=$m; bestv=$v; fi
  done
  if $have_torch; then
    printf 'RESULT %s: ratio to PyTorch'"'"'s best (%s) %.2f\n' "$label" "$bestv" "$(awk -v a="$ma" -v b="$best" 'BEGIN{print a/b}')"
  fi
}

# Training is measured in its steady state, as a 5-epoch run (thousands of steps) sees it: both get the same
# warm-up, long enough for the JVM to compile its hot code (its compiler threads share the 2 cores meanwhile;
# at fashion-28 ours takes ~33 ms a step over the first 50 steps, ~28 over the next 50, ~23 from step 150 on).
compare "fashion-28 train batch 128" --preset fashion-28 --mode train --batch 128 --iters 150 --warmup 150
compare "d2l-224 train batch 128" --preset d2l-224 --mode train --batch 128 --iters 10 --warmup 5
# One sample's maps likewise in their steady state, after 500 calls for both (a session's worth of clicks, the
# timeline's and the step-through's): over ours' first ~100 calls the JVM compiles and G1 sizes its heap around the
# maps' megabyte-sized arrays, which costs d2l-224's maps ~0.6 ms a call (docs/performance.md).
compare "fashion-28 featuremaps" --preset fashion-28 --mode featuremaps --iters 200 --warmup 500
compare "d2l-224 featuremaps" --preset d2l-224 --mode featuremaps --iters 200 --warmup 500
