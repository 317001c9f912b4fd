#!/usr/bin/env bash
# Run the whole test suite on one host and print one summary line (also kept in build/test-HOST.summary).
#   bookworm: this machine's Debian 12 QGIS 3.22, in .venv
#   trixie:   Debian 13's QGIS 3.40 in the chroot .hosts/trixie (see chroot_host.sh)
#   trixie-bp: Debian 13 with QGIS 3.44 LTR from trixie-backports in the chroot .hosts/trixie-bp
# Extra arguments go to pytest (test paths given there replace the default, tests/). The exit code is pytest's.
set -uo pipefail
host=$1
shift
cd "$(dirname "$0")/.."
mkdir -p build
junit=build/test-$host.xml
summary=build/test-$host.summary
rm -f "$junit" "$summary"
selection=(tests)  # the whole suite, unless the arguments name test files or folders themselves
for arg in "$@"; do [[ $arg == tests* ]] && selection=(); done
pytest_args=(-X faulthandler -m pytest "${selection[@]}" --qgis_disable_gui -p no:cacheprovider --junitxml="$junit" "$@")
# the suite as from a terminal: a shell that runs make in the background ignores SIGINT (a runner
# may block it), which
# every child would inherit (the Ctrl+C test of qgis_process then fails on QGIS 3.40)
as_in_a_terminal=(/usr/bin/python3 -c 'import os, signal, sys
signal.signal(signal.SIGINT, signal.SIG_DFL)
signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
os.execvp(sys.argv[1], sys.argv[1:])')
start=$(date +%s)
case $host in
    bookworm) "${as_in_a_terminal[@]}" .venv/bin/python "${pytest_args[@]}" ;;
    trixie|trixie-bp) "${as_in_a_terminal[@]}" scripts/chroot_host.sh run ".hosts/$host" -- \
        /opt/yongji-venv/bin/python "${pytest_args[@]}" ;;
    *) echo "unknown host $host (bookworm, trixie, trixie-bp)" >&2; exit 2 ;;
esac
rc=$?
/usr/bin/python3 scripts/suite_summary.py "$host" "$junit" "$rc" "$(( $(date +%s) - start ))" | tee "$summary"
exit $rc
