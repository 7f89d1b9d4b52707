// The SSH wire encoding of keys (RFC 4251 §5): big-endian uint32s and
// length-prefixed strings. A key blob is a few such fields, so this small
// reader and writer is all OpenSSH's public and private key formats need.

/** Reads fields from a blob; every read past the end throws (the caller turns it into its own error). */
export class WireReader {
  private readonly buf: Buffer;
  private pos = 0;

  constructor(buf: Buffer) {
    this.buf = buf;
  }

  uint32(): number {
    if (this.pos + 4 > this.buf.length) throw new RangeError('truncated');
    const v = this.buf.readUInt32BE(this.pos);
    this.pos += 4;
    return v;
  }

  bytes(): Buffer {
    const n = this.uint32();
    if (this.pos + n > this.buf.length) throw new RangeError('truncated');
    const v = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return v;
  }

  string(): string {
    return this.bytes().toString('latin1');
  }

  get done(): boolean {
    return this.pos === this.buf.length;
  }
}

export function uint32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

export function wireString(v: string | Buffer): Buffer {
  const b = typeof v === 'string' ? Buffer.from(v, 'latin1') : v;
  return Buffer.concat([uint32(b.length), b]);
}

/** An unsigned big integer as an SSH mpint: no leading zeros, one 0x00 when the top bit is set. */
export function mpint(unsigned: Buffer): Buffer {
  let i = 0;
  while (i < unsigned.length && unsigned[i] === 0) i++;
  const v = unsigned.subarray(i);
  return wireString(v.length > 0 && (v[0]! & 0x80) !== 0 ? Buffer.concat([Buffer.from([0]), v]) : v);
}

/** An mpint's magnitude (a positive one: its sign byte dropped). */
export function mpintMagnitude(b: Buffer): Buffer {
  let i = 0;
  while (i < b.length && b[i] === 0) i++;
  return b.subarray(i);
}
