import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { defaultPayloadConverter, type DataConverter, type Payload, type PayloadCodec } from '@temporalio/common';
import { untrustedPayloadMarker, type UntrustedPayloadInfo } from '@zs/contracts';

/**
 * enforce: only payloads signed with the key are trusted (a fresh installation).
 * accept-unsigned: payloads without a signature are also trusted (an installation upgraded from
 * before signing, while runs started before it are still open); a signature that does not
 * verify is refused in both.
 */
export type PayloadSigningMode = 'enforce' | 'accept-unsigned';
export const PAYLOAD_SIGNING_MODES: readonly PayloadSigningMode[] = ['enforce', 'accept-unsigned'];

export interface PayloadSigning {
  /** The shared secret of the API, the worker and the tools (TEMPORAL_PAYLOAD_KEY), at least 32 bytes. */
  key: string | Buffer;
  mode: PayloadSigningMode;
  /** Told of every payload decoded as untrusted (the worker logs it; the security event comes from the workflow's refusal). */
  onUntrusted?: (info: UntrustedPayloadInfo) => void;
}

export const MIN_PAYLOAD_KEY_BYTES = 32;
/** Metadata the codec adds: the MAC, its algorithm (covered by the MAC) and the key id (covered too). */
export const SIGNATURE_METADATA = { mac: 'zs-sig', algorithm: 'zs-sig-alg', keyId: 'zs-sig-kid' } as const;
const ALGORITHM = 'hmac-sm3-v1';
const PREVIEW_CHARS = 300;

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
/** Payload bytes as a Buffer: from the worker's native bridge they need not be Uint8Arrays of this realm. */
const asBuffer = (b: ArrayLike<number> | null | undefined): Buffer =>
  !b ? Buffer.alloc(0) : b instanceof Uint8Array ? Buffer.from(b.buffer, b.byteOffset, b.byteLength) : Buffer.from(Array.from(b));
const text = (b: ArrayLike<number> | null | undefined): string => asBuffer(b).toString('utf8');

export function payloadKeyBytes(key: string | Buffer): Buffer {
  const bytes = typeof key === 'string' ? Buffer.from(key, 'utf8') : key;
  if (bytes.length < MIN_PAYLOAD_KEY_BYTES) throw new Error(`the Temporal payload key must be at least ${MIN_PAYLOAD_KEY_BYTES} bytes (it has ${bytes.length})`);
  return bytes;
}

/** A public identifier of a key (SM3 of it, cut short): tells "signed with another key" from "altered". */
export function payloadKeyId(key: string | Buffer): string {
  return createHash('sm3').update(payloadKeyBytes(key)).digest('hex').slice(0, 16);
}

/**
 * The bytes a MAC or digest covers: a version tag, every metadata entry (sorted by name, each
 * name and value length-prefixed, so no two payloads share an encoding) and the data.
 */
function canonical(payload: Payload, skip: ReadonlySet<string>): Buffer {
  const parts: Buffer[] = [Buffer.from('zs-payload-v1\0')];
  const field = (bytes: ArrayLike<number>) => {
    const b = asBuffer(bytes);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(b.length);
    parts.push(len, b);
  };
  const metadata = payload.metadata ?? {};
  const names = Object.keys(metadata).filter((n) => !skip.has(n)).sort();
  field(utf8(String(names.length)));
  for (const name of names) {
    field(utf8(name));
    field(metadata[name] ?? new Uint8Array());
  }
  field(payload.data ?? new Uint8Array());
  return Buffer.concat(parts);
}

const MAC_ONLY = new Set<string>([SIGNATURE_METADATA.mac]);
const NOTHING = new Set<string>();

/**
 * HMAC-SM3 (GB/T 32905) over each payload's data and metadata, kept in the payload's metadata.
 * Decoding never throws for an untrusted payload: that would fail the workflow task again and
 * again (a wedged workflow). It decodes into the untrusted marker of @zs/contracts instead,
 * which the workflow interceptor refuses.
 */
export class HmacSm3PayloadCodec implements PayloadCodec {
  private readonly key: Buffer;
  private readonly keyId: Uint8Array;
  private readonly mode: PayloadSigningMode;
  private readonly onUntrusted?: (info: UntrustedPayloadInfo) => void;

  constructor(signing: PayloadSigning) {
    this.key = payloadKeyBytes(signing.key);
    this.keyId = utf8(payloadKeyId(this.key));
    if (!PAYLOAD_SIGNING_MODES.includes(signing.mode)) throw new Error(`unknown payload signing mode ${String(signing.mode)}`);
    this.mode = signing.mode;
    this.onUntrusted = signing.onUntrusted;
  }

  private mac(payload: Payload): Buffer {
    return createHmac('sm3', this.key).update(canonical(payload, MAC_ONLY)).digest();
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((p) => {
      const unsigned: Payload = {
        ...p,
        metadata: { ...stripSignature(p.metadata), [SIGNATURE_METADATA.algorithm]: utf8(ALGORITHM), [SIGNATURE_METADATA.keyId]: this.keyId },
      };
      return { ...unsigned, metadata: { ...unsigned.metadata, [SIGNATURE_METADATA.mac]: new Uint8Array(this.mac(unsigned)) } };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((p) => this.decodeOne(p));
  }

  private decodeOne(p: Payload): Payload {
    try {
      const signature = p.metadata?.[SIGNATURE_METADATA.mac];
      if (!signature) return this.mode === 'accept-unsigned' ? p : this.untrusted(p, 'unsigned');
      const expected = this.mac(p);
      const given = asBuffer(signature);
      const valid = text(p.metadata?.[SIGNATURE_METADATA.algorithm]) === ALGORITHM && given.length === expected.length && timingSafeEqual(given, expected);
      return valid ? { ...p, metadata: stripSignature(p.metadata) } : this.untrusted(p, 'bad_signature');
    } catch {
      // Whatever cannot be checked is not trusted; throwing here would fail the workflow task for ever.
      return this.untrusted(p, 'bad_signature');
    }
  }

  private untrusted(p: Payload, reason: UntrustedPayloadInfo['reason']): Payload {
    let info: UntrustedPayloadInfo;
    try {
      const keyId = p.metadata?.[SIGNATURE_METADATA.keyId];
      const encoding = text(p.metadata?.encoding);
      info = {
        reason,
        digest: createHash('sm3').update(canonical(p, NOTHING)).digest('hex'),
        keyId: keyId ? text(keyId).slice(0, 64) : null,
        preview: encoding.startsWith('json/') ? text(p.data).slice(0, PREVIEW_CHARS) : `<${encoding || 'no encoding'}, ${p.data?.length ?? 0} bytes>`,
      };
    } catch {
      info = { reason, digest: '', keyId: null, preview: '<unreadable>' };
    }
    try {
      this.onUntrusted?.(info);
    } catch {
      // A logging hook must not fail the decode.
    }
    return defaultPayloadConverter.toPayload(untrustedPayloadMarker(info));
  }
}

function stripSignature(metadata: Payload['metadata']): Record<string, Uint8Array> {
  const rest: Record<string, Uint8Array> = {};
  for (const [name, value] of Object.entries(metadata ?? {})) {
    if (name !== SIGNATURE_METADATA.mac && name !== SIGNATURE_METADATA.algorithm && name !== SIGNATURE_METADATA.keyId && value) rest[name] = value;
  }
  return rest;
}

/** The data converter of every Temporal client and worker of the engine. */
export function signedDataConverter(signing: PayloadSigning): DataConverter {
  return { payloadCodecs: [new HmacSm3PayloadCodec(signing)] };
}
