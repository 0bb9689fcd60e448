import { readFileSync } from 'node:fs';
import { request } from 'node:https';

/** The tests' self-signed certificate for localhost (test/fixtures/tls/README.md), as server environment. */
export const TLS_ENV = {
  TLS_CERT_FILE: 'test/fixtures/tls/localhost-cert.pem',
  TLS_KEY_FILE: 'test/fixtures/tls/localhost-key.pem',
};

/** The same certificate as the one authority a client trusts, for a request to that server. */
export const tlsCa = () => readFileSync(TLS_ENV.TLS_CERT_FILE);

/** One request over https trusting `ca` alone (global fetch cannot be told which authority to trust). */
export function requestTrusting(url: string, init: { method?: string; headers?: Record<string, string>; body?: string }, ca: Buffer): Promise<{ status: number; setCookies: string[]; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: init.method ?? 'GET', headers: init.headers, ca }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, setCookies: res.headers['set-cookie'] ?? [], text }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}
