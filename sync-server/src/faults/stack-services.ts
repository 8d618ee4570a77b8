import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';

// The service scripts are plain JavaScript outside this workspace: loaded by URL and typed
// here with just what the fault suite calls.
const lib = (name: string) => new URL(`../../../scripts/lib/${name}.mjs`, import.meta.url).href;

export interface Stoppable {
  url: string;
  pid: number | undefined;
  stop(): Promise<void>;
}

export interface ThrowawayPostgres extends Stoppable {
  port: number;
  dir: string;
}

interface PostgresLib {
  startThrowawayPostgres(): Promise<ThrowawayPostgres>;
  ensureDatabase(adminUrl: string, name: string): Promise<string>;
  freePort(): Promise<number>;
}

interface RedisLib {
  startRedis(options: { port: number; dataDir: string; logFile: string }): Promise<Stoppable>;
}

interface PermifyLib {
  startPermify(options: {
    postgresUrl: string;
    httpPort: number;
    grpcPort: number;
    invokerPort: number;
    logFile: string;
  }): Promise<Stoppable>;
}

interface KrakendLib {
  startKrakend(options: { port: number; backends: string[]; logFile: string }): Promise<Stoppable>;
}

interface KeycloakLib {
  startKeycloak(options: {
    postgresUrl: string;
    logFile: string;
    detached: boolean;
    log?: (line: string) => void;
  }): Promise<Stoppable>;
}

interface SystemPackagesLib {
  findPostgresBin(): string | undefined;
}

async function load<T>(name: string): Promise<T> {
  return (await import(lib(name))) as T;
}

export const postgresLib = () => load<PostgresLib>('postgres');
export const redisLib = () => load<RedisLib>('redis');
export const permifyLib = () => load<PermifyLib>('permify');
export const krakendLib = () => load<KrakendLib>('krakend');
export const keycloakLib = () => load<KeycloakLib>('keycloak');

export async function freePort(): Promise<number> {
  return (await postgresLib()).freePort();
}

/**
 * Restarts a cluster of startThrowawayPostgres the way an operator would (`pg_ctl restart -m
 * fast`): every open session is ended, open transactions roll back, the same port comes back.
 */
export async function restartPostgres(postgres: ThrowawayPostgres): Promise<void> {
  const bin = (await load<SystemPackagesLib>('system-packages')).findPostgresBin();
  if (bin === undefined) throw new Error('no Postgres server found');
  const pgCtl = [
    `${bin}/pg_ctl`,
    ...['-D', `${postgres.dir}/data`, '-l', `${postgres.dir}/log`, '-m', 'fast', '-w', 'restart'],
  ];
  // Postgres refuses to run as root; postgres.mjs runs it as the postgres user, so do we.
  const [command, ...args] =
    process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--', ...pgCtl] : pgCtl;
  // The new postmaster keeps whatever output it was given: none, so waiting ends with pg_ctl.
  const child = spawn(command ?? '', args, { stdio: 'ignore' });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`pg_ctl restart exited with ${code}`);
}

/** The pid of the process listening on a loopback TCP port, from `ss`. */
export async function listenerPid(port: number): Promise<number> {
  const { stdout } = await promisify(execFile)('ss', ['-ltnpH', `sport = :${port}`]);
  const pid = /pid=(\d+)/.exec(stdout)?.[1];
  if (pid === undefined) throw new Error(`nothing listens on port ${port}`);
  return Number(pid);
}

/** The process group of a pid (a service and the children it started share it). */
export async function processGroupOf(pid: number): Promise<number> {
  const { stdout } = await promisify(execFile)('ps', ['-o', 'pgid=', '-p', String(pid)]);
  const pgid = Number(stdout.trim());
  if (!Number.isInteger(pgid) || pgid <= 0) throw new Error(`no process group for pid ${pid}`);
  return pgid;
}
