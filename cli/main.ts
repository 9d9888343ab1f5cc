// ---------------------------------------------------------------------------
// The `facturas` bin: the only place that touches process globals and exits.
// ---------------------------------------------------------------------------
import { run } from './run';

run(process.argv.slice(2), { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr, now: () => new Date() }).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
