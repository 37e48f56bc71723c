// `seloste keys create|list|revoke` against the real edge in workerd, with the operator token from
// SELOSTE_OPERATOR_TOKEN; the key it prints publishes with `seloste publish` (SELOSTE_TOKEN) for
// its own organisation only, and not at all once revoked.

import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { promisify } from "node:util";

import { STATE, buildCli, freshEdge, notice } from "./helpers.mjs";

let SELOSTE;
const FILES = join(STATE, "keys-cli-files");
let edge;

before(async () => {
  SELOSTE = buildCli();
  mkdirSync(FILES, { recursive: true });
  edge = await freshEdge("keys-cli");
});
after(() => edge?.stop());

async function seloste(args, env) {
  try {
    const { stdout, stderr } = await promisify(execFile)(SELOSTE, args, { env: { PATH: process.env.PATH, ...env } });
    return { code: 0, stdout, stderr };
  } catch (e) {
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const operator = (args) => seloste([...args, "--to", edge.base], { SELOSTE_OPERATOR_TOKEN: edge.token });

function noticeFile(id) {
  const file = join(FILES, `${id.replace("/", "--")}.json`);
  writeFileSync(file, JSON.stringify(notice(id)));
  return file;
}

test("create --json, publish with the key, list, revoke: the key is refused after", async () => {
  const created = await operator(["keys", "create", "cli-org", "--label", "CLI test", "--json"]);
  assert.equal(created.code, 0, created.stderr);
  const { id, key } = JSON.parse(created.stdout);
  assert.match(id, /^k[0-9a-f]{16}$/);
  assert.match(key, /^slk_[0-9a-f]{64}$/);

  const own = await seloste(["publish", noticeFile("cli-org/seloste"), "--to", edge.base], { SELOSTE_TOKEN: key });
  assert.equal(own.code, 0, own.stderr);
  const other = await seloste(["publish", noticeFile("muu-org/seloste"), "--to", edge.base], { SELOSTE_TOKEN: key });
  assert.equal(other.code, 2);
  assert.match(other.stderr, /another organisation/);

  const list = await operator(["keys", "list", "cli-org"]);
  assert.equal(list.code, 0, list.stderr);
  assert.match(list.stdout, new RegExp(`${id}\\s+CLI test\\s+created \\S+\\s+last used`));
  assert.ok(!list.stdout.includes(key), "a list never shows the key");

  const revoked = await operator(["keys", "revoke", "cli-org", id]);
  assert.equal(revoked.code, 0, revoked.stderr);
  assert.match(revoked.stdout, /revoked/);
  const after = await seloste(["publish", noticeFile("cli-org/toinen"), "--to", edge.base], { SELOSTE_TOKEN: key });
  assert.equal(after.code, 2);
  assert.match(after.stderr, /refused the token/);
});

test("without SELOSTE_OPERATOR_TOKEN, or with a wrong one, nothing is created", async () => {
  const none = await seloste(["keys", "create", "cli-org", "--label", "x", "--to", edge.base], {});
  assert.equal(none.code, 2);
  assert.match(none.stderr, /SELOSTE_OPERATOR_TOKEN/);
  const wrong = await seloste(["keys", "list", "cli-org", "--to", edge.base], { SELOSTE_OPERATOR_TOKEN: "wrong" });
  assert.equal(wrong.code, 2);
  assert.match(wrong.stderr, /refused the operator token/);
});
