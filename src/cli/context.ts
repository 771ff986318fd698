/** What a command may touch of the outside world; main.ts builds it from `process`, tests from strings. */
export interface CliContext {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  stdin: NodeJS.ReadableStream;
  env: Record<string, string | undefined>;
  /** Aborted on Ctrl-C, for long-running commands (serve, analyze). */
  signal: AbortSignal;
}

/** A command: its help text and its body. A body throws CliError for bad input; it writes stdout last. */
export interface Command {
  summary: string;
  help: string;
  run(argv: string[], context: CliContext): Promise<void>;
}
