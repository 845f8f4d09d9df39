# Sourced by deploy/standalone/start and stop: the state folder of the cluster and how to find and end its processes.
#   ANCHOR_SWEEP_STANDALONE_DIR   state folder: pid file, logs, SPARK_HOME, workers' work dirs
#                                 (default ~/.anchor-sweep/standalone)
# shellcheck source=../common.sh
. "$(dirname "${BASH_SOURCE[0]}")/../common.sh"
state_dir="${ANCHOR_SWEEP_STANDALONE_DIR:-$HOME/.anchor-sweep/standalone}"
mkdir -p "$state_dir"
state_dir=$(cd "$state_dir" && pwd -P)
pids_file="$state_dir/pids"          # one line per daemon: <role> <pid> <process group>
spark_home="$state_dir/spark-home"

# the live processes of process group $1 that belong to this cluster: the daemon itself and the executors it launched
# (a worker's executors stay in its process group, even after a kill -9 of the worker). Every one of them runs from
# $spark_home, so a recycled group id of an unrelated process never matches.
cluster_members() {
  local p
  for p in $(pgrep -g "$1" 2>/dev/null || true); do
    if tr '\0' ' ' < "/proc/$p/cmdline" 2>/dev/null | grep -qF "$spark_home/"; then echo "$p"; fi
  done
}

# every live process of the recorded groups
all_members() {
  [ -f "$pids_file" ] || return 0
  local role pid group
  while read -r role pid group; do
    [ -n "$group" ] && cluster_members "$group"
  done < "$pids_file"
}

# ends every recorded daemon and its executors: TERM (a worker then stops its executors), then KILL after $1 seconds
stop_cluster() {
  local grace=${1:-20} left p i
  [ -f "$pids_file" ] || return 0
  # workers and their executors first, then the master
  left=$( (grep -v '^master ' "$pids_file" || true; grep '^master ' "$pids_file" || true) | while read -r role pid group; do
    for p in $(cluster_members "$group"); do echo "$p"; done
  done)
  for p in $left; do kill -TERM "$p" 2>/dev/null || true; done
  for ((i = 0; i < grace * 5; i++)); do
    left=$(all_members)
    [ -z "$left" ] && break
    sleep 0.2
  done
  left=$(all_members)
  if [ -n "$left" ]; then
    echo "standalone: killing processes still running after ${grace}s:" $left >&2
    for p in $left; do kill -KILL "$p" 2>/dev/null || true; done
    sleep 0.5
  fi
  left=$(all_members)
  if [ -n "$left" ]; then
    echo "standalone: processes of the cluster in $state_dir survive: $left" >&2
    return 1
  fi
  rm -f "$pids_file" "$state_dir/master-url"
}
