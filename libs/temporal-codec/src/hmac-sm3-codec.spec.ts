import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { isUntrustedPayload, UNTRUSTED_PAYLOAD_FIELD, type UntrustedPayloadInfo } from '@zs/contracts';
import { HmacSm3PayloadCodec, payloadKeyId, SIGNATURE_METADATA, signedDataConverter } from './hmac-sm3-codec';

const KEY = 'a'.repeat(32) + '-issue-9-test-key';
const OTHER_KEY = 'b'.repeat(40);
const forgedCommand = { actor: { userId: 'forged', role: 'intake_task_force', name: '伪造' }, command: { action: 'reject', reason: 'x' } };

const text = (b: Uint8Array | null | undefined) => new TextDecoder().decode(b ?? new Uint8Array());
const bytes = (s: string) => new TextEncoder().encode(s);
const codec = (key = KEY, mode: 'enforce' | 'accept-unsigned' = 'enforce', onUntrusted?: (i: UntrustedPayloadInfo) => void) =>
  new HmacSm3PayloadCodec({ key, mode, onUntrusted });

async function roundTrip(value: unknown, encoder = codec(), decoder = codec()): Promise<unknown> {
  const [decoded] = await decoder.decode(await encoder.encode([defaultPayloadConverter.toPayload(value)]));
  return defaultPayloadConverter.fromPayload(decoded);
}

async function decodeOne(p: Payload, decoder = codec()): Promise<unknown> {
  const [decoded] = await decoder.decode([p]);
  return defaultPayloadConverter.fromPayload(decoded);
}

function untrustedInfo(value: unknown): UntrustedPayloadInfo {
  if (!isUntrustedPayload(value)) throw new Error(`expected the untrusted marker, got ${JSON.stringify(value)}`);
  return value[UNTRUSTED_PAYLOAD_FIELD];
}

describe('HMAC-SM3 payload codec (issue 9)', () => {
  it('signs with an HMAC-SM3 of data and metadata, and verifies back to the very payload it signed', async () => {
    const original = defaultPayloadConverter.toPayload(forgedCommand);
    const [signed] = await codec().encode([original]);
    expect(text(signed.metadata?.[SIGNATURE_METADATA.algorithm])).toBe('hmac-sm3-v1');
    expect(text(signed.metadata?.[SIGNATURE_METADATA.keyId])).toBe(payloadKeyId(KEY));
    expect(signed.metadata?.[SIGNATURE_METADATA.mac]).toHaveLength(32); // SM3: 256 bits
    expect(signed.data).toEqual(original.data);
    const [verified] = await codec().decode([signed]);
    expect(verified).toEqual(original);
    expect(await roundTrip({ a: 1, s: '招商' })).toEqual({ a: 1, s: '招商' });
    expect(await roundTrip(undefined)).toBeUndefined();
    expect(await roundTrip(null)).toBeNull();
  });

  it('keeps a payload (a value) of several in a call apart: each carries its own signature', async () => {
    const payloads = await codec().encode([defaultPayloadConverter.toPayload(1), defaultPayloadConverter.toPayload(2)]);
    const swapped = { ...payloads[0], data: payloads[1].data };
    const decoded = (await codec().decode([payloads[1], swapped])).map((p) => defaultPayloadConverter.fromPayload(p));
    expect(decoded[0]).toBe(2);
    expect(untrustedInfo(decoded[1]).reason).toBe('bad_signature');
  });

  it('turns altered data into the untrusted marker (it never throws: that would wedge the workflow)', async () => {
    const [signed] = await codec().encode([defaultPayloadConverter.toPayload(forgedCommand)]);
    const altered = { ...signed, data: bytes(text(signed.data).replace('reject', 'accept')) };
    const info = untrustedInfo(await decodeOne(altered));
    expect(info).toEqual({ reason: 'bad_signature', digest: expect.stringMatching(/^[0-9a-f]{64}$/), keyId: payloadKeyId(KEY), preview: expect.stringContaining('"accept"') });
  });

  it('turns altered metadata into the marker: a changed encoding, an added entry, a changed key id or algorithm', async () => {
    const [signed] = await codec().encode([defaultPayloadConverter.toPayload(forgedCommand)]);
    const withMeta = (patch: Record<string, Uint8Array>) => ({ ...signed, metadata: { ...signed.metadata, ...patch } });
    for (const altered of [
      withMeta({ encoding: bytes('json/protobuf') }),
      withMeta({ messageType: bytes('zs.Forged') }),
      withMeta({ [SIGNATURE_METADATA.keyId]: bytes(payloadKeyId(OTHER_KEY)) }),
      withMeta({ [SIGNATURE_METADATA.algorithm]: bytes('none') }),
      withMeta({ [SIGNATURE_METADATA.mac]: new Uint8Array(32) }),
      withMeta({ [SIGNATURE_METADATA.mac]: signed.metadata![SIGNATURE_METADATA.mac].slice(0, 16) }),
    ]) {
      expect(untrustedInfo(await decodeOne(altered)).reason).toBe('bad_signature');
    }
  });

  it('refuses a payload signed with another key, naming that key', async () => {
    const value = await roundTrip(forgedCommand, codec(OTHER_KEY), codec(KEY));
    expect(untrustedInfo(value)).toMatchObject({ reason: 'bad_signature', keyId: payloadKeyId(OTHER_KEY) });
  });

  it('refuses an unsigned payload (what `temporal workflow update execute` sends) unless told to accept unsigned ones', async () => {
    const unsigned = defaultPayloadConverter.toPayload(forgedCommand);
    const seen: UntrustedPayloadInfo[] = [];
    const info = untrustedInfo(await decodeOne(unsigned, codec(KEY, 'enforce', (i) => seen.push(i))));
    expect(info).toMatchObject({ reason: 'unsigned', keyId: null });
    expect(JSON.parse(info.preview)).toEqual(forgedCommand);
    expect(seen).toEqual([info]);
    // Same payload, same digest (a retried task or a replay is recognised); another payload, another digest.
    expect(untrustedInfo(await decodeOne(unsigned)).digest).toBe(info.digest);
    expect(untrustedInfo(await decodeOne(defaultPayloadConverter.toPayload({ ...forgedCommand, n: 1 }))).digest).not.toBe(info.digest);
    // Transitional mode (upgraded installations): unsigned passes as it is, altered signed payloads still do not.
    expect(await decodeOne(unsigned, codec(KEY, 'accept-unsigned'))).toEqual(forgedCommand);
    const [signed] = await codec().encode([unsigned]);
    expect(untrustedInfo(await decodeOne({ ...signed, data: bytes('{}') }, codec(KEY, 'accept-unsigned'))).reason).toBe('bad_signature');
  });

  it('reads bytes in any array-like form (the worker hands empty data over as a plain array)', async () => {
    const [signed] = await codec().encode([{ metadata: { encoding: bytes('binary/null') }, data: new Uint8Array() }]);
    const asArrays = { metadata: Object.fromEntries(Object.entries(signed.metadata!).map(([k, v]) => [k, Array.from(v)])), data: [] } as unknown as Payload;
    const [verified] = await codec().decode([asArrays]);
    expect(Object.keys(verified.metadata!)).toEqual(['encoding']);
  });

  it('previews a binary payload by its encoding and size only', async () => {
    const info = untrustedInfo(await decodeOne({ metadata: { encoding: bytes('binary/plain') }, data: new Uint8Array(5) }));
    expect(info.preview).toBe('<binary/plain, 5 bytes>');
  });

  it('refuses a key shorter than 32 bytes and an unknown mode', () => {
    expect(() => codec('short')).toThrow(/at least 32 bytes/);
    expect(() => new HmacSm3PayloadCodec({ key: KEY, mode: 'off' as never })).toThrow(/unknown payload signing mode/);
    expect(signedDataConverter({ key: Buffer.alloc(32, 1), mode: 'enforce' }).payloadCodecs).toHaveLength(1);
  });
});
