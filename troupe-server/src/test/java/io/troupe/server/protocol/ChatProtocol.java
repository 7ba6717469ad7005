package io.troupe.server.protocol;

import java.util.List;

/** The chat demo's dictionary and protos (reference §2.6 and §4.1). */
final class ChatProtocol {
    static final List<String> HANDLER_ROUTES = List.of("gate.gateHandler.queryEntry", "connector.entryHandler.enter",
            "connector.entryHandler.onUserLeave", "chat.chatHandler.send");
    static final RouteDictionary DICT = RouteDictionary.build(HANDLER_ROUTES, List.of("onChat"));
    static final Protos PROTOS = Protos.parse(
            Bytes.json("{\"onChat\":{\"required string msg\":1,\"required string from\":2,\"required string target\":3},"
                    + "\"chat.chatHandler.send\":{}}"),
            Bytes.json("{\"chat.chatHandler.send\":{\"required string content\":1,\"required string target\":2}}"));
    static final MessageCodec CODEC = new MessageCodec(DICT, PROTOS);

    private ChatProtocol() {
    }
}
