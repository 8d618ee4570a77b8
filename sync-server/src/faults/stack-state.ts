import { readFileSync, writeFileSync } from 'node:fs';

/** One service as scripts/lib/stack.mjs records it in the stack's state file. */
export interface StackService {
  name: string;
  url?: string;
  pid?: number;
  logFile?: string;
}

export function readStackState(file: string): StackService[] {
  return JSON.parse(readFileSync(file, 'utf8')) as StackService[];
}

/**
 * Records the pid of a service the suite started again, so `npm run stack:down` and the test
 * runner stop the new process rather than look for the old one.
 */
export function recordRestart(file: string, name: string, pid: number | undefined): void {
  const next = readStackState(file).map((service) =>
    service.name === name ? { ...service, pid } : service,
  );
  writeFileSync(file, `${JSON.stringify(next, null, 2)}\n`);
}
