// Minimal pinus 1.7.4 app for `bench/run broadcast`: master + 1 connector (hybridconnector,
// WebSocket) + 1 chat server. Routes:
//   connector.entryHandler.entry {uid, room}  binds the session and joins channel `room` on the chat server
//   chat.chatHandler.send {msg}                 pushes `onChat` {msg} to every member of the sender's room
// Start: node app.js env=bench   (ports in config/; the connector's client port is 13050).
'use strict';
require('reflect-metadata'); // pinus-loader reads decorator metadata
const { pinus } = require('pinus');

const app = pinus.createApp();
app.set('name', 'troupe-bench-broadcast');

app.configure('bench', 'connector', () => {
    app.set('connectorConfig', {
        connector: pinus.connectors.hybridconnector,
        heartbeat: 30,      // seconds; the load client answers heartbeats
        useDict: false,
        useProtobuf: false,
        distinctHost: true, // bind the client port to 127.0.0.1 only
    });
});

// One chat server holds the room; every chat request goes there.
app.route('chat', (session, msg, app, cb) => cb(null, app.getServersByType('chat')[0].id));

app.start();

process.on('uncaughtException', (err) => console.error('uncaught exception:', err && err.stack || err));
