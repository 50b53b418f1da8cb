#!/usr/bin/env bash
# System packages for the server's tests and for running PostgreSQL locally (Debian/Ubuntu, as root):
#   postgresql  - a real server for tests/test_postgres*.py (started per test session, see tests/pg.py)
#   chromium    - the browser Playwright drives in tests/test_dashboard*.py (never `playwright install`)
#   fonts-noto-core - Arabic glyphs for screenshots
#   openjdk-17-jre-headless - Java for Apache Spark (the spark extra; tests/test_spark.py)
# Python packages (playwright, schemathesis) come with `pip install -e '.[dev,server]'`.
set -euo pipefail
if [ "$(id -u)" -ne 0 ]; then
  echo "run as root (or with sudo): it installs Debian packages" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends postgresql postgresql-contrib chromium fonts-noto-core \
  openjdk-17-jre-headless
