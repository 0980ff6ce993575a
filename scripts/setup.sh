#!/usr/bin/env bash
# Installs what TextGraph needs on a fresh Debian machine. Idempotent: installs only what is missing.
#   scripts/setup.sh          build needs: libxml2-dev, pkg-config
#   scripts/setup.sh --test   also what the tests use: raptor2-utils (rapper), pyoxigraph, rdflib,
#                             and the oxigraph server (PyPI oxigraph)
#   scripts/setup.sh --peers  also the peers that comparisons and benchmarks run: ucto (Debian),
#                             pysbd and spaCy (PyPI; spacy.blank("nl") needs no model)
set -euo pipefail

packages=(libxml2-dev pkg-config)
python_packages=()
if [[ "${1:-}" == "--test" ]]; then
    packages+=(raptor2-utils)
    python_packages+=(pyoxigraph rdflib)
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
    for package in "${python_packages[@]}"; do
        python3 -c "import ${package}" 2>/dev/null || {
            echo "setup: pip installing ${package}" >&2
            python3 -m pip install -q "${package}"
        }
    done
fi
command -v swift >/dev/null || { echo "setup: Swift 6 is required (https://www.swift.org/install/)" >&2; exit 1; }
