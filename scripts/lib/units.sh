# Sourced by install-host (and used by the unit tests): strato's systemd units.
# shellcheck shell=bash
STRATO_UNITS=(strato-conductor.service strato-agent.service)
UNIT_DIR=/etc/systemd/system

# The unit as installed: scripts/systemd/NAME with @ROOT@ (this checkout) and @NODE@ filled in.
render_unit() { # name
  sed -e "s|@ROOT@|$ROOT|g" -e "s|@NODE@|$NODE|g" "$ROOT/scripts/systemd/$1"
}
