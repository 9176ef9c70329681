/**
 * Entry point of `npm run lab` (DESIGN.md §6). Thin on purpose: it wires runCli to the process
 * and sets the exit code; everything else is in run.ts.
 */
import { writeFileSync } from 'node:fs';
import { runCli } from './run';

/** Output is gathered and written in large chunks: --json on a long run is many small lines. */
const FLUSH_AT = 1 << 16;
let pending: string[] = [];
let pendingLength = 0;

function flush(): void {
  if (pending.length === 0) return;
  process.stdout.write(pending.join(''));
  pending = [];
  pendingLength = 0;
}

// `lab … --json | head` closes the pipe early; that is not an error worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

process.exitCode = runCli(process.argv.slice(2), {
  stdout(s) {
    pending.push(s);
    pendingLength += s.length;
    if (pendingLength >= FLUSH_AT) flush();
  },
  stderr(s) {
    flush();
    process.stderr.write(s);
  },
  writeFile(path, data) {
    writeFileSync(path, data);
  },
});
flush();
