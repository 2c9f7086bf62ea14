#!/usr/bin/env bash
# The burst run of README "Reliability and scale": N generated articles (default 10000) uploaded to a throw-away
# Azurite of its own (in memory, free ports on 127.0.0.1), parsed by `digest dev --once`, the day's digest built by
# `digest build`, sent to an .eml outbox by `digest dev --now --once`, and accounted for by `digest status`.
# Each step is timed with /usr/bin/time -v (wall time, peak RSS); the load average is printed next to it.
#
#   tools/scale-run.sh [N]                 # builds src/Digest.Cli (Release) unless DIGEST is set
#   DIGEST="dotnet path/to/digest.dll" tools/scale-run.sh 200
#   SCALE_PARSE_CONCURRENCY=1 tools/scale-run.sh 1000  # `digest dev --parse-concurrency` (default 8)
#
# Needs Azurite from tools/ (npm ci --prefix tools, which ./test.sh does once). Exits non-zero when a step fails or
# the day does not reconcile. The articles are generated into a temporary folder and removed afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
[[ "$n" =~ ^[0-9]+$ && "$n" -gt 0 ]] || { echo "scale-run.sh: N must be a positive number of articles" >&2; exit 2; }
[ -x tools/node_modules/.bin/azurite ] || { echo "scale-run.sh: Azurite is missing; run: npm ci --prefix tools" >&2; exit 2; }
subscribers=${SCALE_SUBSCRIBERS:-seeds/subscribers.json}

if [ -z "${DIGEST:-}" ]; then
  dotnet build src/Digest.Cli -c Release --nologo -v q >/dev/null
  DIGEST="dotnet $(pwd)/src/Digest.Cli/bin/Release/net10.0/digest.dll"
fi
read -r -a digest <<<"$DIGEST"

work=$(mktemp -d "${TMPDIR:-/tmp}/digest-scale.XXXXXX")
azurite_pid=
cleanup() {
  if [ -n "$azurite_pid" ]; then kill "$azurite_pid" 2>/dev/null || true; wait "$azurite_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

free_port() { node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
blob=$(free_port); queue=$(free_port); table=$(free_port)
tools/node_modules/.bin/azurite --silent --skipApiVersionCheck --loose --inMemoryPersistence \
  --blobHost 127.0.0.1 --blobPort "$blob" --queueHost 127.0.0.1 --queuePort "$queue" \
  --tableHost 127.0.0.1 --tablePort "$table" >"$work/azurite.log" 2>&1 &
azurite_pid=$!
for port in "$blob" "$queue"; do
  for i in $(seq 1 150); do
    node -e "const c=require('net').connect($port,'127.0.0.1');c.on('connect',()=>process.exit(0));c.on('error',()=>process.exit(1))" 2>/dev/null && break
    [ "$i" -lt 150 ] || { cat "$work/azurite.log" >&2; echo "scale-run.sh: Azurite did not start" >&2; exit 1; }
    sleep 0.2
  done
done

# The well-known Azurite development key (public, documented; not a secret).
key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
export AzureWebJobsStorage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue/devstoreaccount1;"
export Digest__UnsubscribeSigningKey=${Digest__UnsubscribeSigningKey:-scale-run-throwaway-signing-key-0123456789}
export Digest__PostalAddress=${Digest__PostalAddress:-"Scale run, 1 Test Street, Testtown"}
export Email__Provider=Outbox Email__Outbox__Path="$work/outbox"

# Small distinct plain-text articles, in four folders (one upload process each).
awk -v n="$n" -v dir="$work/in" 'BEGIN {
  split("Lisbon Nairobi Osaka Quito Tallinn Perth Accra Bergen", place, " ");
  split("bridge repairs|a water main|school meals|a rail timetable|a harbour dredge|library hours", topic, "|");
  for (i = 0; i < n; i++) {
    p = place[i % 8 + 1]; t = topic[int(i / 8) % 6 + 1];
    f = sprintf("%s/%d/a%06d.txt", dir, i % 4, i);
    if (i < 4) system("mkdir -p " dir "/" i);
    printf "%s council votes on %s, item %d\n\n", p, t, i > f;
    printf "The council of %s voted %d to %d on %s on Tuesday, officials said. Reference %d-%s covers the budget of %d thousand.\n\n", p, i, i % 7, t, i, toupper(p), i * 13 % 997 > f;
    printf "Residents asked about %s at a meeting that lasted %d hours.\n", t, i % 5 + 1 > f;
    close(f);
  }
}'

step() { # name command...
  local name=$1; shift
  local start end
  start=$(date +%s.%N)
  if ! /usr/bin/time -v -o "$work/$name.time" "$@" >"$work/$name.log" 2>&1; then
    cat "$work/$name.log" "$work/$name.time" >&2
    echo "scale-run.sh: step '$name' failed" >&2
    exit 1
  fi
  end=$(date +%s.%N)
  local rss
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$work/$name.time")
  printf '%-10s %8.1f s wall  peak RSS %5s MB  load %s\n' "$name" "$(echo "$end - $start" | bc)" "$rss" "$(cut -d' ' -f1-3 /proc/loadavg)"
}

echo "scale run: $n articles, Azurite on 127.0.0.1:$blob/$queue (in memory), $(nproc) cores"
step subscribe "${digest[@]}" subscribers import "$subscribers"
export work DIGEST
step upload bash -c 'read -r -a digest <<<"$DIGEST"; fail=0; for d in 0 1 2 3; do "${digest[@]}" upload "$work/in/$d" >"$work/upload-$d.log" 2>&1 & done; for j in $(jobs -p); do wait "$j" || fail=1; done; exit $fail'
step parse "${digest[@]}" dev --once --parse-concurrency "${SCALE_PARSE_CONCURRENCY:-8}"
step build "${digest[@]}" build
step send "${digest[@]}" dev --now --once
step status "${digest[@]}" status --json
grep -E "parsed|quarantined" "$work/parse.log" | tail -1 || true
tail -1 "$work/send.log" || true
node -e '
const s = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
console.log(JSON.stringify({ day: s.day, uploads: s.uploads, digest: s.digest, emails: s.emails, reconciles: s.reconciles, problems: s.problems }));
' "$work/status.log"
echo "outbox: $(find "$work/outbox" -name '*.eml' | wc -l) emails"
