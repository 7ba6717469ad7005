package io.troupe.node;

import io.troupe.Name;
import io.troupe.Pid;
import io.troupe.Troupe;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class TransportsTest {
    @TempDir
    static Path keys;
    private static SSLContext context;

    @BeforeAll
    static void makeKeys() throws Exception {
        context = selfSigned(keys);
    }

    private static Object roundTrip(Node from, Node to) throws Exception {
        Pid echo = to.runtime().spawn(() -> {
            Messages.Ping ping = Troupe.receive(Messages.Ping.class);
            Troupe.send(ping.from(), new Messages.Pong(ping.round()));
        });
        to.runtime().register("echo", echo);
        return from.runtime().call(() -> {
            Troupe.send(Name.of("echo", to.node()), new Messages.Ping(Troupe.self(), 7));
            return Troupe.receive(Duration.ofSeconds(5));
        });
    }

    @Test
    void unixDomainSockets(@TempDir Path directory) throws Exception {
        try (Cluster cluster = new Cluster()) {
            Node a = cluster.start("a", options -> options.withTransport(Transport.unix(directory)));
            Node b = cluster.start("b", options -> options.withTransport(Transport.unix(directory)));
            assertThat(a.address().getScheme()).isEqualTo("unix");
            assertThat(roundTrip(a, b)).isEqualTo(new Messages.Pong(7));
            Path socket = Path.of(b.address().getSchemeSpecificPart());
            assertThat(socket).exists();
            b.close();
            assertThat(socket).doesNotExist();
        }
    }

    @Test
    void tlsWithASelfSignedCertificate() throws Exception {
        try (Cluster cluster = new Cluster()) {
            Node a = cluster.start("a", options -> options.withTransport(Transport.tls(context)));
            Node b = cluster.start("b", options -> options.withTransport(Transport.tls(context)));
            assertThat(b.address().getScheme()).isEqualTo("tls");
            assertThat(roundTrip(a, b)).isEqualTo(new Messages.Pong(7));
            assertThat(roundTrip(b, a)).isEqualTo(new Messages.Pong(7));
        }
    }

    @Test
    void aPlainTcpNodeCannotDialATlsNode() throws Exception {
        try (Cluster cluster = new Cluster()) {
            Node secure = cluster.start("secure", options -> options.withTransport(Transport.tls(context)));
            Node plain = cluster.start("plain");
            assertThat(plain.ping(secure.node())).isFalse();
        }
    }

    /** A PKCS12 key store with one self-signed key pair, made with keytool; trusted by itself. */
    static SSLContext selfSigned(Path directory) throws Exception {
        Path store = directory.resolve("node.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-J-XX:TieredStopAtLevel=1", "-J-Xshare:auto",
                "-genkeypair", "-alias", "node", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=troupe-test",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit",
                "-keypass", "changeit").redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("node", keys.getCertificate("node"));
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, "changeit".toCharArray());
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        return context;
    }
}
