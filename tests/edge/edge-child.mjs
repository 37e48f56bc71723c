// Not a test: the worker in workerd (Miniflare) in a child process of its own, so that
// faults.test.mjs can SIGKILL the whole runtime (this node process and its workerd) mid-burst.
// Usage: node edge-child.mjs STATE_DIR TOKEN; prints the base URL as one line when ready.

import { startEdge } from "./helpers.mjs";

const [dir, token] = process.argv.slice(2);
const edge = await startEdge(dir, token);
process.stdout.write(`${edge.base}\n`);
process.on("SIGTERM", async () => {
  await edge.stop();
  process.exit(0);
});
