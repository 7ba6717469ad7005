package io.troupe.examples.pinuschat;

import io.troupe.server.client.PomeloClient;

/** Runs the demo's checklist against a chat cluster started elsewhere, given its gate port (for other test packages). */
public final class ChatChecklist {
    private ChatChecklist() {
    }

    public static void run(int gatePort, PomeloClient.Transport transport) {
        ChatClusterTest.checklist(new ChatFixture(gatePort, transport));
    }
}
