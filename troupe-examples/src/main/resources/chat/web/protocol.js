// The pomelo wire protocol (pinus hybridconnector), byte for byte: packages, messages and the
// pomelo-protobuf dialect. Pure functions over Uint8Array; no I/O. Used by pomelo.js.

export const PackageType = Object.freeze({ HANDSHAKE: 1, HANDSHAKE_ACK: 2, HEARTBEAT: 3, DATA: 4, KICK: 5 });
export const MessageType = Object.freeze({ REQUEST: 0, NOTIFY: 1, RESPONSE: 2, PUSH: 3 });

const MAX_BODY = 0xffffff;
const MAX_DEPTH = 32;
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

export const utf8 = (s) => encoder.encode(s);
export const fromUtf8 = (b) => decoder.decode(b);

/** A growable byte buffer with base-128 varints (unsigned, up to 2^53). */
export class Writer {
  #buf = new Uint8Array(64);
  #len = 0;

  #ensure(n) {
    if (this.#len + n <= this.#buf.length) return;
    const next = new Uint8Array(Math.max(this.#buf.length * 2, this.#len + n));
    next.set(this.#buf.subarray(0, this.#len));
    this.#buf = next;
  }

  byte(b) {
    this.#ensure(1);
    this.#buf[this.#len++] = b & 0xff;
    return this;
  }

  bytes(b) {
    this.#ensure(b.length);
    this.#buf.set(b, this.#len);
    this.#len += b.length;
    return this;
  }

  varint(n) {
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`varint needs a non-negative integer, got ${n}`);
    do {
      const low = n % 128;
      n = Math.floor(n / 128);
      this.byte(n > 0 ? low | 0x80 : low);
    } while (n > 0);
    return this;
  }

  get length() {
    return this.#len;
  }

  result() {
    return this.#buf.slice(0, this.#len);
  }
}

/** Reads a Uint8Array front to back; every read is checked against the end. */
export class Reader {
  constructor(bytes) {
    this.bytes = bytes;
    this.pos = 0;
  }

  get remaining() {
    return this.bytes.length - this.pos;
  }

  byte() {
    if (this.pos >= this.bytes.length) throw new RangeError('truncated input');
    return this.bytes[this.pos++];
  }

  varint() {
    let n = 0;
    let scale = 1;
    for (let i = 0; i < 8; i++) {
      const b = this.byte();
      n += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) return n;
      scale *= 128;
    }
    throw new RangeError('varint too long');
  }

  take(n) {
    if (n > this.remaining) throw new RangeError(`length ${n} exceeds the input`);
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
}

// ---- packages: type (1 byte) | body length (3 bytes, big-endian) | body ----

export function encodePackage(type, body = new Uint8Array(0)) {
  if (body.length > MAX_BODY) throw new RangeError('package body too long');
  const out = new Uint8Array(4 + body.length);
  out[0] = type;
  out[1] = (body.length >> 16) & 0xff;
  out[2] = (body.length >> 8) & 0xff;
  out[3] = body.length & 0xff;
  out.set(body, 4);
  return out;
}

/** All packages of one WebSocket message (the server may batch several). Throws on a truncated one. */
export function decodePackages(bytes) {
  const packages = [];
  let pos = 0;
  while (pos < bytes.length) {
    if (bytes.length - pos < 4) throw new RangeError('truncated package head');
    const type = bytes[pos];
    const length = (bytes[pos + 1] << 16) | (bytes[pos + 2] << 8) | bytes[pos + 3];
    if (bytes.length - pos - 4 < length) throw new RangeError('truncated package body');
    packages.push({ type, body: bytes.subarray(pos + 4, pos + 4 + length) });
    pos += 4 + length;
  }
  return packages;
}

// ---- messages: flag | [id varint] | [route] | body ----

const hasId = (type) => type === MessageType.REQUEST || type === MessageType.RESPONSE;
const hasRoute = (type) => type !== MessageType.RESPONSE;

/**
 * @param {{type:number, id?:number, route?:string, routeCode?:number, body?:Uint8Array}} m a route code (1..65535)
 *   is written compressed instead of the route
 */
export function encodeMessage({ type, id = 0, route = '', routeCode = 0, body = new Uint8Array(0) }) {
  const compressed = hasRoute(type) && routeCode > 0;
  const w = new Writer().byte((type << 1) | (compressed ? 1 : 0));
  if (hasId(type)) w.varint(id);
  if (hasRoute(type)) {
    if (compressed) {
      if (routeCode > 0xffff) throw new RangeError('route code out of range');
      w.byte(routeCode >> 8).byte(routeCode);
    } else {
      const r = utf8(route);
      if (r.length > 255) throw new RangeError(`route too long: ${route}`);
      w.byte(r.length).bytes(r);
    }
  }
  return w.bytes(body).result();
}

/** @returns {{type:number, id:number, route?:string, routeCode?:number, body:Uint8Array}} */
export function decodeMessage(bytes) {
  const r = new Reader(bytes);
  const flag = r.byte();
  const type = (flag >> 1) & 0x07;
  if (type > MessageType.PUSH) throw new RangeError(`unknown message type ${type}`);
  if (flag & 0x10) throw new RangeError('gzip-compressed bodies are not supported');
  const m = { type, id: 0 };
  if (hasId(type)) m.id = r.varint();
  if (hasRoute(type)) {
    if (flag & 1) m.routeCode = (r.byte() << 8) | r.byte();
    else m.route = fromUtf8(r.take(r.byte()));
  }
  m.body = r.bytes.slice(r.pos);
  return m;
}

// ---- pomelo-protobuf (the parsed form sent in the handshake's sys.protos.server / .client) ----

const SIMPLE = new Set(['uInt32', 'sInt32', 'int32', 'uInt64', 'sInt64', 'float', 'double']);
const RESERVED = new Set(['__messages', '__tags']);

function wireType(type) {
  switch (type) {
    case 'uInt32': case 'sInt32': case 'int32': case 'uInt64': case 'sInt64': return 0;
    case 'double': return 1;
    case 'float': return 5;
    default: return 2;
  }
}

function integer(value, where) {
  const n = Math.trunc(Number(value));
  if (!Number.isSafeInteger(n)) throw new TypeError(`${where}: expected an integer, got ${value}`);
  return n;
}

/**
 * One direction's protos: route (or "message Name") → message in the parsed form
 * {field: {option, type, tag}, __messages: {...}, __tags: {tag: field}}.
 * Rules of the dialect: fields written in the object's key order, only those present; repeated numbers are key +
 * count + values; repeated strings and messages are one key + length per element; zigzag for sInt32/int32.
 */
export class Protobuf {
  #tags = new WeakMap();

  constructor(protos) {
    this.protos = protos && typeof protos === 'object' ? protos : {};
  }

  has(route) {
    return Object.hasOwn(this.protos, route) && typeof this.protos[route] === 'object';
  }

  encode(route, msg) {
    const proto = this.protos[route];
    this.#check(proto, msg ?? {}, route, 0);
    const w = new Writer();
    this.#writeMessage(w, proto, msg ?? {}, route);
    return w.result();
  }

  decode(route, bytes) {
    return this.#readMessage(new Reader(bytes), this.protos[route], 0);
  }

  #messageType(scope, type, where) {
    const m = scope.__messages?.[type] ?? this.protos[`message ${type}`];
    if (!m) throw new TypeError(`${where}: unknown message type ${type}`);
    return m;
  }

  *#fields(proto) {
    for (const [name, field] of Object.entries(proto)) {
      if (!RESERVED.has(name) && field && typeof field === 'object') yield [name, field];
    }
  }

  #check(proto, msg, where, depth) {
    if (typeof msg !== 'object' || Array.isArray(msg)) throw new TypeError(`${where}: expected an object`);
    if (depth > MAX_DEPTH) throw new RangeError(`${where}: nested too deeply`);
    for (const [name, field] of this.#fields(proto)) {
      const value = msg[name];
      const path = `${where}.${name}`;
      if (value === undefined || value === null) {
        if (field.option === 'required') throw new TypeError(`${path}: required field missing`);
        continue;
      }
      const nested = SIMPLE.has(field.type) || field.type === 'string' ? null : this.#messageType(proto, field.type, path);
      if (field.option === 'repeated') {
        if (!Array.isArray(value)) throw new TypeError(`${path}: repeated field needs an array`);
        if (nested) value.forEach((v) => this.#check(nested, v, `${path}[]`, depth + 1));
      } else if (nested) {
        this.#check(nested, value, path, depth + 1);
      }
    }
  }

  #writeMessage(w, proto, msg, where) {
    for (const [name, value] of Object.entries(msg)) {
      const field = RESERVED.has(name) ? undefined : proto[name];
      if (!field || value === undefined || value === null) continue;
      const key = field.tag * 8 + wireType(field.type);
      const path = `${where}.${name}`;
      if (field.option !== 'repeated') {
        w.varint(key);
        this.#writeValue(w, proto, field.type, value, path);
      } else if (value.length > 0) {
        if (SIMPLE.has(field.type)) {
          w.varint(key).varint(value.length);
          for (const v of value) this.#writeValue(w, proto, field.type, v, path);
        } else {
          for (const v of value) {
            w.varint(key);
            this.#writeValue(w, proto, field.type, v, path);
          }
        }
      }
    }
  }

  #writeValue(w, scope, type, value, path) {
    switch (type) {
      case 'uInt32': case 'uInt64': {
        const n = integer(value, path);
        if (n < 0) throw new RangeError(`${path}: negative value for ${type}`);
        w.varint(n);
        break;
      }
      case 'sInt32': case 'int32': case 'sInt64': {
        const n = integer(value, path);
        w.varint(n < 0 ? -n * 2 - 1 : n * 2);
        break;
      }
      case 'float': case 'double': {
        const size = type === 'float' ? 4 : 8;
        const view = new DataView(new ArrayBuffer(size));
        if (size === 4) view.setFloat32(0, Number(value), true);
        else view.setFloat64(0, Number(value), true);
        w.bytes(new Uint8Array(view.buffer));
        break;
      }
      case 'string': {
        const b = utf8(String(value));
        w.varint(b.length).bytes(b);
        break;
      }
      default: {
        const inner = new Writer();
        this.#writeMessage(inner, this.#messageType(scope, type, path), value, path);
        w.varint(inner.length).bytes(inner.result());
      }
    }
  }

  #tagIndex(proto) {
    let tags = this.#tags.get(proto);
    if (!tags) {
      tags = new Map();
      for (const [name, field] of this.#fields(proto)) tags.set(field.tag, name);
      this.#tags.set(proto, tags);
    }
    return tags;
  }

  #readMessage(r, proto, depth) {
    if (depth > MAX_DEPTH) throw new RangeError('protobuf nested too deeply');
    const msg = {};
    const tags = this.#tagIndex(proto);
    while (r.remaining > 0) {
      const key = r.varint();
      const name = tags.get(Math.floor(key / 8));
      if (name === undefined) throw new RangeError(`unknown protobuf tag ${Math.floor(key / 8)}`);
      const field = proto[name];
      if (field.option !== 'repeated') {
        msg[name] = this.#readValue(r, proto, field.type, depth);
      } else {
        const list = (msg[name] ??= []);
        if (SIMPLE.has(field.type)) {
          const count = r.varint();
          if (count > r.remaining) throw new RangeError('protobuf element count exceeds the input');
          for (let i = 0; i < count; i++) list.push(this.#readValue(r, proto, field.type, depth));
        } else {
          list.push(this.#readValue(r, proto, field.type, depth));
        }
      }
    }
    return msg;
  }

  #readValue(r, scope, type, depth) {
    switch (type) {
      case 'uInt32': case 'uInt64':
        return r.varint();
      case 'sInt32': case 'int32': case 'sInt64': {
        const n = r.varint();
        return n % 2 === 1 ? -(n + 1) / 2 : n / 2;
      }
      case 'float':
        return new DataView(r.take(4).slice().buffer).getFloat32(0, true);
      case 'double':
        return new DataView(r.take(8).slice().buffer).getFloat64(0, true);
      case 'string':
        return fromUtf8(r.take(r.varint()));
      default: {
        const m = this.#messageType(scope, type, type);
        return this.#readMessage(new Reader(r.take(r.varint())), m, depth + 1);
      }
    }
  }
}
