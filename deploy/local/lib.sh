# shellcheck shell=bash
# Shared by deploy/local/up and deploy/local/down: paths, the service table and the way
# processes are started and stopped. Sourced, not run.
# shellcheck disable=SC2034 # the variables are used by the scripts that source this file

LOCAL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$LOCAL_DIR/../.." && pwd)"

STATE_DIR="${LOCAL_STATE_DIR:-$REPO_ROOT/.local}"
LOG_DIR="$STATE_DIR/logs"
PID_DIR="$STATE_DIR/pids"
KAFKA_DIR="$STATE_DIR/kafka"
NGINX_DIR="$STATE_DIR/nginx"
SECRETS_DIR="$STATE_DIR/secrets"
RUN_DIR="$STATE_DIR/run"

# name, HTTP port, database. The port can be overridden with <NAME>_PORT, e.g.
# PATIENTS_SERVICE_PORT=9081 (the gateway follows).
SERVICES=(patients-service scheduling-service messaging-service assessments-service notifier-service)
declare -A SERVICE_DEFAULT_PORT=(
  [patients-service]=8081 [scheduling-service]=8082 [messaging-service]=8083
  [assessments-service]=8084 [notifier-service]=8085)
declare -A SERVICE_DB=(
  [patients-service]=patients [scheduling-service]=scheduling [messaging-service]=messaging
  [assessments-service]=assessments [notifier-service]=notifier)

# The environment variable that overrides a service's port: patients-service -> PATIENTS_SERVICE_PORT
service_port_var() {
  local v="${1^^}"
  printf '%s_PORT' "${v//-/_}"
}

service_port() {
  local var
  var="$(service_port_var "$1")"
  printf '%s' "${!var:-${SERVICE_DEFAULT_PORT[$1]}}"
}

# Instances beyond the first (deploy/local/up --replicas N): instance k of a service is named <service>-k and
# listens on the service's port + (k - 1) * REPLICA_PORT_STEP (patients-service-2 on 8091 by default).
REPLICA_PORT_STEP="${REPLICA_PORT_STEP:-10}"

# instance_name SERVICE K, instance_port SERVICE K
instance_name() { if (($2 == 1)); then printf '%s' "$1"; else printf '%s-%s' "$1" "$2"; fi; }
instance_port() { printf '%s' $(($(service_port "$1") + ($2 - 1) * REPLICA_PORT_STEP)); }

# Every service instance with a pid file (the first instances always), in service order.
service_instances() {
  local svc f
  for svc in "${SERVICES[@]}"; do
    printf '%s\n' "$svc"
    for f in "$PID_DIR/$svc"-[0-9]*.pid; do
      [[ -e "$f" ]] && basename "$f" .pid
    done
  done
}

STOP_TIMEOUT="${STOP_TIMEOUT:-30}"

# Order in which things are stopped: the gateway first, Kafka last (services flush to it).
stop_order() {
  printf '%s\n' gateway $(service_instances) kafka
}

# Is the process alive (and not a zombie)?
pid_alive() {
  local pid="$1" stat
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  [[ -r "/proc/$pid/stat" ]] || return 1
  stat="$(cat "/proc/$pid/stat" 2>/dev/null)" || return 1
  stat="${stat##*) }"
  [[ "${stat:0:1}" != Z ]]
}

# The start time of a process (clock ticks since boot): with the pid, it names the process
# for good, so that a pid reused by an unrelated process is never signalled.
proc_starttime() {
  local stat
  local -a fields
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
  read -r -a fields <<<"${stat##*) }"
  printf '%s' "${fields[19]}"
}

# write_pid NAME PID: record a process we started.
write_pid() {
  local start
  start="$(proc_starttime "$2")" || start=""
  printf '%s %s\n' "$2" "$start" >"$PID_DIR/$1.pid"
}

read_pid() {
  local f="$PID_DIR/$1.pid" pid
  [[ -s "$f" ]] || return 1
  read -r pid _ <"$f" || [[ -n "${pid:-}" ]] || return 1
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  printf '%s' "$pid"
}

# running_pid NAME: the pid of NAME if that very process is still running.
running_pid() {
  local f="$PID_DIR/$1.pid" pid start
  [[ -s "$f" ]] || return 1
  read -r pid start <"$f" || [[ -n "${pid:-}" ]] || return 1
  [[ "$pid" =~ ^[0-9]+$ ]] && pid_alive "$pid" || return 1
  if [[ -n "${start:-}" ]]; then
    [[ "$(proc_starttime "$pid")" == "$start" ]] || return 1
  else
    # No start time recorded (the process was killed before it was): every process up
    # starts names the state folder or the repository in its command line.
    local cmd
    cmd="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" || return 1
    [[ "$cmd" == *"$STATE_DIR"* || "$cmd" == *"$REPO_ROOT"* ]] || return 1
  fi
  printf '%s' "$pid"
}

# Stop the named processes (pid files in $PID_DIR): SIGTERM to each one's process group
# (every process is started as its own session leader), wait up to $STOP_TIMEOUT seconds,
# then SIGKILL what is left. Prints one line per process.
stop_named() {
  local name pid deadline
  local -a names=() pids=()
  for name in "$@"; do
    if pid="$(running_pid "$name")"; then
      kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
      names+=("$name")
      pids+=("$pid")
    fi
    rm -f "$PID_DIR/$name.pid"
  done
  ((${#pids[@]})) || return 0
  deadline=$((SECONDS + STOP_TIMEOUT))
  local i left
  while :; do
    left=0
    for i in "${!pids[@]}"; do
      pid_alive "${pids[$i]}" && left=$((left + 1))
    done
    ((left == 0 || SECONDS >= deadline)) && break
    sleep 0.2
  done
  for i in "${!pids[@]}"; do
    if pid_alive "${pids[$i]}"; then
      kill -KILL -- "-${pids[$i]}" 2>/dev/null || kill -KILL "${pids[$i]}" 2>/dev/null || true
      printf '  %s (pid %s) did not stop within %ss: killed\n' "${names[$i]}" "${pids[$i]}" "$STOP_TIMEOUT"
    else
      # Whatever is left of its process group (nginx workers, say) goes too.
      kill -KILL -- "-${pids[$i]}" 2>/dev/null || true
      printf '  stopped %s (pid %s)\n' "${names[$i]}" "${pids[$i]}"
    fi
  done
}

# Stop everything in stop order, one group at a time (the services together).
stop_all() {
  stop_named gateway
  # shellcheck disable=SC2046 # one name a line, no spaces in them
  stop_named $(service_instances)
  stop_named kafka
}
