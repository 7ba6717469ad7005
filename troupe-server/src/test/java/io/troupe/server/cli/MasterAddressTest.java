package io.troupe.server.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MasterAddressTest {

    @Test
    void hostAndPortWithOptionalId() {
        assertThat(MasterAddress.parse("127.0.0.1:3005")).isEqualTo(new MasterAddress("master-server-1@127.0.0.1", "127.0.0.1", 3005));
        assertThat(MasterAddress.parse("m1@10.0.0.2:4000")).isEqualTo(new MasterAddress("m1@10.0.0.2", "10.0.0.2", 4000));
        assertThatThrownBy(() -> MasterAddress.parse("localhost")).hasMessageContaining("[id@]host:port");
        assertThatThrownBy(() -> MasterAddress.parse("localhost:x")).hasMessageContaining("[id@]host:port");
    }
}
