export interface CacheStats {
  hits: number;
  misses: number;
  /** Hits over lookups, 0 before the first lookup. */
  ratio: number;
}

export interface CacheCounters {
  hit(): void;
  miss(): void;
  stats(): CacheStats;
}

/** Lookups of one cache in this process; Prometheus sums them over instances. */
export function createCacheCounters(): CacheCounters {
  let hits = 0;
  let misses = 0;
  return {
    hit: () => {
      hits += 1;
    },
    miss: () => {
      misses += 1;
    },
    stats: () => ({ hits, misses, ratio: hits + misses === 0 ? 0 : hits / (hits + misses) }),
  };
}
