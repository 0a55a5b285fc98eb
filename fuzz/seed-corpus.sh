#!/usr/bin/env sh
# Seeds the corpus of `decode_responses` with the documented samples of
# crates/crux-types/tests/fixtures (one file each, named after its path).
# The corpus is not committed (see .gitignore); run this once before
# `cargo +nightly fuzz run decode_responses`.
set -eu
cd "$(dirname "$0")"
corpus=corpus/decode_responses
mkdir -p "$corpus"
fixtures=../crates/crux-types/tests/fixtures
find "$fixtures" -name '*.json' | while read -r file; do
    name=$(echo "${file#"$fixtures"/}" | tr '/' '_')
    cp "$file" "$corpus/$name"
done
echo "seeded $(ls "$corpus" | wc -l) files into fuzz/$corpus"
