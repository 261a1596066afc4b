/** Thrown while converting one span when it cannot be stored; the decoders count it and go on. */
export class SpanRejection extends Error {
  override name = "SpanRejection";
}

const byteToHex: string[] = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));
const hexPattern = /^[0-9a-f]*$/;
const zeroPattern = /^0*$/;
const base64Pattern = /^[A-Za-z0-9+/_-]+={0,2}$/;

/** Byte length of a trace id and of a span id. */
export const TRACE_ID_BYTES = 16;
export const SPAN_ID_BYTES = 8;

/**
 * A binary id as lower-case hex. Throws {@link SpanRejection} unless it has `size` bytes and is
 * not all zeros (the invalid id of W3C Trace Context).
 */
export function hexIdFromBytes(bytes: Uint8Array | null | undefined, size: number, field: string): string {
  if (!bytes || bytes.length !== size) throw new SpanRejection(`${field} must be ${size} bytes (got ${bytes?.length ?? 0})`);
  let hex = "";
  let any = 0;
  for (let index = 0; index < size; index++) {
    const byte = bytes[index] as number;
    any |= byte;
    hex += byteToHex[byte];
  }
  if (any === 0) throw new SpanRejection(`${field} is all zeros`);
  return hex;
}

/** Like {@link hexIdFromBytes} for the parent id, where nothing (or all zeros) means a root span. */
export function parentHexIdFromBytes(bytes: Uint8Array | null | undefined): string | null {
  if (!bytes || bytes.length === 0) return null;
  if (bytes.length !== SPAN_ID_BYTES) throw new SpanRejection(`parentSpanId must be ${SPAN_ID_BYTES} bytes (got ${bytes.length})`);
  if (bytes.every((byte) => byte === 0)) return null;
  return hexIdFromBytes(bytes, SPAN_ID_BYTES, "parentSpanId");
}

/**
 * A hex id from OTLP/JSON (case-insensitive) as lower-case hex. Throws {@link SpanRejection}
 * unless it is a string of `size` bytes' worth of hex digits, not all zeros. Base64 of the right
 * length is accepted too, as exporters built on protobuf's generic JSON mapping send it.
 */
export function hexIdFromString(value: unknown, size: number, field: string): string {
  if (typeof value !== "string") throw new SpanRejection(`${field} must be a hex string (got ${describe(value)})`);
  if (value.length !== size * 2 && isBase64Of(value, size)) {
    const bytes = Buffer.from(value, "base64");
    if (bytes.length === size) return hexIdFromBytes(bytes, size, field);
  }
  const hex = value.toLowerCase();
  if (hex.length !== size * 2) throw new SpanRejection(`${field} must be ${size * 2} hex digits (got ${hex.length})`);
  if (!hexPattern.test(hex)) throw new SpanRejection(`${field} is not hex`);
  if (zeroPattern.test(hex)) throw new SpanRejection(`${field} is all zeros`);
  return hex;
}

/** Like {@link hexIdFromString} for the parent id, where absent, empty or all zeros means a root span. */
export function parentHexIdFromString(value: unknown): string | null {
  if (value === undefined || value === null || value === "") return null;
  if (typeof value === "string" && value.length === SPAN_ID_BYTES * 2 && zeroPattern.test(value)) return null;
  return hexIdFromString(value, SPAN_ID_BYTES, "parentSpanId");
}

function isBase64Of(value: string, size: number): boolean {
  const padded = Math.ceil(size / 3) * 4;
  const unpadded = Math.ceil((size * 4) / 3);
  return (value.length === padded || value.length === unpadded) && base64Pattern.test(value);
}

function describe(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
}
