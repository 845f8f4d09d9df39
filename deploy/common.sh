# Sourced by deploy/sweep, deploy/submit and deploy/standalone/*: where the build is, which java, the JVM flags, and
# building what a script needs when it is missing or older than the sources.
# Environment:
#   ANCHOR_SWEEP_BUILD_DIR   build folder name inside each module (default target; mvn -Dbuild.dir.name=...)
#   ANCHOR_SWEEP_NO_BUILD=1  never build: use the jars as they are, fail if one is missing (the integration tests
#                            set it: Maven has just built them)
#   ANCHOR_SWEEP_MVN_OPTS    extra Maven options for those builds (e.g. -o)
#   JAVA_HOME                the Java 17 to use (default: java on the PATH)
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir="${ANCHOR_SWEEP_BUILD_DIR:-target}"
driver_build="$root/sweep-driver/$build_dir"
launcher_jar="$driver_build/sweep-driver.jar"
launcher_lib="$driver_build/lib"
job_jar="$driver_build/anchor-sweep-job.jar"
java_bin=java
[ -n "${JAVA_HOME:-}" ] && java_bin="$JAVA_HOME/bin/java"
jvm_flags=$(sed -n 's/^jvm.module.flags=//p' "$root/deploy/jvm.properties")

# true when $1 is missing or a source or pom of the project is newer
older_than_sources() {
  [ ! -e "$1" ] && return 0
  [ -n "$(find "$root/worker/src/main" "$root/analysis/src/main" "$root/sweep-driver/src/main" "$root"/pom.xml \
      "$root"/*/pom.xml -newer "$1" -type f -print -quit 2>/dev/null)" ]
}

# build_if_stale WHAT TARGET MAVEN-ARGS...: runs mvn MAVEN-ARGS in the project root when TARGET is stale
build_if_stale() {
  local what=$1 target=$2
  shift 2
  if [ "${ANCHOR_SWEEP_NO_BUILD:-}" = 1 ]; then
    [ -e "$target" ] && return 0
    echo "anchor-sweep: $what $target is missing, and ANCHOR_SWEEP_NO_BUILD=1; build it with:" \
      "mvn -Dbuild.dir.name=$build_dir $*" >&2
    return 1
  fi
  older_than_sources "$target" || return 0
  echo "anchor-sweep: building $what (mvn $*) ..." >&2
  # Maven's output (quiet mode still prints terminal escapes) only when the build fails
  local log status=0
  log=$(mktemp)
  # shellcheck disable=SC2086
  (cd "$root" && mvn -B -q -Dbuild.dir.name="$build_dir" ${ANCHOR_SWEEP_MVN_OPTS:-} "$@" >"$log" 2>&1) || status=$?
  if [ "$status" -ne 0 ]; then
    cat "$log" >&2
    echo "anchor-sweep: building $what failed (mvn exit code $status)" >&2
  fi
  rm -f "$log"
  return "$status"
}

# the launcher: sweep-driver.jar + lib/ (mvn package)
ensure_launcher() {
  local target=$launcher_jar
  [ -d "$launcher_lib" ] || target=$launcher_lib   # a missing lib/ is stale too
  build_if_stale "the launcher" "$target" -DskipTests package
}

# the job jar for executors and spark-submit (mvn -Pcluster package: shading takes ~25 s, so not in every build)
ensure_job_jar() {
  build_if_stale "the job jar" "$job_jar" -Pcluster -DskipTests package
}

# true when a Spark master URL runs executors in this JVM or on this machine only
is_loopback_master() {
  case "$1" in
    local*|spark://127.0.0.1*|spark://localhost*) return 0 ;;
    *) return 1 ;;
  esac
}
