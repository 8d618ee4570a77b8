import { createTestApp } from '../testing/test-app.ts';
import { badInputSuite } from './bad-input-suite.ts';

badInputSuite('PGlite', () => createTestApp());
