// Where the tests find Chrome or Chromium (one place for the browser tests, the edge tests and
// the benchmark): `CHROME` when set, else the first of the usual names on PATH, else the macOS
// app bundles. Missing, it throws an error that says what to do: a browser test never skips.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];
const MAC_APPS = [
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

function executable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The path of a Chrome or Chromium executable; throws a clear error when there is none. */
function findChrome(env = process.env) {
  if (env.CHROME) {
    if (!executable(env.CHROME)) throw new Error(`CHROME=${env.CHROME} is not an executable file`);
    return env.CHROME;
  }
  const dirs = (env.PATH || '').split(path.delimiter).filter(Boolean);
  for (const name of NAMES) {
    for (const dir of dirs) {
      const file = path.join(dir, name);
      if (executable(file)) return file;
    }
  }
  for (const app of MAC_APPS) if (executable(app)) return app;
  throw new Error(
    `no Chrome or Chromium found (looked for CHROME, then ${NAMES.join(', ')} on PATH, then the macOS app bundles): ` +
      'install Chromium (`cargo xtask test` does) or set CHROME to its executable',
  );
}

/** Flags for every test browser: headless, and nothing ever leaves 127.0.0.1. */
const CHROME_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

module.exports = { findChrome, CHROME_ARGS };
