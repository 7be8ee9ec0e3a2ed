#!/usr/bin/env bash
# Prints each file of a build folder with its raw and gzip size, and the totals.
set -euo pipefail
dir=${1:-dist}
total_raw=0; total_gz=0
printf '%-48s %10s %10s\n' file raw gzip
while IFS= read -r -d '' f; do
  raw=$(stat -c %s "$f"); gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '%-48s %10d %10d\n' "${f#"$dir"/}" "$raw" "$gz"
done < <(find "$dir" -type f -print0 | sort -z)
printf '%-48s %10d %10d\n' total "$total_raw" "$total_gz"
