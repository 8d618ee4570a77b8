import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { lockDataDir } from './data-dir-lock.ts';

describe('lockDataDir', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pos-lock-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a directory another running process holds', async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
    writeFileSync(join(dir, 'pos-server.lock'), String(other.pid));

    await expect(lockDataDir(dir)).rejects.toThrow(/in use by process/);
    other.kill();
  });

  it('takes over a lock left by a process that is gone, and releases it', async () => {
    writeFileSync(join(dir, 'pos-server.lock'), '999999999');

    const release = await lockDataDir(dir);
    expect(readFileSync(join(dir, 'pos-server.lock'), 'utf8')).toBe(String(process.pid));

    await release();
    await expect(lockDataDir(dir)).resolves.toBeTypeOf('function');
  });
});
