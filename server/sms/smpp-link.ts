import smpp, { type PDU, type Session } from 'smpp';

/**
 * One bound SMPP 3.4 transceiver session with a promise API: bind, submit_sm with a timeout, the
 * gateway's deliver_sm (delivery receipts) handed to `onDeliver` and answered with deliver_sm_resp,
 * enquire_link answered, unbind on close. What became of a submit_sm is told apart carefully,
 * because the sender must never send a message twice (server/sms/sender.ts):
 * - 'accepted': submit_sm_resp with status 0 and the gateway's message_id;
 * - 'refused': submit_sm_resp (or generic_nack) with an error status: the gateway did not take it;
 * - 'not-sent': the PDU was never written (socket closed): safe to try again;
 * - 'unknown': written, but no answer came (timeout, connection lost): it may have been sent.
 */
export type SubmitOutcome =
  | { kind: 'accepted'; messageId: string | null }
  | { kind: 'refused'; status: number }
  | { kind: 'not-sent'; reason: string }
  | { kind: 'unknown'; reason: string };

export interface SmscLink {
  /** Bound and not closed since. */
  readonly open: boolean;
  submit(fields: Record<string, unknown>): Promise<SubmitOutcome>;
  /** unbind, then close the connection (at most `timeoutMs` waiting for the gateway). */
  close(): Promise<void>;
}

/** The gateway could not be reached, or refused the bind. */
export class GatewayError extends Error {
  override name = 'GatewayError';
}

/** SMPP 3.4 in bind_transceiver's interface_version. */
const SMPP_3_4 = 0x34;
/** ESME_RSYSERR: answered to a deliver_sm we could not record, so the gateway sends it again. */
export const ESME_RSYSERR = 0x08;

export interface LinkOptions {
  /** Answers a deliver_sm: the command_status of the deliver_sm_resp (0 when recorded). */
  onDeliver: (pdu: PDU) => Promise<number>;
  /** Called once when a bound connection ends other than by close() (gateway restart, network). */
  onClose?: (reason: string) => void;
  /** Longest wait for the connection and bind answer, and for each submit_sm_resp. */
  timeoutMs?: number;
  enquireLinkMs?: number;
}

/** Connects to `smpp://system_id:password@host:port` and binds as a transceiver. */
export function bindTransceiver(smsUrl: string, opts: LinkOptions): Promise<SmscLink> {
  const url = new URL(smsUrl);
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const session: Session = smpp.connect({
    host: url.hostname,
    port: Number(url.port || 2775),
    auto_enquire_link_period: opts.enquireLinkMs ?? 30_000,
  });
  // Small request/answer PDUs: Nagle's algorithm would hold each one back behind the peer's delayed ACK.
  session.socket.setNoDelay(true);
  let open = false;
  let bound = false;
  let closing = false;
  let lastError = '';
  /** Settles every submit waiting for its answer (with 'unknown' when the connection ends). */
  const waiting = new Set<(outcome: SubmitOutcome) => void>();
  let closed: Promise<void> | null = null;
  const ended = new Promise<void>((resolve) => session.once('close', () => resolve()));

  const link: SmscLink = {
    get open() {
      return open;
    },
    submit(fields) {
      return new Promise<SubmitOutcome>((resolve) => {
        if (!open) return resolve({ kind: 'not-sent', reason: 'not bound' });
        const timer = setTimeout(() => {
          settle({ kind: 'unknown', reason: `no submit_sm_resp in ${timeoutMs} ms` });
          // A gateway that stopped answering: drop the connection, the next round binds again.
          session.destroy();
        }, timeoutMs);
        const settle = (outcome: SubmitOutcome) => {
          if (!waiting.delete(settle)) return;
          clearTimeout(timer);
          resolve(outcome);
        };
        waiting.add(settle);
        const written = session.submit_sm(fields, (resp) =>
          settle(resp.command_status === 0 ? { kind: 'accepted', messageId: resp.message_id || null } : { kind: 'refused', status: resp.command_status }),
        );
        if (!written) settle({ kind: 'not-sent', reason: 'connection not writable' });
      });
    },
    close() {
      closed ??= new Promise<void>((resolve) => {
        const force = setTimeout(() => session.destroy(), timeoutMs).unref();
        void ended.then(() => {
          clearTimeout(force);
          resolve();
        });
        closing = true;
        if (!open || !session.unbind(() => session.close())) session.destroy();
        open = false;
      });
      return closed;
    },
  };

  session.on('error', (error: Error) => {
    lastError = error.message;
  });
  session.on('deliver_sm', (pdu: PDU) => {
    void opts.onDeliver(pdu).then(
      (status) => session.send(pdu.response(status ? { command_status: status } : {})),
      () => session.send(pdu.response({ command_status: ESME_RSYSERR })),
    );
  });
  session.on('enquire_link', (pdu: PDU) => session.send(pdu.response()));
  session.on('unbind', (pdu: PDU) => {
    open = false;
    session.send(pdu.response(), () => session.close());
  });

  return new Promise<SmscLink>((resolve, reject) => {
    const timer = setTimeout(() => {
      lastError ||= `no bind answer in ${timeoutMs} ms`;
      session.destroy();
    }, timeoutMs);
    session.once('close', () => {
      clearTimeout(timer);
      const reason = `connection closed${lastError ? `: ${lastError}` : ''}`;
      open = false;
      for (const settle of [...waiting]) settle({ kind: 'unknown', reason });
      if (bound && !closing) opts.onClose?.(reason);
      reject(new GatewayError(`cannot bind to the SMS gateway ${url.hostname}:${url.port || 2775} (${reason})`));
    });
    session.once('connect', () => {
      session.bind_transceiver(
        { system_id: decodeURIComponent(url.username), password: decodeURIComponent(url.password), interface_version: SMPP_3_4 },
        (resp) => {
          clearTimeout(timer);
          if (resp.command_status !== 0) {
            lastError = `bind refused, status 0x${resp.command_status.toString(16).padStart(8, '0')}`;
            session.destroy();
            return;
          }
          open = bound = true;
          resolve(link);
        },
      );
    });
  });
}
