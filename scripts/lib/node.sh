# Sourced by setup-host and install-host: Node 24, the npm dependencies and the build.
# shellcheck shell=bash

# Node 24 comes from the npm registry as an optional dependency (node-linux-<arch>),
# so any npm can bootstrap it; Debian's own nodejs is only the bootstrapper. `npm ci`
# runs only when package-lock.json changed since the last install (a stamp in
# node_modules), so a read-only checkout with current dependencies needs no npm at all.
ensure_node_modules() {
  local stamp="$ROOT/node_modules/.strato-lock-hash" want
  want="$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)"
  if [ ! -x "$NODE" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    if ! have npm; then
      say "installing a bootstrap npm"
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
    fi
    if [ -L "$ROOT/node_modules" ]; then
      # A development worktree sharing another checkout's install: `npm ci` would empty
      # that install under everyone using it. Its owner updates it.
      say "warning: node_modules is a shared link; not reinstalling (package-lock.json differs)"
    else
      say "installing npm dependencies"
      (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
      echo "$want" >"$stamp"
    fi
  fi
  "$NODE" -e 'if (+process.versions.node.split(".")[0] < 24) process.exit(1)' || die "Node 24 not found at $NODE"
  if [ -x "$ROOT/scripts/build-native" ]; then "$ROOT/scripts/build-native"; fi
  # What runs: the daemons, the CLI and their workers bundled into dist/ (does nothing
  # when the bundles are newer than their sources).
  "$ROOT/scripts/build-dist"
}
