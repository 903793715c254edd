#!/usr/bin/env bash
# Builds arena-perf and runs its speed measurements (plain mains in org.systemarena.perf).
#
#   perf/run.sh                              # every *Perf class
#   perf/run.sh LoadPerf                     # one class (simple or fully qualified name)
#   perf/run.sh 'LoadPerf 1000000 5000000'   # a class with its arguments, quoted
#
# Environment: JAVA_OPTS (default -Xmx8g -XX:+UseParallelGC), MVN_OPTS_EXTRA (e.g. -o for offline builds), SKIP_BUILD=1 to reuse
# the last build.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
module=arena-perf
cpfile="$module/target/perf-classpath.txt"

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  # dependency:build-classpath runs in the same reactor, so sibling modules resolve to this build's jars.
  mvn -q ${MVN_OPTS_EXTRA:-} -pl "$module" -am package -DskipTests \
      dependency:build-classpath -Dmdep.outputFile=target/perf-classpath.txt -DincludeScope=runtime
fi
classpath="$module/target/classes:$(cat "$cpfile")"

classes=("$@")
if [[ ${#classes[@]} -eq 0 ]]; then
  while IFS= read -r f; do
    classes+=("$(basename "$f" .java)")
  done < <(find "$module/src/main/java/org/systemarena/perf" -name '*Perf.java' | sort)
fi

for spec in "${classes[@]}"; do
  read -r -a words <<< "$spec"
  class="${words[0]}"
  [[ "$class" == *.* ]] || class="org.systemarena.perf.$class"
  echo "== $class ${words[*]:1}"
  # shellcheck disable=SC2086
  java ${JAVA_OPTS:--Xmx8g -XX:+UseParallelGC} -cp "$classpath" "$class" "${words[@]:1}"
done
