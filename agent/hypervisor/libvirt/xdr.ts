// XDR (RFC 4506) as libvirt's remote protocol uses it: big-endian 4-byte units,
// strings and variable opaques padded to a multiple of 4, `hyper` as 64-bit (BigInt
// here so values above 2^53 survive), optional values as a 4-byte presence flag.
import { internal, invalidArgument } from '../../../common/errors.ts';

const pad4 = (n: number): number => (4 - (n % 4)) % 4;

export class XdrWriter {
  private buf: Buffer;
  private pos = 0;

  constructor(initialSize = 256) {
    this.buf = Buffer.allocUnsafe(initialSize);
  }

  private ensure(extra: number): void {
    if (this.pos + extra <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + extra) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  int(v: number): this {
    if (!Number.isInteger(v) || v < -0x80000000 || v > 0x7fffffff) {
      throw invalidArgument('XDR_INT_RANGE', `value ${v} does not fit an XDR int`);
    }
    this.ensure(4);
    this.buf.writeInt32BE(v, this.pos);
    this.pos += 4;
    return this;
  }

  uint(v: number): this {
    if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) {
      throw invalidArgument('XDR_UINT_RANGE', `value ${v} does not fit an XDR unsigned int`);
    }
    this.ensure(4);
    this.buf.writeUInt32BE(v, this.pos);
    this.pos += 4;
    return this;
  }

  bool(v: boolean): this {
    return this.int(v ? 1 : 0);
  }

  hyper(v: bigint): this {
    this.ensure(8);
    this.buf.writeBigInt64BE(v, this.pos);
    this.pos += 8;
    return this;
  }

  uhyper(v: bigint): this {
    this.ensure(8);
    this.buf.writeBigUInt64BE(v, this.pos);
    this.pos += 8;
    return this;
  }

  double(v: number): this {
    this.ensure(8);
    this.buf.writeDoubleBE(v, this.pos);
    this.pos += 8;
    return this;
  }

  /** Fixed-length opaque (e.g. a 16-byte uuid): no length word, padded. */
  fixedOpaque(data: Uint8Array, length: number): this {
    if (data.length !== length) {
      throw invalidArgument('XDR_OPAQUE_LENGTH', `fixed opaque needs ${length} bytes, got ${data.length}`);
    }
    const padded = length + pad4(length);
    this.ensure(padded);
    this.buf.set(data, this.pos);
    this.buf.fill(0, this.pos + length, this.pos + padded);
    this.pos += padded;
    return this;
  }

  /** Variable-length opaque: length word, bytes, padding. */
  opaque(data: Uint8Array): this {
    this.uint(data.length);
    return this.fixedOpaque(data, data.length);
  }

  string(s: string): this {
    return this.opaque(Buffer.from(s, 'utf8'));
  }

  /** `string *` in the .x files: presence flag, then the string. */
  optionalString(s: string | null | undefined): this {
    if (s === null || s === undefined) return this.int(0);
    return this.int(1).string(s);
  }

  array<T>(items: readonly T[], each: (w: this, item: T) => void): this {
    this.uint(items.length);
    for (const item of items) each(this, item);
    return this;
  }

  get length(): number {
    return this.pos;
  }

  /** A view of the bytes written so far (not a copy). */
  bytes(): Buffer {
    return this.buf.subarray(0, this.pos);
  }
}

export class XdrReader {
  private readonly buf: Buffer;
  private pos: number;

  constructor(buf: Buffer, offset = 0) {
    this.buf = buf;
    this.pos = offset;
  }

  private need(n: number): void {
    if (this.pos + n > this.buf.length) {
      throw internal('XDR_SHORT_READ', `XDR read of ${n} bytes at ${this.pos} overruns ${this.buf.length}`);
    }
  }

  int(): number {
    this.need(4);
    const v = this.buf.readInt32BE(this.pos);
    this.pos += 4;
    return v;
  }

  uint(): number {
    this.need(4);
    const v = this.buf.readUInt32BE(this.pos);
    this.pos += 4;
    return v;
  }

  bool(): boolean {
    return this.int() !== 0;
  }

  hyper(): bigint {
    this.need(8);
    const v = this.buf.readBigInt64BE(this.pos);
    this.pos += 8;
    return v;
  }

  uhyper(): bigint {
    this.need(8);
    const v = this.buf.readBigUInt64BE(this.pos);
    this.pos += 8;
    return v;
  }

  double(): number {
    this.need(8);
    const v = this.buf.readDoubleBE(this.pos);
    this.pos += 8;
    return v;
  }

  fixedOpaque(length: number): Buffer {
    const padded = length + pad4(length);
    this.need(padded);
    const out = Buffer.from(this.buf.subarray(this.pos, this.pos + length));
    this.pos += padded;
    return out;
  }

  opaque(max = Number.POSITIVE_INFINITY): Buffer {
    const len = this.uint();
    if (len > max) throw internal('XDR_TOO_LONG', `XDR opaque of ${len} bytes exceeds limit ${max}`);
    return this.fixedOpaque(len);
  }

  string(max?: number): string {
    return this.opaque(max).toString('utf8');
  }

  optional<T>(read: (r: this) => T): T | null {
    return this.bool() ? read(this) : null;
  }

  optionalString(): string | null {
    return this.optional((r) => r.string());
  }

  array<T>(read: (r: this) => T, max = Number.POSITIVE_INFINITY): T[] {
    const n = this.uint();
    if (n > max) throw internal('XDR_TOO_LONG', `XDR array of ${n} items exceeds limit ${max}`);
    const out: T[] = [];
    for (let i = 0; i < n; i++) out.push(read(this));
    return out;
  }

  get offset(): number {
    return this.pos;
  }

  get remaining(): number {
    return this.buf.length - this.pos;
  }
}
