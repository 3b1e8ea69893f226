// A small test process for the orchestrator tests: an HTTP server on $PORT whose /health answers 200
// (503 while UNHEALTHY is set), which logs to stdout and stderr and stops on SIGTERM unless IGNORE_SIGTERM is set.
const http = require("http");
const port = Number(process.env.PORT);
const server = http.createServer((req, res) => {
  if (req.url === "/health") {
    res.writeHead(process.env.UNHEALTHY ? 503 : 200);
    res.end(process.env.UNHEALTHY ? "unhealthy" : "ok");
    return;
  }
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify({ name: process.env.NAME || "", pid: process.pid }));
});
server.listen(port, "127.0.0.1", () => {
  console.log(`listening on ${port}`);
  console.error("a line on stderr");
});
process.on("SIGTERM", () => {
  if (process.env.IGNORE_SIGTERM) {
    console.log("ignoring SIGTERM");
    return;
  }
  console.log("stopping on SIGTERM");
  server.close(() => process.exit(0));
});
