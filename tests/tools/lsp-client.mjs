// A real LSP client (vscode-languageserver-protocol over vscode-jsonrpc, as VS Code's own client uses)
// between a test or benchmark and `breezeblock lsp`.
//
//   node lsp-client.mjs <server program> [server arguments...]
//
// It starts the server and reads commands from stdin, one JSON object per line:
//   {"id": 1, "request": "textDocument/hover", "params": {...}}   -> {"id": 1, "result": ...} or {"id": 1, "error": {...}}
//   {"notify": "textDocument/didChange", "params": {...}}
//   {"exit": true}                                                 -> shutdown, exit, end of the server's input; {"exited": code}
// and writes to stdout, one JSON object per line, every notification the server sends
// ({"notification": method, "params": ...}) and every request it makes ({"serverRequest": method, "params": ...}, answered null).
// Each line also carries "at": milliseconds since the client started, so a benchmark can time what it waits for.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { performance } from "node:perf_hooks";
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, ShutdownRequest, ExitNotification } from "vscode-languageserver-protocol/node.js";

const [program, ...args] = process.argv.slice(2);
const server = spawn(program, args, { stdio: ["pipe", "pipe", "inherit"] });
const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
const write = (message) => process.stdout.write(JSON.stringify({ ...message, at: performance.now() }) + "\n");

connection.onNotification((method, params) => write({ notification: method, params }));
connection.onRequest((method, params) => {
  write({ serverRequest: method, params });
  return null;
});
connection.onClose(() => write({ closed: true }));
connection.listen();

server.on("exit", (code) => {
  write({ exited: code });
  process.exit(0);
});

const lines = createInterface({ input: process.stdin });
lines.on("line", async (line) => {
  if (line.trim() === "") return;
  const command = JSON.parse(line);
  if (command.request) {
    try {
      const result = await connection.sendRequest(command.request, command.params);
      write({ id: command.id, result: result ?? null });
    } catch (error) {
      write({ id: command.id, error: { code: error.code, message: error.message } });
    }
  } else if (command.notify) {
    await connection.sendNotification(command.notify, command.params);
  } else if (command.exit) {
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    server.stdin.end(); // as editors do: the server has had its last message
  }
});
lines.on("close", () => server.kill());
