#!/usr/bin/env bash
# The whole test suite, as CI runs it (.ci/run calls this).
# 1. installs Debian's chromium when missing (visual tests) and the pinned local emulators from npm
#    (tools/package-lock.json): Azurite and maildev;
# 2. starts them on free ports on 127.0.0.1 only, with throw-away data folders;
#    and restores the pinned Bicep CLI (tools/bicep/Bicep.csproj) for the infra tests (DIGEST_BICEP);
# 3. runs every test project (dotnet test Digest.sln), passing the services' addresses in environment variables;
# 4. stops the services, whatever happened, and prints one closing line "N passed, N failed, N skipped".
# Extra arguments go to dotnet test (e.g. ./test.sh --filter FullyQualifiedName~Parser).
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)

log() { printf '[test.sh] %s\n' "$*"; }

command -v dotnet >/dev/null || { echo "test.sh: the .NET 10 SDK (dotnet) is required" >&2; exit 2; }
command -v node >/dev/null || { echo "test.sh: Node.js (node, npm) is required for Azurite and maildev" >&2; exit 2; }

# Chromium for the visual tests of the digest (Debian's package, driven by Playwright; Playwright's own browser
# download is not used).
if ! command -v chromium >/dev/null; then
  log "installing chromium (apt-get) for the visual tests"
  sudo_cmd=(); [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  ("${sudo_cmd[@]}" apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq chromium) >/dev/null \
    || { echo "test.sh: could not install chromium (apt-get install chromium)" >&2; exit 2; }
fi
export DIGEST_CHROMIUM="$(command -v chromium)"

# 1. Emulators, pinned by the lock file. Reinstall only when the lock file changed.
stamp=tools/node_modules/.digest-lock-stamp
if [ ! -f "$stamp" ] || ! cmp -s tools/package-lock.json "$stamp"; then
  log "installing Azurite and maildev (npm ci, pinned by tools/package-lock.json)"
  npm ci --prefix tools --no-audit --no-fund --loglevel=error >/dev/null
  cp tools/package-lock.json "$stamp"
fi

free_port() { node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
wait_port() { # host port name
  for _ in $(seq 1 150); do
    if node -e "const c=require('net').connect($2,'$1');c.on('connect',()=>process.exit(0));c.on('error',()=>process.exit(1))" 2>/dev/null; then return 0; fi
    sleep 0.2
  done
  echo "test.sh: $3 did not start on $1:$2" >&2; return 1
}

work=$(mktemp -d "${TMPDIR:-/tmp}/digest-test.XXXXXX")
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

# 2. Start the services on loopback.
blob=$(free_port); queue=$(free_port); table=$(free_port); smtp=$(free_port); web=$(free_port)
log "starting Azurite (blob $blob, queue $queue) and maildev (smtp $smtp, web $web) on 127.0.0.1"
tools/node_modules/.bin/azurite --silent --skipApiVersionCheck --loose --location "$work/azurite" \
  --blobHost 127.0.0.1 --blobPort "$blob" --queueHost 127.0.0.1 --queuePort "$queue" \
  --tableHost 127.0.0.1 --tablePort "$table" >"$work/azurite.log" 2>&1 &
pids+=($!)
tools/node_modules/.bin/maildev --ip 127.0.0.1 --web-ip 127.0.0.1 --smtp "$smtp" --web "$web" --silent >"$work/maildev.log" 2>&1 &
pids+=($!)
wait_port 127.0.0.1 "$blob" Azurite
wait_port 127.0.0.1 "$queue" "Azurite queue"
wait_port 127.0.0.1 "$smtp" maildev
wait_port 127.0.0.1 "$web" "maildev web"

# The well-known Azurite development key (public, documented; not a secret).
key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
export DIGEST_TEST_STORAGE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue/devstoreaccount1;"
export DIGEST_TEST_SMTP_PORT="$smtp"
export DIGEST_TEST_MAILDEV_URL="http://127.0.0.1:$web/"
export DIGEST_REQUIRE_SERVICES=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# The Bicep CLI: a NuGet package (Azure.Bicep.CommandLine.linux-x64, pinned in Directory.Packages.props) that ships
# the executable under tools/; restoring the small tools project puts it in the NuGet cache.
log "restoring the Bicep CLI (tools/bicep/Bicep.csproj)"
dotnet restore tools/bicep/Bicep.csproj --nologo -v q >/dev/null
DIGEST_BICEP="$(dotnet msbuild tools/bicep/Bicep.csproj -nologo -getProperty:PkgAzure_Bicep_CommandLine_linux-x64)/tools/bicep"
[ -x "$DIGEST_BICEP" ] || chmod +x "$DIGEST_BICEP" 2>/dev/null || true
export DIGEST_BICEP

# 3. Run the tests.
log "running dotnet test"
set +e
dotnet test Digest.sln --nologo "$@" 2>&1 | tee "$work/dotnet-test.log"
status=${PIPESTATUS[0]}
set -e

# 4. One closing line, summed over the test projects.
awk '
  /(Passed|Failed)! +- +Failed: / {
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:")  { f += $(i+1) + 0 }
      if ($i == "Passed:")  { p += $(i+1) + 0 }
      if ($i == "Skipped:") { s += $(i+1) + 0 }
    }
  }
  END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$work/dotnet-test.log"
if [ "$status" -ne 0 ]; then
  log "dotnet test failed (exit $status); Azurite log tail:"; tail -n 20 "$work/azurite.log" || true
fi
exit "$status"
