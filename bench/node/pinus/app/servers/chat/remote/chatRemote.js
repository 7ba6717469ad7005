'use strict';

/** Room membership on the chat server: one pinus channel per room. */
class ChatRemote {
    constructor(app) {
        this.app = app;
        this.channels = app.get('channelService');
    }

    /** Adds uid (connected to frontend sid) to the room; returns the member count. */
    async join(uid, sid, room) {
        const channel = this.channels.getChannel(room, true);
        channel.add(uid, sid);
        return channel.getUserAmount();
    }

    async leave(uid, sid, room) {
        const channel = this.channels.getChannel(room, false);
        if (channel) channel.leave(uid, sid);
    }
}

// pinus-loader calls the default export with the app.
module.exports.default = (app) => new ChatRemote(app);
