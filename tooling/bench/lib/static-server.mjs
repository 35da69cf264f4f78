// The serving limit: a minimal Node HTTP server answering every request with
// one file's bytes (a prerendered page), as a baseline for `next start`.
// Usage: node tooling/bench/lib/static-server.mjs <file> <content-type>; prints its port.
import { readFileSync } from "node:fs";
import http from "node:http";

const [file, type = "text/html; charset=utf-8"] = process.argv.slice(2);
const body = readFileSync(file);
const server = http.createServer((req, res) => {
  res.writeHead(200, { "content-type": type, "content-length": body.length });
  res.end(body);
});
server.listen(0, "127.0.0.1", () => console.log(server.address().port));
// Never outlive the benchmark: stop after 10 minutes whatever happens.
setTimeout(() => process.exit(0), 600_000).unref();
process.on("SIGTERM", () => server.close(() => process.exit(0)));
