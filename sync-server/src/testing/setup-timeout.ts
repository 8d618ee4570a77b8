/**
 * Opening PGlite, migrating and seeding takes seconds, more on a busy machine with every test
 * file running at once; vitest's default 10 s hook timeout is too tight for it.
 */
export const SETUP_TIMEOUT_MS = 60_000;
