// Starts `breezeblock lsp` for the workspace and gives it each folder's settings (breezeblock.*); adds
// the commands its hovers and code lenses link to, and a status bar item with the last evaluation.
import * as vscode from "vscode";
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from "vscode-languageclient/node";

let client: LanguageClient | undefined;

interface Evaluated {
  folder: string;
  succeeded: boolean;
  errors: number;
  configs: number;
  ran: number;
}

interface WireLocation {
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

// What the server reads as each folder's settings: breezeblock.* of that folder, by its URI.
function folderSettings(): { folders: Record<string, unknown> } {
  const folders: Record<string, unknown> = {};
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const settings = vscode.workspace.getConfiguration("breezeblock", folder.uri);
    folders[folder.uri.toString()] = {
      configFolder: settings.get<string>("configFolder") || undefined,
      set: settings.get<string[]>("set", []),
      values: settings.get<string[]>("values", []),
      secretEnv: settings.get<string[]>("secretEnv", []),
      timeout: settings.get<number | null>("timeout") ?? undefined,
      isolate: settings.get<boolean>("isolate", false),
      hermetic: settings.get<boolean>("hermetic", false),
    };
  }
  return { folders };
}

function toRange(range: WireLocation["range"]): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const settings = vscode.workspace.getConfiguration("breezeblock");
  const serverOptions: ServerOptions = {
    command: settings.get<string>("path") || "breezeblock",
    args: ["lsp", ...settings.get<string[]>("serverArguments", [])],
    transport: TransportKind.stdio,
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: "file", language: "python" }],
    initializationOptions: folderSettings(),
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/*.{py,yaml,yml,json}") },
    markdown: { isTrusted: { enabledCommands: ["breezeblock.showValue"] }, supportHtml: false },
    outputChannelName: "Breezeblock",
  };
  client = new LanguageClient("breezeblock", "Breezeblock", serverOptions, clientOptions);

  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left);
  status.text = "$(sync~spin) Breezeblock";
  status.command = "workbench.action.problems.focus";
  status.show();
  context.subscriptions.push(status);

  context.subscriptions.push(
    vscode.commands.registerCommand("breezeblock.showValue", async (uri: string, name: string) => {
      const value = await client?.sendRequest<string | null>("breezeblock/value", { textDocument: { uri }, name });
      const document = await vscode.workspace.openTextDocument({ language: "json", content: value ?? "null" });
      await vscode.window.showTextDocument(document, { preview: true });
    }),
    vscode.commands.registerCommand("breezeblock.showReferences", (uri: string, position: { line: number; character: number }, locations: WireLocation[]) =>
      vscode.commands.executeCommand(
        "editor.action.showReferences",
        vscode.Uri.parse(uri),
        new vscode.Position(position.line, position.character),
        locations.map((l) => new vscode.Location(vscode.Uri.parse(l.uri), toRange(l.range))),
      ),
    ),
    vscode.commands.registerCommand("breezeblock.restart", () => client?.restart()),
    vscode.workspace.onDidChangeConfiguration((change) => {
      if (change.affectsConfiguration("breezeblock")) {
        void client?.sendNotification("workspace/didChangeConfiguration", { settings: { breezeblock: folderSettings() } });
      }
    }),
  );

  await client.start();
  context.subscriptions.push(
    client.onNotification("breezeblock/evaluated", (evaluated: Evaluated) => {
      status.text = evaluated.succeeded ? `$(check) Breezeblock: ${evaluated.configs} configs` : `$(error) Breezeblock: ${evaluated.errors} errors`;
      status.tooltip = evaluated.succeeded ? `${evaluated.ran} ran, the others reused` : "see the Problems view";
    }),
  );
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
