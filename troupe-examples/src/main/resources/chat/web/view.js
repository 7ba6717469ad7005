// The chat page's DOM: views, the user list, the message list. Every name and text goes in through textContent
// (or an option's value/text), never as HTML.

const $ = (id) => document.getElementById(id);

export const ALL = '*';

/** Shows the login view or the chat view; body[data-state] tells tests and CSS where the page is. */
export function show(view, state = view) {
  $('loginView').hidden = view !== 'login';
  $('chatView').hidden = view !== 'chat';
  document.body.dataset.state = state;
  if (view === 'chat') $('entry').focus();
}

/** The message under the login form ('' clears it); kind: 'error' or 'info'. */
export function loginMessage(text, kind = 'error') {
  const p = $('loginError');
  p.textContent = text;
  p.dataset.kind = text ? kind : '';
}

export function setIdentity(name, room) {
  $('name').textContent = name;
  $('room').textContent = room;
}

export function setUsers(users) {
  const list = $('usersList');
  list.replaceChildren(option(ALL, 'all'));
  for (const user of users) addUser(user);
}

export function addUser(user) {
  const list = $('usersList');
  if ([...list.options].some((o) => o.value === user)) return false;
  list.append(option(user, user));
  return true;
}

export function removeUser(user) {
  for (const o of [...$('usersList').options]) {
    if (o.value === user && o.value !== ALL) o.remove();
  }
}

export function selectedTarget() {
  return $('usersList').value || ALL;
}

function option(value, label) {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = label;
  return o;
}

const twoDigits = (n) => String(n).padStart(2, '0');

/** A message row: time, "<from> says to <all|target>:", text. Own messages get the class 'own'. */
export function addMessage(from, target, text, own) {
  const row = document.createElement('div');
  row.className = 'message';
  row.classList.toggle('own', own);
  row.classList.toggle('private', target !== ALL);
  row.dataset.from = from;
  row.dataset.target = target;
  const now = new Date();
  row.append(
    span('time', `${twoDigits(now.getHours())}:${twoDigits(now.getMinutes())}`),
    span('from', `${from} says to ${target === ALL ? 'all' : target}:`),
    span('text', text),
  );
  append(row);
}

/** A notice line in the history (someone came or went, reconnection …); kind ends up in data-kind. */
export function addNotice(text, kind) {
  const row = document.createElement('div');
  row.className = 'notice';
  row.dataset.kind = kind;
  row.textContent = text;
  append(row);
}

/** A short-lived tip, as the demo's pop-ups ("X is saying now."). */
export function tip(text) {
  const t = $('tip');
  t.textContent = text;
  t.classList.remove('fade');
  void t.offsetWidth; // restart the CSS animation
  t.classList.add('fade');
}

function span(cls, text) {
  const s = document.createElement('span');
  s.className = cls;
  s.textContent = text;
  return s;
}

function append(row) {
  const history = $('chatHistory');
  const atBottom = history.scrollHeight - history.scrollTop - history.clientHeight < 40;
  history.append(row);
  if (atBottom) history.scrollTop = history.scrollHeight;
}
