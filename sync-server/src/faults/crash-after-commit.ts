/**
 * Fault injection for the fault suite (src/faults/*.stack.test.ts), and nothing else.
 *
 * With POS_ENABLE_FAULTS=1 and POS_FAULT_CRASH_AFTER_COMMIT=<n>, the process kills itself with
 * SIGKILL right after its n-th push transaction has committed and before the response is
 * written: the till's push is stored but never answered, the worst moment for a crash. Both
 * variables are needed, so a stray POS_FAULT_* in a production environment does nothing; they
 * are read once at start.
 */
const enabled = process.env['POS_ENABLE_FAULTS'] === '1';
const crashAfter = enabled ? Number(process.env['POS_FAULT_CRASH_AFTER_COMMIT']) : Number.NaN;
let commits = 0;

/** Called by pushDocuments once a push has committed. */
export function pushCommitted(): void {
  if (!Number.isInteger(crashAfter) || crashAfter < 1) return;
  commits += 1;
  if (commits === crashAfter) process.kill(process.pid, 'SIGKILL');
}
