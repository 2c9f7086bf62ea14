#!/usr/bin/env bash
# Builds the Azure Functions app root for the custom handler and checks it.
#
#   scripts/publish-functions.sh [OUT]        (default OUT: ./publish/functionapp)
#
# The app root the Functions host runs (func start, zip deploy, azd deploy) is:
#   OUT/host.json                 copied from the repository root (the source of truth)
#   OUT/<Name>/function.json      one folder per function, copied from src/Digest.Functions/Functions/<Name>/
#   OUT/Digest.Functions          the handler executable that host.json's defaultExecutablePath names
#   OUT/...                       the handler's assemblies and runtime config
# A plain `dotnet publish src/Digest.Functions` (what azd runs) yields the same layout, self-contained for linux-x64
# (see the project file); this script defaults to framework-dependent, which is quicker and what the tests run.
# Options (environment):
#   DIGEST_PUBLISH_CONFIGURATION  build configuration (default Release)
#   DIGEST_PUBLISH_RUNTIME        runtime identifier (default linux-x64, what Flex Consumption runs)
#   DIGEST_PUBLISH_SELF_CONTAINED true to bundle the .NET runtime (needs the runtime packs from the feed; default false)
#   DIGEST_PUBLISH_ARTIFACTS      build in this folder (dotnet --artifacts-path) instead of the projects' bin/obj,
#                                 so a publish never touches the tree other builds use (the tests set it)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

out=${1:-publish/functionapp}
configuration=${DIGEST_PUBLISH_CONFIGURATION:-Release}
runtime=${DIGEST_PUBLISH_RUNTIME:-linux-x64}
self_contained=${DIGEST_PUBLISH_SELF_CONTAINED:-false}
artifacts=${DIGEST_PUBLISH_ARTIFACTS:-}
project=src/Digest.Functions
functions_src=$project/Functions

log() { printf '[publish-functions] %s\n' "$*"; }
fail() { printf 'publish-functions: %s\n' "$*" >&2; exit 1; }

command -v dotnet >/dev/null || fail "the .NET SDK (dotnet) is required"
[ -f host.json ] || fail "host.json not found at the repository root ($root)"
[ -d "$functions_src" ] || fail "$functions_src not found"

# JSON checks use node (no Python assumed); node is already required for Azurite.
if command -v node >/dev/null; then
  json_check() { node -e 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))' "$1" 2>/dev/null; }
  json_get() { node -e 'const j=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"));let v=j;for(const k of process.argv[2].split("."))v=(v==null?undefined:v[k]);process.stdout.write(v==null?"":String(v))' "$1" "$2"; }
else
  fail "node is required to validate the JSON files (it is also what runs Azurite)"
fi

# 1. Start from an empty app root so no stale function folder survives a rename. Only a previous app root (it has
#    a host.json) or an empty folder is ever deleted.
case "$out" in
  ""|"/"|"."|"..") fail "refusing to use '$out' as the output folder" ;;
esac
if [ -d "$out" ] && [ -n "$(ls -A "$out")" ] && [ ! -f "$out/host.json" ]; then
  fail "$out exists and is not a function app root (no host.json): refusing to delete it"
fi
rm -rf "$out"
mkdir -p "$out"

# 2. The handler.
extra=()
if [ -n "$artifacts" ]; then
  extra+=(--artifacts-path "$artifacts")
fi
log "dotnet publish $project -c $configuration -r $runtime --self-contained $self_contained -o $out ${extra[*]:-}"
dotnet publish "$project" -c "$configuration" -r "$runtime" --self-contained "$self_contained" -o "$out" --nologo -v quiet \
  -p:UseAppHost=true -p:GenerateDocumentationFile=false "${extra[@]}"

# 3. host.json and one folder per function (the project's publish items already place them; copying again keeps
#    this script the single, explicit definition of the layout and fails loudly on invalid JSON).
json_check host.json || fail "host.json is not valid JSON"
cp host.json "$out/host.json"
functions=()
for dir in "$functions_src"/*/; do
  name=$(basename "$dir")
  file="$dir/function.json"
  [ -f "$file" ] || continue
  json_check "$file" || fail "$file is not valid JSON"
  type=$(node -e 'const j=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"));const b=(j.bindings||[]).find(b=>/Trigger$/.test(b.type||""));process.stdout.write(b?b.type:"")' "$file")
  [ -n "$type" ] || fail "$file declares no trigger binding"
  mkdir -p "$out/$name"
  cp "$file" "$out/$name/function.json"
  functions+=("$name:$type")
done
[ ${#functions[@]} -gt 0 ] || fail "no function.json found under $functions_src"

# Local settings for `func start` in the app root (never committed; see local.settings.json.example).
if [ -f local.settings.json ]; then
  cp local.settings.json "$out/local.settings.json"
fi

# 4. The executable host.json names must exist (and be executable: the host starts it directly).
exe=$(json_get "$out/host.json" customHandler.description.defaultExecutablePath)
[ -n "$exe" ] || fail "host.json has no customHandler.description.defaultExecutablePath"
[ -f "$out/$exe" ] || fail "host.json names $exe, but $out/$exe was not produced"
chmod +x "$out/$exe"
[ -f "$out/Digest.Functions.dll" ] || fail "$out/Digest.Functions.dll missing"

# 5. What was produced.
log "app root: $out"
log "  host.json (defaultExecutablePath: $exe, extension bundle: $(json_get "$out/host.json" extensionBundle.version))"
for f in "${functions[@]}"; do
  log "  ${f%%:*}/function.json (${f#*:})"
done
log "  $exe ($(du -sh "$out" | cut -f1) in total, $(find "$out" -type f | wc -l) files)"
