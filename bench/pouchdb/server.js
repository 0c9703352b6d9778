// express-pouchdb on LevelDB: the peer server of bench/bench_sync_pouchdb.py.
//   node server.js PORT DIR      (prints "listening" once it accepts connections)
"use strict";
const path = require("path");
const express = require("express");
const PouchDB = require("pouchdb");

const [port, dir] = process.argv.slice(2);
const DB = PouchDB.defaults({ prefix: path.join(dir, "/") });
const app = express();
// The least express-pouchdb that PouchDB replication needs (no Fauxton, no auth layer).
app.use(
  "/",
  require("express-pouchdb")(DB, {
    mode: "minimumForPouchDB",
    logPath: path.join(dir, "log.txt"),
    configPath: path.join(dir, "config.json"),
  }),
);
app.listen(Number(port), "127.0.0.1", () => console.log("listening"));
