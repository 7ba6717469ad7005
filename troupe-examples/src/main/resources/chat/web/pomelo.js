// A pomelo client over WebSocket binary frames, as an ES module: handshake, heartbeat, requests, notifies,
// pushes, route dictionary and pomelo-protobuf, kick. Compatible with pinus's hybridconnector and Troupe's.
//
//   const client = new PomeloClient();
//   client.on('onChat', (msg) => ...);                 // pushes, by route
//   client.on('disconnect', (info) => ...);            // {reason, code, byClient, kicked}
//   await client.connect({ host: '127.0.0.1', port: 3014 });
//   const answer = await client.request('gate.gateHandler.queryEntry', { uid: 'alice' });
//   client.notify('some.route', {});
//   await client.disconnect();
//
// Events: push routes; 'connected' (handshake response); 'heartbeat'; 'onKick' ({reason}); 'heartbeat timeout';
// 'io-error' (a WebSocket error or a bad package from the server); 'disconnect' (once per connection, after
// pending requests were rejected) with {reason, code, wsReason, byClient, kicked}.

import { PackageType, MessageType, Protobuf, decodeMessage, decodePackages, encodeMessage, encodePackage, fromUtf8,
  utf8 } from './protocol.js';

export * from './protocol.js';

const CLIENT_SYS = Object.freeze({ type: 'js-websocket', version: '0.0.1', rsa: {} });
const HANDSHAKE_OK = 200;
const HANDSHAKE_OLD_CLIENT = 501;
const TIMEOUT_SLACK_MS = 100;
const MAX_ID = 0x7fffffff;

const parseJson = (bytes) => {
  if (bytes.length === 0) return {};
  try {
    return JSON.parse(fromUtf8(bytes));
  } catch {
    return {};
  }
};

export class PomeloClient {
  #listeners = new Map();
  #ws = null;
  #state = 'idle'; // idle → connecting → connected → closed (a client connects once)
  #lastId = 0;
  #pending = new Map(); // request id → {route, resolve, reject}
  #routeCodes = new Map();
  #routes = new Map();
  #serverProtos = new Protobuf({});
  #clientProtos = new Protobuf({});
  #heartbeatMs = 0;
  #heartbeatTimeoutMs = 0;
  #heartbeatTimer = null;
  #timeoutTimer = null;
  #deadline = 0;
  #closeReason = null;
  #byClient = false;
  #kicked = null;
  #closed = null;
  #handshake = null; // {resolve, reject, timer} while the handshake is under way

  /** Heartbeats received so far (for diagnostics and tests). */
  heartbeats = 0;

  /** 'idle', 'connecting', 'connected' or 'closed'. */
  get state() {
    return this.#state;
  }

  on(event, fn) {
    if (!this.#listeners.has(event)) this.#listeners.set(event, new Set());
    this.#listeners.get(event).add(fn);
    return this;
  }

  off(event, fn) {
    this.#listeners.get(event)?.delete(fn);
    return this;
  }

  once(event, fn) {
    const wrapper = (...args) => {
      this.off(event, wrapper);
      fn(...args);
    };
    return this.on(event, wrapper);
  }

  #emit(event, ...args) {
    for (const fn of [...(this.#listeners.get(event) ?? [])]) {
      try {
        fn(...args);
      } catch (e) {
        console.error(`pomelo: listener of ${event} failed`, e);
      }
    }
  }

  /**
   * Opens the WebSocket and does the handshake.
   * @param {{host:string, port:number, path?:string, secure?:boolean, user?:object, timeoutMs?:number}} options
   * @returns {Promise<object>} the handshake response once acknowledged
   */
  connect({ host, port, path = '/', secure = globalThis.location?.protocol === 'https:', user = {},
    timeoutMs = 10000 }) {
    if (this.#state !== 'idle') return Promise.reject(new Error(`cannot connect: client is ${this.#state}`));
    this.#state = 'connecting';
    this.#closed = new Promise((resolve) => this.once('disconnect', resolve));
    return new Promise((resolve, reject) => {
      const url = `${secure ? 'wss' : 'ws'}://${host.includes(':') ? `[${host}]` : host}:${port}${path}`;
      let ws;
      try {
        ws = new WebSocket(url);
      } catch (e) {
        this.#state = 'closed';
        reject(e);
        return;
      }
      this.#ws = ws;
      ws.binaryType = 'arraybuffer';
      const timer = setTimeout(() => this.#abort(`handshake timeout after ${timeoutMs} ms`), timeoutMs);
      this.#handshake = { resolve, reject, timer };
      ws.onopen = () => {
        const handshake = { sys: { ...CLIENT_SYS, protoVersion: 0 }, user };
        this.#send(encodePackage(PackageType.HANDSHAKE, utf8(JSON.stringify(handshake))));
      };
      ws.onmessage = (event) => this.#onData(new Uint8Array(event.data));
      ws.onerror = (event) => this.#emit('io-error', event);
      ws.onclose = (event) => this.#onClose(event);
    });
  }

  /** Sends a request; resolves with the response body, rejects when the connection ends first. */
  request(route, msg = {}) {
    if (this.#state !== 'connected') return Promise.reject(new Error(`not connected (${this.#state})`));
    this.#lastId = this.#lastId >= MAX_ID ? 1 : this.#lastId + 1;
    const id = this.#lastId;
    return new Promise((resolve, reject) => {
      const data = this.#encode(MessageType.REQUEST, id, route, msg);
      this.#pending.set(id, { route, resolve, reject });
      this.#send(encodePackage(PackageType.DATA, data));
    });
  }

  /** Sends a notify (no response). */
  notify(route, msg = {}) {
    if (this.#state !== 'connected') throw new Error(`not connected (${this.#state})`);
    this.#send(encodePackage(PackageType.DATA, this.#encode(MessageType.NOTIFY, 0, route, msg)));
  }

  /** Closes the connection; resolves once it is closed ('disconnect' emitted). */
  disconnect() {
    if (this.#state === 'idle') {
      this.#state = 'closed';
      return Promise.resolve();
    }
    if (this.#state !== 'closed') {
      this.#byClient = true;
      this.#closeReason ??= 'client disconnect';
      this.#ws.close(1000);
    }
    return this.#closed;
  }

  #encode(type, id, route, msg) {
    const body = this.#clientProtos.has(route) ? this.#clientProtos.encode(route, msg) : utf8(JSON.stringify(msg));
    return encodeMessage({ type, id, route, routeCode: this.#routeCodes.get(route) ?? 0, body });
  }

  #send(bytes) {
    if (this.#ws?.readyState === WebSocket.OPEN) this.#ws.send(bytes);
  }

  #abort(reason) {
    this.#closeReason ??= reason;
    this.#ws?.close();
  }

  #onData(bytes) {
    let packages;
    try {
      packages = decodePackages(bytes);
    } catch (e) {
      this.#emit('io-error', e);
      this.#abort(`bad package: ${e.message}`);
      return;
    }
    for (const p of packages) {
      if (this.#heartbeatTimeoutMs) this.#deadline = Date.now() + this.#heartbeatTimeoutMs;
      try {
        this.#onPackage(p);
      } catch (e) {
        this.#emit('io-error', e);
        this.#abort(`bad message: ${e.message}`);
        return;
      }
    }
  }

  #onPackage({ type, body }) {
    switch (type) {
      case PackageType.HANDSHAKE: return this.#onHandshake(JSON.parse(fromUtf8(body)));
      case PackageType.HEARTBEAT: return this.#onHeartbeat();
      case PackageType.DATA: return this.#onMessage(decodeMessage(body));
      case PackageType.KICK: {
        const kick = parseJson(body);
        this.#kicked = typeof kick.reason === 'string' ? kick.reason : 'kicked';
        this.#closeReason ??= `kick: ${this.#kicked}`;
        this.#emit('onKick', kick);
        return undefined;
      }
      default: throw new RangeError(`unknown package type ${type}`);
    }
  }

  #onHandshake(response) {
    const pending = this.#handshake;
    if (!pending) return;
    this.#handshake = null;
    clearTimeout(pending.timer);
    if (response.code !== HANDSHAKE_OK) {
      const why = response.code === HANDSHAKE_OLD_CLIENT ? 'client version not accepted' : 'handshake failed';
      pending.reject(new Error(`${why} (code ${response.code})`));
      this.#abort(`${why} (code ${response.code})`);
      return;
    }
    const sys = response.sys ?? {};
    if (sys.heartbeat) {
      this.#heartbeatMs = sys.heartbeat * 1000;
      this.#heartbeatTimeoutMs = this.#heartbeatMs * 2;
      this.#deadline = Date.now() + this.#heartbeatTimeoutMs;
    }
    if (sys.useDict && sys.dict) {
      for (const [route, code] of Object.entries(sys.dict)) {
        this.#routeCodes.set(route, code);
        this.#routes.set(code, route);
      }
    }
    if (sys.useProto && sys.protos) {
      this.#serverProtos = new Protobuf(sys.protos.server);
      this.#clientProtos = new Protobuf(sys.protos.client);
    }
    this.#send(encodePackage(PackageType.HANDSHAKE_ACK));
    this.#state = 'connected';
    this.#emit('connected', response);
    pending.resolve(response);
  }

  // pomelo-jsclient-websocket's scheme: on each server heartbeat wait one interval, send ours and expect the
  // next package within two intervals (any package moves the deadline).
  #onHeartbeat() {
    this.heartbeats++;
    this.#emit('heartbeat');
    if (!this.#heartbeatMs) return;
    clearTimeout(this.#timeoutTimer);
    this.#timeoutTimer = null;
    if (this.#heartbeatTimer) return;
    this.#heartbeatTimer = setTimeout(() => {
      this.#heartbeatTimer = null;
      this.#send(encodePackage(PackageType.HEARTBEAT));
      this.#deadline = Date.now() + this.#heartbeatTimeoutMs;
      this.#timeoutTimer = setTimeout(() => this.#checkTimeout(), this.#heartbeatTimeoutMs);
    }, this.#heartbeatMs);
  }

  #checkTimeout() {
    const gap = this.#deadline - Date.now();
    if (gap > TIMEOUT_SLACK_MS) {
      this.#timeoutTimer = setTimeout(() => this.#checkTimeout(), gap);
      return;
    }
    this.#emit('heartbeat timeout');
    this.#abort('heartbeat timeout');
  }

  #onMessage(m) {
    if (m.type === MessageType.RESPONSE) {
      const pending = this.#pending.get(m.id);
      if (!pending) return; // answered after its request was given up: ignore, as pomelo does
      this.#pending.delete(m.id);
      pending.resolve(this.#decodeBody(pending.route, m.body));
    } else if (m.type === MessageType.PUSH) {
      const route = m.route ?? this.#routes.get(m.routeCode);
      if (route === undefined) throw new RangeError(`unknown route code ${m.routeCode}`);
      this.#emit(route, this.#decodeBody(route, m.body));
    } else {
      throw new RangeError(`server sent message type ${m.type}`);
    }
  }

  #decodeBody(route, body) {
    return this.#serverProtos.has(route) ? this.#serverProtos.decode(route, body) : parseJson(body);
  }

  #onClose(event) {
    const wasConnecting = this.#state === 'connecting';
    this.#state = 'closed';
    clearTimeout(this.#heartbeatTimer);
    clearTimeout(this.#timeoutTimer);
    const reason = this.#closeReason ?? (wasConnecting ? 'cannot connect' : 'connection closed by the server');
    if (this.#handshake) {
      clearTimeout(this.#handshake.timer);
      this.#handshake.reject(new Error(reason));
      this.#handshake = null;
    }
    const error = new Error(`disconnected: ${reason}`);
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
    this.#emit('disconnect', { reason, code: event.code, wsReason: event.reason, byClient: this.#byClient,
      kicked: this.#kicked });
  }
}
