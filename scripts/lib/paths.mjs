import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const stackDir = path.join(repoRoot, '.stack');
export const clientDist = path.join(repoRoot, 'dist', 'client');
