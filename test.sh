#!/usr/bin/env bash
# The one test command: installs th (and system packages) into artifacts/test-install, then runs every test project
# against that installed binary. Prints a closing 'tests: N passed, N failed, N skipped' line.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

./install.sh --prefix "$here/artifacts/test-install/bin"
export TH_BIN="$here/artifacts/test-install/bin/th"

log="$here/artifacts/test-output.log"
mkdir -p "$here/artifacts"
set +e
dotnet test Smooth.slnx -c Release --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# Sum the per-project summaries of the VSTest runner into one closing line.
awk '
  /(Passed|Failed)!  *- *Failed: / {
    gsub(/,/, " ");
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:") f += $(i+1);
      if ($i == "Passed:") p += $(i+1);
      if ($i == "Skipped:") s += $(i+1);
    }
  }
  END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }
' "$log"
exit "$status"
