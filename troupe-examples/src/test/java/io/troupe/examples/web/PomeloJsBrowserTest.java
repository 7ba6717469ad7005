package io.troupe.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.troupe.server.internal.connector.ConnectorConfig;
import io.troupe.server.internal.connector.HybridConnector;
import io.troupe.server.internal.web.StaticWebServer;
import io.troupe.server.protocol.ProtoSchemas;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

/**
 * The page's own pomelo client ({@code chat/web/pomelo.js}) in a real headless Chromium, against a
 * {@link HybridConnector} with heartbeat, route dictionary and protos on, and an {@link EchoHandler}.
 */
class PomeloJsBrowserTest {
    private static final EchoHandler HANDLER = new EchoHandler();
    private static HybridConnector connector;
    private static StaticWebServer web;
    private static Browser browser;

    /** Every value kind of {@link EchoHandler#SAMPLE}: UTF-8 beyond the BMP, uInt32 above 2^31, negatives. */
    private static final String SAMPLE_JS = """
            {text: 'héllo ✓ 世界 🎉 <b>', n: 4000000000, delta: -123456, small: -1,
             codes: [0, 1, 127, 128, 300, 2147483648], tags: ['a', '', 'ü'],
             items: [{name: 'p', at: {x: -5, y: 7}}, {name: 'q'}], ratio: 0.1, half: 0.5}""";

    @BeforeAll
    static void start() {
        connector = HybridConnector.start(ConnectorConfig.builder().host("127.0.0.1").port(0).ioThreads(1)
                .heartbeat(Duration.ofSeconds(1)).codec(EchoHandler.CODEC).build(), HANDLER);
        web = StaticWebServer.start("127.0.0.1", 0, PomeloJsBrowserTest.class.getClassLoader(), "chat/web/");
        browser = Browser.open();
        browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (web != null) {
            web.close();
        }
        if (connector != null) {
            connector.close();
        }
    }

    @BeforeEach
    void openPage() {
        browser.driver().get("http://127.0.0.1:" + web.port() + "/test/pomelo-test.html");
        browser.waitUntil().until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    @AfterEach
    void screenshot(TestInfo test) {
        browser.screenshot("PomeloJsBrowserTest-" + test.getTestMethod().orElseThrow().getName());
    }

    /** Runs {@code body} (an async function body; {@code args} holds the arguments) and parses its JSON result. */
    private static JsonNode run(String body, Object... args) {
        String script = "const done = arguments[arguments.length - 1];"
                + "const args = Array.from(arguments).slice(0, -1);"
                + "(async () => {" + body + "})().then(r => done(JSON.stringify(r ?? null)),"
                + " e => done(JSON.stringify({error: String(e && e.stack || e)})));";
        Object result = browser.driver().executeAsyncScript(script, args);
        JsonNode json = EchoHandler.json((String) result);
        assertThat(json.path("error").isMissingNode()).as("script error: %s", json.path("error")).isTrue();
        return json;
    }

    private static String connectJs(int port) {
        return "const client = new window.pomelo.PomeloClient(); window.client = client;"
                + "const events = []; window.events = events;"
                + "for (const e of ['onSample', 'plainPush', 'onKick', 'disconnect', 'connected'])"
                + "  client.on(e, body => events.push([e, body]));"
                + "const handshake = await client.connect({host: '127.0.0.1', port: " + port + "});";
    }

    @Test
    void codecProducesTheReferenceBytes() {
        // the byte examples of the reference (observed against pinus 1.7.4), with protos in the handshake's form
        String clientProtos = ProtoSchemas.parse(EchoHandler.json(
                "{\"chat.chatHandler.send\":{\"required string content\":1,\"required string target\":2}}"))
                .toParsedJson().toString();
        String serverProtos = ProtoSchemas.parse(EchoHandler.json("{\"onChat\":{\"required string msg\":1,"
                + "\"required string from\":2,\"required string target\":3}}")).toParsedJson().toString();

        JsonNode r = run("""
                const p = window.pomelo;
                const hex = b => Array.from(b, x => x.toString(16).padStart(2, '0')).join(' ');
                const unhex = s => Uint8Array.from(s.split(' '), x => parseInt(x, 16));
                const client = new p.Protobuf(JSON.parse(args[0]));
                const server = new p.Protobuf(JSON.parse(args[1]));
                const request = p.encodePackage(p.PackageType.DATA, p.encodeMessage({type: p.MessageType.REQUEST,
                    id: 300, routeCode: 1, body: client.encode('chat.chatHandler.send', {content: 'hi', target: '*'})}));
                const query = p.encodeMessage({type: p.MessageType.REQUEST, id: 1, route: 'gate.gateHandler.queryEntry',
                    body: p.utf8('{"uid":"alice"}')});
                const [pkg] = p.decodePackages(unhex('04 00 00 11 07 00 05 0a 02 68 69 12 05 61 6c 69 63 65 1a 01 2a'));
                const push = p.decodeMessage(pkg.body);
                let missing;
                try { client.encode('chat.chatHandler.send', {content: 'x'}); } catch (e) { missing = e.message; }
                return {request: hex(request), query: hex(query.subarray(0, 3)), pushType: push.type,
                    pushCode: push.routeCode, pushBody: server.decode('onChat', push.body), missing,
                    ack: hex(p.encodePackage(p.PackageType.HANDSHAKE_ACK))};
                """, clientProtos, serverProtos);

        assertThat(r.path("request").asString()).isEqualTo("04 00 00 0c 01 ac 02 00 01 0a 02 68 69 12 01 2a");
        assertThat(r.path("query").asString()).isEqualTo("00 01 1b");
        assertThat(r.path("ack").asString()).isEqualTo("02 00 00 00");
        assertThat(r.path("pushType").asInt()).isEqualTo(3);
        assertThat(r.path("pushCode").asInt()).isEqualTo(5);
        assertThat(r.path("pushBody")).isEqualTo(EchoHandler.json("{\"msg\":\"hi\",\"from\":\"alice\",\"target\":\"*\"}"));
        assertThat(r.path("missing").asString()).contains("target").contains("required");
    }

    @Test
    void handshakeRequestsAndHeartbeats() {
        JsonNode r = run(connectJs(connector.port()) + """
                const json = await client.request('test.echo.json', {hello: 'wörld', n: [1, 2]});
                const plain = await client.request('test.other.route', {x: 1});
                // the connector drops clients that stop answering heartbeats after 2 s: outlive that
                await new Promise(resolve => { const check = () => client.heartbeats >= 3 ? resolve() : setTimeout(check, 50);
                                               check(); });
                const after = await client.request('test.echo.json', {still: true});
                return {sys: handshake.sys, json, plain, after, state: client.state, heartbeats: client.heartbeats};
                """);

        assertThat(r.path("sys").path("heartbeat").asInt()).isEqualTo(1);
        assertThat(r.path("sys").path("useDict").asBoolean()).isTrue();
        assertThat(r.path("sys").path("useProto").asBoolean()).isTrue();
        assertThat(r.path("json")).isEqualTo(EchoHandler.json(
                "{\"echo\":{\"hello\":\"wörld\",\"n\":[1,2]},\"transport\":\"ws\"}"));
        assertThat(r.path("plain").path("echo")).isEqualTo(EchoHandler.json("{\"x\":1}"));
        assertThat(r.path("after").path("echo").path("still").asBoolean()).isTrue();
        assertThat(r.path("state").asString()).isEqualTo("connected");
        assertThat(HANDLER.closed).doesNotContain("heartbeat timeout");
    }

    @Test
    void protobufRoundTripThroughTheServer() {
        JsonNode r = run(connectJs(connector.port()) + "const sample = " + SAMPLE_JS + ";"
                + """
                const echoed = await client.request('test.echo.proto', sample);
                await client.disconnect();
                return {sent: JSON.stringify(sample), echoed: JSON.stringify(echoed)};
                """);

        assertThat(r.path("echoed").asString()).isEqualTo(r.path("sent").asString());
        JsonNode decoded = HANDLER.received.get("test.echo.proto");
        assertThat(decoded.path("text").asString()).isEqualTo("héllo ✓ 世界 🎉 <b>");
        assertThat(decoded.path("n").asLong()).isEqualTo(4_000_000_000L);
        assertThat(decoded.path("delta").asInt()).isEqualTo(-123456);
        assertThat(decoded.path("codes").toString()).isEqualTo("[0,1,127,128,300,2147483648]");
        assertThat(decoded.path("items").get(0).path("at").path("x").asInt()).isEqualTo(-5);
    }

    @Test
    void pushesWithCompressedRouteAndProtobufAndWithPlainRouteAndJson() {
        JsonNode r = run(connectJs(connector.port()) + "const sample = " + SAMPLE_JS + ";"
                + """
                const answer = await client.request('test.echo.push', {sample, plain: {hi: '<i>there</i>'}});
                client.notify('test.echo.note', {n: 7});
                await new Promise(resolve => { const check = () => events.length >= 4 ? resolve() : setTimeout(check, 20);
                                               check(); });
                await client.disconnect();
                return {answer, events: events.filter(e => e[0] !== 'disconnect'), sent: sample};
                """);

        assertThat(r.path("answer")).isEqualTo(EchoHandler.json("{}"));
        JsonNode events = r.path("events");
        assertThat(events.get(0).get(0).asString()).isEqualTo("connected");
        assertThat(events.get(1).get(0).asString()).isEqualTo("onSample");
        assertThat(events.get(1).get(1)).isEqualTo(r.path("sent"));
        assertThat(events.get(2).toString()).isEqualTo("[\"plainPush\",{\"hi\":\"<i>there</i>\"}]");
        assertThat(events.get(3).toString()).isEqualTo("[\"plainPush\",{\"notified\":{\"n\":7}}]");
    }

    @Test
    void kickEmitsOnKickThenDisconnectAndFailsPendingRequests() throws InterruptedException {
        HANDLER.closed.clear();
        JsonNode r = run(connectJs(connector.port()) + """
                let failure;
                try { await client.request('test.echo.kick', {reason: 'bye'}); } catch (e) { failure = e.message; }
                let refused;
                try { await client.request('test.echo.json', {}); } catch (e) { refused = e.message; }
                return {failure, refused, events, state: client.state};
                """);

        assertThat(r.path("failure").asString()).isEqualTo("disconnected: kick: bye");
        assertThat(r.path("refused").asString()).contains("not connected");
        assertThat(r.path("state").asString()).isEqualTo("closed");
        JsonNode events = r.path("events");
        assertThat(events.get(1).toString()).isEqualTo("[\"onKick\",{\"reason\":\"bye\"}]");
        assertThat(events.get(2).get(0).asString()).isEqualTo("disconnect");
        assertThat(events.get(2).get(1).path("kicked").asString()).isEqualTo("bye");
        assertThat(events.get(2).get(1).path("byClient").asBoolean()).isFalse();
        assertThat(HANDLER.closed.poll(10, TimeUnit.SECONDS)).isEqualTo("kick: bye");
    }

    @Test
    void disconnectByTheClientAndByServerShutdown() throws InterruptedException {
        HANDLER.closed.clear();
        JsonNode own = run(connectJs(connector.port()) + "await client.disconnect(); return events.at(-1);");
        assertThat(own.get(1).path("byClient").asBoolean()).isTrue();
        assertThat(HANDLER.closed.poll(10, TimeUnit.SECONDS)).isNotNull();

        EchoHandler handler = new EchoHandler();
        try (HybridConnector other = HybridConnector.start(ConnectorConfig.builder().host("127.0.0.1").port(0)
                .ioThreads(1).heartbeat(Duration.ofSeconds(1)).codec(EchoHandler.CODEC).build(), handler)) {
            run(connectJs(other.port()) + "return client.state;");
            other.close();
            JsonNode lost = run("""
                    await new Promise(resolve => { const check = () => window.client.state === 'closed' ? resolve()
                        : setTimeout(check, 20); check(); });
                    return window.events.at(-1);
                    """);
            assertThat(lost.get(0).asString()).isEqualTo("disconnect");
            assertThat(lost.get(1).path("byClient").asBoolean()).isFalse();
            assertThat(lost.get(1).path("kicked").isNull()).isTrue();
            assertThat(handler.closed.poll(10, TimeUnit.SECONDS)).isEqualTo("server shutdown");
        }
    }

    @Test
    void connectingToNothingFails() {
        JsonNode r = run("""
                const client = new window.pomelo.PomeloClient();
                try { await client.connect({host: '127.0.0.1', port: args[0]}); return {ok: true}; }
                catch (e) { return {failed: e.message, state: client.state}; }
                """, freePort());

        assertThat(r.path("failed").asString()).isNotEmpty();
        assertThat(r.path("state").asString()).isEqualTo("closed");
    }

    private static int freePort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
