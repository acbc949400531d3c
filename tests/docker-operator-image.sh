#!/bin/sh
# Builds an image an operator can run in, with no registry: busybox-static plus the host's glibc, the libraries the
# installed th runtime and bash need, and bash itself (the operator's shell tool). th is not copied in: the docker
# provider mounts the host's th program directory read-only at /opt/smooth, as it does for bubblewrap.
#   tests/docker-operator-image.sh ENGINE TAG TH_PROGRAM_DIR
set -eu
engine="${1:-podman}"
tag="${2:-localhost/smooth-test-glibc:1}"
program="${3:?the th program directory}"
if "$engine" image exists "$tag" 2>/dev/null; then
  exit 0
fi
busybox="$(command -v busybox || true)"
if [ -z "$busybox" ]; then
  echo "busybox is not installed: apt-get install busybox-static" >&2
  exit 1
fi
root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/bin" "$root/usr/bin" "$root/etc" "$root/tmp" "$root/workspace" "$root/home/sandbox" "$root/proc" "$root/dev" "$root/sys" "$root/run/smooth" "$root/opt/smooth"
cp "$busybox" "$root/bin/busybox"
for applet in $("$busybox" --list); do
  [ "$applet" = busybox ] || ln -s busybox "$root/bin/$applet"
done
cp /bin/bash "$root/bin/bash"
# Every shared library th's native parts and bash load, at the path the host has it (the loader finds them there).
for lib in $( (ldd /bin/bash; for so in "$program"/*.so "$program"/th; do ldd "$so" 2>/dev/null; done) \
    | awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^\//) print $i }' | sort -u); do
  [ -e "$lib" ] || continue
  mkdir -p "$root$(dirname "$lib")"
  cp -L "$lib" "$root$lib"
done
printf 'root:x:0:0:root:/root:/bin/sh\nsandbox:x:1000:1000:sandbox:/home/sandbox:/bin/sh\n' > "$root/etc/passwd"
printf 'root:x:0:\nsandbox:x:1000:\n' > "$root/etc/group"
tar -C "$root" -c . | "$engine" import --change "ENV PATH=/usr/bin:/bin" - "$tag" >/dev/null
