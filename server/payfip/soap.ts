import { child, escapeXml, parseXml, XmlError, type XmlElement } from './xml.ts';

/**
 * The SOAP messages of PayFiP's PaiementSecuriseService, with the shapes of its WSDL
 * (server/payfip/wsdl/, docs/payfip.md): document/literal, operation element in the service
 * namespace, its content under an unqualified `arg0` (request) or `return` (response), fields
 * unqualified in the XSD's sequence order. Both the adapter and the simulator build and read
 * messages here, so they cannot drift apart.
 */
export const SOAP_ENV_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
export const PAYFIP_NS = 'http://securite.service.tpa.cp.finances.gouv.fr/services/mas_securite/contrat_paiement_securise/PaiementSecuriseService';

/** Field order of each complex type (the XSD sequences). */
export const CREER_REQUEST_FIELDS = ['exer', 'mel', 'montant', 'numcli', 'objet', 'refdet', 'saisie', 'urlnotif', 'urlredirect'] as const;
export const DETAIL_RESPONSE_FIELDS = ['dattrans', 'exer', 'heurtrans', 'idOp', 'mel', 'montant', 'numauto', 'numcli', 'objet', 'refdet', 'resultrans', 'saisie'] as const;
export const DETAIL_CLIENT_RESPONSE_FIELDS = ['libelleN1', 'libelleN2', 'libelleN3', 'numcli'] as const;
export const FAULT_FIELDS = ['code', 'descriptif', 'libelle', 'message', 'severite'] as const;
export const FAULT_TYPES = ['FonctionnelleErreur', 'TechDysfonctionnementErreur', 'TechIndisponibiliteErreur', 'TechProtocolaireErreur'] as const;
export type FaultType = (typeof FAULT_TYPES)[number];

export type CreerRequest = Record<(typeof CREER_REQUEST_FIELDS)[number], string>;
export type PaymentDetail = Record<(typeof DETAIL_RESPONSE_FIELDS)[number], string>;
export type ClientDetail = Record<(typeof DETAIL_CLIENT_RESPONSE_FIELDS)[number], string>;
export interface FaultDetail {
  type: FaultType;
  code: string;
  descriptif: string;
  libelle: string;
  message: string;
  severite: number;
}

function fields(names: readonly string[], values: Record<string, string | undefined>): string {
  return names
    .filter((n) => values[n] !== undefined)
    .map((n) => `<${n}>${escapeXml(String(values[n]))}</${n}>`)
    .join('');
}

function envelope(prefix: string, body: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<${prefix}:Envelope xmlns:${prefix}="${SOAP_ENV_NS}"><${prefix}:Header/><${prefix}:Body>${body}</${prefix}:Body></${prefix}:Envelope>`
  );
}

/* ----------------------------------- requests (the adapter) ----------------------------------- */

export function creerPaiementSecuriseRequest(req: CreerRequest): string {
  return envelope('soapenv', `<pai:creerPaiementSecurise xmlns:pai="${PAYFIP_NS}"><arg0>${fields(CREER_REQUEST_FIELDS, req)}</arg0></pai:creerPaiementSecurise>`);
}

export function recupererDetailPaiementSecuriseRequest(idOp: string): string {
  return envelope('soapenv', `<pai:recupererDetailPaiementSecurise xmlns:pai="${PAYFIP_NS}"><arg0><idOp>${escapeXml(idOp)}</idOp></arg0></pai:recupererDetailPaiementSecurise>`);
}

/* --------------------------------- responses (the simulator) ---------------------------------- */

export function creerPaiementSecuriseResponse(idOp: string): string {
  return envelope('S', `<ns2:creerPaiementSecuriseResponse xmlns:ns2="${PAYFIP_NS}"><return><idOp>${escapeXml(idOp)}</idOp></return></ns2:creerPaiementSecuriseResponse>`);
}

export function recupererDetailPaiementSecuriseResponse(detail: Partial<PaymentDetail>): string {
  return envelope('S', `<ns2:recupererDetailPaiementSecuriseResponse xmlns:ns2="${PAYFIP_NS}"><return>${fields(DETAIL_RESPONSE_FIELDS, detail)}</return></ns2:recupererDetailPaiementSecuriseResponse>`);
}

export function recupererDetailClientResponse(detail: Partial<ClientDetail>): string {
  return envelope('S', `<ns2:recupererDetailClientResponse xmlns:ns2="${PAYFIP_NS}"><return>${fields(DETAIL_CLIENT_RESPONSE_FIELDS, detail)}</return></ns2:recupererDetailClientResponse>`);
}

/** A SOAP 1.1 fault whose detail is one of the WSDL's four fault elements (sent with HTTP 500). */
export function faultResponse(f: Omit<FaultDetail, 'descriptif' | 'message'> & { descriptif?: string; message?: string }): string {
  const detail = fields(FAULT_FIELDS, { code: f.code, descriptif: f.descriptif ?? f.libelle, libelle: f.libelle, message: f.message ?? f.libelle, severite: String(f.severite) });
  const faultcode = f.type === 'FonctionnelleErreur' ? 'S:Client' : 'S:Server';
  return envelope(
    'S',
    `<S:Fault><faultcode>${faultcode}</faultcode><faultstring>${escapeXml(f.libelle)}</faultstring><detail><ns2:${f.type} xmlns:ns2="${PAYFIP_NS}">${detail}</ns2:${f.type}></detail></S:Fault>`,
  );
}

/* ------------------------------------------ reading ------------------------------------------- */

/** The Body's single child of a SOAP envelope (throws XmlError on anything else). */
export function soapBody(xml: string): XmlElement {
  const root = parseXml(xml);
  if (root.local !== 'Envelope' || root.ns !== SOAP_ENV_NS) throw new XmlError('not a SOAP 1.1 envelope');
  const body = child(root, 'Body', SOAP_ENV_NS);
  const content = body?.children[0];
  if (!content || body.children.length !== 1) throw new XmlError('SOAP Body must hold exactly one element');
  return content;
}

/** Reads the unqualified fields of `arg0` / `return`. */
export function readFields<K extends string>(container: XmlElement | undefined, names: readonly K[]): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const n of names) out[n] = child(container, n, '')?.text.trim() ?? '';
  return out;
}

/** A fault's detail, or null when the body is not a fault. */
export function readFault(content: XmlElement): FaultDetail | null {
  if (content.local !== 'Fault' || content.ns !== SOAP_ENV_NS) return null;
  const detail = child(content, 'detail')?.children[0];
  const type = (FAULT_TYPES as readonly string[]).includes(detail?.local ?? '') ? (detail!.local as FaultType) : 'TechProtocolaireErreur';
  const f = readFields(detail, FAULT_FIELDS);
  return {
    type,
    code: f.code,
    descriptif: f.descriptif,
    libelle: f.libelle || child(content, 'faultstring')?.text.trim() || '',
    message: f.message,
    severite: Number(f.severite) || 0,
  };
}

/** The operation a request names and its `arg0` (the simulator's entry point). */
export function readRequest(xml: string): { operation: string; ns: string; arg0: XmlElement | undefined } {
  const content = soapBody(xml);
  return { operation: content.local, ns: content.ns, arg0: child(content, 'arg0', '') };
}
