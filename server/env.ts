import { z } from 'zod';

const DEV_SECRET = 'portee-development-secret-not-for-production-use';

/**
 * The environment, parsed once at start-up. A bad value stops the server with a message naming
 * the variable (see `loadEnv`), rather than failing later on the first request that needs it.
 */
export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATABASE_URL: z
      .string()
      .regex(/^(file:|libsql:|https?:|wss?:)/, 'must be a libSQL URL (file:, libsql:, http(s): or ws(s):)')
      .default('file:data/portee.db'),
    DATABASE_AUTH_TOKEN: z.string().optional(),
    PUBLIC_URL: z.url().optional(),
    /**
     * A certificate (PEM, with its chain) and its key: the server then speaks TLS itself, HTTP/2 to
     * browsers (HTTP/1.1 to clients without it), for a server with no balancer in front
     * (docs/deployment.md). Both or neither.
     */
    TLS_CERT_FILE: z.string().min(1).optional(),
    TLS_KEY_FILE: z.string().min(1).optional(),
    /**
     * How long the plain HTTP server keeps an idle connection: longer than the balancer in front
     * keeps its own (docs/deployment.md), so the server never closes one as a request is sent on it.
     */
    HTTP_KEEP_ALIVE_SECONDS: z.coerce.number().int().min(1).max(3_600).default(65),
    AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    SMTP_URL: z.url().optional(),
    MAIL_FROM: z.string().min(3).default('Portée <ne-pas-repondre@conservatoire-portee.example>'),
    /** The SMPP 3.4 gateway (docs/sms.md); without it SMS go only to the outbox table and the log. */
    SMS_URL: z
      .string()
      .startsWith('smpp://', 'must be smpp://system_id:password@host:port')
      .refine((v) => URL.canParse(v) && new URL(v).hostname !== '' && new URL(v).username !== '', 'must be smpp://system_id:password@host:port')
      .optional(),
    /** The SMS sender shown to families: up to 11 letters or digits, or a phone number. */
    SMS_SENDER: z.string().regex(/^([A-Za-z0-9]{1,11}|\+?\d{1,15})$/, 'must be up to 11 letters or digits, or a phone number').default('Portee'),
    CLIENT_DIST: z.string().default('dist/client'),
    /** Load the demo data into an empty database (npm start does; the production start does not). */
    SEED_DEMO: z.enum(['0', '1']).default('0'),
    LOG_REQUESTS: z.enum(['0', '1']).default('1'),
    /** Idle timeout of a session and the warning before it (docs/security.md: 30 min, 2 min). */
    SESSION_IDLE_SECONDS: z.coerce.number().int().min(10).max(86_400).default(30 * 60),
    SESSION_IDLE_WARNING_SECONDS: z.coerce.number().int().min(5).max(3_600).default(2 * 60),
    /** PayFiP (docs/payfip.md). Without PAYFIP_URL / PAYFIP_PAYMENT_URL the simulator's addresses are used when it is on, PayFiP's otherwise. */
    PAYFIP_URL: z.url().optional(),
    PAYFIP_PAYMENT_URL: z.url().optional(),
    PAYFIP_NUMCLI: z.string().regex(/^\d{6}$/, 'must be 6 digits (the collectivity client number)').default('000000'),
    PAYFIP_SAISIE: z.enum(['T', 'X', 'W']).default('T'),
    /**
     * The PayFiP simulator mounted at /payfip-simulateur: on in demo mode (npm start --demo,
     * SEED_DEMO=1) unless '0', or with '1'; never with NODE_ENV=production (refused at start-up).
     */
    PAYFIP_SIMULATOR: z.enum(['0', '1']).optional(),
    /** A test-only token (header X-Payfip-Simulateur-Token) for the simulator's controls and journal; none when unset. */
    PAYFIP_SIMULATOR_TOKEN: z.string().min(24, 'must be at least 24 characters').optional(),
    /** How often the reconciliation job asks PayFiP about expired pending attempts. */
    PAYFIP_RECONCILE_SECONDS: z.coerce.number().int().min(5).max(86_400).default(60),
    /** Where uploaded documents are stored: outside the web root (CLIENT_DIST), under server-made names. */
    UPLOAD_DIR: z.string().min(1).default('data/uploads'),
    /** Largest accepted document, in bytes (10 MB by default). */
    UPLOAD_MAX_BYTES: z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(10 * 1024 * 1024),
    /** Most bytes of documents one family may have stored (100 MB by default). */
    UPLOAD_FAMILY_QUOTA_BYTES: z.coerce.number().int().min(1024).default(100 * 1024 * 1024),
    /** Reverse proxies in front of the server whose X-Forwarded-For is trusted (0: none, the socket's address is the client's). */
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  })
  .transform((env, ctx) => {
    const production = env.NODE_ENV === 'production';
    if (production && !env.AUTH_SECRET)
      ctx.addIssue({ code: 'custom', path: ['AUTH_SECRET'], message: 'is required in production' });
    if (production && env.AUTH_SECRET) {
      const weakness = secretWeakness(env.AUTH_SECRET);
      if (weakness) ctx.addIssue({ code: 'custom', path: ['AUTH_SECRET'], message: weakness });
    }
    if (!env.TLS_CERT_FILE !== !env.TLS_KEY_FILE)
      ctx.addIssue({ code: 'custom', path: [env.TLS_CERT_FILE ? 'TLS_KEY_FILE' : 'TLS_CERT_FILE'], message: 'is required with ' + (env.TLS_CERT_FILE ? 'TLS_CERT_FILE' : 'TLS_KEY_FILE') });
    if (production && !env.PUBLIC_URL)
      ctx.addIssue({ code: 'custom', path: ['PUBLIC_URL'], message: 'is required in production' });
    if (production && (env.PAYFIP_SIMULATOR ?? env.SEED_DEMO) === '1')
      ctx.addIssue({ code: 'custom', path: ['PAYFIP_SIMULATOR'], message: 'the PayFiP simulator (on with PAYFIP_SIMULATOR=1 or in demo mode) is never allowed with NODE_ENV=production' });
    return {
      ...env,
      production,
      AUTH_SECRET: env.AUTH_SECRET ?? DEV_SECRET,
      PUBLIC_URL: (env.PUBLIC_URL ?? `${env.TLS_CERT_FILE ? 'https' : 'http'}://localhost:${env.PORT}`).replace(/\/$/, ''),
    };
  });

export type Env = z.infer<typeof envSchema>;

/**
 * Why a production signing secret must be refused, or null. The development value is in the
 * repository, so anyone could forge sessions with it; a long but patterned secret ("x" × 40, a word
 * repeated) is as guessable. The estimate is the secret's own letter frequencies (Shannon entropy ×
 * length) plus a check for a repeated block: generated secrets (`openssl rand -base64 32`) pass with
 * a wide margin, typed ones do not.
 */
export function secretWeakness(secret: string): string | null {
  const fix = 'generate one, e.g. `openssl rand -base64 32`';
  if (secret === DEV_SECRET) return `is the development value committed in the repository: ${fix}`;
  const counts = new Map<string, number>();
  for (const ch of secret) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= n * Math.log2(n / secret.length);
  const repeated = (secret + secret).indexOf(secret, 1) < secret.length;
  if (bits < 128 || repeated) return `does not look random (about ${Math.floor(bits)} bits, 128 needed): ${fix}`;
  return null;
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return result.data;
}
