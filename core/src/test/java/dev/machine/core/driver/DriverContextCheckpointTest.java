package dev.machine.core.driver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.machine.core.Progress;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DriverContextCheckpointTest {
  @Test
  void theThreeArgumentContextSavesNothing() {
    DriverContext c = new DriverContext("dev", Path.of("/s"), Progress.SILENT);
    assertThat(c.checkpoint()).isSameAs(Checkpoint.NONE);
    assertThat(new DriverContext("dev", Path.of("/s"), Progress.SILENT, null).checkpoint()).isSameAs(Checkpoint.NONE);
    assertThat(c.machineDir()).isEqualTo(Path.of("/s/machines/dev"));
  }

  @Test
  void aDriverSavesThroughTheGivenCheckpoint() {
    AtomicInteger saves = new AtomicInteger();
    DriverContext c = new DriverContext("dev", Path.of("/s"), Progress.SILENT, saves::incrementAndGet);
    c.checkpoint().save();
    c.checkpoint().save();
    assertThat(saves).hasValue(2);
  }
}
