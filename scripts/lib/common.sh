# Sourced by the bash scripts: where things are and a few shared helpers.
# shellcheck shell=bash
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
NODE="$ROOT/node_modules/.bin/node"
STRATO_CACHE="${STRATO_CACHE:-/var/cache/strato}"
export STRATO_CACHE

say() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { say "error: $*"; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }
is_root() { [ "$(id -u)" = 0 ]; }
# systemd as PID 1 decides whether we start daemons ourselves (CI and dev machines: no).
has_systemd() { [ -d /run/systemd/system ]; }
