'use strict';

/** chat.chatHandler.send {msg, room?}: the server fans out `onChat` {msg} to every member of the room. */
class ChatHandler {
    constructor(app) {
        this.app = app;
        this.channels = app.get('channelService');
    }

    async send(msg, session) {
        const room = String(msg.room || session.get('room') || 'room');
        const channel = this.channels.getChannel(room, false);
        if (!channel) return { code: 404 };
        channel.pushMessage('onChat', { msg: msg.msg });
    }
}

// pinus-loader calls the default export with the app.
module.exports.default = (app) => new ChatHandler(app);
