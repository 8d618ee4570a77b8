import { openDatabase } from './open-database.ts';
import { rowLevelSecuritySuite } from './row-level-security-suite.ts';

rowLevelSecuritySuite('PGlite', () => openDatabase({ pgliteDir: 'memory://' }));
