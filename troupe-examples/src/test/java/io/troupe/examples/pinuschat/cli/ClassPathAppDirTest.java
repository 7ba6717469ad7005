package io.troupe.examples.pinuschat.cli;

import io.troupe.examples.pinuschat.ChatApp;
import io.troupe.server.config.AppConfig;
import io.troupe.server.internal.master.AppHome;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code troupe start -d pinuschat} from a clean checkout: the app directory shipped as class-path resources. */
class ClassPathAppDirTest {

    @Test
    void pinuschatIsExtractedFromTheClassPath() {
        AppHome home = AppHome.open("pinuschat", "production");
        try {
            assertThat(home.extracted()).isTrue();
            assertThat(home.appClass()).isEqualTo(ChatApp.class.getName());
            assertThat(home.app()).isNotNull();
            AppConfig config = home.config("production");
            assertThat(config.allServers()).hasSize(7);
            assertThat(config.master().id()).isEqualTo("master-server-1");
            assertThat(home.config("development").allServers()).hasSize(3);
        } finally {
            home.discard();
        }
        assertThat(Files.exists(home.dir())).isFalse();
    }
}
