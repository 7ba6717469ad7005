'use strict';

/** connector.entryHandler.entry {uid, room}: binds the session to uid and joins `room` on the chat server. */
class EntryHandler {
    constructor(app) {
        this.app = app;
    }

    async entry(msg, session) {
        const uid = String(msg.uid);
        const room = String(msg.room || 'room');
        await session.abind(uid);
        session.set('room', room);
        await session.apush('room');
        session.on('closed', (s) => {
            if (s && s.uid) this.app.rpc.chat.chatRemote.leave.route(s, true)(s.uid, this.app.getServerId(), room);
        });
        const members = await this.app.rpc.chat.chatRemote.join.route(session)(uid, this.app.getServerId(), room);
        return { code: 200, members };
    }
}

// pinus-loader calls the default export with the app.
module.exports.default = (app) => new EntryHandler(app);
