#!/bin/sh
# Builds a test image for the docker provider from the host's busybox-static, with no registry:
#   tests/docker-test-image.sh [ENGINE] [TAG] [TH_PROGRAM_DIR]
# With TH_PROGRAM_DIR the image is one an operator can run in: it adds bash (the operator's shell tool) and, at the
# paths the host has them, the host's glibc and every library th's runtime and bash load. th itself is not copied
# in: the docker provider mounts the host's th program directory read-only at /opt/smooth, as bubblewrap does.
set -eu
engine="${1:-podman}"
tag="${2:-localhost/smooth-test-busybox:1}"
program="${3:-}"
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
mkdir -p "$root/bin" "$root/etc" "$root/tmp" "$root/workspace" "$root/home/sandbox" "$root/proc" "$root/dev" "$root/sys"
cp "$busybox" "$root/bin/busybox"
for applet in $("$busybox" --list); do
  [ "$applet" = busybox ] || ln -s busybox "$root/bin/$applet"
done
path=/bin
if [ -n "$program" ]; then
  mkdir -p "$root/usr/bin" "$root/run/smooth" "$root/opt/smooth"
  cp /bin/bash "$root/bin/bash"
  for lib in $( (ldd /bin/bash; for so in "$program"/*.so "$program"/th; do ldd "$so" 2>/dev/null; done) \
      | awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^\//) print $i }' | sort -u); do
    [ -e "$lib" ] || continue
    mkdir -p "$root$(dirname "$lib")"
    cp -L "$lib" "$root$lib"
  done
  path=/usr/bin:/bin
fi
printf 'root:x:0:0:root:/root:/bin/sh\nsandbox:x:1000:1000:sandbox:/home/sandbox:/bin/sh\n' > "$root/etc/passwd"
printf 'root:x:0:\nsandbox:x:1000:\n' > "$root/etc/group"
tar -C "$root" -c . | "$engine" import --change "ENV PATH=$path" - "$tag" >/dev/null 2>&1
