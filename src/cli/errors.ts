/** Exit codes of the command-line contract (docs/cli.md). */
export const EXIT = { ok: 0, invalidInput: 1, usage: 2 } as const;

/** A problem with the input (file, answers, templates): exit code 1, one message per line. */
export class InputError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
    this.name = 'InputError';
  }
}

/** A problem with the command line itself: exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
