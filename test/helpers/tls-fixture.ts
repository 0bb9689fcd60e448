import { readFileSync } from 'node:fs';

/** The tests' self-signed certificate for localhost (test/fixtures/tls/README.md), as server environment. */
export const TLS_ENV = {
  TLS_CERT_FILE: 'test/fixtures/tls/localhost-cert.pem',
  TLS_KEY_FILE: 'test/fixtures/tls/localhost-key.pem',
};

/** The same certificate as the one authority a client trusts, for a request to that server. */
export const tlsCa = () => readFileSync(TLS_ENV.TLS_CERT_FILE);
