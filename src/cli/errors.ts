/**
 * Input errors of the headless runner: anything the user can fix (a flag, a time, a file, an id).
 * They become `lab: …` lines on stderr and exit code 2, never a stack trace.
 */

/** A problem with what the user asked for; `lines` holds one message per problem. */
export class CliInputError extends Error {
  readonly lines: string[];

  constructor(lines: string | string[]) {
    const list = typeof lines === 'string' ? [lines] : lines;
    super(list.join('\n'));
    this.name = 'CliInputError';
    this.lines = list;
  }
}

/** Exit codes of `lab` (docs/cli.md). */
export const ExitCode = {
  /** The run finished and every requested file was written. */
  ok: 0,
  /** A bug: an unexpected internal error. */
  internal: 1,
  /** A usage or input error: bad flag, time, file, document or id. */
  usage: 2,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
