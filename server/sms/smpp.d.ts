// The parts of `smpp` (0.5.x, untyped JavaScript) that server/sms and its tests use.
declare module 'smpp' {
  import { EventEmitter } from 'node:events';
  import type { Server as NetServer, Socket } from 'node:net';

  /** A decoded PDU: the header, then the command's fields and TLVs by their SMPP names. */
  export interface PDU {
    command: string;
    command_id: number;
    command_status: number;
    sequence_number: number;
    system_id?: string;
    password?: string;
    message_id?: string;
    source_addr?: string;
    source_addr_ton?: number;
    source_addr_npi?: number;
    destination_addr?: string;
    dest_addr_ton?: number;
    dest_addr_npi?: number;
    esm_class?: number;
    registered_delivery?: number;
    data_coding?: number | null;
    /** Decoded with data_coding ({ message }); a Buffer or string when sent as one. */
    short_message?: { message?: string | Buffer; udh?: Buffer[] } | string | Buffer;
    /** TLVs of a delivery receipt. */
    receipted_message_id?: string;
    message_state?: number;
    isResponse(): boolean;
    response(options?: Record<string, unknown>): PDU;
  }

  type ResponseCallback = (pdu: PDU) => void;
  type Shortcut = {
    (options: Record<string, unknown>, responseCallback?: ResponseCallback, sendCallback?: ResponseCallback): boolean;
    (responseCallback?: ResponseCallback): boolean;
  };

  export class Session extends EventEmitter {
    socket: Socket;
    /** false when the socket is not writable (nothing was sent). */
    send(pdu: PDU, responseCallback?: ResponseCallback, sendCallback?: ResponseCallback): boolean;
    bind_transceiver: Shortcut;
    submit_sm: Shortcut;
    deliver_sm: Shortcut;
    enquire_link: Shortcut;
    unbind: Shortcut;
    pause(): void;
    resume(): void;
    close(callback?: () => void): void;
    destroy(callback?: () => void): void;
  }

  export interface Server extends NetServer {
    sessions: Session[];
  }

  export function connect(options: { host: string; port: number; auto_enquire_link_period?: number }, listener?: () => void): Session;
  export function createServer(listener: (session: Session) => void): Server;
  export function createServer(options: Record<string, unknown>, listener: (session: Session) => void): Server;
}
