#!/usr/bin/env sh
# Seeds the corpora of `decode_responses` and `mock_requests` with the
# documented samples of crates/crux-types/tests/fixtures (one file each,
# named after its path). The corpora are not committed (see .gitignore);
# run this once before `cargo +nightly fuzz run <target>`.
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

# `mock_requests` reads any bytes as a sequence of requests: the same
# files give it a first corpus of inputs long enough for several requests.
corpus=corpus/mock_requests
mkdir -p "$corpus"
find "$fixtures" -name '*.json' | while read -r file; do
    name=$(echo "${file#"$fixtures"/}" | tr '/' '_')
    cp "$file" "$corpus/$name"
done
echo "seeded $(ls "$corpus" | wc -l) files into fuzz/$corpus"
