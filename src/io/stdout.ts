/**
 * Writes to standard output and waits until the bytes are handed over, so that a failure (a full
 * disk behind `> file`) reaches the caller as a rejected promise. A reader that stops early
 * (`| head`) closes the pipe: that is not a failure.
 */
export function writeStdout(data: Uint8Array | string): Promise<void> {
  // The stream also emits each failure as an 'error' event, after the callback has reported it:
  // one listener for the life of the process keeps that event from crashing it with a stack trace.
  if (!process.stdout.listeners('error').includes(reportedByCallback)) process.stdout.on('error', reportedByCallback);
  return new Promise<void>((resolve, reject) => {
    process.stdout.write(data, (error) => {
      if (error && (error as NodeJS.ErrnoException).code !== 'EPIPE') reject(error);
      else resolve();
    });
  });
}

function reportedByCallback(): void {}
