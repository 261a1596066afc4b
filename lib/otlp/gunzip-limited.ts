import { createGunzip } from "node:zlib";

/** The outcome of {@link gunzipLimited}. */
export type GunzipResult = { ok: true; body: Buffer } | { ok: false; status: 400 | 413; message: string };

/**
 * Inflates a gzip body (several concatenated members included) as a stream, giving up as soon as
 * the output exceeds `maxBytes` (413), so a small compression bomb never gets inflated whole.
 * Data that is not gzip, corrupt or cut short is a 400.
 */
export function gunzipLimited(body: Buffer, maxBytes: number): Promise<GunzipResult> {
  return new Promise((resolve) => {
    const gunzip = createGunzip();
    const chunks: Buffer[] = [];
    let total = 0;
    let settled = false;
    const settle = (result: GunzipResult) => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    gunzip.on("data", (chunk: Buffer) => {
      if (settled) return;
      total += chunk.length;
      if (total > maxBytes) {
        chunks.length = 0;
        settle({ ok: false, status: 413, message: `The body inflates to more than ${maxBytes} bytes` });
        gunzip.destroy();
        return;
      }
      chunks.push(chunk);
    });
    gunzip.on("end", () => settle({ ok: true, body: Buffer.concat(chunks, total) }));
    gunzip.on("error", (error: NodeJS.ErrnoException) => {
      const truncated = error.code === "Z_BUF_ERROR";
      settle({ ok: false, status: 400, message: truncated ? "The gzip body is truncated" : `The body is not valid gzip: ${error.message}` });
    });
    gunzip.end(body);
  });
}
