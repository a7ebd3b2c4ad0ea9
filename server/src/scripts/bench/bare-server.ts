import fs from 'node:fs';
import http from 'node:http';

// Usage: node bare-server.ts <body.json> <port>. The ceiling a Node HTTP server reaches when it
// answers a read with Kabinet's exact body and does no work at all.
const [file, port] = process.argv.slice(2);
if (!file || !port) throw new Error('usage: bare-server.ts <body.json> <port>');
const body = fs.readFileSync(file);
http
  .createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': body.length,
      });
      response.end(body);
    });
  })
  .listen(Number(port), '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));
