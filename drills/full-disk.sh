#!/usr/bin/env bash
# A full disk under the SQLite file and the blob store: a tmpfs of SIZE_MB (default 20) filled with a file, then
# pictures, registrations and screenings until writes fail. Failures are 503 or 507 with a code and a message, never
# 500; nothing is half-written (blob files, PRAGMA integrity_check, audit verify); a write succeeds once space is
# freed. Needs root (it mounts the tmpfs, and unmounts it at the end).
source "$(dirname "$0")/lib.sh"
[ "$(id -u)" -eq 0 ] || { echo "full-disk.sh needs root: it mounts a tmpfs." >&2; exit 2; }
build
drill full-disk --size-mb "${SIZE_MB:-20}"
