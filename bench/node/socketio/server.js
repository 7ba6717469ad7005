// socket.io 4.8 peer for `bench/run broadcast`: WebSocket transport only, no per-message deflate.
//   client -> "join" (with ack)   joins room "room"
//   client -> "msg" <payload>     the server emits "msg" <payload> to every member of "room"
// Usage: node server.js PORT   (listens on 127.0.0.1; prints "READY <port>" when listening)
'use strict';
const http = require('http');
const { Server } = require('socket.io');

const port = Number(process.argv[2] || 13060);
const httpServer = http.createServer();
const io = new Server(httpServer, {
    transports: ['websocket'],
    perMessageDeflate: false,
    httpCompression: false,
    serveClient: false,
    pingInterval: 25000,
    pingTimeout: 60000,
});

// Recommended by socket.io's memory-usage guide: drop the HTTP request kept by each connection.
io.engine.on('connection', (rawSocket) => { rawSocket.request = null; });

io.on('connection', (socket) => {
    socket.on('join', (ack) => {
        socket.join('room');
        if (typeof ack === 'function') ack();
    });
    socket.on('msg', (payload) => io.to('room').emit('msg', payload));
});

httpServer.listen(port, '127.0.0.1', () => console.log(`READY ${port}`));
