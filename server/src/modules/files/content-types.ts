import { FileTypeParser, type Detector } from 'file-type';

/**
 * What an HR office and its employees exchange, recognised by the bytes (the `file-type`
 * signatures), never by what the client says:
 *
 * - PDF, the usual form of orders, certificates and scans;
 * - JPEG and PNG, photographs and screenshots of documents; TIFF, what office scanners write;
 * - DOCX, XLSX, ODT and ODS, the zip-based office formats of Word/Excel, LibreOffice and МойОфис
 *   (the macro-enabled DOCM/XLSM are told apart by `file-type` and stay out);
 * - detached CMS/PKCS#7 signatures (`.sig`, `.p7s`): КриптоПро, Госключ and Контур write an
 *   electronic signature (63-ФЗ) of an application or an order next to it in this form, DER or
 *   Base64. Only detached ones: an attached signature wraps a document of any type, which would
 *   slip past this list.
 *
 * Left out on purpose: plain text (it has no signature, so "text" would be whatever nothing else
 * recognised — HTML, SVG, scripts), legacy DOC/XLS (the OLE container is also MSI installers' and
 * carries macros), RTF (embeds OLE objects), archives (their contents are unseen), and everything
 * executable.
 */
export interface AllowedType {
  /** The stored and served `Content-Type`. */
  mime: string;
  /** Extensions a name of this type may end with; the first is appended to a name without one. */
  extensions: readonly string[];
  /** Types a client may declare for it besides `mime` (browser and OS variants). */
  declaredAs: readonly string[];
}

const officeZip = ['application/zip', 'application/x-zip-compressed'];

export const allowedTypes: readonly AllowedType[] = [
  { mime: 'application/pdf', extensions: ['pdf'], declaredAs: ['application/x-pdf'] },
  {
    mime: 'image/jpeg',
    extensions: ['jpg', 'jpeg', 'jpe', 'jfif'],
    declaredAs: ['image/pjpeg', 'image/jpg'],
  },
  { mime: 'image/png', extensions: ['png'], declaredAs: ['image/x-png'] },
  { mime: 'image/tiff', extensions: ['tif', 'tiff'], declaredAs: ['image/x-tiff'] },
  {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    declaredAs: officeZip,
  },
  {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    declaredAs: officeZip,
  },
  {
    mime: 'application/vnd.oasis.opendocument.text',
    extensions: ['odt'],
    declaredAs: officeZip,
  },
  {
    mime: 'application/vnd.oasis.opendocument.spreadsheet',
    extensions: ['ods'],
    declaredAs: officeZip,
  },
  {
    mime: 'application/pkcs7-signature',
    extensions: ['sig', 'p7s', 'sgn'],
    // Desktop Linux calls every `.sig` an OpenPGP signature; CAdES ones are the same extension.
    declaredAs: ['application/x-pkcs7-signature', 'application/pgp-signature'],
  },
];

/**
 * Declarations that say nothing: a browser sends octet-stream for any extension it does not know,
 * and a part without a `Content-Type` reaches us as text/plain (RFC 7578's default, which busboy
 * fills in), so that one cannot be told from a declaration either.
 */
const undeclared = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'text/plain']);

const byMime = new Map(allowedTypes.map((type) => [type.mime, type]));
const knownExtensions = new Map(
  allowedTypes.flatMap((type) => type.extensions.map((extension) => [extension, type] as const)),
);

/** How many leading bytes the type is recognised from (zip-based formats read a few entries). */
export const SNIFF_BYTES = 64 * 1024;

const signedDataOid = Buffer.from([
  0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02,
]);

/**
 * One BER element's header at `offset`: its tag, where its content starts, and its length (null
 * when indefinite, as CryptoPro writes). Null when the bytes are not a well-formed header.
 */
function berHeader(bytes: Uint8Array, offset: number) {
  const tag = bytes[offset];
  const first = bytes[offset + 1];
  if (tag === undefined || first === undefined) return null;
  if (first < 0x80) return { tag, start: offset + 2, length: first as number | null };
  if (first === 0x80) return { tag, start: offset + 2, length: null };
  const octets = first & 0x7f;
  if (octets > 4) return null;
  let length = 0;
  for (let index = 0; index < octets; index += 1) {
    const byte = bytes[offset + 2 + index];
    if (byte === undefined) return null;
    length = length * 256 + byte;
  }
  return { tag, start: offset + 2 + octets, length: length as number | null };
}

/**
 * A CMS SignedData (RFC 5652) that carries no content: ContentInfo { signedData OID, [0] {
 * SignedData { version, digestAlgorithms, encapContentInfo { eContentType } } } } with no
 * eContent after the type. Null when the bytes are not SignedData at all.
 */
export function cmsSignatureKind(der: Uint8Array): 'detached' | 'attached' | null {
  const contentInfo = berHeader(der, 0);
  if (contentInfo?.tag !== 0x30) return null;
  const oidEnd = contentInfo.start + signedDataOid.length;
  if (!Buffer.from(der.subarray(contentInfo.start, oidEnd)).equals(signedDataOid)) return null;
  const explicit = berHeader(der, oidEnd);
  if (explicit?.tag !== 0xa0) return null;
  const signedData = berHeader(der, explicit.start);
  if (signedData?.tag !== 0x30) return null;
  const version = berHeader(der, signedData.start);
  if (version?.tag !== 0x02 || version.length === null) return null;
  const digestAlgorithms = berHeader(der, version.start + version.length);
  if (digestAlgorithms?.tag !== 0x31 || digestAlgorithms.length === null) return null;
  const encapsulated = berHeader(der, digestAlgorithms.start + digestAlgorithms.length);
  if (encapsulated?.tag !== 0x30) return null;
  const contentType = berHeader(der, encapsulated.start);
  if (contentType?.tag !== 0x06 || contentType.length === null) return null;
  const afterType = contentType.start + contentType.length;
  if (encapsulated.length !== null) {
    return afterType - encapsulated.start === encapsulated.length ? 'detached' : 'attached';
  }
  // Indefinite length: end-of-contents right after the type, or the [0] eContent.
  const next = der[afterType];
  if (next === undefined) return null;
  return next === 0x00 && der[afterType + 1] === 0x00 ? 'detached' : 'attached';
}

const pemArmor = /^-----BEGIN (?:PKCS7|CMS|SIGNED MESSAGE)-----\r?\n/;

/** The DER bytes of a signature written as Base64, with or without PEM armour; null if not. */
function base64Prefix(head: Uint8Array): Uint8Array | null {
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  const text = Buffer.from(head.subarray(bom, bom + 4096))
    .toString('latin1')
    .replace(pemArmor, '');
  const digits = (/^[A-Za-z0-9+/\s]+/.exec(text)?.[0] ?? '').replace(/\s+/g, '');
  if (digits.length < 64) return null;
  return Buffer.from(digits.slice(0, digits.length - (digits.length % 4)), 'base64');
}

/** Detached CMS signatures, which `file-type` does not know; runs before its own detectors. */
const detachedSignature: Detector = {
  id: 'kabinet:cms-detached-signature',
  async detect(tokenizer) {
    const head = new Uint8Array(SNIFF_BYTES);
    const read = await tokenizer.peekBuffer(head, { length: head.length, mayBeLess: true });
    const bytes = head.subarray(0, read);
    const der = bytes[0] === 0x30 ? bytes : base64Prefix(bytes);
    if (der && cmsSignatureKind(der) === 'detached') {
      return { ext: 'sig', mime: 'application/pkcs7-signature' };
    }
    return undefined;
  },
};

const parser = new FileTypeParser({ customDetectors: [detachedSignature] });

/** The type the leading bytes of a file show, or null when nothing is recognised. */
export async function sniffType(head: Uint8Array): Promise<string | null> {
  const result = await parser.fromBuffer(head);
  return result?.mime ?? null;
}

/** The allow-list entry of a sniffed type, or null when the type is not allowed. */
export const allowedType = (mime: string | null): AllowedType | null =>
  (mime && byMime.get(mime)) || null;

/** The extension of a name, lower-case: ASCII letters and digits with at least one letter. */
export function extensionOf(fileName: string): string | null {
  const match = /\.([A-Za-z0-9]{1,8})$/.exec(fileName);
  return match?.[1] && /[A-Za-z]/.test(match[1]) ? match[1].toLowerCase() : null;
}

/**
 * Why a file's declared `Content-Type` or name contradicts its bytes, or null when they agree.
 * A declaration that says nothing (octet-stream, none) agrees with anything; so does a name whose
 * extension belongs to no allowed type (the canonical extension is appended to it instead).
 */
export function contradiction(
  type: AllowedType,
  declaredMime: string,
  fileName: string,
): string | null {
  const declared = declaredMime.split(';')[0]!.trim().toLowerCase();
  if (!undeclared.has(declared) && declared !== type.mime && !type.declaredAs.includes(declared)) {
    return `The file was sent as ${declared} but its contents are ${type.mime}`;
  }
  const extension = extensionOf(fileName);
  const named = extension ? knownExtensions.get(extension) : undefined;
  if (named && named !== type) {
    return `The file is named .${extension} but its contents are ${type.mime}`;
  }
  return null;
}

/** The name to store: as sent, with the type's extension appended when it has none of its own. */
export function withExtension(type: AllowedType, fileName: string): string {
  const extension = extensionOf(fileName);
  return extension && type.extensions.includes(extension)
    ? fileName
    : `${fileName}.${type.extensions[0]!}`;
}
