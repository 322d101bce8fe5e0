// The password never appears in the command line (shell history, ps): it is
// read from standard input, hidden when typed at a terminal.
import { CliError } from "./errors";

function promptHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding("utf8");
  return new Promise((resolve, reject) => {
    let typed = "";
    const cleanup = () => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write("\n");
    };
    function onData(chunk: string) {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n") {
          cleanup();
          resolve(typed);
          return;
        }
        if (ch === "\u0003" || (ch === "\u0004" && typed === "")) {
          cleanup();
          reject(new CliError("Cancelled.", 130));
          return;
        }
        if (ch === "\u007f" || ch === "\b") typed = [...typed].slice(0, -1).join("");
        else if (ch >= " ") typed += ch;
      }
    }
    stdin.on("data", onData);
  });
}

async function readFirstLine(): Promise<string | null> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.length === 0) return null;
  return text.split(/\r?\n/, 1)[0] ?? "";
}

/** At a terminal: asks twice without echo. Piped: the first line of standard input. */
export async function readNewPassword(): Promise<string> {
  if (process.stdin.isTTY) {
    const first = await promptHidden("New password (not shown): ");
    const second = await promptHidden("Repeat the password: ");
    if (first !== second) throw new CliError("The two passwords do not match.", 2);
    return first;
  }
  const line = await readFirstLine();
  if (line === null || line === "") throw new CliError("No password on standard input. Pipe it in, e.g.  printf '%s\\n' \"$PASSWORD\" | npm run cli -- ...", 2);
  return line;
}
