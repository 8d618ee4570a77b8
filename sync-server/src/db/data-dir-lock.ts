import { readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const LOCK_FILE = 'pos-server.lock';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite does not stop a second process from opening the same data directory, and two writers
 * corrupt it. A lock file with our pid refuses the second server with a clear message; a lock
 * left by a process that is gone is taken over.
 */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  const path = join(dir, LOCK_FILE);
  const pid = String(process.pid);

  try {
    await writeFile(path, pid, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = Number((await readFile(path, 'utf8')).trim());
    if (Number.isInteger(holder) && holder !== process.pid && isRunning(holder)) {
      throw new Error(
        `the PGlite data directory ${dir} is in use by process ${holder}; stop it or set PGLITE_DIR`,
        { cause: error },
      );
    }
    await writeFile(path, pid);
  }

  return async () => {
    const holder = await readFile(path, 'utf8').catch(() => '');
    if (holder.trim() === pid) await unlink(path).catch(() => undefined);
  };
}
