#!/bin/sh
# The importer's size in wasm, measured as the widget's bundle is built (xtask/src/widget.rs): the
# `wasm-release` profile with the widget's release flags, then binaryen's `wasm-opt -Oz` with the
# widget's options (no wasm-bindgen: the modules have plain exports, and the glue is the
# editor's); gzip 9 and brotli 11 by Node's zlib.
#   examples/wasm_size.rs         one export calling `seloste_import::import`: the whole importer
#   examples/wasm_size_schema.rs  the schema crate's share of it (parse, validate, JSON), which the
#                                 editor links for its own files anyway
# With `--top`, also twiggy's listing of the importer's largest items (on a copy keeping names).
# Run from the repository's root: sh import/wasm-size.sh [--top]
set -eu
out=target/import-size
rm -rf "$out"
mkdir -p "$out"
features="--enable-reference-types --enable-bulk-memory --enable-nontrapping-float-to-int \
--enable-sign-ext --enable-mutable-globals --enable-multivalue"
opt="-Oz --converge --zero-filled-memory --low-memory-unused --strip-producers \
--strip-target-features"
for example in wasm_size wasm_size_schema; do
    RUSTC_BOOTSTRAP=1 RUSTFLAGS="-Zlocation-detail=none -Zfmt-debug=none" \
        cargo build --quiet -p seloste-import --example "$example" \
        --target wasm32-unknown-unknown --profile wasm-release
    cp "target/wasm32-unknown-unknown/wasm-release/examples/$example.wasm" "$out/$example.compiled.wasm"
    # shellcheck disable=SC2086
    node_modules/.bin/wasm-opt "$out/$example.compiled.wasm" $opt --strip-debug $features \
        -o "$out/$example.wasm"
done
node -e "const fs = require('fs'), z = require('zlib');
const size = (f) => {
  const b = fs.readFileSync(f);
  const br = z.brotliCompressSync(b, { params: { [z.constants.BROTLI_PARAM_QUALITY]: 11 } });
  return [b.length, z.gzipSync(b, { level: 9 }).length, br.length];
};
const all = size(process.argv[1]), schema = size(process.argv[2]);
const line = (name, s) => console.log(name.padEnd(34) + s.map((n, i) =>
  (n + ' B ' + ['raw', 'gzip', 'brotli'][i]).padStart(16)).join(''));
line('importer (wasm_size.wasm)', all);
line('schema part (wasm_size_schema.wasm)', schema);
line('importer beyond the schema', all.map((n, i) => n - schema[i]));" \
    "$out/wasm_size.wasm" "$out/wasm_size_schema.wasm"
if [ "${1:-}" = "--top" ]; then
    # shellcheck disable=SC2086
    node_modules/.bin/wasm-opt "$out/wasm_size.compiled.wasm" $opt --debuginfo $features \
        -o "$out/wasm_size.named.wasm"
    twiggy top -n 40 "$out/wasm_size.named.wasm"
fi
