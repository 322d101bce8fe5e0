/** A failure the command line explains in one message and an exit code (1 failure, 2 bad input or usage). */
export class CliError extends Error {
  constructor(
    message: string,
    public readonly exitCode: number = 1,
  ) {
    super(message);
    this.name = "CliError";
  }
}
