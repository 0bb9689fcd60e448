// The declaration of the untyped `smpp` package lives with the server code that uses it.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../../server/sms/smpp.d.ts" />
import type { AddressInfo } from 'node:net';
import smpp, { type PDU, type Session } from 'smpp';

/** What the gateway received in one submit_sm, decoded. */
export interface Submitted {
  sourceAddr: string;
  sourceTon: number;
  destination: string;
  destTon: number;
  text: string;
  registeredDelivery: number;
  dataCoding: number;
  messageId: string;
  at: number;
}

export interface LocalGateway {
  url: string;
  port: number;
  submits: Submitted[];
  binds: number;
  /** Sends a delivery receipt for a message id on the first bound session. */
  sendReceipt(messageId: string, stat?: string): Promise<number>;
  waitForSubmits(count: number, timeoutMs?: number): Promise<Submitted[]>;
  /** Stops listening and drops every session (a gateway that goes down). */
  close(): Promise<void>;
}

export interface GatewayOptions {
  /** Listen on this port (a restart on the same address); 0 picks a free one. */
  port?: number;
  systemId?: string;
  password?: string;
  /** submit_sm_resp command_status to answer (0: accepted). */
  refuse?: number;
  /** Never answer submit_sm (the answer lost). */
  silent?: boolean;
  /** Sends a DELIVRD receipt with each submit_sm_resp: just after it, or just before it (a race some gateways show). */
  autoReceipt?: 'after' | 'before';
}

/** A real SMPP 3.4 gateway (smpp.createServer) on 127.0.0.1, keeping what it receives. */
export async function startGateway(opts: GatewayOptions = {}): Promise<LocalGateway> {
  const systemId = opts.systemId ?? 'portee';
  const password = opts.password ?? 'secret';
  const submits: Submitted[] = [];
  const bound: Session[] = [];
  let nextId = 1;
  const state = { binds: 0 };

  const receipt = (session: Session, messageId: string, destination: string, stat = 'DELIVRD') =>
    new Promise<number>((resolve) => {
      const text = `id:${messageId} sub:001 dlvrd:${stat === 'DELIVRD' ? '001' : '000'} submit date:2603101000 done date:2603101001 stat:${stat} err:000 text:`;
      session.deliver_sm({ source_addr: destination, destination_addr: 'Portee', esm_class: 0x04, short_message: text }, (resp) => resolve(resp.command_status));
    });

  const server = smpp.createServer((session: Session) => {
    session.on('error', () => undefined);
    session.socket.setNoDelay(true);
    session.on('bind_transceiver', (pdu: PDU) => {
      session.pause();
      const ok = pdu.system_id === systemId && pdu.password === password;
      session.send(pdu.response(ok ? {} : { command_status: 0x0e }));
      if (ok) {
        state.binds++;
        bound.push(session);
        session.on('close', () => bound.splice(bound.indexOf(session), 1));
      }
      session.resume();
    });
    session.on('submit_sm', (pdu: PDU) => {
      if (opts.silent) return;
      if (opts.refuse) return void session.send(pdu.response({ command_status: opts.refuse }));
      const messageId = `m${(nextId++).toString(16).padStart(6, '0')}`;
      const sm = pdu.short_message as { message?: string };
      submits.push({
        sourceAddr: pdu.source_addr ?? '',
        sourceTon: pdu.source_addr_ton ?? -1,
        destination: pdu.destination_addr ?? '',
        destTon: pdu.dest_addr_ton ?? -1,
        text: String(sm?.message ?? ''),
        registeredDelivery: pdu.registered_delivery ?? -1,
        dataCoding: pdu.data_coding ?? -1,
        messageId,
        at: performance.now(),
      });
      if (opts.autoReceipt === 'before') void receipt(session, messageId, pdu.destination_addr ?? '');
      session.send(pdu.response({ message_id: messageId }), () => {
        if (opts.autoReceipt === 'after') void receipt(session, messageId, pdu.destination_addr ?? '');
      });
    });
    session.on('enquire_link', (pdu: PDU) => session.send(pdu.response()));
    session.on('unbind', (pdu: PDU) => session.send(pdu.response(), () => session.close()));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `smpp://${systemId}:${password}@127.0.0.1:${port}`,
    port,
    submits,
    get binds() {
      return state.binds;
    },
    sendReceipt(messageId, stat) {
      const to = submits.find((s) => s.messageId === messageId)?.destination ?? '';
      if (!bound.length) throw new Error('no bound session to send the receipt on');
      return receipt(bound[0], messageId, to, stat);
    },
    async waitForSubmits(count, timeoutMs = 3000) {
      const deadline = Date.now() + timeoutMs;
      while (submits.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} submit_sm, got ${submits.length} in ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 10));
      }
      return submits.slice();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const session of [...server.sessions]) session.destroy();
      }),
  };
}
