import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';
const t0 = Date.now();
const db = await PGlite.create();
const server = new PGLiteSocketServer({ db, port: 0, host: '127.0.0.1', maxConnections: 10 });
await server.start();
const addr = server.server?.address?.() ?? server.getServerConn?.();
console.log('started', Date.now() - t0, addr, Object.keys(server));
