// The image's HEALTHCHECK: GET /api/health on the gateway in this container, over HTTPS when
// BERTH_TLS_CERT is set (its own certificate, so not verified: the call never leaves loopback),
// under BERTH_BASE_PATH when set. Exit 0 when it answers 200, else 1.
import { get as httpGet } from 'node:http';
import { get as httpsGet } from 'node:https';

const port = process.env.PORT || '7420';
const base = (process.env.BERTH_BASE_PATH || '').replace(/\/+$/, '');
const tls = Boolean(process.env.BERTH_TLS_CERT);
const get = tls ? httpsGet : httpGet;
const url = `${tls ? 'https' : 'http'}://127.0.0.1:${port}${base}/api/health`;
const req = get(url, { timeout: 4000, rejectUnauthorized: false }, (res) => {
  res.resume();
  process.exit(res.statusCode === 200 ? 0 : 1);
});
req.on('timeout', () => req.destroy(new Error('timed out')));
req.on('error', () => process.exit(1));
