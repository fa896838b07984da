import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { envSchema } from '../../apps/api/src/config/env.validation';

/**
 * docker/docker-compose.yml, checked without a Docker engine: it parses, has
 * every piece of the scaled deployment, wires the API the way the app reads
 * its settings, and every file it mounts exists.
 */
describe('docker/docker-compose.yml', () => {
  const dockerDir = path.resolve(__dirname, '../../docker');
  const compose = parse(fs.readFileSync(path.join(dockerDir, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
    services: Record<string, Record<string, any>>;
    volumes: Record<string, unknown>;
  };
  const api = compose.services.api;

  it('has a balancer, several API replicas, a migration job, a primary and a replica, Redis and an S3 store', () => {
    expect(Object.keys(compose.services)).toEqual(expect.arrayContaining(['proxy', 'api', 'migrate', 'postgres', 'postgres-replica', 'redis', 'minio']));
    expect(api.deploy.replicas).toBeGreaterThanOrEqual(2);
    expect(api.ports).toBeUndefined(); // only the proxy is published
    expect(compose.services.proxy.ports).toEqual(['8080:80']);
  });

  it('starts the API after the migration job, with start-up migration off', () => {
    expect(api.depends_on.migrate).toEqual({ condition: 'service_completed_successfully' });
    expect(api.environment.MIGRATE_ON_START).toBe('false');
    expect(compose.services.migrate.command).toEqual(['node', 'dist/apps/api/libs/database/src/migrate-cli.js']);
    expect(fs.existsSync(path.resolve(__dirname, '../../libs/database/src/migrate-cli.ts'))).toBe(true);
  });

  it('gives the API only settings it knows, pointing at the services that exist', () => {
    const known = Object.keys(envSchema.describe().keys ?? {});
    for (const service of ['api', 'migrate']) {
      for (const key of Object.keys(compose.services[service].environment)) expect(known).toContain(key);
    }
    const env = api.environment as Record<string, string>;
    expect(env.DATABASE_URL).toMatch(/@postgres:5432\//);
    expect(env.DATABASE_REPLICA_URLS).toMatch(/@postgres-replica:5432\//);
    expect(env.REDIS_URL).toBe('redis://redis:6379');
    expect(env).toMatchObject({ PHOTO_STORAGE: 's3', S3_ENDPOINT: 'http://minio:9000', S3_FORCE_PATH_STYLE: 'true', TRUST_PROXY: 'true' });
    expect(env.JWT_SECRET).toMatch(/^\$\{JWT_SECRET:\?/); // no default secret
  });

  it('mounts files that exist, and nginx balances over the api service', () => {
    for (const service of Object.values(compose.services)) {
      for (const volume of (service.volumes ?? []) as string[]) {
        const source = volume.split(':')[0];
        if (source.startsWith('.')) expect(fs.existsSync(path.resolve(dockerDir, source))).toBe(true);
        else expect(Object.keys(compose.volumes)).toContain(source);
      }
    }
    const nginx = fs.readFileSync(path.join(dockerDir, 'nginx/nginx.conf'), 'utf8');
    expect(nginx).toMatch(/server api:3000/);
    expect(nginx).toMatch(/X-Forwarded-For/);
    expect(fs.readFileSync(path.join(dockerDir, 'postgres/replica-entrypoint.sh'), 'utf8')).toMatch(/pg_basebackup .* -R /);
  });
});
