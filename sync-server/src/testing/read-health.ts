import type { TestApp } from './test-app.ts';

export interface Readiness {
  httpStatus: number;
  status: string;
  redis?: 'up' | 'down';
  degraded?: string[];
  pullCache?: { hits: number; misses: number; ratio: number };
}

/** GET /health/ready with its status code. */
export async function readReadiness(t: TestApp): Promise<Readiness> {
  const response = await t.app.request('/health/ready');
  return {
    httpStatus: response.status,
    ...((await response.json()) as Omit<Readiness, 'httpStatus'>),
  };
}

/** One sample of GET /metrics, e.g. `pos_pull_cache_hits_total`. */
export async function readMetric(t: TestApp, name: string): Promise<number> {
  const text = await (await t.app.request('/metrics')).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  if (line === undefined) throw new Error(`no metric ${name}`);
  return Number(line.slice(name.length + 1));
}
