/** The one error the CLI turns into an exit code: 2 for bad input, 1 for failures. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 2,
  ) {
    super(message);
    this.name = "CliError";
  }
}
