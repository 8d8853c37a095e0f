#!/usr/bin/env bash
# A daily run into a large database (issue 25): the time and peak memory of a
# run of 1,000 new articles into an empty database and into one built from a
# 1 GB generated dump, for SQLite and PostgreSQL. The canonical events are
# brought up to date at the end of each run; into the large database that must
# cost no more than half the empty run again, within 150 MB.
#
#   scripts/bench_canonical.sh POSTGRES_SERVER_URL [SIZE_MB]
#
# POSTGRES_SERVER_URL names a server where the script may create databases
# (postgres://postgres@127.0.0.1:5432/postgres; `.ci/run` shows how to start a
# throwaway one). SIZE_MB is the base dump's size (default 1000).
#
# The base: scripts/make_dump.py writes the dump (ids bench-*), one run of
# `extract` writes it into base.sqlite and the PostgreSQL database
# sanctions_bench_base at once (the articles are processed once for both;
# at 2 threads on the shared machine, 18 minutes for 367,415 articles), and
# `rebuild-events` merges its canonical events (1 and 3 minutes). The base is
# kept in $BENCH_DIR (default /tmp/sanctions-bench) and reused when present: a
# base whose canonical tables an older version wrote (another layout or merge
# rules) needs `rebuild-events` on it first, or the first trial into it times
# that rebuild; a dump made by an older make_dump.py (every article with the
# corpus's few dates), deleting. Each trial starts from a copy:
# `cp` for SQLite, `CREATE DATABASE ... TEMPLATE` for PostgreSQL; copying is
# not timed. The 1,000 new articles (ids new-*, another seed) are published
# over the same sixteen years as the base, so their events land all over the
# database's history, not only at its end.
#
# Each trial runs twice (RUNS=N for another number); printed: wall time, and the peak resident memory of
# the sanctions-extract process (/usr/bin/time -v; PostgreSQL's own memory is
# the server's).
set -euo pipefail
cd "$(dirname "$0")/.."

server=${1:?usage: scripts/bench_canonical.sh POSTGRES_SERVER_URL [SIZE_MB]}
size=${2:-1000}
dir=${BENCH_DIR:-/tmp/sanctions-bench}
mkdir -p "$dir"
cargo build --release --locked --quiet
bin=$PWD/target/release/sanctions-extract
db_url() { # name
    python3 -c 'import sys, urllib.parse as u; p = u.urlsplit(sys.argv[1]); print(u.urlunsplit(p._replace(path="/" + sys.argv[2])))' "$server" "$1"
}
psql_admin() { psql -X -q -d "$server" -v ON_ERROR_STOP=1 -c "$1" >/dev/null; }

base_dump="$dir/base-${size}.jsonl"
new_dump="$dir/new-1000.jsonl"
[ -s "$base_dump" ] || python3 scripts/make_dump.py text "$size" "$base_dump" >&2
[ -s "$new_dump" ] || python3 scripts/make_dump.py text 100 "$new_dump" --seed 11 --prefix new --articles 1000 >&2

base_db="$dir/base-${size}.sqlite"
base_pg=sanctions_bench_base
if [ ! -s "$base_db" ]; then
    echo "building the base from $base_dump (SQLite and PostgreSQL in one run)" >&2
    psql_admin "DROP DATABASE IF EXISTS $base_pg WITH (FORCE)"
    psql_admin "CREATE DATABASE $base_pg"
    "$bin" extract "$base_dump" --db "$base_db.part" --postgres "$(db_url $base_pg)" --threads 2 --quiet || [ $? = 1 ]
    "$bin" rebuild-events --db "$base_db.part" --postgres "$(db_url $base_pg)"
    mv "$base_db.part" "$base_db"
fi

# A kept base gets the schema's newer indexes here, untimed (every statement of
# the schema is CREATE ... IF NOT EXISTS; a run would otherwise make them in
# its first trial).
sqlite3 "$base_db" < src/sinks/sqlite_schema.sql
PGOPTIONS="-c client_min_messages=warning" psql -X -q -d "$(db_url $base_pg)" -v ON_ERROR_STOP=1 -f src/sinks/postgres_schema.sql >/dev/null

trial() { # label backend(sqlite|postgres) base(empty|full) run
    local log="$dir/trial.log" target
    if [ "$2" = sqlite ]; then
        target="$dir/trial.sqlite"
        rm -f "$target"
        [ "$3" = empty ] || cp "$base_db" "$target"
        set -- "$@" --db "$target"
    else
        psql_admin "DROP DATABASE IF EXISTS sanctions_bench_trial WITH (FORCE)"
        if [ "$3" = empty ]; then
            psql_admin "CREATE DATABASE sanctions_bench_trial"
        else
            psql_admin "CREATE DATABASE sanctions_bench_trial TEMPLATE $base_pg"
        fi
        set -- "$@" --postgres "$(db_url sanctions_bench_trial)"
    fi
    sync
    /usr/bin/time -v "$bin" extract "$new_dump" "${@:5}" --threads 2 --quiet 2>"$log" || [ $? = 1 ] || { cat "$log"; exit 1; }
    python3 - "$1" "$4" "$log" <<'PY'
import re, sys
label, n, log = sys.argv[1:]
text = open(log).read()
wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text).group(1)
seconds = sum(float(p) * 60 ** i for i, p in enumerate(reversed(wall.split(":"))))
peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024
print(f"{label:<28} {n:>3} {seconds:>8.2f} {peak:>8.0f}")
PY
}

articles=$(sqlite3 "$base_db" "SELECT count(*) FROM articles" 2>/dev/null || echo "?")
echo "base: $base_dump, $articles articles; new: 1,000 articles ($new_dump)"
echo "trial                        run        s  peak MB"
for backend in sqlite postgres; do
    for base in empty full; do
        for n in $(seq 1 "${RUNS:-2}"); do
            trial "$backend into $base" "$backend" "$base" "$n"
        done
    done
done
