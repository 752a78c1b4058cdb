#!/usr/bin/env bash
# Runs one of the benchmark mains of the test sources with its module's test class path.
#
#   ./bench.sh list              the benchmark names, one line each
#   ./bench.sh NAME [ARGS...]    build the module (and what it needs), then run NAME's main with ARGS
#   ./bench.sh figures [NAME...] build everything once, run the figure benchmarks (or those named) one after
#                                another, keep each output in target/bench/NAME.log, and print the README's
#                                figures table (markdown) from their last lines
#   ./bench.sh figures --table-only [NAME...]   only print the table from the kept outputs
#
# Environment:
#   BENCH_OFFLINE=1      pass -o to Maven
#   BENCH_NO_BUILD=1     skip the Maven build (use what is in */target)
#   BENCH_JAVA_OPTS      JVM options, instead of the benchmark's own defaults (e.g. -Xmx512m)
#   MVN                  the Maven command (default: mvn)
#
# The test class path is computed with dependency:build-classpath and cached in
# MODULE/target/bench-classpath.txt; it is computed again when a pom.xml is newer than the cache.
# Each benchmark ends its output with lines "name value unit (goal ...)".
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"

# name|module|main class|default JVM options|description
BENCHMARKS=(
  "makespan|sdk|dev.newsbatch.bench.MakespanBenchmark||batch makespan of 12,000 articles under a small quota: waves vs continuous vs lower bound [ARTICLES] [ENQUEUED_TOKENS] [TOKENS_PER_SECOND] (minutes)"
  "engine|sdk|dev.newsbatch.bench.EngineBenchmark|-Xmx512m|prepare 12,000 articles, parse 12,000 result lines, prepare 1,000,000 streamed articles [MILLION_CHARS] (minutes, 1.5 GB of temp files)"
  "planning|sdk|dev.newsbatch.internal.plan.PlanningBenchmark|-Xmx512m|plan 1,000,000 synthetic articles: time and peak heap [ARTICLES] (seconds)"
  "realtime-rpm|sdk|dev.newsbatch.bench.RealtimeRateBenchmark||real-time runner against an emulator enforcing the same RPM, without faults and with 503s: answered/configured RPM, 429s [RPM] [ARTICLES] [LATENCY_MS] [ERROR_RATE] (minutes)"
  "emulator|emulator|dev.newsbatch.emulator.EmulatorBenchmark||emulator throughput through google-genai: generateContent requests/s, upload/download MB/s [SECONDS] [THREADS] [MEGABYTES]"
  "seed-figures|sdk|dev.newsbatch.bench.SeedFiguresBenchmark||estimates for 12,000 articles of 9,000 chars on two models and two thinking settings (planning only, seconds)"
  "cost-check|sdk|dev.newsbatch.bench.CostCheck||estimate against actual cost of one batch run on the emulator [ARTICLES]"
  "extraction|sdk|dev.newsbatch.ingest.ExtractionBenchmarkMain||single-thread extraction speed on the dev set, against bare jsoup parse + text, median of 5 JVMs [PAGES_DIR] [ROUNDS] [FORKS] (2 minutes)"
  "extraction-score|sdk|dev.newsbatch.ingest.ExtractionScoreMain||extraction quality on the dev set: mean F1 and title match [PAGES_DIR] [PREDICTIONS_DIR]"
  "fetch|sdk|dev.newsbatch.ingest.FetchBenchmarkMain||URL fetching + extraction against a loopback server: pages/s [URLS] [MAX_CONCURRENCY] [MAX_PER_HOST]"
  "status-load|app|dev.newsbatch.app.rest.StatusLoadTest|-XX:+UseZGC|REST: wrk with 50 connections on job status, alone and beside 20 submitting clients: requests/s, p50, p99, errors [SECONDS] (needs wrk; 2 x (10 s warm-up + 30 s))"
  "backends|sdk|dev.newsbatch.bench.BackendsBenchmark||the same 12,000 articles on the Gemini API and on Vertex AI batch prediction, side by side on the emulator: jobs, makespan, cost, tokens [ARTICLES] [TOKENS_PER_SECOND] [BATCH_SIZE] (a few minutes)"
  "emulator-jobs|emulator|dev.newsbatch.emulator.EmulatorJobsBenchmark||emulator batches.get and list with 1,000 and 10,000 jobs on disk: microseconds per call, job files read [CALLS]"
)

# The benchmarks behind the README's figures table, in its order.
FIGURES=(makespan engine realtime-rpm status-load emulator-jobs extraction extraction-score)

usage() {
  echo "usage: ./bench.sh list | ./bench.sh NAME [ARGS...] | ./bench.sh figures [NAME...]" >&2
}

# Runs the figure benchmarks and prints one markdown table of their "name value unit (goal ...)" lines.
figures() {
  local run=1 name out
  if [[ "${1:-}" == "--table-only" ]]; then
    run=0
    shift
  fi
  local names=("$@")
  if [[ ${#names[@]} -eq 0 ]]; then
    names=("${FIGURES[@]}")
  fi
  mkdir -p target/bench
  if [[ $run == 1 && "${BENCH_NO_BUILD:-}" != 1 ]]; then
    # One reactor build: every module's jar and its test class path (naming the sibling jars under
    # */target), so that the runs below need no build and no module is taken from ~/.m2.
    local mvn_all=(${MVN:-mvn} -B -q -Dstyle.color=never -DskipTests package dependency:build-classpath
      -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt)
    [[ "${BENCH_OFFLINE:-}" == 1 || "${BENCH_OFFLINE:-}" == true ]] && mvn_all+=(-o)
    echo "bench: building every module (${mvn_all[*]})" >&2
    "${mvn_all[@]}" >&2
  fi
  for name in "${names[@]}"; do
    [[ $run == 1 ]] || continue
    out="target/bench/$name.log"
    echo "bench: running $name (output in $out)" >&2
    if ! BENCH_NO_BUILD=1 "$root/bench.sh" "$name" >"$out" 2>&1; then
      echo "bench: $name failed; see $out" >&2
    fi
  done
  echo "| benchmark | figure | value | unit | goal |"
  echo "| --- | --- | --- | --- | --- |"
  for name in "${names[@]}"; do
    { grep -E '^[a-z0-9-]+ [^ ]+ [^ ]+ \(goal' "target/bench/$name.log" 2>/dev/null || true; } \
      | sed -E "s/^([a-z0-9-]+) ([^ ]+) ([^ ]+) \(goal:? ?(.*)\)$/| $name | \1 | \2 | \3 | \4 |/"
  done
}

list() {
  local entry name module class opts desc
  for entry in "${BENCHMARKS[@]}"; do
    IFS='|' read -r name module class opts desc <<<"$entry"
    printf '%-17s %s\n' "$name" "$desc"
  done
}

lookup() {
  local entry name
  for entry in "${BENCHMARKS[@]}"; do
    name="${entry%%|*}"
    if [[ "$name" == "$1" ]]; then
      echo "$entry"
      return 0
    fi
  done
  return 1
}

if [[ $# -lt 1 ]]; then
  usage
  exit 2
fi
case "$1" in
  list) list; exit 0 ;;
  figures) shift; figures "$@"; exit 0 ;;
  -h|--help|help) usage; echo; list; exit 0 ;;
esac

if ! entry="$(lookup "$1")"; then
  echo "unknown benchmark: $1" >&2
  echo "known benchmarks:" >&2
  list >&2
  exit 2
fi
shift
IFS='|' read -r name module class default_opts desc <<<"$entry"

mvn_cmd=(${MVN:-mvn} -B -q -Dstyle.color=never)
if [[ "${BENCH_OFFLINE:-}" == 1 || "${BENCH_OFFLINE:-}" == true ]]; then
  mvn_cmd+=(-o)
fi

cp_file="$module/target/bench-classpath.txt"
stale=0
if [[ ! -s "$cp_file" ]]; then
  stale=1
else
  for pom in pom.xml */pom.xml; do
    if [[ "$pom" -nt "$cp_file" ]]; then
      stale=1
    fi
  done
fi

if [[ "${BENCH_NO_BUILD:-}" != 1 ]]; then
  # package builds the module and the modules it needs (-am), test classes included; in the same
  # reactor the class path names the sibling modules' jars under */target, not ~/.m2.
  goals=(-DskipTests package)
  if [[ $stale == 1 ]]; then
    goals+=(dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt)
  fi
  echo "bench: building $module (${mvn_cmd[*]} ${goals[*]} -pl $module -am)" >&2
  "${mvn_cmd[@]}" "${goals[@]}" -pl "$module" -am >&2
elif [[ $stale == 1 ]]; then
  echo "bench: computing the test class path of $module" >&2
  "${mvn_cmd[@]}" dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench-classpath.txt -pl "$module" >&2
fi

if [[ ! -d "$module/target/test-classes" ]]; then
  echo "bench: $module/target/test-classes is missing; build first (without BENCH_NO_BUILD)" >&2
  exit 1
fi

cp="$root/$module/target/test-classes:$root/$module/target/classes:$(cat "$cp_file")"
java_opts=(${BENCH_JAVA_OPTS-$default_opts})
echo "bench: $name: java ${java_opts[*]} $class $*" >&2
exec java "${java_opts[@]}" -cp "$cp" "$class" "$@"
