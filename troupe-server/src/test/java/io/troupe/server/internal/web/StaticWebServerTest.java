package io.troupe.server.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StaticWebServerTest {
    @TempDir
    Path root;

    private final List<AutoCloseable> open = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private URLClassLoader loader;

    @BeforeEach
    void files() throws IOException {
        WebFixture.writeTree(root);
        loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null);
        open.add(loader);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
        http.close();
    }

    private StaticWebServer track(StaticWebServer server) {
        open.add(server);
        return server;
    }

    private StaticWebServer classPathServer() {
        return track(StaticWebServer.start("127.0.0.1", 0, loader, "www/"));
    }

    private HttpResponse<byte[]> send(StaticWebServer server, String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(5))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> get(StaticWebServer server, String path) throws Exception {
        return send(server, "GET", path);
    }

    @Test
    void slashServesIndexHtmlWithNoCache() throws Exception {
        HttpResponse<byte[]> r = get(classPathServer(), "/");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(new String(r.body())).isEqualTo(WebFixture.INDEX);
        assertThat(r.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        assertThat(r.headers().firstValue("cache-control")).hasValue("no-cache");
        assertThat(r.headers().firstValue("content-length")).hasValue(Integer.toString(WebFixture.INDEX.length()));
    }

    @Test
    void contentTypesFollowTheExtension() throws Exception {
        StaticWebServer server = classPathServer();

        assertThat(get(server, "/app.js").headers().firstValue("content-type"))
                .hasValue("text/javascript; charset=utf-8");
        assertThat(get(server, "/style.css").headers().firstValue("content-type")).hasValue("text/css; charset=utf-8");
        assertThat(get(server, "/data.json").headers().firstValue("content-type")).hasValue("application/json");
        assertThat(get(server, "/favicon.ico").headers().firstValue("content-type")).hasValue("image/x-icon");
        assertThat(get(server, "/notes.unknownext").headers().firstValue("content-type"))
                .hasValue("application/octet-stream");
        HttpResponse<byte[]> png = get(server, "/img.png?v=2");
        assertThat(png.headers().firstValue("content-type")).hasValue("image/png");
        assertThat(png.body()).isEqualTo(WebFixture.PNG);
    }

    @Test
    void subdirectorySlashServesItsIndexButADirectoryItselfIsNotAFile() throws Exception {
        StaticWebServer server = classPathServer();

        assertThat(new String(get(server, "/sub/").body())).isEqualTo("sub index");
        assertThat(get(server, "/sub").statusCode()).isEqualTo(404);
    }

    @Test
    void headHasTheLengthButNoBody() throws Exception {
        HttpResponse<byte[]> r = send(classPathServer(), "HEAD", "/app.js");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-length")).hasValue("19");
        assertThat(r.body()).isEmpty();
    }

    @Test
    void missingFilesAre404AndOtherMethods405() throws Exception {
        StaticWebServer server = classPathServer();

        assertThat(get(server, "/nope.html").statusCode()).isEqualTo(404);
        HttpResponse<byte[]> post = send(server, "POST", "/index.html");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("allow")).hasValue("GET, HEAD");
        assertThat(send(server, "DELETE", "/index.html").statusCode()).isEqualTo(405);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/sub/../../secret.txt",
            "/..%5csecret.txt", "/..\\secret.txt", "//secret.txt", "/.hidden", "/%2ehidden", "/./index.html",
            "/index.html%00.png", "/C:/secret.txt", "/%zz", "../secret.txt", "http://127.0.0.1/../secret.txt"})
    void pathsThatCouldLeaveTheRootAreRefused(String target) throws Exception {
        for (StaticWebServer server : List.of(classPathServer(),
                track(StaticWebServer.builder().directory(root.resolve("www")).start()))) {
            String response = WebFixture.raw(server.port(), "GET " + target + " HTTP/1.1");

            assertThat(response).startsWith("HTTP/1.1 404").doesNotContain(WebFixture.SECRET);
        }
    }

    @Test
    void aSymbolicLinkOutOfTheDirectoryIsRefused() throws Exception {
        Path www = root.resolve("www");
        Files.createSymbolicLink(www.resolve("link.txt"), root.resolve("secret.txt"));
        StaticWebServer server = track(StaticWebServer.builder().directory(www).start());

        assertThat(get(server, "/link.txt").statusCode()).isEqualTo(404);
        assertThat(get(server, "/app.js").statusCode()).isEqualTo(200);
    }

    @Test
    void theDirectoryComesBeforeTheClassPath() throws Exception {
        Path dir = Files.createDirectory(root.resolve("override"));
        Files.writeString(dir.resolve("app.js"), "export const x = 2;");
        StaticWebServer server = track(StaticWebServer.builder().directory(dir).classPath(loader, "www").start());

        assertThat(new String(get(server, "/app.js").body())).isEqualTo("export const x = 2;");
        assertThat(new String(get(server, "/").body())).isEqualTo(WebFixture.INDEX);
    }

    @Test
    void filesInAJarAreServedButItsDirectoriesAreNot() throws Exception {
        Path jar = WebFixture.writeJar(Files.createTempFile(root, "web", ".jar"));
        URLClassLoader jarLoader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
        open.add(jarLoader);
        StaticWebServer server = track(StaticWebServer.start("127.0.0.1", 0, jarLoader, "www/"));

        assertThat(new String(get(server, "/").body())).isEqualTo(WebFixture.INDEX);
        assertThat(get(server, "/img.png").body()).isEqualTo(WebFixture.PNG);
        assertThat(get(server, "/sub").statusCode()).isEqualTo(404);
        assertThat(get(server, "/../secret.txt").statusCode()).isEqualTo(404);
    }

    @Test
    void configJsonIsAnsweredFromTheGivenJson() throws Exception {
        StaticWebServer server = track(StaticWebServer.builder().classPath(loader, "www/")
                .configJson("{\"gatePort\":3014}").start());

        HttpResponse<byte[]> r = get(server, "/config.json");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(new String(r.body())).isEqualTo("{\"gatePort\":3014}");
        assertThat(r.headers().firstValue("content-type")).hasValue("application/json");
    }

    @Test
    void keepAliveConnectionsServeSeveralRequests() throws Exception {
        StaticWebServer server = classPathServer();

        for (int i = 0; i < 5; i++) {
            assertThat(get(server, "/app.js").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void closeStopsServingAndIsIdempotent() throws Exception {
        StaticWebServer server = classPathServer();
        int port = server.port();
        assertThat(get(server, "/").statusCode()).isEqualTo(200);

        server.close();
        server.close();

        assertThatThrownBy(() -> WebFixture.raw(port, "GET / HTTP/1.1")).hasRootCauseInstanceOf(ConnectException.class);
    }

    @Test
    void nothingToServeIsRefused() {
        assertThatThrownBy(() -> StaticWebServer.builder().start()).isInstanceOf(IllegalArgumentException.class);
    }
}
