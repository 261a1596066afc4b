export type BodyReadResult = { ok: true; body: Buffer } | { ok: false; tooLarge: true };

/** Reads a request body, giving up as soon as it grows past `maxBytes` (memory stays bounded). */
export async function readBodyLimited(stream: AsyncIterable<Uint8Array>, maxBytes: number): Promise<BodyReadResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.byteLength;
    if (size > maxBytes) return { ok: false, tooLarge: true };
    chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  }
  return { ok: true, body: Buffer.concat(chunks, size) };
}
