#!/usr/bin/env bash
# Installs what Smooth needs and builds `th`.
#   ./install.sh [--prefix BIN_DIR] [--skip-system-packages]
# BIN_DIR (default ~/.local/bin) receives the `th` command; the program itself lives in one
# self-contained directory, BIN_DIR/../lib/smooth, which sandboxes mount read-only to run operators.
# Safe to run again: it only installs what is missing and replaces the build.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
prefix="${HOME}/.local/bin"
system_packages=1

while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) [ $# -ge 2 ] || { echo "error: --prefix needs a directory" >&2; exit 2; }; prefix="$2"; shift 2 ;;
    --prefix=*) prefix="${1#--prefix=}"; shift ;;
    --skip-system-packages) system_packages=0; shift ;;
    -h|--help) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "error: unknown option '$1'" >&2; echo "hint: ./install.sh --help" >&2; exit 2 ;;
  esac
done

say() { printf '==> %s\n' "$*"; }

# System packages: the sandbox (bubblewrap, libseccomp), git for workspaces and diffs,
# podman + runc and a static busybox for the docker-compatible provider and its tests.
need_pkgs=()
need() { dpkg -s "$1" >/dev/null 2>&1 || need_pkgs+=("$1"); }
if [ "$system_packages" = 1 ] && command -v dpkg >/dev/null 2>&1; then
  for p in git bubblewrap libseccomp2 podman runc busybox-static uidmap ca-certificates curl; do need "$p"; done
  # The sandbox escape tests compile a tiny probe (ptrace, io_uring, ...) and use wget inside the sandbox.
  for p in gcc libc6-dev wget; do need "$p"; done
  # The in-sandbox egress bridge is compiled to native code (Native AOT links with gcc and zlib).
  need zlib1g-dev
  if [ ${#need_pkgs[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
      say "installing system packages: ${need_pkgs[*]}"
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq
      apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}" >/dev/null
    else
      echo "error: missing system packages: ${need_pkgs[*]}" >&2
      echo "hint: run 'sudo apt-get install ${need_pkgs[*]}' or run ./install.sh as root" >&2
      exit 4
    fi
  fi
fi

command -v dotnet >/dev/null 2>&1 || { echo "error: the .NET 10 SDK is needed to build th (dotnet not on PATH)" >&2; echo "hint: install the .NET 10 SDK, then run ./install.sh again" >&2; exit 4; }

mkdir -p "$prefix"
prefix="$(cd "$prefix" && pwd)"
libdir="$(dirname "$prefix")/lib/smooth"
stage="$(dirname "$prefix")/lib/.smooth-stage.$$"
trap 'rm -rf "$stage" "$stage.bridge"' EXIT

say "building th (self-contained, ReadyToRun composite of its start-up path)"
# Precompiled images left by a build with other ReadyToRun settings would be taken as up to date: start clean.
rm -rf "$here/src/Cli/obj/Release/net10.0/linux-x64/R2R"
# th is built on the machine it runs on: when this CPU has the x86-64-v3 instruction sets (AVX2 and friends), the
# precompiled code targets them. Built for the older default, each precompiled method that asks which vector
# instructions exist is rejected on such a CPU and compiled again at every start (about 70 per 'th sandbox run').
isa_args=()
if [ "$(uname -m)" = x86_64 ] && awk '/^flags/ { n = 0; for (i = 1; i <= NF; i++) if ($i ~ /^(avx|avx2|bmi1|bmi2|f16c|fma|abm|movbe|xsave)$/) n++; print n; exit }' /proc/cpuinfo | grep -qx 9; then
  isa_args=(-p:PublishReadyToRunCrossgen2ExtraArgs=--instruction-set:x86-64-v3)
fi
dotnet publish "$here/src/Cli/Cli.csproj" -c Release -r linux-x64 --self-contained \
  -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true -p:DebugType=none -p:GenerateDocumentationFile=false \
  "${isa_args[@]}" -o "$stage" --nologo -v quiet

say "building smooth-bridge (the in-sandbox egress bridge, Native AOT)"
bridge_out="$stage.bridge"
if dotnet publish "$here/src/Egress.Bridge/Egress.Bridge.csproj" -c Release -r linux-x64 \
     -p:DebugType=none -p:StripSymbols=true -p:GenerateDocumentationFile=false \
     -o "$bridge_out" --nologo -v quiet; then
  cp "$bridge_out/smooth-bridge" "$stage/smooth-bridge"
else
  # Not fatal: sandboxes then start `th egress bridge`, the same code behind a .NET start (some 40 ms slower).
  echo "warning: smooth-bridge could not be compiled (Native AOT needs gcc and zlib1g-dev); sandboxes will use 'th egress bridge'" >&2
fi
rm -rf "$bridge_out"

# Swap the whole directory so a running th never sees a half-written install.
rm -rf "$libdir.old"
[ -d "$libdir" ] && mv "$libdir" "$libdir.old"
mv "$stage" "$libdir"
rm -rf "$libdir.old"
ln -sfn "$libdir/th" "$prefix/th"
say "installed th into $prefix/th (program directory $libdir)"

# Make `th` reachable right away when BIN_DIR is not on PATH (the quick start runs `th` next).
case ":$PATH:" in
  *":$prefix:"*) ;;
  *)
    if [ "$(id -u)" = 0 ] && [ "$prefix" = "$(cd ~ && pwd)/.local/bin" ] && [ -d /usr/local/bin ]; then
      ln -sfn "$libdir/th" /usr/local/bin/th
      say "linked /usr/local/bin/th (since $prefix is not on PATH)"
    else
      say "note: $prefix is not on PATH; add it, e.g. export PATH=\"$prefix:\$PATH\""
    fi
    ;;
esac
"$prefix/th" --version >/dev/null
