import { z } from 'zod';

/**
 * The pull checkpoint is the tenant's change sequence of the last document returned. It is
 * taken inside the write transaction, so a row that commits late can never hide behind it.
 */
export const checkpointSchema = z
  .object({ seq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) })
  .strict();
export type Checkpoint = z.infer<typeof checkpointSchema>;

/**
 * Checkpoints survive client schema migrations, so the server must read any older shape.
 * Anything it cannot read restarts the pull from the beginning: safe, because pulls are
 * idempotent upserts on the till.
 */
export function readCheckpoint(raw: unknown): Checkpoint {
  const parsed = checkpointSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  // Beyond 2^53 a number no longer names one sequence (and Postgres bigint ends soon after).
  if (typeof raw === 'string' && /^\d+$/.test(raw) && Number.isSafeInteger(Number(raw))) {
    return { seq: Number(raw) };
  }
  return { seq: 0 };
}

export const PULL_LIMIT_DEFAULT = 200;
export const PULL_LIMIT_MAX = 1000;

/** GET /api/sync/:collection/pull?seq=<n>&limit=<n> answers this. */
export const pullResponseSchema = z
  .object({
    documents: z.array(z.record(z.string(), z.unknown())),
    checkpoint: checkpointSchema.nullable(),
  })
  .strict();
export type PullResponse<D = Record<string, unknown>> = {
  documents: D[];
  checkpoint: Checkpoint | null;
};

export const pushRowSchema = z
  .object({
    assumedMasterState: z.record(z.string(), z.unknown()).nullable(),
    newDocumentState: z.record(z.string(), z.unknown()),
  })
  .strict();
export type PushRow<D = Record<string, unknown>> = {
  assumedMasterState: D | null;
  newDocumentState: D;
};

export const PUSH_BATCH_MAX = 100;

/** POST /api/sync/:collection/push takes this body. */
export const pushRequestSchema = z
  .object({ rows: z.array(pushRowSchema).min(1).max(PUSH_BATCH_MAX) })
  .strict();

export const rejectedDocumentSchema = z
  .object({ id: z.string(), code: z.string(), message: z.string() })
  .strict();
export type RejectedDocument = z.infer<typeof rejectedDocumentSchema>;

/**
 * `conflicts` are the server's master documents where the till's assumption was stale (RxDB
 * resolves them). `rejected` were kept in quarantine on the server instead of applied; the
 * till shows them and never pushes them again.
 */
export const pushResponseSchema = z
  .object({
    conflicts: z.array(z.record(z.string(), z.unknown())),
    rejected: z.array(rejectedDocumentSchema),
  })
  .strict();
export type PushResponse<D = Record<string, unknown>> = {
  conflicts: D[];
  rejected: RejectedDocument[];
};

/**
 * GET /api/sync/stream is Server-Sent Events. Each `data:` line is one of these; `RESYNC`
 * is sent on every (re)connect so the till pulls whatever it missed while away.
 */
export const streamEventSchema = z.union([
  z.literal('RESYNC'),
  z
    .object({
      collection: z.string(),
      documents: z.array(z.record(z.string(), z.unknown())),
      checkpoint: checkpointSchema,
    })
    .strict(),
]);
export type StreamEvent = z.infer<typeof streamEventSchema>;
