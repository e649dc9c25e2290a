#!/usr/bin/env bash
# `npm run test:e2e:stress [-- spec…]`: the end-to-end suite on a machine that is busy, as CI's
# two cores are when other work runs beside it. Builds, then runs the suite while two
# CPU-bound processes spin beside it, and stops them however the run ends (pass, failure,
# Ctrl-C). A spinner also stops by itself when this script is gone (even killed with
# SIGKILL, which no trap sees) and after an hour at most.
set -euo pipefail
cd "$(dirname "$0")/../.."

bash test/setup/ensure-chromium.sh
npm run build

SPINNERS=2
spin='const parent = Number(process.argv[1]);
const end = Date.now() + 3600_000;
for (let alive = true; alive && Date.now() < end; ) {
  const slice = Date.now() + 1000;
  while (Date.now() < slice); // one second of pure CPU work
  try { process.kill(parent, 0); } catch { alive = false; }
}'

pids=()
stop_spinners() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  pids=()
}
trap stop_spinners EXIT
trap 'echo "Interrupted: stopping the CPU-bound processes." >&2; exit 130' INT TERM

for ((i = 0; i < SPINNERS; i++)); do
  node -e "$spin" "$$" &
  pids+=("$!")
done
echo "== End-to-end suite with $SPINNERS CPU-bound processes beside it (pids ${pids[*]}) on $(nproc) cores"

started=$SECONDS
status=0
npx vitest run -c vitest.e2e.config.ts "$@" || status=$?
elapsed=$((SECONDS - started))

# A load that stopped early would make a green run mean less: say so, and fail.
for pid in "${pids[@]}"; do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "A CPU-bound process ($pid) stopped before the suite ended: the run was not under load." >&2
    status=1
  fi
done
stop_spinners
echo "== End-to-end suite under load: $([ "$status" = 0 ] && echo passed || echo FAILED) in ${elapsed} s"
exit "$status"
