import { createTestApp } from '../testing/test-app.ts';
import { replicationSuite } from './replication-suite.ts';

replicationSuite('PGlite', () => createTestApp());
