// The chat page (pinus demo's client.js, section 4.3 of the reference): gate → queryEntry → connector → enter →
// chat view; pushes onChat/onAdd/onLeave; back to the login view on disconnect, then reconnection with
// exponential backoff into the same room under the same name.

import { PomeloClient } from './pomelo.js';
import * as view from './view.js';

const $ = (id) => document.getElementById(id);

const NAME_PATTERN = /^[a-zA-Z0-9_\u4e00-\u9fa5]+$/;
export const MESSAGES = Object.freeze({
  length: 'Name/Channel is too long or too short. 20 character max.',
  characters: "Bad character in Name/Channel. Can only have letters, numbers, Chinese characters, and '_'",
  noServer: 'There is no server to log in, please wait.',
  duplicate: 'Please change your name to login.',
  unreachable: 'Cannot reach the chat server.',
});

const DEFAULTS = { gatePort: 3014, reconnect: { firstDelayMs: 500, maxDelayMs: 8000, maxAttempts: 8 } };

/** A failed login; retry: whether trying again later may help (server down) or not (name taken). */
class LoginError extends Error {
  constructor(message, retry) {
    super(message);
    this.retry = retry;
  }
}

// client: the connector connection in use; pending: the one being entered (its pushes wait in `early`).
const session = { client: null, pending: null, early: [], username: '', rid: '', attempt: 0, timer: null,
  joining: false };
let config = DEFAULTS;

/** The demo's checks: '' when fine, else the message to show. */
export function validate(name, room) {
  if (name.length < 1 || name.length > 20 || room.length < 1 || room.length > 20) return MESSAGES.length;
  if (!NAME_PATTERN.test(name) || !NAME_PATTERN.test(room)) return MESSAGES.characters;
  return '';
}

async function loadConfig() {
  try {
    const response = await fetch('config.json', { cache: 'no-store' });
    const loaded = response.ok ? await response.json() : {};
    return { ...DEFAULTS, ...loaded, reconnect: { ...DEFAULTS.reconnect, ...loaded.reconnect } };
  } catch {
    return DEFAULTS;
  }
}

async function queryEntry(username) {
  const gate = new PomeloClient();
  try {
    await gate.connect({ host: config.gateHost ?? location.hostname, port: config.gatePort });
    return await gate.request('gate.gateHandler.queryEntry', { uid: username });
  } catch {
    throw new LoginError(MESSAGES.unreachable, true);
  } finally {
    gate.disconnect();
  }
}

/** Runs `apply` for pushes of the client in use; holds those of the client being entered until it is in use. */
function deliver(client, apply) {
  if (client === session.client) apply();
  else if (client === session.pending) session.early.push(apply);
}

function listen(client) {
  client.on('onChat', ({ msg, from, target }) => deliver(client, () => {
    view.addMessage(from, target, msg, from === session.username);
    if (from !== session.username) view.tip(`${from} is saying now.`);
  }));
  client.on('onAdd', ({ user }) => deliver(client, () => {
    if (user === session.username || !view.addUser(user)) return; // pinus may tell a joiner about itself
    view.addNotice(`${user} is online now.`, 'add');
    view.tip(`${user} is online now.`);
  }));
  client.on('onLeave', ({ user }) => deliver(client, () => {
    view.removeUser(user);
    view.addNotice(`${user} is offline now.`, 'leave');
    view.tip(`${user} is offline now.`);
  }));
  client.on('disconnect', (info) => {
    if (client === session.client) connectionLost(info);
  });
}

async function enter(username, rid) {
  const entry = await queryEntry(username);
  if (entry.code === 500 || !entry.port) throw new LoginError(MESSAGES.noServer, true);
  const client = new PomeloClient();
  session.pending = client;
  session.early = [];
  listen(client);
  try {
    await client.connect({ host: entry.host || location.hostname, port: entry.port });
    const data = await client.request('connector.entryHandler.enter', { username, rid });
    if (data.error || data.code === 500) throw new LoginError(MESSAGES.duplicate, false);
    return { client, users: Array.isArray(data.users) ? data.users : [] };
  } catch (e) {
    session.pending = null;
    client.disconnect();
    throw e instanceof LoginError ? e : new LoginError(MESSAGES.unreachable, true);
  }
}

async function join(username, rid, reconnecting) {
  if (session.joining) return;
  session.joining = true;
  $('login').disabled = true;
  document.body.dataset.state = reconnecting ? 'reconnecting' : 'joining';
  try {
    const { client, users } = await enter(username, rid);
    if (!reconnecting || session.username !== username || session.rid !== rid) $('chatHistory').replaceChildren();
    Object.assign(session, { client, pending: null, username, rid, attempt: 0 });
    view.setIdentity(username, rid);
    view.setUsers(users);
    view.loginMessage('');
    if (reconnecting) view.addNotice('Reconnected.', 'reconnected');
    view.show('chat');
    const early = session.early;
    session.early = [];
    early.forEach((apply) => apply());
  } catch (e) {
    if (reconnecting && e.retry) {
      scheduleReconnect(e.message);
    } else {
      view.show('login');
      view.loginMessage(e.message);
    }
  } finally {
    session.joining = false;
    $('login').disabled = false;
  }
}

function connectionLost(info) {
  session.client = null;
  view.addNotice(`Disconnected: ${info.reason}.`, 'disconnected');
  if (info.kicked) {
    view.show('login');
    view.loginMessage(`You were disconnected by the server: ${info.kicked}.`);
    return;
  }
  session.attempt = 0;
  scheduleReconnect(info.reason);
}

function scheduleReconnect(reason) {
  const { firstDelayMs, maxDelayMs, maxAttempts } = config.reconnect;
  session.attempt += 1;
  if (session.attempt > maxAttempts) {
    view.show('login');
    view.loginMessage(`Disconnected from the server (${reason}). Could not reconnect after ${maxAttempts} `
      + 'attempts: press join to try again.');
    return;
  }
  const delay = Math.min(firstDelayMs * 2 ** (session.attempt - 1), maxDelayMs);
  view.show('login', 'reconnecting');
  view.loginMessage(`Disconnected from the server (${reason}). Reconnecting to room ${session.rid} as `
    + `${session.username} in ${(delay / 1000).toFixed(1)} s (attempt ${session.attempt} of ${maxAttempts})…`,
  'info');
  session.timer = setTimeout(() => {
    session.timer = null;
    join(session.username, session.rid, true);
  }, delay);
}

function cancelReconnect() {
  clearTimeout(session.timer);
  session.timer = null;
  session.attempt = 0;
}

async function send() {
  const entry = $('entry');
  const content = entry.value;
  const client = session.client;
  if (!client || !content.trim()) return;
  const target = view.selectedTarget();
  try {
    await client.request('chat.chatHandler.send',
      { rid: session.rid, content, from: session.username, target });
  } catch (e) {
    view.addNotice(`Not sent (${e.message}).`, 'error');
    return;
  }
  if (entry.value === content) entry.value = '';
  // the server does not echo private messages to their sender
  if (target !== view.ALL && target !== session.username) view.addMessage(session.username, target, content, true);
}

function leave() {
  const client = session.client;
  session.client = null;
  cancelReconnect();
  client?.disconnect();
  view.show('login');
  view.loginMessage('You left the room.', 'info');
}

config = await loadConfig();
$('loginForm').addEventListener('submit', (event) => {
  event.preventDefault();
  if (session.joining) return;
  cancelReconnect();
  const name = $('loginUser').value;
  const room = $('channelList').value;
  const problem = validate(name, room);
  if (problem) {
    view.loginMessage(problem);
    return;
  }
  view.loginMessage('');
  join(name, room, false);
});
$('entry').addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.isComposing) send();
});
$('leave').addEventListener('click', leave);
view.show('login');
document.body.dataset.ready = 'true';
