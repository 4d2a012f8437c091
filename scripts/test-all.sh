#!/usr/bin/env bash
# The project's one test command (`npm test`, and CI through .ci/run).
# Installs what is missing, then runs every stage even after a failure so the summary is complete:
# format, lint, typecheck, unit tests, build, the size budget, end-to-end tests.
# A stage that is not a test runner counts as one check; the test runners count their real tests.
# The last line printed is always `N passed, N failed`; the exit status is non-zero on any failure.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

PASSED=0
FAILED=0
SUMMARY=()

record() { # record <stage> <passed> <failed>
  PASSED=$((PASSED + $2))
  FAILED=$((FAILED + $3))
  SUMMARY+=("$(printf '%-10s %4d passed, %4d failed' "$1" "$2" "$3")")
}

banner() { printf '\n=== %s ===\n' "$1"; }

check() { # check <stage> <command...>: one check, passed when the command succeeds
  local stage=$1
  shift
  banner "$stage"
  if "$@"; then record "$stage" 1 0; else record "$stage" 0 1; fi
}

# Prints "<passed> <failed>" from a JSON report; fails when the report is missing or unreadable.
count() { # count <report> <js expression giving [passed, failed] from the parsed report `r`>
  node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const counts = eval(process.argv[2]);
    if (!counts.every(Number.isInteger)) process.exit(1);
    console.log(counts.join(" "));' "$1" "$2" 2>/dev/null
}
count_vitest() { count "$1" '[r.numPassedTests, r.numFailedTests]'; }
count_playwright() { count "$1" '[r.stats.expected, r.stats.unexpected + r.stats.flaky]'; }

runner() { # runner <stage> <report> <counter> <command...>
  local stage=$1 report=$2 counter=$3 status counts passed failed
  shift 3
  banner "$stage"
  rm -f "$report"
  "$@"
  status=$?
  if counts=$($counter "$report"); then
    read -r passed failed <<<"$counts"
    # A runner that fails without failing a test (a crash, no tests found) still counts once.
    if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
    record "$stage" "$passed" "$failed"
  else
    echo "$stage: no report at $report (exit status $status)"
    record "$stage" 0 1
  fi
}

# --- setup -------------------------------------------------------------------------------------
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  banner "install"
  npm ci --no-audit --no-fund || record "install" 0 1
fi

# The browser tests need Chromium and, for the Korean screens, a CJK font (without one Hangul
# renders as empty boxes in every screenshot).
CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}
missing=()
[ -x "$CHROMIUM" ] || missing+=(chromium)
fc-list :lang=ko 2>/dev/null | grep -q . || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  banner "browser packages: ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then
    (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}") ||
      record "packages" 0 1
  else
    echo "Missing Debian packages: ${missing[*]}. Install them (e.g. \`sudo apt-get install -y ${missing[*]}\`);"
    echo "set CHROMIUM_PATH to use another Chromium binary. The end-to-end tests need them."
  fi
fi

mkdir -p test-results

# --- stages --------------------------------------------------------------------------------------
check format npm run format
check lint npm run lint
check typecheck npm run typecheck
runner unit test-results/unit.json count_vitest \
  npx vitest run --reporter=default --reporter=json --outputFile=test-results/unit.json
banner build
if npm run build; then
  record build 1 0
  # The initial-JavaScript budget (gzip): sizes are deterministic, so unlike times they gate CI.
  check size npm run size
  runner e2e test-results/e2e-report.json count_playwright npx playwright test
else
  record build 0 1
  echo "size, e2e: skipped because the build failed"
  record size 0 1
  record e2e 0 1
fi

# --- summary -------------------------------------------------------------------------------------
banner summary
printf '%s\n' "${SUMMARY[@]}"
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
