// Reads a Mermaid diagram on stdin and parses it with Mermaid itself: exit 0 when it renders, 1 with the parser's message when not.
import { JSDOM } from "jsdom";
import { readFileSync } from "node:fs";

const dom = new JSDOM("<!doctype html><html><body></body></html>");
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import("mermaid");
mermaid.initialize({ startOnLoad: false });
try {
  const result = await mermaid.parse(readFileSync(0, "utf8"));
  console.log(result.diagramType);
} catch (error) {
  console.error(error.message ?? String(error));
  process.exit(1);
}
