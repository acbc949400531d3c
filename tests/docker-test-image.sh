#!/bin/sh
# Builds the docker provider's test image from the host's busybox-static, with no registry:
#   tests/docker-test-image.sh [ENGINE] [TAG]
set -eu
engine="${1:-podman}"
tag="${2:-localhost/smooth-test-busybox:1}"
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
printf 'root:x:0:0:root:/root:/bin/sh\nsandbox:x:1000:1000:sandbox:/home/sandbox:/bin/sh\n' > "$root/etc/passwd"
printf 'root:x:0:\nsandbox:x:1000:\n' > "$root/etc/group"
tar -C "$root" -c . | "$engine" import --change "ENV PATH=/bin" - "$tag" >/dev/null 2>&1
