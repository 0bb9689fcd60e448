import {
  creerPaiementSecuriseRequest, DETAIL_RESPONSE_FIELDS, readFault, readFields, recupererDetailPaiementSecuriseRequest,
  soapBody, type CreerRequest, type FaultDetail, type PaymentDetail, PAYFIP_NS,
} from './soap.ts';
import { child, XmlError } from './xml.ts';

/** PayFiP answered with one of its four SOAP faults. */
export class PayfipFault extends Error {
  constructor(readonly fault: FaultDetail) {
    super(`PayFiP ${fault.type} ${fault.code}: ${fault.libelle}`);
  }
}

/** PayFiP could not be reached or answered something that is not its protocol. */
export class PayfipUnavailable extends Error {}

export interface PayfipClient {
  creerPaiementSecurise(req: CreerRequest): Promise<{ idOp: string }>;
  recupererDetailPaiementSecurise(idOp: string): Promise<PaymentDetail>;
}

const TIMEOUT_MS = 15_000;

/**
 * The adapter: SOAP over HTTP POST to PAYFIP_URL (document/literal, empty SOAPAction). Faults
 * become PayfipFault; network errors, timeouts and unreadable answers PayfipUnavailable.
 */
export function createPayfipClient(opts: { url: string; fetch?: typeof fetch }): PayfipClient {
  const doFetch = opts.fetch ?? fetch;

  async function call(body: string, operation: string) {
    let res: Response;
    try {
      res = await doFetch(opts.url, {
        method: 'POST',
        headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: '""', accept: 'text/xml' },
        body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new PayfipUnavailable(`PayFiP unreachable: ${(error as Error).message}`);
    }
    const text = await res.text();
    let content;
    try {
      content = soapBody(text);
    } catch (error) {
      throw new PayfipUnavailable(`PayFiP answered HTTP ${res.status} without a SOAP envelope${error instanceof XmlError ? `: ${error.message}` : ''}`);
    }
    const fault = readFault(content);
    if (fault) throw new PayfipFault(fault);
    if (content.local !== `${operation}Response` || content.ns !== PAYFIP_NS) {
      throw new PayfipUnavailable(`PayFiP answered ${content.local} to ${operation}`);
    }
    const ret = child(content, 'return', '');
    if (!ret) throw new PayfipUnavailable(`PayFiP answered ${operation} without return`);
    return ret;
  }

  return {
    async creerPaiementSecurise(req) {
      const ret = await call(creerPaiementSecuriseRequest(req), 'creerPaiementSecurise');
      const idOp = child(ret, 'idOp', '')?.text.trim() ?? '';
      if (!idOp) throw new PayfipUnavailable('PayFiP answered creerPaiementSecurise without idOp');
      return { idOp };
    },
    async recupererDetailPaiementSecurise(idOp) {
      const ret = await call(recupererDetailPaiementSecuriseRequest(idOp), 'recupererDetailPaiementSecurise');
      return readFields(ret, DETAIL_RESPONSE_FIELDS);
    },
  };
}
