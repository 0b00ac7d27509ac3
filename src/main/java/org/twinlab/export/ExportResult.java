package org.twinlab.export;

import java.nio.file.Path;
import java.util.List;

/** What an export wrote: the folder, the encoder, how many points, every file (relative), their bytes, the time taken. */
public record ExportResult(Path dir, String architecture, int step, int points, List<String> files, long bytes,
                           double seconds) {
}
