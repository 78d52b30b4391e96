#!/bin/bash
# HTTP benchmark (issue #3): throughput and p99 latency of careline-server's
# GET /api/v1/health and GET /api/v1/patients?q= at 100 concurrent
# connections (wrk), with nginx serving a small static JSON file on the
# same machine, in the same run, as the yardstick.
# Target: each careline endpoint ≥ 30 % of nginx's requests/s.
# Also printed: each server's CPU time per request (from /proc), which
# tells where a shortfall comes from when the machine is shared.
#
# Runs, interleaved so that drift hits both sides alike:
#   nginx(1 worker), nginx(auto), health, patients, nginx(auto), nginx(1 worker)
# careline-server runs with --threads = the number of CPUs, so the
# yardstick is the mean of the two runs of nginx with worker_processes
# auto (one worker per CPU), the like-for-like comparison; the ratio to
# nginx with one worker is printed for information.
#
# Usage: bench-http.sh CARELINE_SERVER
# Environment: BENCH_PATIENTS (default 20000) demo patients in the store,
#              BENCH_DURATION (default 10s) length of each wrk run,
#              BENCH_KEEP=1 keeps the temporary folder (and logs).
# Exit: 0 every target met, 1 a target missed or a step failed, 77 skipped
# (wrk or nginx missing).

set -euo pipefail
export LC_ALL=C

SERVER=${1:?usage: bench-http.sh CARELINE_SERVER}
PATIENTS=${BENCH_PATIENTS:-20000}
DURATION=${BENCH_DURATION:-10s}
CONNECTIONS=100
THREADS=2
TARGET=30            # per cent of nginx's requests/s
PASSWORD=bench-password
QUERY='q=zh&limit=20'

NGINX=$(command -v nginx || true)
[ -z "$NGINX" ] && [ -x /usr/sbin/nginx ] && NGINX=/usr/sbin/nginx
WRK=$(command -v wrk || true)
if [ -z "$NGINX" ] || [ -z "$WRK" ]; then
  echo "bench-http: needs wrk and nginx; install them with:" >&2
  echo "  apt-get install -y wrk nginx-light" >&2
  echo "(then make sure no system nginx is left running: service nginx stop)" >&2
  exit 77
fi
for tool in curl; do
  if ! command -v "$tool" >/dev/null; then
    echo "bench-http: needs $tool" >&2
    exit 77
  fi
done
if [ ! -x "$SERVER" ]; then
  echo "bench-http: no careline-server at $SERVER" >&2
  exit 1
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/careline-bench-http.XXXXXX")
SERVER_PID=
NGINX_PIDFILES=()

cleanup() {
  local status=$?
  if [ -n "$SERVER_PID" ]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  for pidfile in "${NGINX_PIDFILES[@]}"; do
    if [ -s "$pidfile" ]; then
      # QUIT: graceful stop of the master and its workers.
      kill -QUIT "$(cat "$pidfile")" 2>/dev/null || true
    fi
  done
  # Give nginx a moment to stop, then make sure.
  for pidfile in "${NGINX_PIDFILES[@]}"; do
    for _ in $(seq 50); do [ -e "$pidfile" ] || break; sleep 0.1; done
    if [ -s "$pidfile" ]; then kill -KILL "$(cat "$pidfile")" 2>/dev/null || true; fi
  done
  wait 2>/dev/null || true
  if [ "${BENCH_KEEP:-0}" = 1 ]; then
    echo "bench-http: kept $TMP"
  else
    rm -rf "$TMP"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_is_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# --- careline-server ------------------------------------------------------

echo "bench-http: demo data, $PATIENTS patients…"
t0=$SECONDS
"$SERVER" demo-data --db "$TMP/careline.db" --patients "$PATIENTS" >"$TMP/demo-data.log" 2>&1 \
  || { cat "$TMP/demo-data.log" >&2; exit 1; }
echo "bench-http: demo data made in $((SECONDS - t0)) s"
echo "$PASSWORD" | "$SERVER" user add bench --role case_manager --db "$TMP/careline.db" >/dev/null

"$SERVER" serve --db "$TMP/careline.db" --listen 127.0.0.1:0 --threads "$(nproc)" \
  >"$TMP/server.out" 2>"$TMP/server.err" &
SERVER_PID=$!
URL=
for _ in $(seq 100); do
  URL=$(grep -o 'https\?://[^ ]*' "$TMP/server.out" 2>/dev/null | head -n 1 || true)
  [ -n "$URL" ] && break
  kill -0 "$SERVER_PID" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$URL" ]; then
  echo "bench-http: careline-server did not start:" >&2
  cat "$TMP/server.err" >&2
  exit 1
fi
URL=${URL%/}
echo "bench-http: careline-server (pid $SERVER_PID) at $URL"

TOKEN=$(curl -sf -H 'Content-Type: application/json' \
          -d "{\"username\":\"bench\",\"password\":\"$PASSWORD\"}" "$URL/api/v1/session" \
        | sed -n 's/.*"token" *: *"\([^"]*\)".*/\1/p')
if [ -z "$TOKEN" ]; then
  echo "bench-http: could not log in" >&2
  exit 1
fi

# Warm up: the first search builds the server's roster model.
t0=$(date +%s.%N)
curl -sf -o "$TMP/patients.json" -H "Authorization: Bearer $TOKEN" "$URL/api/v1/patients?$QUERY"
t1=$(date +%s.%N)
printf 'bench-http: first search (builds the roster) took %.0f ms; answer: %s…\n' \
  "$(echo "$t0 $t1" | awk '{ print ($2 - $1) * 1000 }')" "$(head -c 120 "$TMP/patients.json")"
curl -sf -o /dev/null "$URL/api/v1/health"

# --- nginx ---------------------------------------------------------------

# nginx's workers run as an unprivileged user when it is started as root:
# the static file's folder must be theirs to read (the rest of $TMP is not).
chmod 711 "$TMP"
mkdir -m 755 "$TMP/www"
printf '{"status": "ok", "schema": 1}' >"$TMP/www/health.json"
chmod 644 "$TMP/www/health.json"

# start_nginx NAME WORKERS: a private nginx on a free port; sets NGINX_URL.
start_nginx() {
  local name=$1 workers=$2 port conf
  for _ in $(seq 20); do
    port=$((20000 + RANDOM % 40000))
    port_is_free "$port" || continue
    mkdir -p "$TMP/$name/logs"
    conf="$TMP/$name/nginx.conf"
    cat >"$conf" <<EOF
# Private nginx for bench-http.sh (started in the foreground, one or "auto" workers)
daemon off;
worker_processes $workers;
pid $TMP/$name/nginx.pid;
error_log $TMP/$name/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  default_type application/octet-stream;
  types { application/json json; }
  client_body_temp_path $TMP/$name/client_body;
  proxy_temp_path $TMP/$name/proxy;
  fastcgi_temp_path $TMP/$name/fastcgi;
  uwsgi_temp_path $TMP/$name/uwsgi;
  scgi_temp_path $TMP/$name/scgi;
  server {
    listen 127.0.0.1:$port;
    root $TMP/www;
    location = /health.json { }
  }
}
EOF
    NGINX_PIDFILES+=("$TMP/$name/nginx.pid")
    # daemon off: the master stays our child, so that it is reaped.
    "$NGINX" -c "$conf" -p "$TMP/$name" -e "$TMP/$name/logs/error.log" 2>"$TMP/$name/start.err" &
    for _ in $(seq 50); do
      [ -s "$TMP/$name/nginx.pid" ] && break
      kill -0 $! 2>/dev/null || break
      sleep 0.1
    done
    if [ -s "$TMP/$name/nginx.pid" ]; then
      NGINX_URL="http://127.0.0.1:$port/health.json"
      if ! curl -sf -o /dev/null "$NGINX_URL"; then
        echo "bench-http: nginx does not serve $NGINX_URL:" >&2
        cat "$TMP/$name/logs/error.log" >&2
        exit 1
      fi
      echo "bench-http: nginx ($name, worker_processes $workers, master pid $(cat "$TMP/$name/nginx.pid")) at $NGINX_URL"
      return 0
    fi
    # The port was taken meanwhile, or nginx refused: try again.
    wait $! 2>/dev/null || true
  done
  echo "bench-http: nginx did not start:" >&2
  cat "$TMP/$name/start.err" "$TMP/$name/logs/error.log" >&2 2>/dev/null || true
  exit 1
}

start_nginx nginx1 1
NGINX1_URL=$NGINX_URL
start_nginx nginxauto auto
NGINXAUTO_URL=$NGINX_URL

# --- wrk -----------------------------------------------------------------

# to_ms VALUE: wrk's "1.23ms" / "456.00us" / "1.02s" / "2.00m" in ms.
to_ms() {
  echo "$1" | awk '{
    v = $1; n = v + 0
    if (v ~ /us$/) n /= 1000
    else if (v ~ /ms$/) n *= 1
    else if (v ~ /m$/) n *= 60000
    else if (v ~ /s$/) n *= 1000
    printf "%.2f", n }'
}

# cpu_ticks PID…: the CPU time (user + system, in clock ticks) the
# threads of these processes have used so far.
cpu_ticks() {
  local pid total=0 ticks
  for pid in "$@"; do
    ticks=$(cat /proc/"$pid"/task/*/stat 2>/dev/null | awk '{ n += $14 + $15 } END { print n + 0 }')
    total=$((total + ticks))
  done
  echo "$total"
}
CLK_TCK=$(getconf CLK_TCK)

declare -A RPS P99 ERRORS CPU
# bench KEY "PID…" URL [wrk options…]: also the server's CPU time per
# request (PID…: the processes that serve), which the machine's other
# load does not change as much as it changes the requests per second.
bench() {
  local key=$1 pids=$2 url=$3 out before after requests
  shift 3
  out="$TMP/wrk-$key.txt"
  echo "bench-http: wrk -c$CONNECTIONS -t$THREADS -d$DURATION $key…"
  # shellcheck disable=SC2086
  before=$(cpu_ticks $pids)
  "$WRK" -c"$CONNECTIONS" -t"$THREADS" -d"$DURATION" --latency "$@" "$url" >"$out" 2>&1 \
    || { cat "$out" >&2; exit 1; }
  # shellcheck disable=SC2086
  after=$(cpu_ticks $pids)
  requests=$(awk '/ requests in / { print $1 }' "$out")
  CPU[$key]=$(echo "$before $after $requests $CLK_TCK" |
              awk '{ printf "%.0f", ($3 > 0) ? ($2 - $1) * 1e6 / $4 / $3 : 0 }')
  RPS[$key]=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
  P99[$key]=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")
  ERRORS[$key]=$(awk '/Non-2xx or 3xx responses:/ { n += $NF }
                      /Socket errors:/ { gsub(",", ""); n += $4 + $6 + $8 + $10 }
                      END { print n + 0 }' "$out")
  [ "${BENCH_VERBOSE:-0}" = 1 ] && cat "$out"
  if [ -z "${RPS[$key]}" ]; then
    echo "bench-http: could not read wrk's output:" >&2
    cat "$out" >&2
    exit 1
  fi
  printf 'bench-http:   %s req/s, p99 %s ms, errors %s, server CPU %s µs/request\n' \
    "${RPS[$key]}" "${P99[$key]}" "${ERRORS[$key]}" "${CPU[$key]}"
}

# nginx_pids NAME: the master and workers of that nginx.
nginx_pids() {
  local master
  master=$(cat "$TMP/$1/nginx.pid")
  echo "$master $(pgrep -P "$master" | tr '\n' ' ')"
}

AUTH=(-H "Authorization: Bearer $TOKEN")
bench nginx1-a "$(nginx_pids nginx1)" "$NGINX1_URL"
bench nginxauto-a "$(nginx_pids nginxauto)" "$NGINXAUTO_URL"
bench health "$SERVER_PID" "$URL/api/v1/health"
bench patients "$SERVER_PID" "$URL/api/v1/patients?$QUERY" "${AUTH[@]}"
bench nginxauto-b "$(nginx_pids nginxauto)" "$NGINXAUTO_URL"
bench nginx1-b "$(nginx_pids nginx1)" "$NGINX1_URL"

# --- summary -------------------------------------------------------------

mean() { echo "$1 $2" | awk '{ printf "%.2f", ($1 + $2) / 2 }'; }
YARD=$(mean "${RPS[nginxauto-a]}" "${RPS[nginxauto-b]}")
YARD_P99=$(mean "${P99[nginxauto-a]}" "${P99[nginxauto-b]}")
YARD_W1=$(mean "${RPS[nginx1-a]}" "${RPS[nginx1-b]}")
YARD_W1_P99=$(mean "${P99[nginx1-a]}" "${P99[nginx1-b]}")

ratio() { echo "$1 $2" | awk '{ printf "%.1f", 100 * $1 / $2 }'; }

echo
echo "HTTP benchmark: $CONNECTIONS connections, $THREADS wrk threads, $DURATION per run," \
     "$PATIENTS patients, $(nproc) CPUs, careline-server --threads $(nproc)"
echo "yardstick: nginx $("$NGINX" -v 2>&1 | sed 's/.*\///'), worker_processes auto ($(nproc))," \
     "static JSON file of $(wc -c <"$TMP/www/health.json") bytes, mean of 2 runs"
printf '%-34s %12s %10s %9s %9s %8s %10s\n' name 'req/s' 'p99 ms' '% nginx' '% w1' errors 'CPU µs/req'
row() {
  local name=$1 rps=$2 p99=$3 errors=$4 cpu=$5
  printf '%-34s %12s %10s %9s %9s %8s %10s\n' "$name" "$rps" "$p99" "$(ratio "$rps" "$YARD")" \
    "$(ratio "$rps" "$YARD_W1")" "$errors" "$cpu"
}
row "nginx auto (run 1)" "${RPS[nginxauto-a]}" "${P99[nginxauto-a]}" "${ERRORS[nginxauto-a]}" "${CPU[nginxauto-a]}"
row "nginx auto (run 2)" "${RPS[nginxauto-b]}" "${P99[nginxauto-b]}" "${ERRORS[nginxauto-b]}" "${CPU[nginxauto-b]}"
row "nginx auto (mean = yardstick)" "$YARD" "$YARD_P99" - -
row "nginx w1 (run 1)" "${RPS[nginx1-a]}" "${P99[nginx1-a]}" "${ERRORS[nginx1-a]}" "${CPU[nginx1-a]}"
row "nginx w1 (run 2)" "${RPS[nginx1-b]}" "${P99[nginx1-b]}" "${ERRORS[nginx1-b]}" "${CPU[nginx1-b]}"
row "nginx w1 (mean)" "$YARD_W1" "$YARD_W1_P99" - -
row "GET /api/v1/health" "${RPS[health]}" "${P99[health]}" "${ERRORS[health]}" "${CPU[health]}"
row "GET /api/v1/patients?$QUERY" "${RPS[patients]}" "${P99[patients]}" "${ERRORS[patients]}" "${CPU[patients]}"
echo "(CPU µs/req: the serving processes' CPU time, user + system, per request answered;"
echo " the machine's other load changes it less than it changes req/s)"
echo

status=0
for key in health patients; do
  pct=$(ratio "${RPS[$key]}" "$YARD")
  verdict=$(echo "$pct $TARGET ${ERRORS[$key]}" | awk '{ print ($1 >= $2 && $3 == 0) ? "PASS" : "FAIL" }')
  [ "$verdict" = PASS ] || status=1
  extra=
  [ "${ERRORS[$key]}" != 0 ] && extra=" (${ERRORS[$key]} wrk timeouts (> 2 s), socket errors or non-2xx answers)"
  echo "$verdict $key: ${RPS[$key]} req/s = $pct % of nginx auto (target ≥ $TARGET %)," \
       "$(ratio "${RPS[$key]}" "$YARD_W1") % of nginx w1$extra"
done
exit $status
