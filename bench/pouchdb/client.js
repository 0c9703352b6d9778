// The PouchDB side of bench/bench_sync_pouchdb.py: one timed replication per call.
//   node client.js push DOCS.json REMOTE_URL BATCH DIR   local LevelDB (filled untimed) -> remote
//   node client.js pull REMOTE_URL BATCH DIR             remote -> a new local LevelDB
// Prints one line of JSON: {"docs": written, "seconds": the replication alone}.
"use strict";
const fs = require("fs");
const path = require("path");
const PouchDB = require("pouchdb");

async function main() {
  const [mode, ...args] = process.argv.slice(2);
  let source, target, batch;
  if (mode === "push") {
    const [docsPath, remote, batchText, dir] = args;
    source = new PouchDB(path.join(dir, "local-push"));
    const docs = JSON.parse(fs.readFileSync(docsPath, "utf8"));
    for (let start = 0; start < docs.length; start += 1000) {
      await source.bulkDocs(docs.slice(start, start + 1000));
    }
    target = remote;
    batch = Number(batchText);
  } else if (mode === "pull") {
    const [remote, batchText, dir] = args;
    source = remote;
    target = new PouchDB(path.join(dir, "local-pull"));
    batch = Number(batchText);
  } else {
    throw new Error("usage: client.js push DOCS REMOTE BATCH DIR | pull REMOTE BATCH DIR");
  }
  const started = process.hrtime.bigint();
  const result = await PouchDB.replicate(source, target, { batch_size: batch });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (!result.ok || result.doc_write_failures) {
    throw new Error("replication failed: " + JSON.stringify(result.errors));
  }
  console.log(JSON.stringify({ docs: result.docs_written, seconds }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
