#!/bin/sh
# The importer's own size in wasm, measured as the widget's bundle is built (xtask/src/widget.rs):
# the `wasm-release` profile with the widget's release flags, then binaryen's `wasm-opt -Oz` with
# the widget's options (no wasm-bindgen: the module has plain exports, and the glue the editor adds
# is the editor's); gzip 9 and brotli 11 by Node's zlib. The module is
# `examples/wasm_size.rs` (one export calling `seloste_import::import`). With `--top`, also
# twiggy's listing of the largest items (on a copy that keeps its names).
# Run from the repository's root: sh import/wasm-size.sh [--top]
set -eu
RUSTC_BOOTSTRAP=1 RUSTFLAGS="-Zlocation-detail=none -Zfmt-debug=none" \
    cargo build --quiet -p seloste-import --example wasm_size \
    --target wasm32-unknown-unknown --profile wasm-release
out=target/import-size
rm -rf "$out"
mkdir -p "$out"
cp target/wasm32-unknown-unknown/wasm-release/examples/wasm_size.wasm "$out/compiled.wasm"
features="--enable-reference-types --enable-bulk-memory --enable-nontrapping-float-to-int \
--enable-sign-ext --enable-mutable-globals --enable-multivalue"
opt="-Oz --converge --zero-filled-memory --low-memory-unused --strip-producers \
--strip-target-features"
# shellcheck disable=SC2086
node_modules/.bin/wasm-opt "$out/compiled.wasm" $opt --strip-debug $features \
    -o "$out/import.wasm"
node -e "const fs = require('fs'), z = require('zlib');
const b = fs.readFileSync(process.argv[1]);
const br = z.brotliCompressSync(b, { params: { [z.constants.BROTLI_PARAM_QUALITY]: 11 } });
console.log('import.wasm: ' + b.length + ' B raw, ' + z.gzipSync(b, { level: 9 }).length +
  ' B gzip, ' + br.length + ' B brotli');" "$out/import.wasm"
if [ "${1:-}" = "--top" ]; then
    # shellcheck disable=SC2086
    node_modules/.bin/wasm-opt "$out/compiled.wasm" $opt --debuginfo $features \
        -o "$out/import-named.wasm"
    twiggy top -n 40 "$out/import-named.wasm"
fi
