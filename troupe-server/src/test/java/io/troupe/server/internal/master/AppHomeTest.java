package io.troupe.server.internal.master;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppHomeTest {

    @Test
    void aDirectoryNamesItsAppClass(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("app.properties"), "# the app\napp = com.example.Game\n");
        AppHome home = AppHome.open(dir.toString(), "development");
        assertThat(home.appClass()).isEqualTo("com.example.Game");
        assertThat(home.extracted()).isFalse();
        assertThat(home.logDir()).isEqualTo(dir.toAbsolutePath().normalize().resolve("logs"));
        assertThatThrownBy(home::app).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not on the class path");
    }

    @Test
    void aClassWithoutAppMethodIsRefused(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("app.properties"), "app=java.lang.String\n");
        assertThatThrownBy(() -> AppHome.open(dir.toString(), "development").app())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("public static ServerApp app()");
    }

    @Test
    void missingPiecesAreNamed(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> AppHome.open(dir.resolve("absent").toString(), "development"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no app directory").hasMessageContaining("absent/app.properties");
        assertThatThrownBy(() -> AppHome.open(dir.toString(), "development"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing").hasMessageContaining("app.properties");
        Files.writeString(dir.resolve("app.properties"), "other=x\n");
        assertThatThrownBy(() -> AppHome.open(dir.toString(), "development"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no app=<class> line");
    }
}
