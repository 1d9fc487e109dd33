#!/usr/bin/env bash
# Measures hosterra against two references started here: a libmicrohttpd hello-world in C (the
# ceiling of our transport) and nginx serving a static copy of the same page (the machine's ceiling).
# wrk, 2 threads, 32 connections; prints requests/s, p50, p99, the ratios and hosterra's peak RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${BENCH_DURATION:-10}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
OUT=bench/out
rm -rf "$OUT"; mkdir -p "$OUT/data" "$OUT/www" "$OUT/nginx"
chmod 755 "$OUT" "$OUT/www"
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

# The HTML library alone, no HTTP: time to build and write a ~20 KB page (Sources/HTMLBench).
.build/release/html-bench

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_for() { for _ in $(seq 1 100); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.1; done; echo "timeout waiting for $1" >&2; return 1; }

gcc -O2 -o "$OUT/hello" bench/hello.c $(pkg-config --cflags --libs libmicrohttpd)

HPORT=$(free_port); "$OUT/hello" "$HPORT" 2 & PIDS+=($!)
APORT=$(free_port)
.build/release/hosterra serve --data-dir "$OUT/data" --port "$APORT" --access-log off > "$OUT/hosterra.log" 2>&1 & APP=$!; PIDS+=($APP)
wait_for "http://127.0.0.1:$HPORT/"; wait_for "http://127.0.0.1:$APORT/healthz"

# The demo customer, logged in once with curl: wrk then replays its session cookie on the dashboard.
# port -> prints the session cookie
demo_login() {
  local port=$1 jar="$OUT/cookies-$1.txt" page csrf session
  page=$(curl -fsS -c "$jar" "http://127.0.0.1:$port/login")
  csrf=$(printf '%s' "$page" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p')
  curl -fsS -b "$jar" -c "$jar" -o /dev/null --data-urlencode "_csrf=$csrf" --data-urlencode "email=demo@hosterra.example" \
    --data-urlencode "password=sunlit harbour quay 42" "http://127.0.0.1:$port/login"
  session=$(awk '$6 == "hs_session" {print $7}' "$jar")
  [ -n "$session" ] || { echo "bench: demo login failed on port $port" >&2; return 1; }
  echo "hs_session=$session"
}
.build/release/hosterra demo --data-dir "$OUT/data" > "$OUT/demo.txt"
COOKIE=$(demo_login "$APORT")

curl -fsS "http://127.0.0.1:$APORT/login" -o "$OUT/www/login.html"
curl -fsS -H "Cookie: $COOKIE" "http://127.0.0.1:$APORT/" -o "$OUT/www/dashboard.html"
grep -q "Atelier Martin" "$OUT/www/dashboard.html" || { echo "bench: dashboard did not render" >&2; exit 1; }
chmod 644 "$OUT/www/"*.html
NPORT=$(free_port)
cat > "$OUT/nginx/nginx.conf" <<CONF
worker_processes 2;
daemon off;
pid $PWD/$OUT/nginx/nginx.pid;
error_log $PWD/$OUT/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $PWD/$OUT/nginx/body; proxy_temp_path $PWD/$OUT/nginx/proxy;
  fastcgi_temp_path $PWD/$OUT/nginx/fastcgi; uwsgi_temp_path $PWD/$OUT/nginx/uwsgi; scgi_temp_path $PWD/$OUT/nginx/scgi;
  server { listen 127.0.0.1:$NPORT; root $PWD/$OUT/www; default_type text/html; location = /login { try_files /login.html =404; } location = / { try_files /dashboard.html =404; } }
}
CONF
nginx -c "$PWD/$OUT/nginx/nginx.conf" -p "$PWD/$OUT/nginx" & PIDS+=($!)
wait_for "http://127.0.0.1:$NPORT/login"

# name url [header] -> "rps p50_ms p99_ms non2xx"
measure() {
  local name=$1 url=$2 header=${3:-X-Bench: 1}
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "$header" "$url" > "$OUT/$name.txt"
  python3 - "$OUT/$name.txt" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
def ms(value):
    number, unit = re.match(r"([\d.]+)(\w+)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
p50 = ms(re.search(r"\s50%\s+(\S+)", text).group(1))
p99 = ms(re.search(r"\s99%\s+(\S+)", text).group(1))
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
print(f"{rps:.0f} {p50:.2f} {p99:.2f} {errors.group(1) if errors else 0}")
PY
}

row() { printf '%-34s %10s %9s %9s %8s %s\n' "$@"; }
echo
echo "hosterra bench: wrk -t2 -c$CONNECTIONS -d${DURATION}s on $(nproc) cores"
row "target" "req/s" "p50 ms" "p99 ms" "non-2xx" "vs hello"
read -r HRPS HP50 HP99 HERR < <(measure hello "http://127.0.0.1:$HPORT/")
row "libmicrohttpd hello (C)" "$HRPS" "$HP50" "$HP99" "$HERR" "1.00"
ratio() { python3 -c "print(f'{$1/$2:.2f}')"; }
read -r RPS P50 P99 ERR < <(measure nginx-login "http://127.0.0.1:$NPORT/login")
row "nginx static /login copy" "$RPS" "$P50" "$P99" "$ERR" "$(ratio "$RPS" "$HRPS")"
read -r RPS P50 P99 ERR < <(measure nginx-dashboard "http://127.0.0.1:$NPORT/")
row "nginx static dashboard copy" "$RPS" "$P50" "$P99" "$ERR" "$(ratio "$RPS" "$HRPS")"
read -r RPS P50 P99 ERR < <(measure hosterra-healthz "http://127.0.0.1:$APORT/healthz")
row "hosterra /healthz" "$RPS" "$P50" "$P99" "$ERR" "$(ratio "$RPS" "$HRPS")"
read -r RPS P50 P99 ERR < <(measure hosterra-login "http://127.0.0.1:$APORT/login")
row "hosterra /login (page, layout)" "$RPS" "$P50" "$P99" "$ERR" "$(ratio "$RPS" "$HRPS")"
read -r RPS P50 P99 ERR < <(measure hosterra-dashboard "http://127.0.0.1:$APORT/" "Cookie: $COOKIE")
row "hosterra / (dashboard, signed in)" "$RPS" "$P50" "$P99" "$ERR" "$(ratio "$RPS" "$HRPS")"
PEAK=$(awk '/VmHWM/ {print $2}' "/proc/$APP/status")

# The same dashboard on PostgreSQL (a throwaway local cluster, fsync off: a ceiling, not production).
if [ -x /usr/lib/postgresql/15/bin/initdb ] && [ "${BENCH_POSTGRES:-1}" = 1 ]; then
  export HOSTERRA_PG_STATE="$PWD/$OUT/pg.state"
  eval "$(scripts/pg-test-cluster.sh start)"
  PGURL="${HOSTERRA_TEST_POSTGRES_URL%/*}/hosterra_bench"
  psql -q "$HOSTERRA_TEST_POSTGRES_URL" -c "CREATE DATABASE hosterra_bench" >/dev/null
  PPORT=$(free_port)
  .build/release/hosterra serve --data-dir "$OUT/data-pg" --database-url "$PGURL" --port "$PPORT" --access-log off > "$OUT/hosterra-pg.log" 2>&1 & PGAPP=$!; PIDS+=($PGAPP)
  wait_for "http://127.0.0.1:$PPORT/healthz"
  .build/release/hosterra demo --data-dir "$OUT/data-pg" --database-url "$PGURL" > /dev/null
  PGCOOKIE=$(demo_login "$PPORT")
  read -r RPS P50 P99 ERR < <(measure hosterra-dashboard-pg "http://127.0.0.1:$PPORT/" "Cookie: $PGCOOKIE")
  row "hosterra / on PostgreSQL" "$RPS" "$P50" "$P99" "$ERR" "$(ratio "$RPS" "$HRPS")"
  kill "$PGAPP" 2>/dev/null || true
  scripts/pg-test-cluster.sh stop >/dev/null 2>&1 || true
fi
echo "hosterra peak RSS (SQLite run): $((PEAK / 1024)) MB"
echo "page sizes: login $(stat -c %s "$OUT/www/login.html") bytes, dashboard $(stat -c %s "$OUT/www/dashboard.html") bytes"
echo "goals: /login >= 0.60 of hello, dashboard >= 0.50 of hello, p99 < 10 ms, peak RSS < 100 MB"
