#!/usr/bin/env bash
# The production shape on loopback: `make prod-local` (start) and
# `make prod-local-stop` (stop). Everything listens on 127.0.0.1 only:
#   nginx (TLS, self-signed)  https://localhost:$HTTPS_PORT/  -> two gunicorn
#   instances (production settings) on $APP1_PORT and $APP2_PORT, a shared
#   proxy cache purged by Wagtail through http://127.0.0.1:$PURGE_PORT;
#   its own redis-server on $REDIS_PORT (never the machine's);
#   the email worker (manage.py db_worker --backend email);
#   an SMTP sink on $SMTP_PORT writing deploy/.run/smtp-sink.jsonl.
# PostgreSQL (the machine's, 127.0.0.1:5432) holds the database $DB_NAME.
# Each process's PID is written to deploy/.run/NAME.pid and printed; stop
# kills exactly those PIDs.
set -euo pipefail

DEPLOY="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$DEPLOY")"
RUN="$DEPLOY/.run"
PY="$ROOT/.venv/bin/python"
TOOLS="$DEPLOY/.venv-tools"

HTTPS_PORT="${HTTPS_PORT:-8443}"
PURGE_PORT="${PURGE_PORT:-8081}"
APP1_PORT="${APP1_PORT:-8101}"
APP2_PORT="${APP2_PORT:-8102}"
REDIS_PORT="${REDIS_PORT:-6390}"
SMTP_PORT="${SMTP_PORT:-8025}"
DB_NAME="${DB_NAME:-portal_prodlocal}"
PG_URL="${PG_URL:-postgres://postgres@127.0.0.1:5432}"
GUNICORN_WORKERS="${GUNICORN_WORKERS:-2}"
PROCESSES="redis smtp-sink app1 app2 worker nginx"

portal_env() {
    export DJANGO_SETTINGS_MODULE=portal.settings.production
    export SECRET_KEY="$(cat "$RUN/secret_key")"
    export DATABASE_URL="$PG_URL/$DB_NAME"
    export REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
    export ALLOWED_HOSTS="localhost,127.0.0.1"
    export BASE_URL="https://localhost:$HTTPS_PORT"
    export CSRF_TRUSTED_ORIGINS="https://localhost:$HTTPS_PORT"
    export SECURE_PROXY_SSL_HEADER="HTTP_X_FORWARDED_PROTO"
    export PORTAL_TRUSTED_PROXIES="1"
    # Loopback: no HSTS pinned in the browser for localhost.
    export SECURE_HSTS_SECONDS=0
    export PORTAL_REQUIRE_2FA="${PORTAL_REQUIRE_2FA:-0}"
    export EMAIL_HOST=127.0.0.1 EMAIL_PORT="$SMTP_PORT"
    export FRONTEND_CACHE_PURGE_URL="http://127.0.0.1:$PURGE_PORT"
    export STATIC_ROOT="$ROOT/var/static" MEDIA_ROOT="$ROOT/var/media"
    export LOG_LEVEL="${LOG_LEVEL:-WARNING}"
    # bench/resilience.py sends many contact requests from 127.0.0.1.
    export PORTAL_RATE_LIMIT_PER_HOUR="${PORTAL_RATE_LIMIT_PER_HOUR:-5}"
}

alive() { [ -f "$RUN/$1.pid" ] && kill -0 "$(cat "$RUN/$1.pid")" 2>/dev/null; }

wait_port() {  # wait_port PORT NAME
    for _ in $(seq 1 100); do
        (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
        sleep 0.2
    done
    echo "$2 did not open port $1 (see $RUN/$2.log)" >&2
    return 1
}

start_bg() {  # start_bg NAME COMMAND...: runs in the background, records its PID
    local name="$1"; shift
    if alive "$name"; then echo "$name already running (PID $(cat "$RUN/$name.pid"))"; return; fi
    # Its own process group (setsid): a kill reaches gunicorn's workers too,
    # which would otherwise keep the port after their master died.
    setsid "$@" >"$RUN/$name.log" 2>&1 &
    echo $! >"$RUN/$name.pid"
}

start_app() {  # start_app NAME PORT
    (cd "$ROOT" && portal_env && start_bg "$1" "$ROOT/.venv/bin/gunicorn" portal.wsgi:application \
        --bind "127.0.0.1:$2" --workers "$GUNICORN_WORKERS" --worker-tmp-dir /dev/shm \
        --graceful-timeout 10 --timeout 30 --forwarded-allow-ips 127.0.0.1)
}

start_worker() {
    (cd "$ROOT" && portal_env && start_bg worker "$PY" manage.py db_worker --backend email --no-reload)
}

start() {
    mkdir -p "$RUN/tls" "$RUN/nginx-tmp" "$RUN/nginx-cache" "$RUN/redis"
    [ -s "$RUN/secret_key" ] || "$PY" -c "import secrets; print(secrets.token_urlsafe(50))" >"$RUN/secret_key"
    if [ ! -s "$RUN/tls/cert.pem" ]; then
        openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=localhost" \
            -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
            -keyout "$RUN/tls/key.pem" -out "$RUN/tls/cert.pem" 2>/dev/null
    fi
    if [ ! -x "$TOOLS/bin/python" ]; then
        python3 -m venv "$TOOLS"
        "$TOOLS/bin/pip" install --quiet aiosmtpd==1.4.6
    fi

    start_bg redis redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no \
        --dir "$RUN/redis" --daemonize no
    start_bg smtp-sink "$TOOLS/bin/python" "$DEPLOY/smtp_sink.py" --port "$SMTP_PORT" --out "$RUN/smtp-sink.jsonl"

    # The database: created and filled with the demo the first time.
    if ! psql "$PG_URL/postgres" -tAc "SELECT 1 FROM pg_database WHERE datname='$DB_NAME'" | grep -q 1; then
        psql "$PG_URL/postgres" -qc "CREATE DATABASE $DB_NAME"
        fresh=1
    fi
    (
        cd "$ROOT" && portal_env
        "$PY" manage.py migrate --noinput -v 0
        "$PY" manage.py createcachetable
        "$PY" manage.py collectstatic --noinput -v 0
        # No proxy yet to purge: Wagtail's purges are off while the demo loads.
        if [ "${fresh:-0}" = 1 ]; then
            FRONTEND_CACHE_PURGE_URL="" "$PY" manage.py load_demo_content --i-know-this-is-production -v 0
        fi
    )

    start_app app1 "$APP1_PORT"
    start_app app2 "$APP2_PORT"
    start_worker

    sed -e "s#@RUN@#$RUN#g" -e "s#@DEPLOY@#$DEPLOY#g" -e "s#@HTTPS_PORT@#$HTTPS_PORT#g" \
        -e "s#@PURGE_PORT@#$PURGE_PORT#g" -e "s#@APP1_PORT@#$APP1_PORT#g" -e "s#@APP2_PORT@#$APP2_PORT#g" \
        -e "s#@STATIC_ROOT@#$ROOT/var/static#g" -e "s#@MEDIA_ROOT@#$ROOT/var/media#g" \
        -e "s#@USER_DIRECTIVE@#$([ "$(id -u)" = 0 ] && echo 'user root;')#g" \
        "$DEPLOY/nginx.conf.template" >"$RUN/nginx.conf"
    nginx -t -q -c "$RUN/nginx.conf" -p "$RUN" -e "$RUN/nginx-error.log"
    start_bg nginx nginx -c "$RUN/nginx.conf" -p "$RUN" -e "$RUN/nginx-error.log"

    wait_port "$REDIS_PORT" redis
    wait_port "$SMTP_PORT" smtp-sink
    wait_port "$APP1_PORT" app1
    wait_port "$APP2_PORT" app2
    wait_port "$HTTPS_PORT" nginx
    status
    echo "Portail : https://localhost:$HTTPS_PORT/  (certificat auto-signé ; curl -k)"
}

status() {
    for name in $PROCESSES; do
        if alive "$name"; then echo "$name: PID $(cat "$RUN/$name.pid")"; else echo "$name: stopped"; fi
    done
}

stop_one() {  # stop_one NAME: TERM its PID, wait up to 15 s, then KILL
    local name="$1" pid
    alive "$name" || { rm -f "$RUN/$name.pid"; return 0; }
    pid="$(cat "$RUN/$name.pid")"
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 75); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$pid" 2>/dev/null && { kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid"; } 2>/dev/null || true
    echo "$name: stopped (PID $pid)"
    rm -f "$RUN/$name.pid"
}

stop() {
    for name in nginx worker app1 app2 smtp-sink redis; do stop_one "$name"; done
}

# Fault injection for bench/resilience.py: kill -9 and restart one process.
restart() {  # restart NAME
    local name="$1"
    if alive "$name"; then
        local pid; pid="$(cat "$RUN/$name.pid")"
        kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid"
        for _ in $(seq 1 50); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 0.1; done
        rm -f "$RUN/$name.pid"
    fi
    case "$name" in
        app1) start_app app1 "$APP1_PORT"; wait_port "$APP1_PORT" app1 ;;
        app2) start_app app2 "$APP2_PORT"; wait_port "$APP2_PORT" app2 ;;
        worker) start_worker ;;
        redis) start_bg redis redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no \
            --dir "$RUN/redis" --daemonize no; wait_port "$REDIS_PORT" redis ;;
        *) echo "unknown process $name" >&2; return 2 ;;
    esac
    echo "$name: PID $(cat "$RUN/$name.pid")"
}

case "${1:-start}" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    kill) # SIGKILL, no restart (a crash): bench/resilience.py
        if alive "$2"; then pid="$(cat "$RUN/$2.pid")"; kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid"; fi
        rm -f "$RUN/$2.pid"; echo "$2: killed" ;;
    restart) restart "$2" ;;
    manage) shift; cd "$ROOT" && portal_env && exec "$PY" manage.py "$@" ;;
    *) echo "usage: $0 start|stop|status|kill NAME|restart NAME|manage ARGS…" >&2; exit 2 ;;
esac
