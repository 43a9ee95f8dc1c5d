import { getInfra, waitFor } from '@safewatch/testkit';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createPgPool } from '../../src/pg.js';

describe('createPgPool', () => {
  it('survives the server dropping a connection that is checked out for a transaction', async () => {
    const errors: Error[] = [];
    const pool = createPgPool(
      {
        databaseUrl: getInfra().databaseUrl,
        schema: 'public',
        poolSize: 2,
        applicationName: 'pool-errors-test',
      },
      (err) => errors.push(err),
    );
    const admin = new pg.Client({ connectionString: getInfra().databaseUrl });
    await admin.connect();
    try {
      const client = await pool.connect();
      await client.query('BEGIN');
      const pid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid;
      // As a Postgres restart does: the server ends the session while the client is checked out.
      const ended = new Promise((resolve) => client.once('end', resolve));
      await admin.query('SELECT pg_terminate_backend($1)', [pid]);
      await ended;
      await expect(client.query('SELECT 1')).rejects.toThrow();
      client.release(true);
      // Without a listener on the checked-out client its 'error' event would have ended the process.
      await waitFor(async () => (await pool.query('SELECT 1 AS ok')).rows[0]?.ok === 1, {
        message: 'the pool serving queries again',
      });
    } finally {
      await admin.end();
      await pool.end();
    }
  });
});
