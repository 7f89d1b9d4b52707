# Sourced by scripts/quickstart.
# shellcheck shell=bash
# Without systemd (no journald) the daemons append to $LOGS/<name>.log: each start
# first rotates a log over 64 MiB, keeping three old ones (<name>.log.1 … .3).
rotate_log() { # file
  local f=$1 i
  [ -f "$f" ] && [ "$(stat -c %s "$f")" -gt $((64 << 20)) ] || return 0
  for i in 2 1; do [ ! -f "$f.$i" ] || mv -f "$f.$i" "$f.$((i + 1))"; done
  mv -f "$f" "$f.1"
}
