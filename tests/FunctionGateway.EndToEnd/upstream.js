// The loopback service behind the gateway in the end-to-end run. Any path: answers a JSON echo of the request
// it received (method, URL, headers, body length), so the run can check what reached the upstream.
// /big: a 16 MiB body with its SHA-256 in x-body-sha256, to check that a large response arrives whole.
'use strict';
const http = require('http');
const crypto = require('crypto');

const port = Number(process.argv[2]);
const big = Buffer.alloc(16 * 1024 * 1024);
for (let i = 0; i < big.length; i++) big[i] = (i * 31 + (i >> 16)) & 0xff;
const bigSha256 = crypto.createHash('sha256').update(big).digest('hex');

http.createServer((req, res) => {
  if (req.url.startsWith('/big')) {
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': big.length, 'x-body-sha256': bigSha256 });
    res.end(big);
    return;
  }
  let length = 0;
  req.on('data', chunk => { length += chunk.length; });
  req.on('end', () => {
    const body = JSON.stringify({ method: req.method, url: req.url, headers: req.headers, bodyLength: length });
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
}).listen(port, '127.0.0.1', () => console.log(`upstream listening on 127.0.0.1:${port}`));
