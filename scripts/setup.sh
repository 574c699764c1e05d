#!/usr/bin/env bash
# Installs what is missing for Welkom, idempotently and quickly when nothing changed:
#   uv (in .tools/), the app runtime (.venv, Python >= 3.11) and the Rasa runtime
#   (.venv-rasa, Python 3.10), each synced from its hashed lock file in requirements/.
# Options: --browser  also make sure Chromium is installed (for the browser tests).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"

UV_VERSION="0.13.9"
want_browser=0
for arg in "$@"; do
  case "$arg" in
    --browser) want_browser=1 ;;
    *) echo "setup: unknown option $arg" >&2; exit 2 ;;
  esac
done

say() { printf '[setup] %s\n' "$*" >&2; }
die() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }

# -- uv --------------------------------------------------------------------------------
find_uv() {
  if [[ -x .tools/bin/uv ]]; then echo .tools/bin/uv; return; fi
  if command -v uv >/dev/null 2>&1 && uv --version >/dev/null 2>&1; then command -v uv; return; fi
  local py
  py="$(command -v python3 || true)"
  [[ -n "$py" ]] || die "python3 is not installed. Install Python 3.11 or newer (e.g. 'apt-get install python3 python3-venv') and run again."
  say "installing uv ${UV_VERSION} into .tools/ (once)"
  "$py" -m venv .tools >/dev/null || die "python3 cannot create a virtual environment: install python3-venv."
  .tools/bin/pip install --quiet --disable-pip-version-check "uv==${UV_VERSION}" \
    || die "could not install uv from PyPI (is the package index reachable?)"
  echo .tools/bin/uv
}
UV="$(find_uv)"

# -- Python interpreters -----------------------------------------------------------------
works() { [[ -n "$1" ]] && "$1" -c 'import sys' >/dev/null 2>&1; }
version_ok() { "$1" -c "import sys; sys.exit(0 if sys.version_info[:2] $2 else 1)" >/dev/null 2>&1; }

find_python310() {
  local candidate
  if [[ -n "${WELKOM_PYTHON310:-}" ]] && works "$WELKOM_PYTHON310" && version_ok "$WELKOM_PYTHON310" "== (3, 10)"; then
    echo "$WELKOM_PYTHON310"; return
  fi
  if command -v pyenv >/dev/null 2>&1; then
    for v in $(pyenv versions --bare 2>/dev/null | grep -E '^3\.10(\.[0-9]+)?$' | sort -rV); do
      candidate="$(pyenv prefix "$v" 2>/dev/null)/bin/python3.10"
      if works "$candidate"; then echo "$candidate"; return; fi
    done
  fi
  for candidate in python3.10 /usr/bin/python3.10 /usr/local/bin/python3.10; do
    candidate="$(command -v "$candidate" 2>/dev/null || true)"
    if works "$candidate" && version_ok "$candidate" "== (3, 10)"; then echo "$candidate"; return; fi
  done
  candidate="$("$UV" python find 3.10 2>/dev/null || true)"
  if works "$candidate"; then echo "$candidate"; return; fi
  say "no Python 3.10 found; asking uv to install one"
  if "$UV" python install 3.10 >&2; then
    candidate="$("$UV" python find 3.10 2>/dev/null || true)"
    if works "$candidate"; then echo "$candidate"; return; fi
  fi
  return 1
}

find_python311plus() {
  local candidate
  for candidate in "${WELKOM_PYTHON:-}" python3 python3.13 python3.12 python3.11; do
    [[ -n "$candidate" ]] || continue
    candidate="$(command -v "$candidate" 2>/dev/null || true)"
    if works "$candidate" && version_ok "$candidate" ">= (3, 11)"; then echo "$candidate"; return; fi
  done
  candidate="$("$UV" python find '>=3.11' 2>/dev/null || true)"
  if works "$candidate"; then echo "$candidate"; return; fi
  return 1
}

# -- virtual environments, synced only when their lock changed ----------------------------
sync_venv() {  # name python lockfile
  local venv="$1" python="$2" lock="$3" stamp want
  stamp="$venv/.welkom-lock-sha256"
  want="$(sha256sum "$lock" | cut -d' ' -f1) $("$python" -c 'import platform; print(platform.python_version())')"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" && -x "$venv/bin/python" ]]; then
    return
  fi
  say "installing $venv from $lock (first time: a few minutes)"
  if [[ ! -x "$venv/bin/python" ]] || ! version_ok "$venv/bin/python" "== $("$python" -c 'import sys; print(tuple(sys.version_info[:2]))')"; then
    rm -rf "$venv"
    "$UV" venv --quiet --python "$python" "$venv"
  fi
  VIRTUAL_ENV="$venv" "$UV" pip sync --quiet --require-hashes "$lock"
  echo "$want" > "$stamp"
}

PY311="$(find_python311plus)" || die "Python 3.11 or newer is missing. Install it (e.g. 'apt-get install python3', 'pyenv install 3.11') or set WELKOM_PYTHON."
PY310="$(find_python310)" || die "Python 3.10 is missing; the Rasa runtime needs exactly 3.10 (rasa 3.6.21 refuses 3.11+). Install it with 'pyenv install 3.10' or 'uv python install 3.10', or set WELKOM_PYTHON310 to its path."

sync_venv .venv "$PY311" requirements/dev.lock
# the project itself, editable (checked from outside the checkout, where the cwd cannot help)
if ! (cd / && "$ROOT/.venv/bin/python" -c 'import api, knowledge, runner, evaluation') >/dev/null 2>&1; then
  VIRTUAL_ENV=.venv "$UV" pip install --quiet --no-deps -e .
fi
sync_venv .venv-rasa "$PY310" requirements/rasa.lock

if [[ "$want_browser" == 1 ]] && ! command -v chromium >/dev/null 2>&1; then
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
    say "installing Chromium for the browser tests (apt-get)"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null \
      || die "could not install chromium with apt-get"
  else
    die "the browser tests need Chromium: install the 'chromium' package (or run as root with apt-get available)."
  fi
fi
# axe-core (npm) for the accessibility checks in the browser tests, from package-lock.json.
if [[ "$want_browser" == 1 ]]; then
  if ! command -v npm >/dev/null 2>&1; then
    if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
      say "installing Node.js and npm for the browser tests (apt-get)"
      apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null \
        || die "could not install npm with apt-get"
    else
      die "the browser tests need npm (for axe-core): install Node.js and npm."
    fi
  fi
  if [[ ! -f node_modules/axe-core/axe.min.js || package-lock.json -nt node_modules/.package-lock.json ]]; then
    say "installing axe-core from package-lock.json (npm ci)"
    npm ci --no-audit --no-fund --silent || die "npm ci failed (is the npm registry reachable?)"
  fi
fi
say "ready: .venv ($("$PY311" -V 2>&1)), .venv-rasa ($("$PY310" -V 2>&1))"
