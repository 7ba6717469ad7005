package io.troupe.examples.pinuschat;

import static org.assertj.core.api.Assertions.assertThat;

import io.troupe.examples.pinuschat.ChatPage.Line;
import io.troupe.server.ServerApp;
import io.troupe.server.client.PomeloClient;
import io.troupe.server.config.AppConfig;
import io.troupe.server.internal.web.StaticWebServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The chat page of seed 004 ({@code chat/web/}) in headless Chromium against the chat cluster: what the pinus demo's
 * page does (reference §4.3) plus reconnection, own-message marking and no HTML injection.
 */
class ChatPageBrowserTest {
    private static final String FAST_RECONNECT = "{\"firstDelayMs\":200,\"maxDelayMs\":1000,\"maxAttempts\":40}";

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }

    private <T extends AutoCloseable> T track(T resource) {
        open.add(resource);
        return resource;
    }

    /** Serves the page with {@code /config.json} naming the gate port; returns the page's URL. */
    private String web(int gatePort, String reconnect) {
        StaticWebServer web = track(StaticWebServer.builder()
                .classPath(ChatPageBrowserTest.class.getClassLoader(), "chat/web/")
                .configJson("{\"gatePort\":" + gatePort + ",\"reconnect\":" + reconnect + "}")
                .start());
        return "http://127.0.0.1:" + web.port() + "/";
    }

    private ChatPage page(String url) {
        return track(new ChatPage(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "production"})
    void usersChatInRoomsWithPrivateMessagesAndLeaving(String environment) {
        ChatFixture chat = track(new ChatFixture(environment, PomeloClient.Transport.WEBSOCKET, dir));
        String url = web(chat.gatePort, FAST_RECONNECT);

        ChatPage alice = page(url).login("alice", "r1");
        assertThat(alice.name()).isEqualTo("alice");
        assertThat(alice.room()).isEqualTo("r1");
        alice.awaitUsers("*", "alice");
        ChatPage bob = page(url).login("bob", "r1");
        bob.awaitUsers("*", "alice", "bob");
        alice.awaitUsers("*", "alice", "bob");
        alice.awaitLine("add", "bob is online now.");
        ChatPage carol = page(url).login("carol", "r2");
        carol.awaitUsers("*", "carol");

        // to all: every member of the room, the sender's own line marked; markup stays text
        String markup = "hello <b>all</b> & <img src=x onerror=alert(1)>";
        alice.send("*", markup);
        assertThat(bob.awaitLine("message", markup)).isEqualTo(new Line("message", "alice", "*", markup, false, false));
        assertThat(alice.awaitLine("message", markup)).isEqualTo(new Line("message", "alice", "*", markup, true, false));

        // private: only the target gets it from the server; the sender shows it locally, as in the demo
        bob.send("alice", "psst alice");
        assertThat(alice.awaitLine("message", "psst alice")).isEqualTo(
                new Line("message", "bob", "alice", "psst alice", false, false));
        assertThat(bob.awaitLine("message", "psst alice").own()).isTrue();

        // rooms are separate: r2's message never reaches r1, and r1's never reached r2
        carol.send("*", "only in r2");
        carol.awaitLine("message", "only in r2");
        bob.send("*", "last in r1");
        alice.awaitLine("message", "last in r1");
        assertThat(alice.messages()).extracting(Line::text).containsExactly(markup, "psst alice", "last in r1");
        assertThat(carol.messages()).extracting(Line::text).containsExactly("only in r2");
        alice.screenshot("ChatPageBrowserTest-" + environment + "-alice");

        // bob closes his tab: alice is told and he leaves her list
        bob.close();
        alice.awaitLine("leave", "bob is offline now.");
        alice.awaitUsers("*", "alice");

        // carol leaves with the button: back to the login view, no reconnection
        carol.leave();
        assertThat(carol.loginMessage()).isEqualTo("You left the room.");
    }

    @Test
    void aTakenNameInTheRoomIsRefused() {
        ChatFixture chat = track(new ChatFixture("development", PomeloClient.Transport.WEBSOCKET, dir));
        String url = web(chat.gatePort, FAST_RECONNECT);
        page(url).login("alice", "r1");

        ChatPage second = page(url);
        second.submit("alice", "r1");

        second.awaitLoginMessage("Please change your name to login.");
        assertThat(second.state()).isEqualTo("login");
    }

    @Test
    void namesAndRoomsAreCheckedAsInTheDemoAndAnUnreachableGateIsReported() throws Exception {
        ChatPage page = page(web(freePort(), FAST_RECONNECT));

        page.submit("", "r1");
        page.awaitLoginMessage("Name/Channel is too long or too short. 20 character max.");
        page.submit("a".repeat(21), "r1");
        page.awaitLoginMessage("Name/Channel is too long or too short. 20 character max.");
        page.submit("bad name!", "r1");
        page.awaitLoginMessage("Bad character in Name/Channel. Can only have letters, numbers, Chinese characters,"
                + " and '_'");
        page.submit("张_3", "r1");
        page.awaitLoginMessage("Cannot reach the chat server.");
        assertThat(page.state()).isEqualTo("login");
    }

    @Test
    void theConnectionLostTakesUsersBackToLoginAndTheyReenterWhenTheServerComesBack() {
        ChatFixture chat = track(new ChatFixture("development", PomeloClient.Transport.WEBSOCKET, dir));
        String url = web(chat.gatePort, FAST_RECONNECT);
        ChatPage alice = page(url).login("alice", "r1");
        ChatPage bob = page(url).login("bob", "r1");
        alice.awaitUsers("*", "alice", "bob");

        chat.close();
        alice.awaitState("reconnecting");
        alice.awaitLoginMessage("Disconnected from the server (connection closed by the server)");
        assertThat(alice.loginMessage()).contains("Reconnecting to room r1 as alice");
        alice.screenshot("ChatPageBrowserTest-reconnecting");

        ServerApp.Cluster again = track(ChatApp.app().start(AppConfig.load(dir.resolve("config"), "development")));
        alice.awaitState("chat");
        bob.awaitState("chat");
        alice.awaitLine("reconnected", "Reconnected.");
        assertThat(alice.name()).isEqualTo("alice");
        assertThat(alice.room()).isEqualTo("r1");
        alice.browser.waitUntil().until(d -> Set.copyOf(alice.users()).equals(Set.of("*", "alice", "bob")));
        alice.send("*", "back again");
        bob.awaitLine("message", "back again");
        assertThat(again).isNotNull();
    }

    @Test
    void afterTheLastAttemptThePageSaysSoAndWaitsForTheUser() {
        ChatFixture chat = track(new ChatFixture("development", PomeloClient.Transport.WEBSOCKET, dir));
        String url = web(chat.gatePort, "{\"firstDelayMs\":100,\"maxDelayMs\":200,\"maxAttempts\":2}");
        ChatPage alice = page(url).login("alice", "r1");

        chat.close();

        alice.awaitLoginMessage("Could not reconnect after 2 attempts: press join to try again.");
        assertThat(alice.state()).isEqualTo("login");
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
